/**
 * Stage 1, read: the file's data lines, read in a worker thread under the read limits
 * (read-worker.ts, import-read.ts); a file that is no spreadsheet, has no header or is past a
 * limit is refused whole (400, 413, 422).
 */
import type { Locale } from '@chitieu/domain';
import type { Indicator } from '../../indicators/indicator.entity';
import type { Plan } from '../../plans/plan.entity';
import type { IndicatorNames } from '../import-columns';
import type { HeaderSpec, ParsedLine } from '../import-parse';
import type { MappedRead } from '../import-read';
import { readImportLinesInWorker } from '../read-worker';
import { SheetFileError } from '../sheets';
import { ImportRequestError, maxImportLines, type ImportRequest } from './request';

type Named = Pick<Indicator, 'id' | 'code' | 'name'>;
const names = (i: Named): IndicatorNames => ({ id: String(i.id), code: i.code, name: i.name });

/**
 * What the header recognition needs: the kind, the indicator's measure and labels, the plan's
 * year, and the plan's other indicators (a column naming one of them is not this indicator's).
 */
export function headerSpec(
  kind: ImportRequest['kind'],
  plan: Pick<Plan, 'year'>,
  indicator: Pick<Indicator, 'measure' | 'numeratorLabel' | 'denominatorLabel'> & Partial<Named>,
  others: readonly Named[] = [],
): HeaderSpec {
  return {
    kind,
    measure: indicator.measure,
    year: plan.year,
    numeratorLabel: indicator.numeratorLabel,
    denominatorLabel: indicator.denominatorLabel,
    ...(indicator.id !== undefined ? { indicator: names(indicator as Named), others: others.filter((o) => o.id !== indicator.id).map(names) } : {}),
  };
}

export async function readLines(
  req: Pick<ImportRequest, 'kind' | 'bytes' | 'fileName' | 'period'>,
  spec: HeaderSpec,
  locale: Locale,
  how: { mapped?: MappedRead; inspect?: boolean } = {},
): Promise<ParsedLine[]> {
  let lines: ParsedLine[];
  try {
    lines = await readImportLinesInWorker({ bytes: req.bytes, fileName: req.fileName, spec, locale, maxLines: maxImportLines(req.kind), ...how });
  } catch (err) {
    if (err instanceof SheetFileError) throw new ImportRequestError(err.status, err.code, err.params);
    throw err;
  }
  // Results need a period: the request's, or one on every line.
  if (!how.inspect && req.kind === 'results' && !req.period && lines.some((l) => !l.period)) {
    throw new ImportRequestError(400, 'MISSING_PARAMETER', { names: 'period' });
  }
  return lines;
}
