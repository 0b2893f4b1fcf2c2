/**
 * The one catalogue of user-facing messages, read by the API, the REST routes, the CLI and the
 * SPA: each lookup renders a template of its table in the reader's language.
 */

import type { ErrorCode, ImportFileErrorCode, ImportIssueCode, IssueCode, Locale, MessageParams } from '../codes';
import { interpolate } from './format';
import { HTTP_MESSAGES, type HttpMessageKey } from './http';
import { IMPORT_MESSAGES, IMPORT_SHEET_NAMES } from './imports';
import { MESSAGES, VARIANTS, type LocalizedText } from './issues';
import { REASON_MESSAGES, type ReasonKey } from './reasons';
import { STORED_TEXTS, type StoredTextKey } from './stored';
import { DOCUMENT_TEXTS } from './documents';
import { NOTIFICATION_MESSAGES } from './notifications';
import type { NotificationKind } from '../offices';

/** Every table of the catalogue by name: its keys are codes or reason keys, its values vi/en templates. */
export const MESSAGE_CATALOGUES: Readonly<Record<string, Readonly<Record<string, LocalizedText>>>> = {
  issues: MESSAGES,
  variants: VARIANTS,
  imports: IMPORT_MESSAGES,
  sheets: IMPORT_SHEET_NAMES,
  reasons: REASON_MESSAGES,
  http: HTTP_MESSAGES,
  stored: STORED_TEXTS,
  documents: DOCUMENT_TEXTS,
  notifications: NOTIFICATION_MESSAGES,
};

function lookup(table: Readonly<Record<string, LocalizedText>>, key: string): LocalizedText | undefined {
  // Own keys only: "constructor" or "toString" from a request must not find Object's members.
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The message of an issue or error code in `locale` (unknown codes print as themselves). */
export function issueMessage(code: IssueCode | ErrorCode, params: MessageParams | null | undefined, locale: Locale): string {
  const variant = params && typeof params.field === 'string' ? lookup(VARIANTS, `${code}:${params.field}`) : undefined;
  const templates = variant ?? lookup(MESSAGES, code);
  if (!templates) return String(code);
  return interpolate(templates[locale] ?? templates.en, params ?? {}, locale);
}

/** The message of an import code, or of an API code an import reports. */
export function importMessage(code: ImportIssueCode | ImportFileErrorCode | IssueCode | ErrorCode, params: MessageParams | null | undefined, locale: Locale): string {
  const own = lookup(IMPORT_MESSAGES, code);
  if (own) return interpolate(own[locale] ?? own.en, params ?? {}, locale);
  return issueMessage(code as IssueCode | ErrorCode, params, locale);
}

export function isReasonKey(key: unknown): key is ReasonKey {
  return typeof key === 'string' && lookup(REASON_MESSAGES, key) !== undefined;
}

/**
 * A reason (params.reason of BAD_USER_INPUT, CONFLICT, a refused result) in `locale`; the key
 * itself when unknown. Its {name}s take the parameters as given — no number or date formatting,
 * a missing one prints empty — because a reason is spliced into the code's own message.
 */
export function reasonMessage(key: string, params: MessageParams | null | undefined, locale: Locale): string {
  const templates = lookup(REASON_MESSAGES, key);
  if (!templates) return key;
  return templates[locale].replace(/\{(\w+)\}/g, (_m, k: string) => String(params?.[k] ?? ''));
}

/** A message of the REST routes (HTTP_MESSAGES) in `locale`. */
export function httpMessage(key: HttpMessageKey, params: MessageParams | null | undefined, locale: Locale): string {
  const templates: LocalizedText = HTTP_MESSAGES[key];
  return interpolate(templates[locale], params ?? {}, locale);
}

/** A text written into a record (STORED_TEXTS); records are written in Vietnamese unless told. */
export function storedText(key: StoredTextKey, params: MessageParams | null | undefined, locale: Locale = 'vi'): string {
  const templates: LocalizedText = STORED_TEXTS[key];
  return interpolate(templates[locale], params ?? {}, locale);
}

/** A notification's text in `locale`, from its kind and the parameters its writer stored. */
export function notificationMessage(kind: NotificationKind | string, params: MessageParams | null | undefined, locale: Locale): string {
  const templates = lookup(NOTIFICATION_MESSAGES, kind);
  if (!templates) return String(kind);
  return interpolate(templates[locale] ?? templates.en, params ?? {}, locale);
}
