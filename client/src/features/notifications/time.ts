const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "5 phút trước", "2 giờ trước"; null under a minute (the caller says "vừa xong") or past a week (the date says it better). */
export function relativeTime(iso: string, intlLocale: string, now = Date.now()): string | null {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (seconds < 60 || seconds >= 7 * 86_400) return null;
  const [unit, size] = UNITS.find(([, s]) => seconds >= s)!;
  return new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' }).format(-Math.floor(seconds / size), unit);
}
