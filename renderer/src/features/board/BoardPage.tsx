import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { db } from '../../db/db';
import { fillWindow } from '../../ui/fillWindow';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useOpenBoard } from './useOpenBoard';
import { BoardMetaProvider } from '../personas/boardMeta';
import { BoardCanvas } from './BoardCanvas';

/**
 * A board: loads its record, the workspace's members and its Y.Doc from IndexedDB (y-dexie), then
 * shows the canvas. The page fills the window below the app header.
 */
export function BoardPage(props: { workspaceId: string; boardId: string }) {
  const { t } = useTranslation();
  const { workspaceId, boardId } = props;
  const { workspace, board, loaded, generation } = useOpenBoard(workspaceId, boardId);
  const members = useLiveQuery(() => db.members.where('workspaceId').equals(workspaceId).toArray(), [workspaceId]);
  useDocumentTitle(board?.name ?? t('app.loading'));

  if (workspace === null || board === null || workspace?.deletedAt) {
    return (
      <section className="page">
        <h1>{t('board.notFound')}</h1>
        <Link href={workspace && !workspace.deletedAt ? `/w/${workspaceId}` : '/'}>{workspace && !workspace.deletedAt ? workspace.name : t('app.backHome')}</Link>
      </section>
    );
  }

  const ready = workspace && board && members && loaded && 'doc' in loaded && loaded.doc === board.doc ? loaded.doc : null;
  return (
    <section ref={fillWindowRef} className="board-page" aria-labelledby="board-title" data-board={boardId}>
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
      ) : ready && workspace && board && members ? (
        <BoardMetaProvider value={{ workspaceId, boardId, agreed: board.agreement !== null && board.agreement !== undefined }}>
          <BoardCanvas key={`${boardId}:${generation}`} doc={ready} workspaceId={workspaceId} boardId={boardId} boardName={board.name} members={members} />
        </BoardMetaProvider>
      ) : (
        <p aria-busy="true">{t('board.loading')}</p>
      )}
    </section>
  );
}

const fillWindowRef = fillWindow(480);
