/**
 * Đắk Lắk, Quyết định giao chỉ tiêu năm 2022, Phụ lục: the online-rate targets (tỷ lệ hồ sơ
 * TTHC tiếp nhận, giải quyết trực tuyến). Copied from the shared fixture
 * daklak-2022-target-decision.json so the package's tests stand alone.
 * baseline2021: actual online rate 2021 from iGate (%), null = no dossier arose.
 * target2022: the target the province set (%).
 */
export interface Daklak2022Row {
  name: string;
  group: 'AGENCY' | 'DISTRICT';
  baseline2021: number | null;
  target2022: number;
}

export const DAKLAK_2022_ONLINE_RATE: readonly Daklak2022Row[] = [
  { name: 'Sở Công Thương', group: 'AGENCY', baseline2021: 99.96, target2022: 99 },
  { name: 'Sở Giao thông vận tải', group: 'AGENCY', baseline2021: 37.15, target2022: 50 },
  { name: 'Sở Giáo dục và Đào tạo', group: 'AGENCY', baseline2021: 95.33, target2022: 97 },
  { name: 'Sở Khoa học và Công nghệ', group: 'AGENCY', baseline2021: 86.67, target2022: 88 },
  { name: 'Sở Kế hoạch và Đầu tư', group: 'AGENCY', baseline2021: 97, target2022: 98 },
  { name: 'Sở Lao động, Thương binh và Xã hội', group: 'AGENCY', baseline2021: 92.23, target2022: 94 },
  { name: 'Sở Ngoại vụ', group: 'AGENCY', baseline2021: 100, target2022: 99 },
  { name: 'Sở Nông nghiệp và Phát triển nông thôn', group: 'AGENCY', baseline2021: 100, target2022: 99 },
  { name: 'Sở Nội vụ', group: 'AGENCY', baseline2021: 92.57, target2022: 87 },
  { name: 'Sở Thông tin và Truyền thông', group: 'AGENCY', baseline2021: 97.4, target2022: 98 },
  { name: 'Sở Tài chính', group: 'AGENCY', baseline2021: 100, target2022: 99 },
  { name: 'Sở Tài nguyên và Môi trường', group: 'AGENCY', baseline2021: 0.66, target2022: 50 },
  { name: 'Sở Tư pháp', group: 'AGENCY', baseline2021: 53.59, target2022: 55 },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', group: 'AGENCY', baseline2021: 100, target2022: 99 },
  { name: 'Sở Xây dựng', group: 'AGENCY', baseline2021: 66.67, target2022: 68 },
  { name: 'Sở Y tế', group: 'AGENCY', baseline2021: 98.06, target2022: 98 },
  { name: 'Ban Quản lý các Khu công nghiệp tỉnh', group: 'AGENCY', baseline2021: null, target2022: 50 },
  { name: 'Công an tỉnh', group: 'AGENCY', baseline2021: 99.94, target2022: 99 },
  { name: 'UBND thành phố Buôn Ma Thuột', group: 'DISTRICT', baseline2021: 78.39, target2022: 79 },
  { name: 'UBND thị xã Buôn Hồ', group: 'DISTRICT', baseline2021: 43.41, target2022: 45 },
  { name: 'UBND huyện Krông Ana', group: 'DISTRICT', baseline2021: 51.04, target2022: 53 },
  { name: 'UBND huyện Krông Bông', group: 'DISTRICT', baseline2021: 0.02, target2022: 40 },
  { name: 'UBND huyện Krông Pắc', group: 'DISTRICT', baseline2021: 86.43, target2022: 88 },
  { name: 'UBND huyện Krông Búk', group: 'DISTRICT', baseline2021: 2.39, target2022: 40 },
  { name: 'UBND huyện Krông Năng', group: 'DISTRICT', baseline2021: 66.03, target2022: 68 },
  { name: "UBND huyện Ea H'leo", group: 'DISTRICT', baseline2021: 31.81, target2022: 40 },
  { name: 'UBND huyện Ea Kar', group: 'DISTRICT', baseline2021: 17.18, target2022: 40 },
  { name: 'UBND huyện Ea Súp', group: 'DISTRICT', baseline2021: 21.82, target2022: 40 },
  { name: 'UBND huyện Cư Kuin', group: 'DISTRICT', baseline2021: 1.19, target2022: 40 },
  { name: "UBND huyện Cư M'gar", group: 'DISTRICT', baseline2021: 89.21, target2022: 91 },
  { name: "UBND huyện M'Drắk", group: 'DISTRICT', baseline2021: 0.03, target2022: 40 },
  { name: 'UBND huyện Buôn Đôn', group: 'DISTRICT', baseline2021: 5, target2022: 40 },
  { name: 'UBND huyện Lắk', group: 'DISTRICT', baseline2021: 0.57, target2022: 40 },
];
