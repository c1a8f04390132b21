/** `2026-11-30T04:43:10.123Z` → `20261130T044310Z`: ISO 8601 basic format, safe in file names. */
export function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The inverse of compactTimestamp, as an ISO string; null for anything else. */
export function isoFromCompactTimestamp(stamp: string): string | null {
  const match = COMPACT.exec(stamp);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`);
  return Number.isNaN(date.getTime()) || compactTimestamp(date) !== stamp ? null : date.toISOString();
}
