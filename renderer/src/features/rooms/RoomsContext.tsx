import { createContext, lazy, Suspense, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useApp } from '../../app/AppContext';
import { RoomController, type RoomUiState } from './roomController';
import './rooms.css';

const RoomsContext = createContext<RoomController | null>(null);

// The join screen (with its QR code library) and the panel load with the session's first room.
const JoinScreen = lazy(() => import('./JoinScreen').then((module) => ({ default: module.JoinScreen })));
const ParticipantsPanel = lazy(() => import('./ParticipantsPanel').then((module) => ({ default: module.ParticipantsPanel })));

function RoomDialogs() {
  const wanted = useRoomState((state) => state.status.open || state.busy || state.joinScreen || state.panel);
  const [loaded, setLoaded] = useState(false);
  // Once loaded they stay mounted, so closing one returns focus as a dialog does.
  if (wanted && !loaded) setLoaded(true);
  return loaded ? (
    <Suspense fallback={null}>
      <JoinScreen />
      <ParticipantsPanel />
    </Suspense>
  ) : null;
}

/**
 * The facilitator's room for the whole app: one controller (the room stays open and the board
 * stays joined while the facilitator moves between pages), its join screen and participants panel.
 */
export function RoomsProvider(props: { children: ReactNode }) {
  const { host } = useApp();
  const [controller] = useState(() => new RoomController(host.rooms));
  useEffect(() => controller.start(), [controller]);
  return (
    <RoomsContext.Provider value={controller}>
      {props.children}
      <RoomDialogs />
    </RoomsContext.Provider>
  );
}

export function useRoomController(): RoomController {
  const controller = useContext(RoomsContext);
  if (!controller) throw new Error('useRoomController outside RoomsProvider');
  return controller;
}

export function useRoomState<T>(select: (state: RoomUiState) => T): T {
  const controller = useRoomController();
  return useSyncExternalStore(controller.state.subscribe, () => select(controller.state.get()));
}

export function onlineCount(state: RoomUiState): number {
  return state.status.open ? state.status.participants.filter((participant) => participant.online).length : 0;
}
