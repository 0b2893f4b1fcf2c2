/** @chitieu/domain — pure rules of Chỉ tiêu; see API.md. */
export * from './units';
export * from './figures';
export * from './plan-rows';
export * from './periods';
export * from './cascade';
export * from './floors';
export * from './validation';
export * from './codes';
export * from './errors';
// The catalogue of messages: its lookups, and its tables by name.
export * from './messages/catalogue';
export { formatNumber, interpolate } from './messages/format';
export { MESSAGES, type LocalizedText } from './messages/issues';
export { IMPORT_MESSAGES, IMPORT_SHEET_NAMES } from './messages/imports';
export { REASON_MESSAGES, type ReasonKey } from './messages/reasons';
export { HTTP_MESSAGES, type HttpMessageKey } from './messages/http';
export { STORED_TEXTS, type StoredTextKey } from './messages/stored';
export * from './history';
export * from './numbers';
export * from './imports';
export * from './csv';
export * from './responsible';
export { DOCUMENT_TEXTS, documentText, type DocumentTextKey } from './messages/documents';
export * from './facts';
