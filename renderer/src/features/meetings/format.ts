import type { TFunction } from 'i18next';
import { parseMinutes, textProblem } from '@shared/meetings/agenda';
import { isCalendarDate } from '@shared/meetings/cadence';
import { fitWithin } from '@shared/fitText';
import { MAX_ITEM_MINUTES, MAX_MEETING_TITLE } from '@shared/meetings/records';
import type { Member } from '@shared/records/member';
import { StorageFullError } from '../../db/errors';
import { errorMessage } from '../../db/errors';
import type { Parsed } from '../../ui/DraftField';

/** A calendar date (YYYY-MM-DD) shown as that day wherever the reader is. */
export function formatDay(date: string, language: string, style: 'medium' | 'long' | 'full' = 'medium'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** A KPI period (YYYY-MM) as "October 2026" / "2026年10月". */
export function formatPeriod(period: string, language: string): string {
  if (!/^\d{4}-\d{2}$/.test(period)) return period;
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return Number.isFinite(value) ? new Intl.NumberFormat(language, options).format(value) : '—';
}

export function memberName(t: TFunction, members: readonly Member[], id: string | null): string {
  if (id === null) return t('meetings.meeting.noOwner');
  return members.find((member) => member.id === id)?.name ?? t('meetings.meeting.unknownMember');
}

/**
 * A planned meeting's title: the series' name and the date, within the title's limit (a series
 * name of up to 200 characters is shortened with “…” so the date still fits; planning refused the
 * longer title with the schema's raw error).
 */
export function meetingTitle(t: TFunction, seriesName: string, date: string): string {
  return fitWithin(MAX_MEETING_TITLE, seriesName, (series) => t('meetings.meetingTitle', { series, date }));
}

/** Members in a stable order: department, then name (as on the workspace page). */
export function sortMembers(members: readonly Member[], language: string): Member[] {
  const collator = new Intl.Collator(language);
  return [...members].sort((a, b) => collator.compare(a.department, b.department) || collator.compare(a.name, b.name));
}

/** A save failure as the person reads it (a full disk says what to do). */
export function saveError(t: TFunction, error: unknown): string {
  if (error instanceof StorageFullError) return t('meetings.errors.storageFull');
  return t('meetings.errors.failed', { message: errorMessage(error) });
}

/** Text typed into `field`: trimmed, or the message saying it is empty or longer than `max`. */
export function parseText(t: TFunction, text: string, field: string, max: number): Parsed<string> {
  const problem = textProblem(text, max);
  return problem ? { ok: false, error: t(`meetings.errors.${problem}`, { field, max }) } : { ok: true, value: text.trim() };
}

/** An agenda item's minutes as typed: a whole number 1–MAX_ITEM_MINUTES, or what is wrong. */
export function parseItemMinutes(t: TFunction, text: string): Parsed<number> {
  const parsed = parseMinutes(text);
  if ('minutes' in parsed) return { ok: true, value: parsed.minutes };
  return { ok: false, error: parsed.problem === 'notWhole' ? t('meetings.errors.minutesNotWhole') : t('meetings.errors.minutesOutOfRange', { max: MAX_ITEM_MINUTES }) };
}

/** A calendar date (YYYY-MM-DD) from a date input named `field`, or the message that it is not one. */
export function parseDate(t: TFunction, text: string, field: string): Parsed<string> {
  return isCalendarDate(text) ? { ok: true, value: text } : { ok: false, error: t('meetings.errors.badDate', { field }) };
}
