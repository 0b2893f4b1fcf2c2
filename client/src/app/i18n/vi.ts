/**
 * Vietnamese, the default language. Every user-facing string lives in ./vi/<feature>.ts and the
 * matching ./en/<feature>.ts (same keys, checked by the types and by i18n.spec.ts).
 */
import { accounts } from './vi/accounts';
import { cascade } from './vi/cascade';
import { common } from './vi/common';
import { documents } from './vi/documents';
import { indicators } from './vi/indicators';
import { plans } from './vi/plans';
import { progress } from './vi/progress';
import { results } from './vi/results';
import { spreadsheets } from './vi/spreadsheets';
import { units } from './vi/units';
import { matrixSheet } from './vi/sheet';
import { paste } from './vi/paste';
import { checklist } from './vi/checklist';
import { offices } from './vi/offices';
import { reporting } from './vi/reporting';
import { offline } from './vi/offline';

export const vi = {
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
} as const;

export type MessageKey = keyof typeof vi;
