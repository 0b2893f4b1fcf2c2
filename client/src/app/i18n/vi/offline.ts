/** Vietnamese messages (a reporter with no signal, issue #16). Same keys as ../en/offline.ts. */
export const offline = {
  'offline.banner': 'Không có mạng: đang hiển thị số liệu tải lần gần nhất. Số liệu bạn nhập được lưu trên máy và tự gửi khi có mạng.',
  'offline.queued': 'Chưa có mạng: đã lưu {count} số liệu trên máy, chưa gửi. Số liệu sẽ tự gửi khi có mạng.',
  'offline.sent': 'Đã gửi {count} số liệu nhập khi không có mạng.',
  'offline.notSent': 'Chưa gửi',
  'offline.notSentAt': 'Nhập lúc {at}, chưa gửi: sẽ tự gửi khi có mạng',
  'offline.listTitle': 'Số liệu chưa gửi ({count})',
  'offline.conflictTitle': 'Số liệu đã bị sửa trong lúc bạn không có mạng',
  'offline.current': 'Số hiện có trên hệ thống: {figure}',
  'offline.mine': 'Số bạn nhập: {figure}',
  'offline.keepMine': 'Giữ số của tôi',
  'offline.useCurrent': 'Dùng số hiện có',
  'offline.refusedTitle': 'Số liệu chưa gửi được',
  'offline.discard': 'Bỏ số liệu này',
  'offline.open': 'Mở',
  'offline.empty': 'trống',
} as const;
