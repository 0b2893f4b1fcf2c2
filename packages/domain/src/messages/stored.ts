/**
 * Texts the server writes into records (a baseline's source note), in Vietnamese and English.
 * A record is written once, in the province's language (vi), whoever reads it later.
 */

import type { LocalizedText } from './issues';

export const STORED_TEXTS = {
  // The source of a baseline taken from last year's results.
  baselineFromResults: { vi: 'Kết quả năm {year}', en: 'Results of {year}' },
  // … when those results include figures of units merged away in a reform.
  baselineFromResultsWithPredecessors: {
    vi: 'Kết quả năm {year} (gồm số liệu của các đơn vị trước sắp xếp)',
    en: 'Results of {year} (including the figures of the units before the reorganisation)',
  },
} satisfies Record<string, LocalizedText>;

export type StoredTextKey = keyof typeof STORED_TEXTS;
