import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS, type Department } from '@shared/records/member';
import type { MemberInput } from '../../db/workspaces';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { Field } from '../../ui/Field';

const MAX = 200;

type Props = {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  initial: MemberInput;
  submitLabel: string;
  onSubmit(input: MemberInput): Promise<void>;
};

export function MemberDialog(props: Props) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={props.title}>
      {/* Mounted afresh on every open, so it starts from the member being edited. */}
      <MemberForm {...props} />
    </Dialog>
  );
}

function MemberForm(props: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState(props.initial);
  const [errors, setErrors] = useState<{ name?: string; title?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    const name = input.name.trim();
    if (!name) next.name = t('common.required', { field: t('members.name') });
    else if (name.length > MAX) next.name = t('common.tooLong', { field: t('members.name'), max: MAX });
    if (input.title.trim().length > MAX) next.title = t('common.tooLong', { field: t('members.titleField'), max: MAX });
    setErrors(next);
    if (next.name || next.title) return;
    setBusy(true);
    try {
      await props.onSubmit(input);
      props.onOpenChange(false);
    } catch (error) {
      setErrors({ form: t('common.error', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
      <form onSubmit={submit} noValidate>
        <Field label={t('members.name')} error={errors.name}>
          {(control) => (
            <input {...control} className="input" autoFocus value={input.name} onChange={(e) => setInput({ ...input, name: e.target.value })} />
          )}
        </Field>
        <Field label={t('members.department')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={input.department}
              onChange={(e) => setInput({ ...input, department: e.target.value as Department })}
            >
              {DEPARTMENTS.map((department) => (
                <option key={department} value={department}>
                  {t(`department.${department}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('members.titleField')} error={errors.title}>
          {(control) => (
            <input
              {...control}
              className="input"
              placeholder={t('members.titlePlaceholder')}
              value={input.title}
              onChange={(e) => setInput({ ...input, title: e.target.value })}
            />
          )}
        </Field>
        {errors.form ? (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <DialogButtons onCancel={() => props.onOpenChange(false)} confirmLabel={props.submitLabel} disabled={busy} />
      </form>
  );
}
