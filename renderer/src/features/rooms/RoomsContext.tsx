import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useApp } from '../../app/AppContext';
import { JoinScreen } from './JoinScreen';
import { ParticipantsPanel } from './ParticipantsPanel';
import { RoomController, type RoomUiState } from './roomController';
import './rooms.css';

const RoomsContext = createContext<RoomController | null>(null);

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
      <JoinScreen />
      <ParticipantsPanel />
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
