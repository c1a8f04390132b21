import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listVersions } from './slaStore';

/** The SLA section of the workspace page: the current version's state and the way in. */
export function SlaSummary(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const versions = useLiveQuery(() => listVersions(props.workspaceId), [props.workspaceId]);
  const current = versions?.[versions.length - 1];
  return (
    <section aria-labelledby="sla-summary-title" className="card">
      <div className="section-header">
        <h2 id="sla-summary-title">{t('sla.section')}</h2>
        <div className="toolbar">
          <Link href={`/w/${props.workspaceId}/sla`} className="button primary">
            {t('sla.open')}
          </Link>
          <Link href={`/w/${props.workspaceId}/sla/verify`} className="button">
            {t('sla.verifyOpen')}
          </Link>
        </div>
      </div>
      <p className="muted">{t('sla.sectionIntro')}</p>
      {versions === undefined ? null : current ? (
        <p data-testid="sla-summary">{t('sla.summary', { revision: current.revision, state: t(`sla.states.${current.state}`) })}</p>
      ) : (
        <p>{t('sla.none')}</p>
      )}
    </section>
  );
}
