import type { progress as vi } from '../vi/progress';

/** English messages for progress tracking: every key of ../vi/progress.ts, no other. */
export const progress: Record<keyof typeof vi, string> = {
  'progress.fromPredecessors': 'Part of this period was recorded against the units merged into this one.',
  'progress.fromPredecessorsShort': 'merged',

  'progress.title': 'Progress',
  'progress.period': 'Period',
  'progress.periodYear': 'Whole year',
  'progress.periodQuarter': 'Quarter {q}',
  'progress.periodMonth': 'Month {m}',
  'progress.col.target': 'Target',
  'progress.col.b': 'b (met)',
  'progress.col.a': 'a (total)',
  'progress.col.value': 'Result',
  'progress.col.status': 'Status',
  'progress.col.gap': 'Gap (points)',
  'progress.col.rank': 'Rank',
  'progress.belowHardMinimum': 'Below the hard minimum',
  'progress.drill': 'Click a unit’s name (or Tab to it and press Enter) to drill down.',
  'progress.drillInto': 'Drill down into {unit}',
  'progress.up': 'Up one level',
  'progress.export': 'Export CSV',
  'progress.chart': 'Results of the units below against the target',
  'progress.chartTarget': 'Target',
  'progress.chartValue': 'Result',
  'progress.noChildren': 'This unit has no units below it.',
  'progress.pickFirst': 'Pick a plan and an indicator to see progress.',
  'progress.chartEmpty': 'No unit below has data to chart yet.',
  'progress.csvFile': 'progress',
};
