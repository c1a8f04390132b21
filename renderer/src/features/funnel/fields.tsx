import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * An input that keeps a draft while focused and commits on blur or Enter (Ctrl/Cmd+Enter in a
 * multi-line one); Escape reverts. `parse` turns the text into a value or an error message; an
 * invalid draft is not committed and its message is shown (and announced). Changes from elsewhere
 * (undo, a co-editor) show whenever the field is not being edited.
 */
export function DraftField<T>(props: {
  label: string;
  value: string;
  parse(text: string): { ok: true; value: T } | { ok: false; error: string };
  onCommit(value: T): void;
  multiline?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'text';
  hint?: string;
  maxLength?: number;
  autoFocus?: boolean;
  after?: ReactNode;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancelled = useRef(false);
  const shown = draft ?? props.value;

  const commit = () => {
    if (!cancelled.current && draft !== null && draft !== props.value) {
      const parsed = props.parse(draft);
      if (!parsed.ok) {
        setError(parsed.error);
        return;
      }
      props.onCommit(parsed.value);
    }
    cancelled.current = false;
    setError(null);
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      cancelled.current = true;
      setDraft(null);
      setError(null);
      (event.target as HTMLElement).blur();
    } else if (event.key === 'Enter' && (!props.multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: 'input',
    value: shown,
    autoFocus: props.autoFocus,
    maxLength: props.maxLength ?? 5_000,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onFocus: () => setDraft((current) => current ?? props.value),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="funnel-field-row">
        {props.multiline ? <textarea {...common} rows={3} /> : <input {...common} inputMode={props.inputMode} />}
        {props.after}
      </div>
      {props.hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

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

/** '' → null; digits (with , _ or spaces as separators) → a whole number ≥ 0; else invalid. */
export function parseVolume(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s,_]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** '' → null; a percentage 0–100 → a rate 0–1; else invalid. */
export function parsePercent(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s%％]/g, '').replace(',', '.');
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
  const cleaned = text.replace(/[\s,_¥$€£]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
