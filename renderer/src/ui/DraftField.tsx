import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Field, type FieldControlProps } from './Field';
import { composing } from './shortcuts/keys';
import { useCommitOnLeave } from './useCommitOnLeave';
import './fields.css';

/** What a field's text parses to: a value to commit, or the message saying what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * An input that keeps a draft while focused and commits on blur or Enter (Ctrl/Cmd+Enter in a
 * multi-line one), and when it goes away or the window closes with a draft in it (no blur comes
 * then: what was typed would be lost); Escape reverts. `parse` turns the text into a value or an error message; an
 * invalid draft is not committed and its message is shown (and announced). Changes from elsewhere
 * (undo, a co-editor) show whenever the field is not being edited.
 *
 * Enter and Escape stay in the field; other keys reach page and app shortcuts (which ignore typing
 * targets themselves) unless `isolateKeys` keeps every key in the field.
 */
export function DraftField<T>(props: {
  label: string;
  value: string;
  parse(text: string): Parsed<T>;
  onCommit(value: T): void;
  multiline?: boolean;
  type?: 'text' | 'date';
  inputMode?: 'decimal' | 'numeric' | 'text';
  required?: boolean;
  hint?: string;
  maxLength?: number;
  autoFocus?: boolean;
  /** Extra classes on the wrapping `.field` (layout of the surrounding form). */
  className?: string;
  /** The label is read by assistive technology but not shown (something visible already names the field). */
  hideLabel?: boolean;
  isolateKeys?: boolean;
  after?: ReactNode;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancelled = useRef(false);
  const shown = draft ?? props.value;
  // The draft as last typed, for a commit when the field goes away or the window closes.
  const draftRef = useRef<string | null>(null);
  const edit = (text: string | null) => {
    draftRef.current = text;
    setDraft(text);
  };
  useCommitOnLeave(() => {
    const text = draftRef.current;
    draftRef.current = null;
    if (text === null || text === props.value) return;
    const parsed = props.parse(text);
    // A draft that does not parse has nowhere to say so any more: it is dropped, as Escape would.
    if (parsed.ok) props.onCommit(parsed.value);
  });

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
    edit(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (props.isolateKeys) event.stopPropagation();
    // Enter and Escape while an IME composes are the IME's (confirm or cancel a conversion): in
    // Japanese, Escape threw away everything typed in the field, and Enter saved half a title.
    if (composing(event.nativeEvent)) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      cancelled.current = true;
      edit(null);
      setError(null);
      (event.target as HTMLElement).blur();
    } else if (event.key === 'Enter' && (!props.multiline || event.ctrlKey || event.metaKey)) {
      event.stopPropagation();
      event.preventDefault();
      commit();
    }
  };
  const common = (control: FieldControlProps) => ({
    ...control,
    className: 'input',
    value: shown,
    autoFocus: props.autoFocus,
    maxLength: props.maxLength ?? 5_000,
    onFocus: () => edit(draftRef.current ?? props.value),
    onChange: (e: { target: { value: string } }) => edit(e.target.value),
    onBlur: commit,
    onKeyDown,
  });
  return (
    <Field label={props.label} hint={props.hint} error={error} className={props.className} hideLabel={props.hideLabel}>
      {(control) => {
        const input = props.multiline ? (
          <textarea {...common(control)} rows={3} />
        ) : (
          <input {...common(control)} type={props.type} inputMode={props.inputMode} required={props.required} />
        );
        return props.after ? (
          <div className="field-row">
            {input}
            {props.after}
          </div>
        ) : (
          input
        );
      }}
    </Field>
  );
}
