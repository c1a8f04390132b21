import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogButtons } from './Dialog';
import { Field } from './Field';

/** The longest name a workspace or board may have (the records' schemas say so too). */
export const MAX_NAME = 200;

type Props = {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  initialName: string;
  submitLabel: string;
  onSubmit(name: string): Promise<void> | void;
};

/** Asks for a workspace name (create and rename). Validates before closing. */
export function NameDialog(props: Props) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={props.title}>
      {/* Mounted afresh on every open, so it starts from the current name. */}
      <NameForm {...props} />
    </Dialog>
  );
}

function NameForm(props: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    const field = t('common.name');
    if (!trimmed) return setError(t('common.required', { field }));
    if (trimmed.length > MAX_NAME) return setError(t('common.tooLong', { field, max: MAX_NAME }));
    setBusy(true);
    try {
      await props.onSubmit(trimmed);
      props.onOpenChange(false);
    } catch (caught) {
      setError(t('common.error', { message: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Field label={t('common.name')} error={error}>
        {(control) => (
          <input {...control} className="input" value={name} autoFocus maxLength={MAX_NAME + 50} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <DialogButtons onCancel={() => props.onOpenChange(false)} confirmLabel={props.submitLabel} disabled={busy} />
    </form>
  );
}
