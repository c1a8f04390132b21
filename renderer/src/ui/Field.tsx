import { useId, type ReactNode } from 'react';

/** What `Field` hands its control: the id the label points at, and the error wiring. */
export type FieldControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/** A labelled form control with a hint and an error message wired to aria-invalid/aria-describedby. */
export function Field(props: {
  label: string;
  error?: string | null;
  hint?: string;
  /** Extra classes on the wrapping `.field` (layout of the surrounding form). */
  className?: string;
  /** The label is read by assistive technology but not shown (something visible already names the field). */
  hideLabel?: boolean;
  children(controlProps: FieldControlProps): ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.className ? `field ${props.className}` : 'field'}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {props.children({ id, 'aria-invalid': Boolean(props.error), 'aria-describedby': describedBy })}
      {props.hint ? (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
