/**
 * The mapping step's detection (POST /import/{kind}/columns): each header cell's role as the
 * header recognition reads it, and for figure columns the plan indicator the header names —
 * null when unsure (the user chooses). A year before the plan's in a rate's header is last
 * year's result: the baseline.
 */
import { FIGURE_ROLES, type ImportColumn, type ImportColumnRole, type ImportColumns } from '@chitieu/domain';
import type { Indicator } from '../../indicators/indicator.entity';
import { indicatorOfHeader, KIND_ROLES } from '../import-columns';
import { classifyHeader, isPeriodResult, type HeaderSpec, type ParsedLine } from '../import-parse';

/** Sample values shown per column. */
const SAMPLES = 3;

export function detectColumns(
  head: ParsedLine,
  samples: readonly ParsedLine[],
  spec: HeaderSpec,
  plan: readonly Pick<Indicator, 'id' | 'code' | 'name' | 'measure'>[],
): ImportColumns {
  const indicators = plan.map((i) => ({ id: String(i.id), code: i.code, name: i.name, measure: i.measure }));
  const allowed = KIND_ROLES[spec.kind];
  const labels = head.cells ?? [];
  const seen = new Set<ImportColumnRole>();
  const columns = labels.map((label, index): ImportColumn => {
    let role: ImportColumnRole = (classifyHeader(label, spec) as ImportColumnRole | null) ?? 'ignore';
    if (!allowed.includes(role) || (role === 'baseline' && isPeriodResult(label, labels, spec))) role = 'ignore';
    const figure = FIGURE_ROLES.includes(role);
    // A second unit column of the same role is shown as ignored: one name, one code column.
    if (!figure && role !== 'ignore') {
      if (seen.has(role)) role = 'ignore';
      seen.add(role);
    }
    const indicatorId = figure ? (indicatorOfHeader(label, indicators) ?? (indicators.length === 1 ? indicators[0].id : null)) : null;
    const values = samples.map((s) => s.cells?.[index] ?? '').filter((v) => v !== '');
    return { index, label, role, indicatorId, samples: values.slice(0, SAMPLES) };
  });
  return { headerLine: head.line, columns, indicators };
}
