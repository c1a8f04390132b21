/**
 * English strings of the date and month fields (ui/DateField.tsx), merged into `en.dateField`;
 * `dateField.ja.ts` has the same keys.
 */
export const dateFieldEn = {
  chooseDate: 'Choose date',
  chooseMonth: 'Choose month',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  today: 'Today',
  thisMonth: 'This month',
  clear: 'Clear',
  keys: 'Keys',
  keyDays: 'day, week',
  keyMonths: 'month, row',
  keyPageMonth: 'month (with Shift: year)',
  keyPageYear: 'year',
  keyWeekEnds: 'start, end of the week',
  keyRowEnds: 'start, end of the row',
  keyPick: 'choose',
  keyClose: 'close',
  unreadableDate: '“{{text}}” is not a date. Type it like {{example}} or 2026-12-07.',
  unreadableMonth: '“{{text}}” is not a month. Type it like {{example}} or 2026-12.',
  noSuchMonth: 'There is no month {{month}}. Type the date like {{example}}.',
  noSuchDay: '{{month}} has no day {{day}}. Type the date like {{example}}.',
  requiredDate: 'A date is needed. Type it like {{example}} or choose it in the calendar.',
  requiredMonth: 'A month is needed. Type it like {{example}} or choose it in the calendar.',
} as const;
