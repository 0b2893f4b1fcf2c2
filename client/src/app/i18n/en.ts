/** English: the same keys as vi.ts, feature by feature (./en/<feature>.ts). */
import type { MessageKey } from './vi';
import { accounts } from './en/accounts';
import { cascade } from './en/cascade';
import { common } from './en/common';
import { documents } from './en/documents';
import { indicators } from './en/indicators';
import { plans } from './en/plans';
import { progress } from './en/progress';
import { results } from './en/results';
import { spreadsheets } from './en/spreadsheets';
import { units } from './en/units';
import { matrixSheet } from './en/sheet';
import { paste } from './en/paste';
import { checklist } from './en/checklist';
import { offices } from './en/offices';
import { reporting } from './en/reporting';
import { offline } from './en/offline';

export const en: Record<MessageKey, string> = {
  ...common,
  ...plans,
  ...cascade,
  ...results,
  ...progress,
  ...accounts,
  ...units,
  ...spreadsheets,
  ...documents,
  ...indicators,
  ...matrixSheet,
  ...paste,
  ...checklist,
  ...offices,
  ...reporting,
  ...offline,
};
