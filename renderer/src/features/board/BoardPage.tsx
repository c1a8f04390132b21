import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useOpenBoard } from './useOpenBoard';
import { BoardMetaProvider } from '../personas/boardMeta';
import { BoardCanvas } from './BoardCanvas';
import { BoardFrame } from './BoardFrame';
import { RoomButton, WithGuests } from '../rooms/BoardRoom';

/**
 * A board: loads its record, the workspace's members and its Y.Doc from IndexedDB (y-dexie), then
 * shows the canvas. The page fills the window below the app header.
 */
export function BoardPage(props: { workspaceId: string; boardId: string }) {
  const { t } = useTranslation();
  const { workspaceId, boardId } = props;
  const opened = useOpenBoard(workspaceId, boardId);
  const { workspace, board, generation } = opened;
  const members = useLiveQuery(() => db.members.where('workspaceId').equals(workspaceId).toArray(), [workspaceId]);
  useDocumentTitle(board?.name ?? t('app.loading'));

  return (
    <BoardFrame
      workspaceId={workspaceId}
      boardId={boardId}
      opened={opened}
      className="board-page"
      minHeight={480}
      ready={members !== undefined}
      actions={board ? <RoomButton workspaceId={workspaceId} boardId={boardId} boardName={board.name} members={members} /> : null}
    >
      {(doc) =>
        workspace && board && members ? (
          <BoardMetaProvider value={{ workspaceId, boardId, agreed: board.agreement !== null && board.agreement !== undefined }}>
            <WithGuests doc={doc} workspaceId={workspaceId} members={members}>
              {(people) => <BoardCanvas key={`${boardId}:${generation}`} doc={doc} workspaceId={workspaceId} boardId={boardId} boardName={board.name} members={people} />}
            </WithGuests>
          </BoardMetaProvider>
        ) : null
      }
    </BoardFrame>
  );
}
