import type { checklist as vi } from '../vi/checklist';

/** English messages (checklist): every key of ../vi/checklist.ts, no other. */
export const checklist: Record<keyof typeof vi, string> = {
  'checklist.title': 'Check before issuing',
  'checklist.loading': 'Checking the plan…',
  'checklist.rows': 'Checklist per indicator',
  'checklist.missing': 'Missing targets: {missing}/{total} units ({units})',
  'checklist.andMore': 'and {count} more',
  'checklist.rowComplete': 'Targets for {total}/{total} units',
  'checklist.allComplete': 'Targets for {total}/{total} units, no errors or warnings.',
  'checklist.late': '{count} targets sub-assigned after the deadline',
  'checklist.problems': 'The plan is incomplete or has issues: review the list below before issuing.',
  'checklist.warning.NO_ROWS': 'The plan has no indicators yet.',
  'checklist.warning.NO_DOCUMENT_NUMBER': 'The document number is missing.',
  'checklist.warning.NO_DOCUMENT_DATE': 'The document date is missing.',
  'checklist.acknowledge': 'I have reviewed the list above',
  'checklist.issueAnyway': 'Issue anyway',
  'checklist.task.add': 'Add a task',
  'checklist.task.title': 'Add a task to the plan',
  'checklist.task.contentRequired': 'Enter what the task is',
  'checklist.task.added': 'The task is added.',
};
