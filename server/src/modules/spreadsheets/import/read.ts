/**
 * Stage 1, read: the file's data lines, read in a worker thread under the read limits
 * (read-worker.ts, import-read.ts); a file that is no spreadsheet, has no header or is past a
 * limit is refused whole (400, 413, 422).
 */
import type { Locale } from '@chitieu/domain';
import type { Indicator } from '../../indicators/indicator.entity';
import type { Plan } from '../../plans/plan.entity';
import type { HeaderSpec, ParsedLine } from '../import-parse';
import { readImportLinesInWorker } from '../read-worker';
import { SheetFileError } from '../sheets';
import { ImportRequestError, maxImportLines, type ImportRequest } from './request';

/** What the header recognition needs: the kind, the indicator's measure and labels, the plan's year. */
export function headerSpec(kind: ImportRequest['kind'], plan: Pick<Plan, 'year'>, indicator: Pick<Indicator, 'measure' | 'numeratorLabel' | 'denominatorLabel'>): HeaderSpec {
  return {
    kind,
    measure: indicator.measure,
    year: plan.year,
    numeratorLabel: indicator.numeratorLabel,
    denominatorLabel: indicator.denominatorLabel,
  };
}

export async function readLines(req: Pick<ImportRequest, 'kind' | 'bytes' | 'fileName' | 'period'>, spec: HeaderSpec, locale: Locale): Promise<ParsedLine[]> {
  let lines: ParsedLine[];
  try {
    lines = await readImportLinesInWorker({ bytes: req.bytes, fileName: req.fileName, spec, locale, maxLines: maxImportLines(req.kind) });
  } catch (err) {
    if (err instanceof SheetFileError) throw new ImportRequestError(err.status, err.code, err.params);
    throw err;
  }
  // Results need a period: the request's, or one on every line.
  if (req.kind === 'results' && !req.period && lines.some((l) => !l.period)) {
    throw new ImportRequestError(400, 'MISSING_PARAMETER', { names: 'period' });
  }
  return lines;
}
