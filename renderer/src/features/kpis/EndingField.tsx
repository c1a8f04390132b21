import { isPeriod } from '@shared/kpi/periods';
import { Field } from '../../ui/Field';

/**
 * The month a view ends at (YYYY-MM, a month picker beside a heading). Text that is not a month is
 * marked invalid, and `error` (if given) says so under the field.
 */
export function EndingField(props: { label: string; value: string; onChange(value: string): void; error?: string }) {
  const valid = isPeriod(props.value);
  return (
    <Field className="inline" label={props.label} error={valid ? null : props.error}>
      {(control) => <input {...control} type="month" className="input" value={props.value} aria-invalid={!valid} onChange={(event) => props.onChange(event.target.value)} />}
    </Field>
  );
}
