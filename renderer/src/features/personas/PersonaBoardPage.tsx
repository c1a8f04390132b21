import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { printRoute } from '@shared/pdf';
import { db } from '../../db/db';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { BoardCanvas, ToolButton, type BoardExtension } from '../board/BoardCanvas';
import { BoardFrame } from '../board/BoardFrame';
import type { BoardSession } from '../board/session';
import { useStoreSelector } from '../board/store';
import type { AppNode } from '../board/types';
import { useOpenBoard } from '../board/useOpenBoard';
import { useBoardExports } from '../diagrams/exports';
import { RoomButton, WithGuests } from '../rooms/BoardRoom';
import { AudienceButton, AudiencePanel, type FocusTarget, useOfferBoard } from '../audience/AudienceControls';
import { type PersonaZone, STICKY_SIZE, type ZoneNodeData } from '@shared/board/nodes';
import { zoneOf } from '@shared/board/personaTemplate';
import { BoardMetaProvider, useBoardMeta } from './boardMeta';
import { PERSONA_BOARD_KINDS } from './personaKind';
import { promoteFlow } from './promote';
import { PromoteDialog } from './PromoteDialog';

/** The one selected note's id, or null (none, several, or not a note). */
function singleSelectedNote(nodes: AppNode[]): string | null {
  const selected = nodes.filter((node) => node.selected);
  return selected.length === 1 && selected[0]!.type === 'sticky' ? selected[0]!.id : null;
}
const personaNodeId = (nodes: AppNode[]) => nodes.find((node) => node.type === 'persona')?.id ?? null;
/** The zones' ids and kinds, one string (changes only when a zone is added, removed or retyped). */
const zonesKey = (nodes: AppNode[]) => nodes.flatMap((node) => (node.type === 'zone' ? [`${node.id}:${node.data.zone}`] : [])).join('|');

/** Promote, after "New note": enabled while exactly one note is selected. */
function PromoteTool(props: { session: BoardSession }) {
  const { t } = useTranslation();
  // Selectors, not the nodes: the toolbar does not re-render on each frame of a drag.
  const single = useStoreSelector(props.session.nodes, singleSelectedNote);
  return <ToolButton label={t('board.promote')} icon="promote" shortcut="board.promote" text disabled={single === null} onClick={() => promoteFlow(props.session).open(single)} />;
}

function PromoteOverlay(props: { session: BoardSession }) {
  const flow = promoteFlow(props.session);
  const request = useSyncExternalStore(flow.request.subscribe, flow.request.get);
  return <PromoteDialog request={request} onClose={() => flow.close()} onPromote={(field) => flow.promote(field)} />;
}

/** The projector's controls for this board: its zones to zoom to, and the zone of the selected note. */
function AudienceOverlay(props: { session: BoardSession }) {
  const { t } = useTranslation();
  const meta = useBoardMeta();
  const { session } = props;
  const zoneList = useStoreSelector(session.nodes, zonesKey);
  const zones = useMemo<FocusTarget[]>(
    () =>
      zoneList
        ? zoneList.split('|').map((entry) => {
            const [id, zone] = entry.split(':') as [string, string];
            return { id, name: t(`persona.zones.${zone as PersonaZone}`) };
          })
        : [],
    [zoneList, t],
  );
  const selectedZone = () => {
    const all = session.nodes.get();
    const selected = all.filter((node) => node.selected);
    const note = selected.length === 1 && selected[0]!.type === 'sticky' ? selected[0]! : null;
    if (!note) return null;
    const zoneNodes = all.filter((node) => node.type === 'zone');
    const zone = zoneOf(note.data, zoneNodes.map((node) => node.data as ZoneNodeData), STICKY_SIZE);
    return zoneNodes.find((node) => (node.data as ZoneNodeData).zone === zone)?.id ?? 'none';
  };
  return <AudiencePanel target={{ board: 'persona', workspaceId: meta.workspaceId, boardId: meta.boardId }} zones={zones} selectedZone={selectedZone} />;
}

function PersonaOverlay(props: { session: BoardSession }) {
  return (
    <>
      <PromoteOverlay session={props.session} />
      <AudienceOverlay session={props.session} />
    </>
  );
}

/** The persona's details (the card's panel), then the exports: the persona sheet when the board has a card, the whole board as PDF and PNG. */
function PersonaTools(props: { session: BoardSession }) {
  const { t } = useTranslation();
  const meta = useBoardMeta();
  const personaId = useStoreSelector(props.session.nodes, personaNodeId);
  const sheet = useMemo(
    () => (personaId ? { kind: 'persona-sheet' as const, route: printRoute('persona', meta.workspaceId, meta.boardId), suggestedName: `${meta.boardName}.pdf` } : null),
    [personaId, meta.workspaceId, meta.boardId, meta.boardName],
  );
  const exports = useBoardExports({ workspaceId: meta.workspaceId, boardId: meta.boardId, boardName: meta.boardName, sheet, shortcuts: 'personaExports' });
  return (
    <>
      {personaId ? (
        <div className="tool-group">
          <ToolButton label={t('persona.panelTitle')} icon="person" shortcut="board.edit" text onClick={() => props.session.openPanel(personaId)} />
        </div>
      ) : null}
      <div className="tool-group">
        {personaId && exports.exportSheet ? (
          <ToolButton label={t('persona.exportSheet')} icon="pdf" shortcut="personaExports.sheet" onClick={exports.exportSheet} />
        ) : null}
        <ToolButton label={t('diagrams.board.exportPdf')} icon="board" shortcut="personaExports.boardPdf" onClick={exports.openBoardPdf} />
        <ToolButton label={t('diagrams.board.exportPng')} icon="image" shortcut="personaExports.boardPng" onClick={exports.exportPng} />
      </div>
      {/* A portal: the paper dialog renders outside the toolbar. */}
      {exports.dialog}
    </>
  );
}

/** What the persona board adds to the board engine. */
const PERSONA_BOARD: BoardExtension = {
  promote: (session, stickyId) => promoteFlow(session).open(stickyId),
  NoteTools: PromoteTool,
  KindTools: PersonaTools,
  Overlay: PersonaOverlay,
};

/**
 * A persona board: loads its record, the workspace's members and its Y.Doc from IndexedDB
 * (y-dexie), then shows the canvas with the persona board's node kinds and tools. The page fills
 * the window below the app header.
 */
export function BoardPage(props: { workspaceId: string; boardId: string }) {
  const { t } = useTranslation();
  const { workspaceId, boardId } = props;
  const opened = useOpenBoard(workspaceId, boardId);
  const { workspace, board, generation } = opened;
  const members = useLiveQuery(() => db.members.where('workspaceId').equals(workspaceId).toArray(), [workspaceId]);
  useDocumentTitle(board?.name ?? t('app.loading'));
  const target = useMemo(() => ({ board: 'persona' as const, workspaceId, boardId }), [workspaceId, boardId]);
  useOfferBoard(target);

  return (
    <BoardFrame
      workspaceId={workspaceId}
      boardId={boardId}
      opened={opened}
      className="board-page"
      minHeight={480}
      ready={members !== undefined}
      // Beside the room: on every window width (the toolbar's overflow menu would hide it on a laptop).
      actions={
        board ? (
          <>
            <AudienceButton target={target} className="button small room-button" />
            <RoomButton workspaceId={workspaceId} boardId={boardId} boardName={board.name} members={members} />
          </>
        ) : null
      }
    >
      {(doc) =>
        workspace && board && members ? (
          <BoardMetaProvider value={{ workspaceId, boardId, boardName: board.name, agreed: board.agreement !== null && board.agreement !== undefined }}>
            {/* Guests who joined through the room are named on their notes like members. */}
            <WithGuests doc={doc} workspaceId={workspaceId} members={members}>
              {(people) => (
                <BoardCanvas
                  key={`${boardId}:${generation}`}
                  doc={doc}
                  workspaceId={workspaceId}
                  boardId={boardId}
                  members={people}
                  kinds={PERSONA_BOARD_KINDS}
                  extension={PERSONA_BOARD}
                />
              )}
            </WithGuests>
          </BoardMetaProvider>
        ) : null
      }
    </BoardFrame>
  );
}
