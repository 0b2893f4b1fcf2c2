// The reader lives in the domain package: the server's spreadsheet import reads numbers the same way.
export { parseDecimal } from '@chitieu/domain';
