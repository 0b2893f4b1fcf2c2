/**
 * Messages of the codes only a spreadsheet import raises (codes.ts), in Vietnamese and English.
 * An import reports the API's own codes too (issues.ts); importMessage (catalogue.ts) reads both.
 */

import type { ImportFileErrorCode, ImportIssueCode } from '../codes';
import type { ImportKind, ImportMappingErrorCode } from '../imports';
import { MESSAGES, type LocalizedText } from './issues';

export const IMPORT_MESSAGES: Readonly<Record<ImportIssueCode | ImportFileErrorCode | ImportMappingErrorCode, LocalizedText>> = {
  UNIT_NOT_FOUND: {
    vi: 'Không tìm thấy đơn vị “{name}” trong kế hoạch[ (mã {code})]',
    en: 'No unit “{name}” in the plan[ (code {code})]',
  },
  UNIT_AMBIGUOUS: {
    vi: 'Tên “{name}” khớp với nhiều đơn vị ({candidates}); ghi rõ loại đơn vị hoặc thêm cột mã',
    en: '“{name}” matches several units ({candidates}); write the kind of unit or add a code column',
  },
  UNIT_KIND_DIFFERS: {
    vi: '“{name}” không khớp với đơn vị nào cùng loại (đơn vị gần nhất là {unitName}, khác loại đơn vị); sửa tên hoặc thêm cột mã',
    en: '“{name}” matches no unit of its kind (the nearest, {unitName}, is of another kind); correct the name or add a code column',
  },
  BAD_NUMBER: {
    vi: 'Cột “{column}”: “{text}” không phải là số',
    en: 'Column “{column}”: “{text}” is not a number',
  },
  MISSING_VALUE: {
    vi: 'Thiếu giá trị ở cột “{column}”',
    en: 'Column “{column}” is empty',
  },
  NO_VALUE: {
    vi: 'Dòng không có số liệu; bỏ qua',
    en: 'No figures on this line; skipped',
  },
  DUPLICATE_ROW: {
    vi: 'Đơn vị này đã có ở dòng {firstLine}',
    en: 'This unit already appears on line {firstLine}',
  },
  NO_TARGET: {
    vi: 'Đơn vị chưa được giao chỉ tiêu này trong kế hoạch; hãy giao chỉ tiêu trước hoặc nhập chỉ tiêu kèm cột kết quả năm trước',
    en: 'The unit has no target for this indicator in the plan yet; assign targets first, or import targets with a baseline column',
  },
  RESULT_OUT_OF_RANGE: {
    vi: 'Số liệu không hợp lệ: {reason}',
    en: 'Invalid figures: {reason}',
  },
  // A period cell an import cannot read says what the API says of a bad period argument.
  BAD_PERIOD: MESSAGES.INVALID_PERIOD,
  FILE_MISSING: {
    vi: 'Chưa có tệp: gửi tệp XLSX hoặc CSV trong trường “file”',
    en: 'No file: send an XLSX or CSV file in the “file” field',
  },
  FILE_TOO_LARGE: {
    vi: 'Tệp quá lớn (tối đa {maxMb} MB)',
    en: 'The file is too large (at most {maxMb} MB)',
  },
  FILE_NOT_SPREADSHEET: {
    vi: 'Tệp không phải bảng tính XLSX hoặc CSV',
    en: 'The file is not an XLSX or CSV spreadsheet',
  },
  FILE_OLD_XLS: {
    vi: 'Không đọc được tệp .xls (Excel 97–2003); hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8',
    en: 'Old .xls workbooks are not read; save it as .xlsx or CSV UTF-8',
  },
  FILE_NOT_UTF8: {
    vi: 'Tệp CSV không ở mã UTF-8; hãy lưu dưới dạng “CSV UTF-8” hoặc .xlsx',
    en: 'The CSV file is not UTF-8; save it as “CSV UTF-8” or as .xlsx',
  },
  FILE_NO_HEADER: {
    vi: 'Không tìm thấy dòng tiêu đề trong 15 dòng đầu; cần các cột: {expected}',
    en: 'No header row in the first 15 lines; expected the columns {expected}',
  },
  FILE_TOO_MANY_ROWS: {
    vi: 'Tệp có {rows} dòng số liệu; mỗi lần nhập tối đa {max} dòng',
    en: 'The file has {rows} data lines; one import takes at most {max}',
  },
  FILE_ROWS_OVER_LIMIT: {
    vi: 'Tệp có hơn {max} dòng, vượt giới hạn đọc; hãy chia thành các tệp nhỏ hơn',
    en: 'The file has more than {max} lines, over the reading limit; split it into smaller files',
  },
  FILE_TOO_MANY_COLUMNS: {
    vi: 'Dòng {line} có hơn {max} cột; hãy chỉ giữ các cột của biểu mẫu',
    en: 'Line {line} has more than {max} columns; keep only the columns of the template',
  },
  FILE_CELL_TOO_LONG: {
    vi: 'Dòng {line} có ô dài hơn {max} ký tự',
    en: 'Line {line} has a cell longer than {max} characters',
  },
  FILE_ARCHIVE_TOO_LARGE: {
    vi: 'Tệp XLSX khi giải nén lớn hơn {maxMb} MB; hãy bỏ hình ảnh, các trang tính thừa hoặc chia nhỏ tệp',
    en: 'The XLSX file inflates to more than {maxMb} MB; remove pictures and extra sheets, or split it',
  },
  FILE_ARCHIVE_SUSPICIOUS: {
    vi: 'Tệp XLSX có cấu trúc bất thường (nén quá mức, quá nhiều thành phần hoặc kích thước khai báo sai) nên không được đọc; hãy mở bằng Excel và lưu lại',
    en: 'The XLSX file has an abnormal structure (over-compressed, too many parts or false sizes) and was not read; open it in Excel and save it again',
  },
  FILE_TOO_COMPLEX: {
    vi: 'Không đọc xong tệp trong thời gian và bộ nhớ cho phép; hãy chia thành các tệp nhỏ hơn',
    en: 'The file could not be read within the allowed time and memory; split it into smaller files',
  },
  UNKNOWN_KIND: {
    vi: 'Loại dữ liệu “{kind}” không có; chọn baselines, targets hoặc results',
    en: 'Unknown import “{kind}”; use baselines, targets or results',
  },
  MISSING_PARAMETER: {
    vi: 'Thiếu tham số: {names}',
    en: 'Missing parameter: {names}',
  },
  AMBIGUOUS_COLUMNS: {
    vi: 'Tệp có nhiều cột có thể là “{role}” ({columns}) và không cột nào ghi rõ chỉ tiêu “{indicator}”; hãy chọn cột ở bước ghép cột',
    en: 'Several columns could be the “{role}” ({columns}) and none names the indicator “{indicator}”; choose the column in the mapping step',
  },
  MAPPING_INVALID: {
    vi: 'Bảng ghép cột không hợp lệ: {reason}',
    en: 'The column mapping is not valid: {reason}',
  },
  MAPPING_NO_INDICATOR: {
    vi: 'Cột {column} chứa số liệu nhưng chưa chọn chỉ tiêu',
    en: 'Column {column} holds figures but no indicator is chosen for it',
  },
  MAPPING_MISSING_ROLE: {
    vi: 'Thiếu cột “{role}”[ cho chỉ tiêu “{indicator}”]',
    en: 'No “{role}” column[ for the indicator “{indicator}”]',
  },
  NO_UNIT_COLUMN: {
    vi: 'Tệp không có cột đơn vị (tên hoặc mã đơn vị) và cột số liệu nên không nhập được; tệp danh mục chỉ tiêu không phải tệp số liệu của đơn vị',
    en: 'The file has no unit column (unit name or code) with figures, so it cannot be imported; an indicator list is not a file of unit figures',
  },
};

/** The sheet of an import template, named in the reader's language. */
export const IMPORT_SHEET_NAMES: Readonly<Record<ImportKind, LocalizedText>> = {
  baselines: { vi: 'Kết quả năm trước', en: 'Baselines' },
  targets: { vi: 'Chỉ tiêu', en: 'Targets' },
  results: { vi: 'Kết quả thực hiện', en: 'Results' },
};
