import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApp } from '../../app/AppContext';
import { db } from '../../db/db';
import { formatDateTime } from '../../i18n';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useWorkspaceActions } from '../workspaces/WorkspaceActions';
import { FunnelSection } from '../funnel/FunnelSection';
import { PersonaGallery } from '../personas/PersonaGallery';
import { SlaSummary } from '../sla/SlaSummary';
import { KpiSection } from '../kpis/KpiSection';
import { MeetingsSection } from '../meetings/MeetingsSection';
import { MembersSection } from './MembersSection';

export function WorkspacePage(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const actions = useWorkspaceActions();
  const workspace = useLiveQuery(async () => (await db.workspaces.get(props.workspaceId)) ?? null, [props.workspaceId]);
  useDocumentTitle(workspace?.name ?? t('app.loading'));

  if (workspace === undefined) return <p aria-busy="true">{t('app.loading')}</p>;
  if (workspace === null || workspace.deletedAt) {
    return (
      <section className="page">
        <h1>{t('workspace.notFound')}</h1>
        <Link href="/">{t('app.backHome')}</Link>
      </section>
    );
  }

  return (
    <section aria-labelledby="workspace-title" className="page">
      <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
        <Link href="/">{t('app.home')}</Link> <span aria-hidden="true">›</span>
      </nav>
      <div className="page-header">
        <h1 id="workspace-title">{workspace.name}</h1>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void actions.exportToFile(workspace.id, workspace.name)} aria-keyshortcuts="Control+E">
            {t('home.export')}
          </button>
        </div>
      </div>
      <p className="muted">
        {t('home.colEdited')}: <time dateTime={workspace.updatedAt}>{formatDateTime(workspace.updatedAt, language)}</time>
      </p>
      <PersonaGallery workspaceId={workspace.id} />
      <FunnelSection workspaceId={workspace.id} />
      <SlaSummary workspaceId={workspace.id} />
      <MeetingsSection workspaceId={workspace.id} />
      <KpiSection workspaceId={workspace.id} />
      <MembersSection workspaceId={workspace.id} />
    </section>
  );
}
