import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { formatDateTime } from '../../i18n';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Breadcrumb, isLive, Loading, NotFound, useWorkspace } from '../../ui/WorkspaceGate';
import { useWorkspaceActions } from './WorkspaceActions';
import { FunnelSection } from '../funnel/FunnelSection';
import { PersonaGallery } from '../personas/PersonaGallery';
import { SlaSummary } from '../sla/SlaSummary';
import { KpiSection } from '../kpis/KpiSection';
import { MeetingsSection } from '../meetings/MeetingsSection';
import { CalendarSection } from '../calendar/CalendarSection';
import { ariaKeys } from '../../ui/shortcuts/labels';
import { MembersSection } from './MembersSection';

export function WorkspacePage(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const actions = useWorkspaceActions();
  const workspace = useWorkspace(props.workspaceId);
  useDocumentTitle(workspace?.name ?? t('app.loading'));

  if (workspace === undefined) return <Loading />;
  if (!isLive(workspace)) return <NotFound />;

  return (
    <section aria-labelledby="workspace-title" className="page">
      <Breadcrumb />
      <div className="page-header">
        <h1 id="workspace-title">{workspace.name}</h1>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void actions.exportToFile(workspace.id, workspace.name)} aria-keyshortcuts={ariaKeys('app.export')}>
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
      <CalendarSection workspaceId={workspace.id} />
      <MembersSection workspaceId={workspace.id} />
    </section>
  );
}
