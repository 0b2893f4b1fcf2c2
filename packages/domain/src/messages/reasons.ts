/**
 * The reasons a request gives for BAD_USER_INPUT, CONFLICT or a refused result figure
 * (params.reason), said the way a user reads them: a fragment that fills {reason} of the code's
 * message (issues.ts). Rendered by reasonMessage (catalogue.ts).
 */

import type { LocalizedText } from './issues';

export const REASON_MESSAGES = {
  limit: { vi: 'mỗi trang tối đa {max} dòng', en: 'at most {max} rows a page' },
  offset: { vi: 'vị trí bắt đầu không được âm', en: 'the offset cannot be negative' },
  duplicateUnit: { vi: 'một đơn vị xuất hiện hơn một lần', en: 'a unit appears more than once' },
  passwordLength: { vi: 'mật khẩu phải có ít nhất {min} ký tự (không tính khoảng trắng)', en: 'the password needs at least {min} characters (not counting spaces)' },
  passwordBlank: { vi: 'mật khẩu không được chỉ gồm khoảng trắng', en: 'the password cannot be only spaces' },
  passwordTooLong: { vi: 'mật khẩu dài tối đa {max} ký tự', en: 'the password has at most {max} characters' },
  passwordCommon: {
    vi: 'mật khẩu này nằm trong danh sách 10.000 mật khẩu phổ biến nhất, rất dễ bị đoán; hãy chọn mật khẩu khác',
    en: 'this password is among the 10,000 most common ones and easy to guess; choose another',
  },
  username: { vi: 'tên đăng nhập gồm 3–64 chữ không dấu, số, dấu chấm hoặc gạch', en: 'a username has 3–64 letters, digits, dots or dashes' },
  unitId: { vi: 'đơn vị của tài khoản không phù hợp với vai trò', en: "the account's unit does not fit its role" },
  parentKind: { vi: 'loại đơn vị {kind} không thể trực thuộc {parentKind}', en: 'a {kind} cannot sit under {parentKind}' },
  name: { vi: 'tên không được để trống', en: 'the name cannot be empty' },
  code: { vi: 'mã đã được dùng: {code}', en: 'the code is taken: {code}' },
  usernameTaken: { vi: 'tên đăng nhập đã có người dùng: {username}', en: 'the username is taken: {username}' },
  indicatorCode: { vi: 'mã chỉ tiêu đã có trong danh mục: {code}', en: 'the catalogue already has the code {code}' },
  scoring: { vi: 'điểm của thang chấm phải từ 0 đến 100', en: 'scores of a rule go from 0 to 100' },
  floors: { vi: 'mức sàn không hợp lệ', en: 'invalid floors' },
  subAssignmentDeadline: { vi: 'hạn phân bổ không được trước ngày ban hành', en: 'the deadline cannot precede the document date' },
  alreadyIssued: { vi: 'kế hoạch đã được ban hành', en: 'the plan is already issued' },
  // Why a result figure is refused (checkResultValues).
  notANumber: { vi: 'không phải là số', en: 'not a number' },
  rateNeedsBoth: { vi: 'cần cả số hồ sơ trực tuyến (b) và tổng số hồ sơ (a)', en: 'both b and a are needed' },
  rateRange: { vi: 'b và a phải từ 0 đến 1.000.000.000.000 và b không được lớn hơn a', en: 'b and a go from 0 to 1,000,000,000,000 and b cannot exceed a' },
  valueMissing: { vi: 'thiếu giá trị', en: 'the value is missing' },
  valueRange: { vi: 'giá trị nằm ngoài giới hạn (điểm từ 0 đến 100, số lượng từ 0 đến 1.000.000.000.000)', en: 'out of range (scores 0 to 100, counts 0 to 1,000,000,000,000)' },
  // A number field of an input (IsFigure) or a variable that does not fit the schema, with the field named.
  figure: { vi: 'trường {field} phải là một số hữu hạn từ {min} đến {max}', en: '{field} must be a finite number from {min} to {max}' },
  variableType: { vi: 'giá trị của trường {field} không đúng kiểu dữ liệu', en: 'the value of {field} has the wrong type' },
  variableEnum: { vi: 'trường {field} không nhận giá trị {value}', en: '{field} does not take the value {value}' },
  variableUnknown: { vi: 'trường {field} không có trong dữ liệu được nhận', en: '{field} is not a field the input has' },
  variableMissing: { vi: 'thiếu trường bắt buộc {field}', en: 'the required field {field} is missing' },
  variableNotFinite: { vi: 'trường {field} phải là một số hữu hạn', en: '{field} must be a finite number' },
  // A query parameter an export needs (GET /export/…?plan=…).
  missingParameter: { vi: 'thiếu tham số {name}', en: 'missing {name}' },
  // Per-unit facts of a target (TargetValueInput.facts), the field named ("targets[2].facts").
  factLabel: { vi: 'trường {field} có cột "{label}" mà dòng chỉ tiêu không khai báo', en: '{field} has the column "{label}", which the row does not have' },
  duplicateFactLabel: { vi: 'trường {field} ghi cột "{label}" hơn một lần', en: '{field} gives the column "{label}" more than once' },
  // Plans as documents and catalogues (issue #13).
  measureInUse: {
    vi: 'không thể đổi loại đo lường của chỉ tiêu đã có chỉ tiêu giao hoặc kết quả ({targets} chỉ tiêu giao, {results} kết quả): các số liệu đó sẽ bị hiểu sai',
    en: 'the measure of an indicator with targets or results cannot change ({targets} targets, {results} results): they would be read wrongly',
  },
  headingPosition: { vi: 'số thứ tự mục "{position}" xuất hiện hơn một lần', en: 'the heading position "{position}" appears more than once' },
  indicatorNotVisible: {
    vi: 'đơn vị ban hành không dùng được chỉ tiêu {code} (thuộc danh mục riêng của đơn vị khác)',
    en: 'the issuer cannot use the indicator {code} (it belongs to another unit’s catalogue)',
  },
  planHasTargets: { vi: 'kế hoạch đã có chỉ tiêu giao: không thể đổi {field}', en: 'the plan already has targets: {field} cannot change' },
  title: { vi: 'tiêu đề không được để trống', en: 'the title cannot be empty' },
  required: { vi: 'trường {field} không được để trống', en: '{field} cannot be empty' },
  catalogueOwner: {
    vi: 'danh mục chỉ tiêu riêng chỉ thuộc về một tỉnh hoặc một đơn vị cấp huyện',
    en: 'an own catalogue belongs to a province or a district-level unit',
  },
  // Between offices (issue #15).
  planNotIssued: { vi: 'kế hoạch chưa được ban hành', en: 'the plan is not issued yet' },
  noTargetsInPlan: { vi: '{unit} không được giao chỉ tiêu nào trong kế hoạch này', en: '{unit} has no targets in this plan' },
  notOwnUnit: { vi: 'chỉ tài khoản của {unit} mới làm được việc này', en: 'only the accounts of {unit} can do this' },
  notAssigner: { vi: 'chỉ đơn vị giao chỉ tiêu cho {unit} mới quyết định được', en: 'only the unit that assigned the target of {unit} can decide' },
  adjustmentPending: { vi: 'chỉ tiêu này đang có một đề xuất điều chỉnh chờ quyết định', en: 'this target already has a proposal awaiting a decision' },
  adjustmentDecided: { vi: 'đề xuất này đã được quyết định', en: 'this proposal has already been decided' },
  adjustmentSameValue: { vi: 'giá trị đề xuất bằng chỉ tiêu đang giao', en: 'the proposed value equals the current target' },
  resultLocked: {
    vi: 'số liệu của {unit} kỳ {period} đã được duyệt và chốt; cần đơn vị duyệt trả lại trước khi sửa',
    en: 'the figure of {unit} for {period} is approved and locked; the approver must return it before it can change',
  },
  resultChangedMeanwhile: {
    vi: 'số liệu của {unit} kỳ {period} đã được người khác sửa sau khi bạn nhập; hãy xem số hiện có rồi chọn giữ số nào',
    en: 'the figure of {unit} for {period} was changed by someone else after you entered yours; look at it and choose which to keep',
  },
  resultMissing: { vi: 'chưa có số liệu của {unit} kỳ {period}', en: '{unit} has no figure for {period}' },
  resultNotSubmitted: { vi: 'số liệu của {unit} kỳ {period} chưa được gửi', en: 'the figure of {unit} for {period} has not been submitted' },
  resultAlreadySubmitted: { vi: 'số liệu của {unit} kỳ {period} đã được gửi', en: 'the figure of {unit} for {period} is already submitted' },
  resultAlreadyApproved: { vi: 'số liệu của {unit} kỳ {period} đã được duyệt', en: 'the figure of {unit} for {period} is already approved' },
  notApprover: { vi: 'chỉ đơn vị cấp trên của {unit} mới duyệt hoặc trả lại được số liệu của đơn vị này', en: 'only a unit above {unit} can approve or return its figures' },
  tooLong: { vi: 'trường {field} dài tối đa {max} ký tự', en: '{field} has at most {max} characters' },
  resultChanged: { vi: 'số liệu vừa được người khác xử lý; hãy tải lại rồi thử lại', en: 'the figure was just handled by someone else; reload and try again' },
  dueDay: { vi: 'số ngày hạn nộp từ 0 đến {max}', en: 'the due day goes from 0 to {max}' },
  planChanged: { vi: 'kế hoạch vừa được người khác sửa; hãy tải lại rồi sửa lại', en: 'the plan was just changed by someone else; reload and try again' },
  email: { vi: 'địa chỉ thư điện tử không hợp lệ (ví dụ: ten@donvi.gov.vn)', en: 'the email address is not valid (e.g. name@office.gov.vn)' },
} satisfies Record<string, LocalizedText>;

export type ReasonKey = keyof typeof REASON_MESSAGES;
