import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { db } from '../../db/db';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Breadcrumb, isLive, Loading, NotFound, useWorkspace } from '../../ui/WorkspaceGate';
import { FunnelSection } from '../funnel/FunnelSection';
import { PersonaGallery } from '../personas/PersonaGallery';
import { MembersSection } from './MembersSection';
import type { WorkspacePlace } from './places';

/** A place of the workspace that is one of the overview's sections, as a page of its own. */
function PlacePage(props: { workspaceId: string; place: WorkspacePlace; children: ReactNode }) {
  const { t } = useTranslation();
  const workspace = useWorkspace(props.workspaceId);
  const title = t(`workspaceUx.nav.places.${props.place}`);
  useDocumentTitle(workspace ? `${title} · ${workspace.name}` : t('app.loading'));
  if (workspace === undefined) return <Loading />;
  if (!isLive(workspace)) return <NotFound />;
  return (
    <section aria-labelledby="place-title" className="page place-page">
      <Breadcrumb workspace={workspace} />
      <h1 id="place-title">{title}</h1>
      {props.children}
    </section>
  );
}

export function PersonasPage(props: { workspaceId: string }) {
  return (
    <PlacePage workspaceId={props.workspaceId} place="personas">
      <PersonaGallery workspaceId={props.workspaceId} />
    </PlacePage>
  );
}

/** The funnel's place when there is none yet (its empty state creates it) or more than one. */
export function FunnelsPage(props: { workspaceId: string }) {
  const funnels = useLiveQuery(
    async () => (await db.boards.where('workspaceId').equals(props.workspaceId).filter((board) => board.kind === 'funnel').toArray()).map((board) => board.id),
    [props.workspaceId],
  );
  // The one funnel is the place itself (reached before the navigation knew it was the only one).
  if (funnels?.length === 1) return <Redirect to={`/w/${props.workspaceId}/funnel/${funnels[0]}`} replace />;
  return (
    <PlacePage workspaceId={props.workspaceId} place="funnel">
      <FunnelSection workspaceId={props.workspaceId} />
    </PlacePage>
  );
}

export function MembersPage(props: { workspaceId: string }) {
  return (
    <PlacePage workspaceId={props.workspaceId} place="members">
      <MembersSection workspaceId={props.workspaceId} />
    </PlacePage>
  );
}
