import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import { fillWindow } from '../../ui/fillWindow';
import type { useOpenBoard } from './useOpenBoard';

/**
 * The page around a board canvas (persona and funnel boards): the "not found" page, the
 * breadcrumb and title, a load error, "Loading…", and the canvas once the board's doc is loaded.
 * `wrongKind` names why an existing board cannot be shown here (e.g. not a funnel).
 */
export function BoardFrame(props: {
  workspaceId: string;
  boardId: string;
  opened: ReturnType<typeof useOpenBoard>;
  className: string;
  /** The page fills the window below the app header, never less than this (px). */
  minHeight: number;
  wrongKind?: string | null;
  /** Other data the canvas needs has arrived (e.g. the members). */
  ready?: boolean;
  /** Shown beside the title (the persona board's room button). */
  actions?: ReactNode;
  children(doc: Y.Doc): ReactNode;
}) {
  const { t } = useTranslation();
  const { workspaceId, boardId } = props;
  const { workspace, board, loaded } = props.opened;
  const fill = useMemo(() => fillWindow(props.minHeight), [props.minHeight]);

  if (workspace === null || board === null || workspace?.deletedAt || props.wrongKind) {
    const live = workspace && !workspace.deletedAt;
    return (
      <section className="page">
        <h1>{props.wrongKind ?? t('board.notFound')}</h1>
        <Link href={live ? `/w/${workspaceId}` : '/'}>{live ? workspace.name : t('app.backHome')}</Link>
      </section>
    );
  }

  const doc = workspace && board && loaded && 'doc' in loaded && loaded.doc === board.doc && props.ready !== false ? loaded.doc : null;
  return (
    <section ref={fill} className={props.className} aria-labelledby="board-title" data-board={boardId}>
      <header className="board-header">
        <nav aria-label={t('board.breadcrumb')} className="breadcrumb">
          <Link href="/">{t('app.home')}</Link> <span aria-hidden="true">›</span>{' '}
          {workspace ? <Link href={`/w/${workspaceId}`}>{workspace.name}</Link> : null} <span aria-hidden="true">›</span>
        </nav>
        <h1 id="board-title">{board?.name ?? t('app.loading')}</h1>
        {props.actions}
      </header>
      {loaded && 'error' in loaded ? (
        <p className="notice warning" role="alert">
          {t('board.loadFailed', { message: loaded.error })}
        </p>
      ) : doc ? (
        props.children(doc)
      ) : (
        <p aria-busy="true">{t('board.loading')}</p>
      )}
    </section>
  );
}
