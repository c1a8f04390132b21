import { roomErrorText } from './roomErrors';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type * as Y from 'yjs';
import type { Member } from '@shared/records/member';
import { guestsMap, readGuests } from '@shared/rooms/identity';
import { ariaKeys, keyHint } from '../../ui/shortcuts/labels';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { useRoomController, useRoomState } from './RoomsContext';

/** Opens the room for the board shown, or shows its join screen; its shortcut ('room.open') does the same. */

export function RoomButton(props: { workspaceId: string; boardId: string; boardName: string; members: readonly Member[] | undefined }) {
  const { t } = useTranslation();
  const controller = useRoomController();
  const status = useRoomState((state) => state.status);
  const busy = useRoomState((state) => state.busy);
  const here = status.open && status.boardId === props.boardId;
  const elsewhere = status.open && !here;

  const act = async () => {
    if (busy || props.members === undefined) return;
    const current = controller.state.get().status;
    if (current.open) {
      if (current.boardId === props.boardId) controller.showJoinScreen(true);
      else toast.warning(t('rooms.facilitator.openElsewhere', { board: current.boardName }));
      return;
    }
    try {
      await controller.open({ workspaceId: props.workspaceId, boardId: props.boardId, boardName: props.boardName, members: props.members, address: null });
    } catch (error) {
      toast.error(t('rooms.facilitator.openFailed', { message: roomErrorText(t, error) }));
    }
  };

  useShortcuts('room', { 'room.open': () => void act() });

  return (
    <button
      type="button"
      className={`button${here ? '' : ' primary'} room-button`}
      disabled={busy || elsewhere || props.members === undefined}
      title={`${elsewhere ? t('rooms.facilitator.openElsewhere', { board: status.open ? status.boardName : '' }) : t('rooms.facilitator.openHint')} (${keyHint('room.open')})`}
      aria-keyshortcuts={ariaKeys('room.open')}
      onClick={() => void act()}
    >
      {busy ? t('rooms.facilitator.opening') : here ? t('rooms.facilitator.showJoin') : t('rooms.facilitator.open')}
    </button>
  );
}

/**
 * The board's people for its labels: the workspace's members and the guests who joined through a
 * room (whose names the room wrote into the board), so a guest's note shows their name and
 * department exactly as a member's. Guests are not offered as writers at the laptop.
 */
export function WithGuests(props: { doc: Y.Doc; workspaceId: string; members: readonly Member[]; children(people: readonly Member[]): ReactNode }) {
  const [guests, setGuests] = useState(() => readGuests(props.doc));
  useEffect(() => {
    const map = guestsMap(props.doc);
    const refresh = () => setGuests(readGuests(props.doc));
    refresh();
    map.observe(refresh);
    return () => map.unobserve(refresh);
  }, [props.doc]);
  const { members, workspaceId } = props;
  const people = useMemo(() => {
    if (guests.size === 0) return members;
    const epoch = new Date(0).toISOString();
    return [...members, ...[...guests].map(([id, guest]) => ({ workspaceId, id, name: guest.name, department: guest.department, title: '', createdAt: epoch, updatedAt: epoch }))];
  }, [members, guests, workspaceId]);
  return props.children(people);
}
