import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@shared/records/board';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

type Props = { open: boolean; onOpenChange(open: boolean): void; personaName: string; onSubmit(agreement: Agreement): Promise<void> };

export function AgreementDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} title={t('persona.agreeTitle', { name: props.personaName })} description={t('persona.agreeBody')}>
      <AgreementForm {...props} />
    </Dialog>
  );
}

function AgreementForm(props: Props) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today);
  const [meeting, setMeeting] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError(t('common.required', { field: t('persona.agreeDate') }));
    try {
      await props.onSubmit({ date, meeting: meeting.trim() });
      props.onOpenChange(false);
    } catch (caught) {
      setError(t('common.error', { message: caught instanceof Error ? caught.message : String(caught) }));
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Field label={t('persona.agreeDate')} error={error}>
        {(control) => <DateField {...control} value={date} autoFocus onChange={setDate} />}
      </Field>
      <Field label={t('persona.agreeMeeting')}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={meeting}
            maxLength={200}
            placeholder={t('persona.agreeMeetingPlaceholder')}
            onChange={(e) => setMeeting(e.target.value)}
          />
        )}
      </Field>
      <DialogButtons onCancel={() => props.onOpenChange(false)} confirmLabel={t('persona.agreeSubmit')} />
    </form>
  );
}
