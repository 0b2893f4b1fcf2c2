/** @chitieu/domain — pure rules of Chỉ tiêu; see API.md. */
export * from './units';
export * from './figures';
export * from './periods';
export * from './cascade';
export * from './validation';
export * from './history';
export * from './numbers';
export * from './imports';
export * from './csv';
