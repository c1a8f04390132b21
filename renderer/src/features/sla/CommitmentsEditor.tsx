import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../shared/funnel/stages';
import { addCommitment, type Commitment, type CommitmentKind, COMMITMENT_KINDS, createCommitment, removeCommitment } from '../../../../shared/sla/commitments';
import { newId } from '../../db/ids';
import { CommitmentForm, commitmentPatcher } from './CommitmentForm';

/**
 * The commitments of the SLA as a form list (the SLA board edits the same list card by card,
 * with the same {@link CommitmentForm}): each change is
 * validated by the shared schema and saved through `onSave`, which regenerates the document.
 */
export function CommitmentsEditor(props: {
  commitments: readonly Commitment[];
  stages: readonly Stage[];
  readOnly: boolean;
  onSave(next: readonly Commitment[]): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<CommitmentKind>('volume');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sla.commitments.title')}</h2>
      <p className="muted">{t('sla.commitments.intro')}</p>
      <div className="sla-commitments">
        {props.commitments.map((commitment) => (
          <CommitmentForm
            key={commitment.id}
            commitment={commitment}
            stages={props.stages}
            readOnly={props.readOnly}
            onChange={commitmentPatcher(props.commitments, commitment.id, props.onSave)}
            onRemove={() => props.onSave(removeCommitment(props.commitments, commitment.id))}
          />
        ))}
      </div>
      {props.readOnly ? null : (
        <div className="toolbar">
          <label htmlFor={`${id}-kind`}>{t('sla.commitments.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as CommitmentKind)}>
            {COMMITMENT_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`sla.kinds.${option}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => props.onSave(addCommitment(props.commitments, createCommitment(kind, {}, newId)))}>
            {t('sla.commitments.add')}
          </button>
        </div>
      )}
    </section>
  );
}
