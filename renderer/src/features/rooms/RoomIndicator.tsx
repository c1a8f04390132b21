import { useTranslation } from 'react-i18next';
import { onlineCount, useRoomController, useRoomState } from './RoomsContext';

/** In the app header on every page while a room is open: that it is, and how many are connected. */
export function RoomIndicator() {
  const { t } = useTranslation();
  const controller = useRoomController();
  const status = useRoomState((state) => state.status);
  const count = useRoomState(onlineCount);
  if (!status.open) return null;
  return (
    <button
      type="button"
      className="room-indicator"
      aria-label={t('rooms.facilitator.indicatorLabel', { board: status.boardName, count })}
      onClick={() => controller.showPanel(true)}
    >
      <span className="room-indicator-dot" aria-hidden="true" />
      {t('rooms.facilitator.indicator', { count })}
    </button>
  );
}
