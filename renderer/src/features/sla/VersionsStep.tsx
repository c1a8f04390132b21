import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { isFrozen, lastSigned } from '@shared/sla/versions';
import { DiffView } from './DiffView';
import { stepPath, type StepProps } from './steps';
import { startNewRevision } from './slaStore';

/**
 * The Versions step: every revision with its state and seal, a PDF of each, what the current one
 * changes from the last signed one, a new revision once signed, and the Verify page.
 */
export function VersionsStep(props: StepProps & { notes: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const [, navigate] = useLocation();
  const { version, versions, workspaceId, run } = props;
  const signed = lastSigned([...versions]);
  return (
    <>
      {props.notes}
      <section className="card" aria-labelledby={`${id}-history`}>
        <h2 id={`${id}-history`}>{t('sla.history.title')}</h2>
        <ul className="sla-history">
          {[...versions].reverse().map((item) => {
            const label = t('sla.history.item', { revision: item.revision, state: t(`sla.states.${item.state}`) });
            return (
              <li key={item.id}>
                {label}
                {item.id === version.id ? ` (${t('sla.history.current')})` : ''}
                {isFrozen(item) ? (
                  <>
                    {' '}
                    <code className="sla-hash">{item.hash}</code>
                  </>
                ) : null}{' '}
                <button type="button" className="button small" aria-label={`${t('sla.actions.exportPdf')}: ${label}`} onClick={() => void props.exportPdf(item)}>
                  {t('sla.actions.exportPdf')}
                </button>
              </li>
            );
          })}
        </ul>
        <div className="toolbar sla-actions">
          {version.state === 'signed' ? (
            <button
              type="button"
              className="button primary"
              onClick={() =>
                void run(async () => {
                  await startNewRevision(workspaceId);
                  // A new revision is there to be changed: its commitments first.
                  navigate(stepPath(workspaceId, 'commitments'));
                })
              }
            >
              {t('sla.actions.newRevision')}
            </button>
          ) : null}
          <Link href={`/w/${workspaceId}/sla/verify`} className="button">
            {t('sla.verifyOpen')}
          </Link>
          <span className="muted">{t('slaSteps.versions.verifyHint')}</span>
        </div>
      </section>
      {signed && signed.id !== version.id ? <DiffView signed={signed.document} signedRevision={signed.revision} draft={version.document} /> : null}
    </>
  );
}
