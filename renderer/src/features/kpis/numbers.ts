import { MAX_VALUE } from '@shared/kpi/records';

/**
 * Numbers typed by hand, read the way the UI language writes them: its grouping and decimal
 * separators (Intl), full-width digits and marks (１，２３４．５), spaces between groups, a leading
 * minus. Returns a finite number or the problem; never NaN.
 */

export type NumberProblem = 'notANumber' | 'negative' | 'notWhole' | 'tooLarge' | 'overHundred';
export type ParsedNumber = { ok: true; value: number | null } | { ok: false; problem: NumberProblem };

function separators(language: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(language).formatToParts(12345.6);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Parses `text` in `language`. Empty (or blank) text is `{ ok: true, value: null }` (no value).
 * Options: `whole` refuses fractions (counts), `allowNegative` accepts a minus, `percent` refuses
 * more than 100 (a share of records, where 910 is a typo for 91 and would count as met).
 */
export function parseLocaleNumber(text: string, language: string, options: { whole?: boolean; allowNegative?: boolean; percent?: boolean } = {}): ParsedNumber {
  // NFKC turns full-width digits, commas, points and minus signs into their ASCII forms.
  let normalized = text.normalize('NFKC').replace(/[\u2212\u2012\u2013\uFE63]/g, '-').trim();
  if (normalized === '') return { ok: true, value: null };
  const { group, decimal } = separators(language);
  // Grouping: the language's separator, or a (narrow/no-break) space, only between digit groups of three.
  const groupChars = `[${escape(group)}\\s\\u00a0\\u202f]`;
  const pattern = new RegExp(`^(-)?(\\d{1,3}(?:${groupChars}\\d{3})+|\\d+)(?:${escape(decimal)}(\\d+))?$`);
  const match = pattern.exec(normalized);
  if (!match) return { ok: false, problem: 'notANumber' };
  normalized = `${match[1] ?? ''}${match[2]!.replace(new RegExp(groupChars, 'g'), '')}${match[3] ? `.${match[3]}` : ''}`;
  const value = Number(normalized);
  if (!Number.isFinite(value)) return { ok: false, problem: 'notANumber' };
  if (value < 0 && !options.allowNegative) return { ok: false, problem: 'negative' };
  if (Math.abs(value) > MAX_VALUE) return { ok: false, problem: 'tooLarge' };
  if (options.whole && !Number.isInteger(value)) return { ok: false, problem: 'notWhole' };
  if (options.percent && value > 100) return { ok: false, problem: 'overHundred' };
  // -0 is shown as "-0" by Intl; store 0.
  return { ok: true, value: value === 0 ? 0 : value };
}
