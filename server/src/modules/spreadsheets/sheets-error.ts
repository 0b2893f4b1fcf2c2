import type { ImportFileErrorCode, MessageParams } from '@chitieu/domain';

/**
 * A file that cannot (or will not) be read as a spreadsheet; `code` and `params` say why, for a
 * translated message, `status` how HTTP answers it: 400 not a spreadsheet, 413 past a read limit,
 * 422 a suspicious archive.
 */
export class SheetFileError extends Error {
  constructor(
    message: string,
    readonly code: ImportFileErrorCode = 'FILE_NOT_SPREADSHEET',
    readonly status: 400 | 413 | 422 = 400,
    readonly params: MessageParams = {},
  ) {
    super(message);
  }
}
