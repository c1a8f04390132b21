import { isPeriod } from '@shared/kpi/periods';
import { MonthField } from '../../ui/DateField';
import { Field } from '../../ui/Field';

/**
 * The month a view ends at (YYYY-MM, a month picker beside a heading). Text that is not a month is
 * marked invalid, and `error` (if given) says so under the field.
 */
export function EndingField(props: { label: string; value: string; onChange(value: string): void; error?: string }) {
  const valid = isPeriod(props.value);
  return (
    <Field className="inline" label={props.label} error={valid ? null : props.error}>
      {(control) => <MonthField {...control} value={props.value} aria-invalid={!valid} onChange={props.onChange} />}
    </Field>
  );
}
