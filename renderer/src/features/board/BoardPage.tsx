import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { db } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { BoardMetaProvider } from '../personas/boardMeta';
import { BoardCanvas } from './BoardCanvas';

type Loaded = { doc: Y.Doc } | { error: string } | null;

/**
 * A board: loads its record, the workspace's members and its Y.Doc from IndexedDB (y-dexie), then
 * shows the canvas. The page fills the window below the app header.
 */
export function BoardPage(props: { workspaceId: string; boardId: string }) {
  const { t } = useTranslation();
  const { workspaceId, boardId } = props;
  const workspace = useLiveQuery(async () => (await db.workspaces.get(workspaceId)) ?? null, [workspaceId]);
  // Bumped when the doc is destroyed under us, to fetch a fresh one (see below).
  const [generation, setGeneration] = useState(0);
  const board = useLiveQuery(async () => (await db.boards.get([workspaceId, boardId])) ?? null, [workspaceId, boardId, generation]);
  const members = useLiveQuery(() => db.members.where('workspaceId').equals(workspaceId).toArray(), [workspaceId]);
  const [loaded, setLoaded] = useState<Loaded>(null);
  useDocumentTitle(board?.name ?? t('app.loading'));

  // The doc is loaded and released here, one load per mounted doc. (dexie-react-hooks 4.4.0's
  // useDocument releases on its second render already, and y-dexie then destroys the doc while
  // it is in use.) If anything else over-releases it and y-dexie destroys it anyway, a fresh doc
  // is fetched so edits keep reaching IndexedDB.
  const doc = board?.doc;
  useEffect(() => {
    if (!doc) return;
    let live = true;
    const provider = DexieYProvider.load(doc, { gracePeriod: 2_000 });
    provider.whenLoaded.then(
      () => live && setLoaded({ doc }),
      (error: unknown) => live && setLoaded({ error: errorMessage(error) }),
    );
    const onDestroy = () => {
      if (live) setGeneration((n) => n + 1);
    };
    doc.on('destroy', onDestroy);
    return () => {
      live = false;
      doc.off('destroy', onDestroy);
      DexieYProvider.release(doc);
    };
  }, [doc]);


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
    <section ref={fillWindow} className="board-page" aria-labelledby="board-title" data-board={boardId}>
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

/**
 * A ref callback sizing the page to the window height below where it starts (the header's height
 * varies with theme and language), kept up to date on resize.
 */
function fillWindow(element: HTMLElement | null) {
  if (!element) return;
  const update = () => {
    const top = element.getBoundingClientRect().top + window.scrollY;
    // 24 px: the bottom padding of <main>.
    element.style.height = `${Math.max(480, window.innerHeight - top - 24)}px`;
  };
  update();
  window.addEventListener('resize', update);
  const observer = new ResizeObserver(update);
  observer.observe(document.body);
  return () => {
    window.removeEventListener('resize', update);
    observer.disconnect();
  };
}
