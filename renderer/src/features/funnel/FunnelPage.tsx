import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { fillWindow } from '../../ui/fillWindow';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useOpenBoard } from '../board/useOpenBoard';
import { commitmentsOf, listVersions } from '../sla/slaStore';
import type { FunnelSla } from './checks';
import { FunnelView } from './FunnelView';

/** A funnel board: loads its record and Y.Doc from IndexedDB (y-dexie), then shows the funnel. */
export function FunnelPage(props: { workspaceId: string; boardId: string }) {
  const { t } = useTranslation();
  const { workspaceId, boardId } = props;
  const { workspace, board, loaded, generation } = useOpenBoard(workspaceId, boardId);
  // The workspace's current SLA version (the newest, as on the SLA page), for the consistency checks.
  const versions = useLiveQuery(() => listVersions(workspaceId), [workspaceId]);
  const current = versions?.[versions.length - 1];
  const sla = useMemo<FunnelSla>(() => (current ? { revision: current.revision, commitments: commitmentsOf(current.document) } : null), [current]);
  useDocumentTitle(board?.name ?? t('app.loading'));

  if (workspace === null || board === null || workspace?.deletedAt || (board && board.kind !== 'funnel')) {
    return (
      <section className="page">
        <h1>{board && board.kind !== 'funnel' ? t('funnel.notFunnel') : t('board.notFound')}</h1>
        <Link href={workspace && !workspace.deletedAt ? `/w/${workspaceId}` : '/'}>{workspace && !workspace.deletedAt ? workspace.name : t('app.backHome')}</Link>
      </section>
    );
  }

  const ready = workspace && board && loaded && 'doc' in loaded && loaded.doc === board.doc ? loaded.doc : null;
  return (
    <section ref={fillWindowRef} className="board-page funnel-page" aria-labelledby="board-title" data-board={boardId}>
      <header className="board-header">
        <nav aria-label={t('board.breadcrumb')} className="breadcrumb">
          <Link href="/">{t('app.home')}</Link> <span aria-hidden="true">›</span>{' '}
          {workspace ? <Link href={`/w/${workspaceId}`}>{workspace.name}</Link> : null} <span aria-hidden="true">›</span>
        </nav>
        <h1 id="board-title">{board?.name ?? t('app.loading')}</h1>
      </header>
      {loaded && 'error' in loaded ? (
        <p className="notice warning" role="alert">
          {t('board.loadFailed', { message: loaded.error })}
        </p>
      ) : ready ? (
        <FunnelView key={`${boardId}:${generation}`} doc={ready} sla={sla} slaHref={`/w/${workspaceId}/sla`} />
      ) : (
        <p aria-busy="true">{t('board.loading')}</p>
      )}
    </section>
  );
}

const fillWindowRef = fillWindow(560);
