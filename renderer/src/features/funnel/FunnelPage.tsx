import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { BoardFrame } from '../board/BoardFrame';
import { useOpenBoard } from '../board/useOpenBoard';
import { commitmentsOf, listVersions } from '../sla/slaStore';
import type { FunnelSla } from './checks';
import { FunnelView } from './FunnelView';
import { AudienceButton, AudiencePanel, useOfferBoard } from '../audience/AudienceControls';

/** A funnel board: loads its record and Y.Doc from IndexedDB (y-dexie), then shows the funnel. */
export function FunnelPage(props: { workspaceId: string; boardId: string }) {
  const { t } = useTranslation();
  const { workspaceId, boardId } = props;
  const opened = useOpenBoard(workspaceId, boardId);
  const { board, generation } = opened;
  // The workspace's current SLA version (the newest, as on the SLA page), for the consistency checks.
  const versions = useLiveQuery(() => listVersions(workspaceId), [workspaceId]);
  const current = versions?.[versions.length - 1];
  const sla = useMemo<FunnelSla>(() => (current ? { revision: current.revision, commitments: commitmentsOf(current.document) } : null), [current]);
  useDocumentTitle(board?.name ?? t('app.loading'));
  const target = useMemo(() => ({ board: 'funnel' as const, workspaceId, boardId }), [workspaceId, boardId]);
  useOfferBoard(target);

  return (
    <BoardFrame
      workspaceId={workspaceId}
      boardId={boardId}
      opened={opened}
      className="board-page funnel-page"
      minHeight={560}
      wrongKind={board && board.kind !== 'funnel' ? t('funnel.notFunnel') : null}
      actions={<AudienceButton target={target} className="button small room-button" />}
    >
      {(doc) => (
        <>
          <FunnelView
            key={`${boardId}:${generation}`}
            doc={doc}
            sla={sla}
            slaHref={`/w/${workspaceId}/sla`}
            exports={board ? { workspaceId, boardId, boardName: board.name } : undefined}
          />
          <AudiencePanel target={target} />
        </>
      )}
    </BoardFrame>
  );
}
