import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { createFunnelBoard } from './funnelBoards';

/** The workspace's funnel: create it (with the default stages) or open it. */
export function FunnelSection(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const funnels = useLiveQuery(
    () => db.boards.where('workspaceId').equals(props.workspaceId).filter((b) => b.kind === 'funnel').sortBy('createdAt'),
    [props.workspaceId],
  );

  async function create() {
    setBusy(true);
    try {
      const id = await createFunnelBoard(props.workspaceId, t('funnel.defaultName'), language);
      toast.success(t('funnel.created'));
      navigate(`/w/${props.workspaceId}/funnel/${id}`);
    } catch (error) {
      toast.error(t('common.error', { message: errorMessage(error) }));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="funnel-section-title" className="card">
      <div className="section-header">
        <h2 id="funnel-section-title">{t('funnel.section')}</h2>
        {funnels && funnels.length === 0 ? (
          <button type="button" className="button primary" disabled={busy} onClick={() => void create()}>
            {t('funnel.create')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('funnel.sectionIntro')}</p>
      {funnels && funnels.length > 0 ? (
        <ul className="funnel-links">
          {funnels.map((board) => (
            <li key={board.id}>
              <Link href={`/w/${props.workspaceId}/funnel/${board.id}`} aria-label={funnels.length === 1 ? t('funnel.open') : `${t('funnel.open')}: ${board.name}`}>
                {t('funnel.open')}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
