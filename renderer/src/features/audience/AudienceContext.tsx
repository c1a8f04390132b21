import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { INITIAL_AUDIENCE_STATE, JoinInfo, type AudienceState, type Presentation } from '@shared/audience/presentation';
import { useApp } from '../../app/AppContext';
import { errorMessage } from '../../db/errors';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import type { RoomStatus } from '@shared/rooms/protocol';
import type { RoomUiState } from '../rooms/roomController';
import { onlineCount, useRoomState } from '../rooms/RoomsContext';
import { Presenter } from './presentationChannel';

export type AudienceControls = {
  /** What the audience window shows (or would show once opened). */
  state: AudienceState;
  /** The audience window is open. */
  open: boolean;
  /** Opens the audience window (or brings it forward) showing `presentation` (default: what the page offers, else what is presented). */
  show(presentation?: Presentation): Promise<void>;
  close(): Promise<void>;
  /**
   * "Show on projector" from the menu, the shortcut or the toolbar: opens it on the page's board;
   * when open on another board, shows this page's board; when it already shows it, closes it.
   */
  toggle(): void;
  present(presentation: Presentation): void;
  setBlank(blank: boolean): void;
  /**
   * The page's own presentation (a board page: its board), shown when the projector is opened from
   * that page; null when the page leaves. Returns a function that withdraws it.
   */
  offer(presentation: Presentation): () => void;
};

const Context = createContext<AudienceControls | null>(null);

export function useAudience(): AudienceControls {
  const value = useContext(Context);
  if (!value) throw new Error('useAudience outside AudienceProvider');
  return value;
}

/** The join screen's facts of the open room, validated as the audience window will validate them. */
function joinInfoOf(status: RoomStatus, connected: number): JoinInfo | null {
  if (!status.open) return null;
  const parsed = JoinInfo.safeParse({ joinUrl: status.joinUrl, code: status.code, boardName: status.boardName, connected });
  return parsed.success ? parsed.data : null;
}
const roomStatus = (state: RoomUiState) => state.status;

/** Whether two presentations show the same thing (a board's zone or private mode aside). */
export function samePresentation(a: Presentation, b: Presentation): boolean {
  if (a.kind === 'board' && b.kind === 'board') return a.workspaceId === b.workspaceId && a.boardId === b.boardId;
  return a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The laptop's side of the audience view, one per app window: owns what is presented (a Presenter
 * on the audience channel), opens and closes the audience window through the host, and binds
 * "Show on projector" (menu, Alt+Shift+O) and, while the window is open, B for the pause screen.
 *
 * When the laptop leaves a board page the projector keeps showing that board: as in a presenter
 * view, the room's screen changes only when the facilitator says so, so looking something up on
 * the laptop never flashes it at the room.
 */
export function AudienceProvider(props: { children: ReactNode }) {
  const { host } = useApp();
  const { t } = useTranslation();
  const presenter = useRef<Presenter | null>(null);
  const [state, setState] = useState<AudienceState>(INITIAL_AUDIENCE_STATE);
  const [open, setOpen] = useState(false);
  const offered = useRef<Presentation | null>(null);
  const openRef = useRef(false);

  useEffect(() => {
    const created = new Presenter();
    presenter.current = created;
    const stop = created.subscribe(setState);
    return () => {
      stop();
      created.dispose();
      presenter.current = null;
    };
  }, []);

  const setOpenBoth = useCallback((value: boolean) => {
    openRef.current = value;
    setOpen(value);
  }, []);

  // Closed by the user or by an unplugged display: nothing to save, the laptop just knows.
  useEffect(
    () =>
      host.audience.onClosed(() => {
        if (!openRef.current) return;
        setOpenBoth(false);
        presenter.current?.setBlank(false);
      }),
    [host, setOpenBoth],
  );

  const present = useCallback((presentation: Presentation) => presenter.current?.present(presentation), []);
  const setBlank = useCallback((blank: boolean) => presenter.current?.setBlank(blank), []);

  const show = useCallback(
    async (presentation?: Presentation) => {
      const next = presentation ?? offered.current;
      // Before the window opens: its first hello is answered with what it should show.
      if (next) presenter.current?.present(next);
      const wasOpen = openRef.current;
      try {
        const { placement } = await host.audience.open();
        setOpenBoth(true);
        if (wasOpen) return;
        if (placement === 'window') toast(t(host.kind === 'browser' ? 'audience.controls.openedWindowBrowser' : 'audience.controls.openedWindowDesktop'), { duration: 10_000 });
        else toast(t('audience.controls.opened'));
      } catch (error) {
        toast.error(t('audience.controls.openFailed', { message: errorMessage(error) }));
      }
    },
    [host, t, setOpenBoth],
  );

  const close = useCallback(async () => {
    setOpenBoth(false);
    presenter.current?.setBlank(false);
    try {
      await host.audience.close();
    } catch (error) {
      console.error('closing the audience window failed', error);
    }
  }, [host, setOpenBoth]);

  const toggle = useCallback(() => {
    if (!openRef.current) return void show();
    // Open on another board: "Show on projector" on this page shows this page's board.
    const page = offered.current;
    const current = presenter.current?.current.presentation;
    if (page && current && !samePresentation(page, current)) return present(page);
    void close();
  }, [close, show, present]);

  const offer = useCallback((presentation: Presentation) => {
    offered.current = presentation;
    return () => {
      if (offered.current === presentation) offered.current = null;
    };
  }, []);

  useEffect(() => host.onCommand((command) => command === 'toggle-audience' && toggle()), [host, toggle]);
  useShortcuts('global', { 'app.audience': () => toggle() });
  useShortcuts('audience', { 'audience.blank': () => setBlank(!state.blank) }, open);

  // The join screen follows the room: its count and address as they change; idle once it closes.
  const status = useRoomState(roomStatus);
  const connected = useRoomState(onlineCount);
  const presentation = state.presentation;
  useEffect(() => {
    if (presentation.kind !== 'join') return;
    const room = status.open && status.boardId === presentation.boardId ? joinInfoOf(status, connected) : null;
    if (!room) presenter.current?.present({ kind: 'idle' });
    else if (JSON.stringify(room) !== JSON.stringify(presentation.room)) presenter.current?.present({ ...presentation, room });
  }, [presentation, status, connected]);

  const value = useMemo<AudienceControls>(() => ({ state, open, show, close, toggle, present, setBlank, offer }), [state, open, show, close, toggle, present, setBlank, offer]);
  return (
    <Context.Provider value={value}>
      {props.children}
    </Context.Provider>
  );
}

/** The join screen's facts of the open room, for a control that presents it. */
export function useJoinInfo(boardId: string): JoinInfo | null {
  const status = useRoomState(roomStatus);
  const connected = useRoomState(onlineCount);
  return useMemo(() => (status.open && status.boardId === boardId ? joinInfoOf(status, connected) : null), [status, connected, boardId]);
}
