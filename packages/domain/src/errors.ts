/** The failure every domain rule and service throws: a code of codes.ts with its parameters. */

import type { ErrorCode, IssueCode, Locale } from './codes';
import { issueMessage } from './messages/catalogue';

/** A domain failure with a code; `message` is the English text, `messageIn` any locale. */
export class DomainError extends Error {
  readonly code: ErrorCode | IssueCode;
  readonly params: Record<string, string | number | null>;

  constructor(code: ErrorCode | IssueCode, params: Record<string, string | number | null> = {}) {
    super(issueMessage(code, params, 'en'));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }

  messageIn(locale: Locale): string {
    return issueMessage(this.code, this.params, locale);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
