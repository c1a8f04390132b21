import * as RadixDialog from '@radix-ui/react-dialog';
import { roomErrorText } from './roomErrors';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { db } from '../../db/db';
import { useReturnFocus } from '../../ui/Dialog';
import { QrCode } from './QrCode';
import { onlineCount, useRoomController, useRoomState } from './RoomsContext';

/**
 * What the projector shows while people join: the QR code, the URL and the room code in large type
 * on the projector palette (whatever the app's theme), how many are connected (so the facilitator
 * sees at once that nobody got in), and what to do when phones cannot reach the laptop.
 */
export function JoinScreen() {
  const { t } = useTranslation();
  const controller = useRoomController();
  const shown = useRoomState((state) => state.joinScreen);
  const status = useRoomState((state) => state.status);
  const workspaceId = useRoomState((state) => state.workspaceId);
  const busy = useRoomState((state) => state.busy);
  const count = useRoomState(onlineCount);
  const helpId = useId();
  const returnFocus = useReturnFocus(shown);
  if (!status.open) return null;

  const changeAddress = async (address: string) => {
    try {
      const members = workspaceId ? await db.members.where('workspaceId').equals(workspaceId).toArray() : [];
      await controller.changeAddress(address, members);
      toast.success(t('rooms.facilitator.addressChanged', { address }));
    } catch (error) {
      toast.error(t('rooms.facilitator.openFailed', { message: roomErrorText(t, error) }));
    }
  };

  return (
    <RadixDialog.Root open={shown} onOpenChange={(open) => controller.showJoinScreen(open)}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay join-screen-overlay" />
        <RadixDialog.Content className="join-screen projector-palette" aria-describedby={undefined} onCloseAutoFocus={returnFocus}>
          <RadixDialog.Title className="join-title">{t('rooms.facilitator.joinTitle', { board: status.boardName })}</RadixDialog.Title>
          <div className="join-body">
            <QrCode value={status.joinUrl} label={t('rooms.facilitator.qrLabel', { url: status.joinUrl })} />
            <div className="join-facts">
              <p className="join-lead">{t('rooms.facilitator.joinLead')}</p>
              <dl>
                <dt>{t('rooms.facilitator.address')}</dt>
                <dd className="join-url" data-testid="join-url">
                  {status.joinUrl}
                </dd>
                <dt>{t('rooms.facilitator.code')}</dt>
                <dd className="join-code">{status.code}</dd>
              </dl>
              <p className="join-count" role="status">
                {count > 0 ? t('rooms.facilitator.connected', { count }) : t('rooms.facilitator.nobodyYet')}
              </p>
            </div>
          </div>
          {status.addresses.length > 1 ? (
            <p className="join-address">
              <label>
                {t('rooms.facilitator.addressPicker')}{' '}
                <select value={status.address} disabled={busy} onChange={(event) => void changeAddress(event.target.value)} aria-describedby={`${helpId}-address`}>
                  {status.addresses.map((entry) => (
                    <option key={entry.address} value={entry.address}>
                      {t('rooms.facilitator.addressOption', { address: entry.address, name: entry.name })}
                    </option>
                  ))}
                </select>
              </label>
              <span id={`${helpId}-address`} className="join-address-help">
                {t('rooms.facilitator.helpAddress')}
              </span>
            </p>
          ) : null}
          <details className="join-help">
            <summary>{t('rooms.facilitator.helpTitle')}</summary>
            <ul>
              <li>{t('rooms.facilitator.helpSameNetwork')}</li>
              <li>{t('rooms.facilitator.helpFirewall')}</li>
              <li>{t('rooms.facilitator.helpIsolation')}</li>
            </ul>
          </details>
          <div className="dialog-buttons">
            <button
              type="button"
              className="button"
              onClick={() => {
                controller.showJoinScreen(false);
                controller.showPanel(true);
              }}
            >
              {t('rooms.facilitator.participants')}
            </button>
            <RadixDialog.Close className="button primary">{t('rooms.facilitator.closeJoin')}</RadixDialog.Close>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
