import { foldVietnamese } from '@chitieu/domain';

/**
 * A Select's search order: options whose label starts with what was typed come first, the rest
 * keep their order ("xã" puts Xã before Thị xã). Case and diacritics ignored.
 */
export function startsFirst(a: unknown, b: unknown, typed: string): number {
  const q = foldVietnamese(typed);
  const later = (label: unknown) => Number(!foldVietnamese(String(label ?? '')).startsWith(q));
  return later(a) - later(b);
}
