/**
 * Messages the REST routes (imports, exports, templates) answer with outside GraphQL, in
 * Vietnamese and English. Rendered by httpMessage (catalogue.ts).
 */

import type { LocalizedText } from './issues';

export const HTTP_MESSAGES = {
  // 401 of a REST route without a session.
  SIGN_IN_REQUIRED: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  // 400 of a cookie request without a preflight header (what Apollo's CSRF prevention refuses on /graphql).
  CSRF_REFUSED: {
    vi: 'Yêu cầu bị chặn vì có thể là giả mạo yêu cầu liên trang (CSRF): hãy gửi từ ứng dụng (kèm tiêu đề apollo-require-preflight).',
    en: 'This request was blocked as a possible cross-site request forgery: send it from the application (with the apollo-require-preflight header).',
  },
} satisfies Record<string, LocalizedText>;

export type HttpMessageKey = keyof typeof HTTP_MESSAGES;
