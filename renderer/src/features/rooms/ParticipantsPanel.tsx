import { roomErrorText } from './roomErrors';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { RoomParticipant } from '@shared/rooms/protocol';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { DepartmentBadge } from '../../ui/DepartmentBadge';
import { useFocusAfterRemoval } from '../../ui/useFocusAfterRemoval';
import { useRoomController, useRoomState } from './RoomsContext';

/** Who is in the room, and the facilitator's controls: lock, remove a participant, close the room. */
export function ParticipantsPanel() {
  const { t } = useTranslation();
  const controller = useRoomController();
  const shown = useRoomState((state) => state.panel);
  const status = useRoomState((state) => state.status);
  const link = useRoomState((state) => state.link);
  const [removing, setRemoving] = useState<RoomParticipant | null>(null);
  const [closing, setClosing] = useState(false);
  // The box follows the click at once; the room's answer then decides (a refusal puts it back).
  const [lockWanted, setLockWanted] = useState<boolean | null>(null);
  /**
   * The keyboard's place in the panel around its questions. The panel is itself a dialog, so the
   * question's own way back (the focus before it, outside any dialog) led behind the panel, to the
   * page under it: Cancel goes back to the button that asked, a removal to the next row's Remove
   * (or, the list empty, "Show the join screen").
   */
  const removeLabel = (participant: RoomParticipant) => t('rooms.facilitator.removeLabel', { name: participant.name });
  const showJoinButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const asked = useRef<RoomParticipant | null>(null);
  const focusAfter = useFocusAfterRemoval(status.open ? status.participants : undefined, removeLabel, showJoinButton);
  const focusButton = (button: HTMLElement | null | undefined): boolean => {
    if (!button) return false;
    button.focus();
    return true;
  };
  if (!status.open) return null;

  const run = async (work: () => Promise<void>, done?: string) => {
    try {
      await work();
      if (done) toast.success(done);
    } catch (error) {
      toast.error(t('rooms.facilitator.actionFailed', { message: roomErrorText(t, error) }));
    }
  };

  return (
    <>
      <Dialog open={shown} onOpenChange={(open) => controller.showPanel(open)} title={t('rooms.facilitator.panelTitle', { board: status.boardName })} description={t('rooms.facilitator.panelLead')}>
        {link && link !== 'synced' ? (
          <p className="notice warning" role="status">
            {t(link === 'connecting' ? 'rooms.facilitator.linkConnecting' : link === 'offline' ? 'rooms.facilitator.linkOffline' : 'rooms.facilitator.linkClosed')}
          </p>
        ) : null}
        {status.participants.length === 0 ? (
          <p>{t('rooms.facilitator.noParticipants')}</p>
        ) : (
          <table className="table room-participants">
            <caption className="visually-hidden">{t('rooms.facilitator.participants')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rooms.facilitator.name')}</th>
                <th scope="col">{t('rooms.facilitator.department')}</th>
                <th scope="col">{t('rooms.facilitator.presence')}</th>
                <th scope="col">{t('rooms.facilitator.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {status.participants.map((participant) => (
                <tr key={participant.id}>
                  <th scope="row">
                    {participant.name}
                    {participant.memberId === null ? <span className="room-guest"> ({t('rooms.facilitator.guest')})</span> : null}
                  </th>
                  <td>
                    <DepartmentBadge department={participant.department} />
                  </td>
                  <td>
                    <span className={`room-presence ${participant.online ? 'is-online' : 'is-offline'}`}>
                      <span aria-hidden="true">{participant.online ? '●' : '○'}</span> {t(participant.online ? 'rooms.facilitator.online' : 'rooms.facilitator.offline')}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button small danger"
                      aria-label={removeLabel(participant)}
                      onClick={() => {
                        asked.current = participant;
                        setRemoving(participant);
                      }}
                    >
                      {t('rooms.facilitator.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="room-lock">
          <label>
            <input
              type="checkbox"
              checked={lockWanted ?? status.locked}
              onChange={(event) => {
                const locked = event.target.checked;
                setLockWanted(locked);
                void run(() => controller.lock(locked)).finally(() => setLockWanted(null));
              }}
            />{' '}
            {t('rooms.facilitator.lock')}
          </label>{' '}
          <span role="status">{t(status.locked ? 'rooms.facilitator.locked' : 'rooms.facilitator.unlocked')}</span>
        </p>
        <div className="dialog-buttons">
          <button
            ref={showJoinButton}
            type="button"
            className="button"
            onClick={() => {
              controller.showPanel(false);
              controller.showJoinScreen(true);
            }}
          >
            {t('rooms.facilitator.showJoin')}
          </button>
          <button ref={closeButton} type="button" className="button danger" onClick={() => setClosing(true)}>
            {t('rooms.facilitator.close')}
          </button>
        </div>
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('rooms.facilitator.removeTitle', { name: removing?.name ?? '' })}
        description={t('rooms.facilitator.removeBody', { name: removing?.name ?? '' })}
        confirmLabel={t('rooms.facilitator.remove')}
        focusOnClose={() => {
          const participant = asked.current;
          return participant ? focusButton(document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(removeLabel(participant))}"]`)) : false;
        }}
        onConfirm={() => {
          const participant = removing;
          if (!participant) return;
          focusAfter.willRemove(participant.id, status.participants.findIndex((candidate) => candidate.id === participant.id));
          void run(async () => {
            try {
              await controller.remove(participant.id);
            } catch (error) {
              focusAfter.cancel();
              throw error;
            }
          }, t('rooms.facilitator.removed', { name: participant.name }));
        }}
      />
      <ConfirmDialog
        open={closing}
        onOpenChange={setClosing}
        title={t('rooms.facilitator.closeTitle')}
        description={t('rooms.facilitator.closeBody')}
        confirmLabel={t('rooms.facilitator.close')}
        focusOnClose={() => focusButton(closeButton.current)}
        onConfirm={() => void run(() => controller.close(), t('rooms.facilitator.closed'))}
      />
    </>
  );
}
