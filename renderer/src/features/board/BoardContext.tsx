import { createContext, useContext, useSyncExternalStore } from 'react';
import type { BoardSession, BoardUi } from './session';

/** The open board's session, for the node components rendered inside React Flow. */
const Context = createContext<BoardSession | null>(null);
export const BoardSessionProvider = Context.Provider;

export function useBoardSession(): BoardSession {
  const session = useContext(Context);
  if (!session) throw new Error('useBoardSession outside a board');
  return session;
}

/**
 * A slice of the board's UI state. The component re-renders only when its slice changes (a note
 * re-renders when editing starts on it, not when it starts on another note).
 */
export function useBoardUi<T>(selector: (state: BoardUi) => T): T {
  const session = useBoardSession();
  return useSyncExternalStore(session.ui.subscribe, () => selector(session.ui.get()));
}
