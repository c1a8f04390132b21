import { useId } from 'react';

export function SelectField<T extends string>(props: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange(value: T): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className="input" value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Full-width digits, commas, points, ％ and ￥ (typed with a Japanese IME on) read as their ASCII
 * forms, as in the KPI and date fields.
 */
const halfWidth = (text: string) => text.normalize('NFKC');

/** '' → null; digits (with , _ or spaces as separators) → a whole number ≥ 0; else invalid. */
export function parseVolume(text: string): number | null | undefined {
  const cleaned = halfWidth(text).replace(/[\s,_]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** '' → null; a percentage 0–100 → a rate 0–1; else invalid. */
export function parsePercent(text: string): number | null | undefined {
  const cleaned = halfWidth(text).replace(/[\s%]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value > 100) return undefined;
  return Math.round(value * 1e6) / 1e8;
}

/** A rate 0–1 as the percentage text of the field (no float noise: 0.7 → "70"). */
export function percentText(rate: number | null): string {
  return rate === null ? '' : String(Number((rate * 100).toFixed(4)));
}

/** '' → null; an amount > 0 → the number; else invalid. */
export function parseAmount(text: string): number | null | undefined {
  const cleaned = halfWidth(text).replace(/[\s,_¥$€£]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
