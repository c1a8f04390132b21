import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { FINAL_CLOSE_CODES, type OpenRoom } from '@shared/rooms/protocol';

export type LinkState = 'connecting' | 'synced' | 'offline' | 'closed';

/**
 * The laptop's board joins its own room over loopback: Hocuspocus's provider on the board's own
 * Y.Doc (the one y-dexie loaded from IndexedDB). What participants write arrives as updates whose
 * origin is the provider, so y-dexie stores them like any edit and the board's UndoManager (which
 * tracks only the window's own origin) never takes them back; the laptop's edits go out the same way.
 */
export type FacilitatorLink = {
  readonly provider: HocuspocusProvider;
  /** Resolves at the first full sync with the room. */
  readonly synced: Promise<void>;
  destroy(): void;
};

export function joinOwnRoom(
  doc: Y.Doc,
  room: Pick<OpenRoom, 'facilitator'>,
  options: { onState?: (state: LinkState) => void; WebSocketPolyfill?: unknown } = {},
): FacilitatorLink {
  let resolveSynced!: () => void;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  const socket = new HocuspocusProviderWebsocket({
    url: room.facilitator.url,
    delay: 300,
    minDelay: 300,
    maxDelay: 3_000,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
  });
  let final = false;
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room.facilitator.documentName,
    document: doc,
    token: room.facilitator.token,
    onSynced: () => {
      resolveSynced();
      options.onState?.('synced');
    },
    onStatus: ({ status }) => {
      if (!final && status !== WebSocketStatus.Connected) options.onState?.(status === WebSocketStatus.Connecting ? 'connecting' : 'offline');
    },
    onClose: ({ event }) => {
      // The room closed (or refused this laptop): reconnecting cannot help.
      if (FINAL_CLOSE_CODES.has(event.code)) {
        final = true;
        socket.disconnect();
        options.onState?.('closed');
      }
    },
  });
  provider.setAwarenessField('user', { id: 'facilitator', facilitator: true });
  provider.attach();
  return {
    provider,
    synced,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}
