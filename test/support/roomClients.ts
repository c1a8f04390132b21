import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { ROOM_PATHS, socketUrl, type DotOutcome, type JoinRequest, type JoinResponse, type RoomDots, type RoomNotice, type RoomSummary } from '../../shared/rooms/protocol';

/**
 * Real Yjs clients of a room for Node (tests, e2e's facilitator, the benchmark): Hocuspocus's own
 * provider over the `ws` WebSocket, with the Origin header a browser would send. Everything here
 * talks to 127.0.0.1 only.
 */

export type CloseRecord = { code: number; reason: string };

export type RoomClient = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  closes: CloseRecord[];
  notices: RoomNotice[];
  /** What the room told this client of its own dots, in order. */
  dots: RoomDots[];
  /** Asks the room to place or take back this client's dot, as the participant page does; the room's answer. */
  dot(round: string, note: string): Promise<DotOutcome>;
  /** Resolves once the first sync with the server is complete. */
  synced: Promise<void>;
  /** Resolves with the next close the server sends. */
  nextClose(): Promise<CloseRecord>;
  destroy(): void;
};

function socketClass(origin: string | null) {
  return class OriginWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, origin ? { origin } : {});
      // Destroying a client whose socket is still connecting (it retries after a room closed)
      // makes ws emit 'error' after the provider has dropped its handlers, and an 'error' nobody
      // listens to is thrown. What a client saw is recorded from its close events instead.
      this.on('error', () => {});
    }
  };
}

export function connectClient(options: {
  origin: string | null;
  url: string;
  documentName: string;
  token: string;
  doc?: Y.Doc;
  /** Stop after the first close instead of reconnecting (what the participant page does on a final close). */
  reconnect?: boolean;
}): RoomClient {
  const doc = options.doc ?? new Y.Doc();
  const closes: CloseRecord[] = [];
  const notices: RoomNotice[] = [];
  const dots: RoomDots[] = [];
  const dotWaiters = new Map<string, (outcome: DotOutcome) => void>();
  const waiters: ((close: CloseRecord) => void)[] = [];
  let resolveSynced!: () => void;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: socketClass(options.origin),
    delay: 200,
    minDelay: 100,
    maxDelay: 1000,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: options.documentName,
    document: doc,
    token: options.token,
    onSynced: () => resolveSynced(),
    onStateless: ({ payload }) => {
      const parsed = JSON.parse(payload) as RoomNotice | RoomDots;
      if (parsed.type === 'room') notices.push(parsed);
      if (parsed.type === 'dots') {
        dots.push(parsed);
        if (parsed.outcome) dotWaiters.get(parsed.outcome.note)?.(parsed.outcome.result);
      }
    },
    onClose: ({ event }) => {
      const record = { code: event.code, reason: String(event.reason ?? '') };
      closes.push(record);
      for (const waiter of waiters.splice(0)) waiter(record);
      if (options.reconnect === false) websocketProvider.disconnect();
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    closes,
    notices,
    dots,
    dot: (round, note) =>
      new Promise((resolve) => {
        dotWaiters.set(note, resolve);
        provider.sendStateless(JSON.stringify({ type: 'dot', round, note }));
      }),
    synced,
    nextClose: () => new Promise((resolve) => waiters.push(resolve)),
    destroy() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** GET the join summary and POST a join, as the participant page does. */
export async function joinRoom(joinUrl: string, request: JoinRequest): Promise<{ summary: RoomSummary; joined: JoinResponse }> {
  const url = new URL(joinUrl);
  const token = url.searchParams.get('t')!;
  const summaryResponse = await fetch(new URL(`${ROOM_PATHS.summary}?t=${token}`, url.origin));
  if (!summaryResponse.ok) throw new Error(`summary: ${summaryResponse.status} ${await summaryResponse.text()}`);
  const summary = (await summaryResponse.json()) as RoomSummary;
  const response = await fetch(new URL(`${ROOM_PATHS.enter}?t=${token}`, url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url.origin },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new Error(`join: ${response.status} ${await response.text()}`);
  return { summary, joined: (await response.json()) as JoinResponse };
}

/** Joins and connects a participant client. */
export async function joinAndConnect(joinUrl: string, request: JoinRequest, options: { reconnect?: boolean } = {}) {
  const { summary, joined } = await joinRoom(joinUrl, request);
  const origin = new URL(joinUrl).origin;
  const client = connectClient({ origin, url: socketUrl(origin, joined.token), documentName: joined.documentName, token: joined.token, ...options });
  return { summary, joined, client };
}

/** Waits until `check` holds, polling; throws with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
