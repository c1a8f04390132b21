import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { formatMinutes, parseMinutes } from '@shared/calendar/calendar';
import type { FieldControlProps } from './Field';
import { composing } from './shortcuts/keys';
import { formatTimeText, MINUTES_PER_DAY, parseTimeText } from './timeText';

/**
 * A time of day (`HH:MM`, 00:00–24:00) shown on the 24-hour clock as the SLA document writes it
 * (`9:00`, `18:30`), in either language and whatever the OS's locale (see timeText.ts for what it
 * reads). Whenever the text reads as a time, `onChange` gets it as `HH:MM` at once (so a save by
 * shortcut has it), and leaving the field (or Enter) shows it as `9:00`; text that does not read is handed on
 * as it is, for the form's check to refuse on save with its message (none per keystroke). ↑/↓ move
 * the time by 15 minutes (with Shift, an hour), within 0:00–24:00. Put it in a `Field`
 * (`{(control) => <TimeField {...control} … />}`), whose error it shows as invalid.
 */
export type TimeFieldProps = Partial<FieldControlProps> & {
  /** `HH:MM`, or the text typed when it did not read. */
  value: string;
  onChange(value: string): void;
  readOnly?: boolean;
};

const STEP = 15;

/** Whether two texts read as the same time of day. */
function sameTime(a: string, b: string): boolean {
  const [x, y] = [parseTimeText(a), parseTimeText(b)];
  return x.kind === 'ok' && y.kind === 'ok' && x.minutes === y.minutes;
}

export function TimeField(props: TimeFieldProps) {
  // What is typed, kept as typed while the field has focus ("午後6時半" stays until it is left).
  const [draft, setDraft] = useState<string | null>(null);
  // A value changed from outside (undo, a reset) replaces a draft that does not say the same.
  const [seenValue, setSeenValue] = useState(props.value);
  if (seenValue !== props.value) {
    setSeenValue(props.value);
    if (draft !== null && draft !== props.value && !sameTime(draft, props.value)) setDraft(null);
  }
  const current = parseMinutes(props.value);
  const shown = draft ?? (current === null ? props.value : formatTimeText(current));

  const give = (value: string) => {
    if (value !== props.value) props.onChange(value);
  };
  const onTextChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    setDraft(text);
    const parsed = parseTimeText(text);
    give(parsed.kind === 'ok' ? formatMinutes(parsed.minutes) : text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys of an IME composition (午後6時 being converted) are the IME's: ↑/↓ pick its candidates, Enter commits.
    if (composing(event.nativeEvent)) return;
    // Enter (which submits the form) shows a time that reads as 9:00, as leaving the field does.
    if (event.key === 'Enter' && draft !== null && parseTimeText(draft).kind === 'ok') setDraft(null);
    if ((event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || props.readOnly || event.altKey || event.ctrlKey || event.metaKey) return;
    const parsed = parseTimeText(draft ?? props.value);
    if (parsed.kind !== 'ok') return;
    event.preventDefault();
    const from = parsed.minutes;
    const step = (event.shiftKey ? 60 : STEP) * (event.key === 'ArrowUp' ? 1 : -1);
    // To the next whole step in that direction (9:10 ↑ 9:15), within the day.
    const next = Math.min(MINUTES_PER_DAY, Math.max(0, step > 0 ? Math.floor(from / step) * step + step : Math.ceil(from / -step) * -step + step));
    setDraft(null);
    give(formatMinutes(next));
  };

  return (
    <input
      id={props.id}
      className="input"
      type="text"
      autoComplete="off"
      spellCheck={false}
      value={shown}
      required
      readOnly={props.readOnly}
      aria-invalid={Boolean(props['aria-invalid'])}
      aria-describedby={props['aria-describedby']}
      onChange={onTextChange}
      onBlur={() => setDraft(null)}
      onKeyDown={onKeyDown}
    />
  );
}
