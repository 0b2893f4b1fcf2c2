/**
 * What an import request is, and how it is refused as a whole: the first thing every stage of
 * the pipeline (read → match → check → write → outcome) may rely on.
 */
import type { ImportColumnMapping, ImportFileErrorCode, ImportKind, ImportMappingErrorCode, MessageParams } from '@chitieu/domain';
import { MAX_ROWS } from '../../targets/targets.inputs';
import { MAX_SHEET_ROWS } from '../read-limits';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Lines one import takes: targets and baselines as many as one setTargets (MAX_ROWS); results as
 * many as a sheet may hold (a province's communes × a year's periods), written in batches.
 */
export function maxImportLines(kind: ImportKind): number {
  return kind === 'results' ? MAX_SHEET_ROWS : MAX_ROWS;
}

/** A request the import refuses as a whole (4xx): bad file, missing parameter. */
export class ImportRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ImportFileErrorCode | ImportMappingErrorCode | 'FORBIDDEN',
    readonly params: MessageParams = {},
  ) {
    super(code);
  }
}

export interface ImportRequest {
  kind: ImportKind;
  planId: string;
  /** The indicator of every figure column; with a mapping, the one of the columns that name none. */
  indicatorId: string | null;
  /** The mapping step's choice of columns; without it the header is recognised. */
  mapping?: ImportColumnMapping | null;
  period: string | null;
  dryRun: boolean;
  skipInvalid: boolean;
  fileName: string;
  bytes: Buffer;
}
