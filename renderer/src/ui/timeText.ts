/**
 * Times of day as the person reads and types them, the same in both languages and whatever the
 * OS's locale (Chromium's `<input type=time>` shows `09:00 AM` on an English OS in the Japanese
 * UI, and cannot hold 24:00): shown on the 24-hour clock as the SLA document writes them (`9:00`,
 * `18:30`, `24:00`); read from `9`, `9:00`, `0930`, `9.30`, `18時30分`, `9時半`, `午後6時`, `6pm`,
 * `6:30 p.m.`, full-width digits included. Values are minutes since midnight, 0–1440.
 */

export const MINUTES_PER_DAY = 24 * 60;

export type ParsedTimeText = { kind: 'empty' } | { kind: 'ok'; minutes: number } | { kind: 'unreadable' } | { kind: 'outOfRange' };

const CLOCK = /^(午前|午後)?(\d{1,2})(?:(?::|\.|時)(\d{1,2}|半)?分?)?(am|pm|a\.m\.?|p\.m\.?)?$/;
const DIGITS = /^(\d{1,2})(\d{2})$/;

/** What `text` says as a time of day: minutes since midnight (0–1440), or why it is not one. */
export function parseTimeText(text: string): ParsedTimeText {
  const compact = text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (compact === '') return { kind: 'empty' };
  const digits = DIGITS.exec(compact);
  if (digits) return clock(Number(digits[1]), Number(digits[2]), null);
  const match = CLOCK.exec(compact);
  if (!match) return { kind: 'unreadable' };
  const [, japanese, hours, minutes, english] = match;
  const half = japanese === '午前' || english?.startsWith('a') ? 'am' : japanese === '午後' || english?.startsWith('p') ? 'pm' : null;
  if (japanese && english) return { kind: 'unreadable' };
  // 午前12時 and 午後12時 are read both ways in Japanese (午後12時 is noon by the old law and
  // midnight in everyday use): not guessed, the person is asked for 0:00, 12:00 or 24:00.
  if (japanese && Number(hours) === 12) return { kind: 'unreadable' };
  return clock(Number(hours), minutes === '半' ? 30 : minutes === undefined ? 0 : minutes.length === 2 || compact.includes('時') ? Number(minutes) : Number.NaN, half);
}

function clock(hours: number, minutes: number, half: 'am' | 'pm' | null): ParsedTimeText {
  if (!Number.isInteger(minutes)) return { kind: 'unreadable' };
  if (minutes > 59) return { kind: 'outOfRange' };
  if (half !== null) {
    // 12 am is midnight, 12 pm noon (English usage); 午前0時 is midnight, 午後0時 noon.
    if (hours > 12) return { kind: 'outOfRange' };
    const base = hours % 12;
    return { kind: 'ok', minutes: (half === 'pm' ? base + 12 : base) * 60 + minutes };
  }
  const total = hours * 60 + minutes;
  return total > MINUTES_PER_DAY ? { kind: 'outOfRange' } : { kind: 'ok', minutes: total };
}

/** `9:00`, `18:30`, `24:00`: the 24-hour clock, as the SLA document writes times. */
export function formatTimeText(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
