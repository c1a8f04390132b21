import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSONA_TEXT_FIELDS, type PersonaTextField } from '@shared/board/nodes';
import { Dialog, DialogButtons } from '../../ui/Dialog';

export type PromoteRequest = {
  stickyId: string;
  text: string;
  personaId: string;
  personaName: string;
  /** From the zone the note sits in, when it sits in one. */
  suggested: PersonaTextField | null;
  /** What each field holds now, to show where the text will go. */
  current: Record<PersonaTextField, string>;
};

/** Promote a note: pick the persona field (the zone's by default); its text is appended there. */
export function PromoteDialog(props: { request: PromoteRequest | null; onClose(): void; onPromote(field: PersonaTextField): void }) {
  const { t } = useTranslation();
  const open = props.request !== null;
  return (
    <Dialog open={open} onOpenChange={(next) => !next && props.onClose()} title={t('board.promoteDialog.title')}>
      {props.request ? <PromoteForm request={props.request} onClose={props.onClose} onPromote={props.onPromote} /> : null}
    </Dialog>
  );
}

function PromoteForm(props: { request: PromoteRequest; onClose(): void; onPromote(field: PersonaTextField): void }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const hintId = useId();
  const { request } = props;
  const [field, setField] = useState<PersonaTextField>(request.suggested ?? 'goals');
  const current = request.current[field].trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onPromote(field);
  };

  return (
    <form onSubmit={submit}>
      <p className="promote-note">
        <span className="muted">{t('board.promoteDialog.note')}</span>
        <q>{request.text.trim() || t('board.sticky.empty')}</q>
      </p>
      <p>{t('board.promoteDialog.into', { name: request.personaName })}</p>
      <div className="field">
        <label htmlFor={fieldId}>{t('board.promoteDialog.field')}</label>
        <select id={fieldId} className="input" value={field} autoFocus aria-describedby={hintId} onChange={(event) => setField(event.target.value as PersonaTextField)}>
          {PERSONA_TEXT_FIELDS.map((name) => (
            <option key={name} value={name}>
              {t(`persona.fields.${name}`)}
            </option>
          ))}
        </select>
        <p id={hintId} className="field-hint">
          {request.suggested === field ? `${t('board.promoteDialog.fromZone')} ` : ''}
          {current ? t('board.promoteDialog.appends') : t('board.promoteDialog.fills')}
        </p>
      </div>
      {current ? (
        <div className="promote-current">
          <span className="muted">{t('board.promoteDialog.currently')}</span>
          <p>{current}</p>
        </div>
      ) : null}
      <DialogButtons onCancel={props.onClose} confirmLabel={t('board.promoteDialog.submit')} />
    </form>
  );
}
