import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { nodesMap, readAllNodes, readVote, type VoteState } from '@shared/board/doc';
import { PERSONA_ZONES, type BoardNodeData, type PersonaZone, type ZoneNodeData } from '@shared/board/nodes';
import { authorFields, readGuests, type Guest } from '@shared/rooms/identity';
import { spotInZone } from '@shared/rooms/placement';
import { FINAL_CLOSE_CODES, ROOM_CLOSE, RoomDots, RoomNotice, socketUrl, type DotOutcome, type DotRequest, type JoinResponse, type ParticipantPresence } from '@shared/rooms/protocol';
import { BoardController, type UndoResult } from '../features/board/controller';
import { createStore, patchStore, type Store } from '../features/board/store';

/**
 * A participant's side of a room, plain TypeScript over the board's Y.Doc like the laptop's
 * BoardController (which it reuses for edits and undo): Hocuspocus's provider syncs the doc with
 * the room, y-indexeddb keeps it on the phone (notes written offline survive a reload or a locked
 * screen and are sent when the connection is back; Yjs merges them once), and a store tells the
 * page what to show.
 */
export type Connection = 'connecting' | 'online' | 'offline' | 'closed' | 'removed' | 'replaced' | 'refused' | 'invalid' | 'full';

export type ParticipantState = {
  connection: Connection;
  locked: boolean;
  /** The first sync with the room is done (or the phone's copy is loaded): the board can be shown. */
  ready: boolean;
  /** Local changes the room has not confirmed yet. */
  unsent: boolean;
  nodes: Map<string, BoardNodeData>;
  vote: VoteState;
  guests: Map<string, Guest>;
  history: { canUndo: boolean; canRedo: boolean };
  /** The notes carrying this participant's dots in `round`, as the room told them (only them). */
  dots: { round: string | null; notes: ReadonlySet<string> };
};

export type AddResult = 'added' | 'empty' | 'read-only' | 'no-zone' | 'limit';
export type DotResult = DotOutcome | 'offline';

const FINAL: Record<number, Connection> = {
  [ROOM_CLOSE.roomClosed.code]: 'closed',
  [ROOM_CLOSE.removed.code]: 'removed',
  [ROOM_CLOSE.notAuthorized.code]: 'invalid',
  [ROOM_CLOSE.refused.code]: 'refused',
  [ROOM_CLOSE.malformed.code]: 'refused',
  [ROOM_CLOSE.documentFull.code]: 'refused',
};

/**
 * The Yjs client ids this page has written under for this join (a reloaded page gets a new one):
 * a note is this participant's when it was created under one of them, as the room decides.
 */
function ownClients(database: string, current: number): Set<number> {
  const key = `alignboard-room-clients:${database}`;
  let ids: number[] = [];
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    if (Array.isArray(parsed)) ids = parsed.filter((id): id is number => Number.isInteger(id));
  } catch {
    ids = [];
  }
  if (!ids.includes(current)) ids.push(current);
  try {
    localStorage.setItem(key, JSON.stringify(ids.slice(-64)));
  } catch {
    // Without storage, notes written before a reload are not shown as editable; the room still decides.
  }
  return new Set(ids);
}

/** Ids without crypto.randomUUID, which browsers offer only to secure contexts (a room is plain http on the LAN). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export class ParticipantSession {
  readonly doc = new Y.Doc();
  readonly controller: BoardController;
  readonly state: Store<ParticipantState>;
  private provider: HocuspocusProvider | null = null;
  private socket: HocuspocusProviderWebsocket | null = null;
  private clients = new Set<number>();
  private readonly pendingDots = new Map<string, (result: DotResult) => void>();

  constructor(
    readonly joined: JoinResponse,
    private readonly origin: string,
    /** The phone's copy of the board: this join's own, or the one of this board's earlier room it joined again from. */
    private readonly database = `alignboard-room-${joined.token}`,
  ) {
    this.controller = new BoardController(this.doc, randomId);
    this.state = createStore<ParticipantState>({
      connection: 'connecting',
      locked: false,
      ready: false,
      unsent: false,
      nodes: new Map(),
      vote: readVote(this.doc),
      guests: new Map(),
      history: { canUndo: false, canRedo: false },
      dots: { round: null, notes: new Set() },
    });
  }

  start(): () => void {
    const stops: (() => void)[] = [];
    this.clients = ownClients(this.database, this.doc.clientID);
    const refresh = () =>
      patchStore(this.state, {
        nodes: readAllNodes(this.doc),
        vote: readVote(this.doc),
        guests: readGuests(this.doc),
        history: { canUndo: this.controller.canUndo(), canRedo: this.controller.canRedo() },
      });
    const onTransaction = () => refresh();
    this.doc.on('afterTransaction', onTransaction);
    stops.push(() => this.doc.off('afterTransaction', onTransaction));
    const manager = this.controller.undoManager;
    const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
    for (const event of events) manager.on(event, refresh);
    stops.push(() => events.forEach((event) => manager.off(event, refresh)));

    // One IndexedDB database per join (carried into the board's next room when the phone joins it
    // again): what this phone wrote, kept across reloads, sent when the connection is back.
    const persistence = new IndexeddbPersistence(this.database, this.doc);
    // The provider joins the room once the phone's copy is loaded. Loaded after, the copy would be a
    // change of the doc like any other, sent whole as an update: every participant's notes and the
    // laptop's, under their Yjs client ids, which the room refuses from anyone but their writer
    // (server/rooms/clients.ts), closing this phone's connection after each reload. Loaded before,
    // the sync sends the room only what it lacks of the copy: what this phone wrote.
    let stopped = false;
    let attached = false;
    const attach = () => {
      if (stopped || attached) return;
      attached = true;
      clearTimeout(storageTimeout);
      provider.attach();
    };
    // Storage that never answers (blocked by the browser) does not keep the phone out of the room.
    const storageTimeout = setTimeout(attach, 3_000);
    void persistence.whenSynced.then(() => {
      if (this.doc.getMap('nodes').size > 0) patchStore(this.state, { ready: true });
      attach();
    });
    stops.push(() => {
      stopped = true;
      clearTimeout(storageTimeout);
      void persistence.destroy();
    });

    const socket = new HocuspocusProviderWebsocket({ url: socketUrl(this.origin, this.joined.token), delay: 500, minDelay: 500, maxDelay: 5_000 });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: this.joined.documentName,
      document: this.doc,
      token: this.joined.token,
      onStatus: ({ status }) => {
        const connection = this.state.get().connection;
        if (connection !== 'connecting' && connection !== 'online' && connection !== 'offline') return;
        patchStore(this.state, { connection: status === WebSocketStatus.Connected ? 'online' : connection === 'connecting' ? 'connecting' : 'offline' });
      },
      onSynced: () => patchStore(this.state, { ready: true, connection: 'online' }),
      onUnsyncedChanges: ({ number }) => patchStore(this.state, { unsent: number > 0 }),
      onStateless: ({ payload }) => {
        let message: unknown;
        try {
          message = JSON.parse(payload);
        } catch {
          return;
        }
        const dots = RoomDots.safeParse(message);
        if (dots.success) {
          patchStore(this.state, { dots: { round: dots.data.round, notes: new Set(dots.data.notes) } });
          const outcome = dots.data.outcome;
          if (outcome) {
            this.pendingDots.get(outcome.note)?.(outcome.result);
            this.pendingDots.delete(outcome.note);
          }
          return;
        }
        const parsed = RoomNotice.safeParse(message);
        if (!parsed.success) return;
        const wasLocked = this.state.get().locked;
        patchStore(this.state, { locked: parsed.data.locked });
        // What was written while locked was not applied: offer it again now.
        if (wasLocked && !parsed.data.locked) provider.forceSync();
      },
      onClose: ({ event }) => {
        if (FINAL_CLOSE_CODES.has(event.code)) {
          patchStore(this.state, { connection: FINAL[event.code] ?? 'closed' });
          socket.disconnect();
        } else if (event.code === ROOM_CLOSE.full.code) {
          patchStore(this.state, { connection: 'full' });
        }
      },
    });
    // Presence: who is here, by Yjs awareness (the room checks that the client id is this
    // participant's, and that presence names them as they joined: ParticipantPresence).
    const { authorId, name, department } = this.joined.identity;
    provider.setAwarenessField('user', { id: authorId, name, department } satisfies ParticipantPresence['user']);
    this.provider = provider;
    this.socket = socket;
    // The browser knows before the socket does (Wi-Fi off, airplane mode): say so at once, and try
    // again as soon as it says the network is back.
    const onOffline = () => {
      if (this.state.get().connection === 'online' || this.state.get().connection === 'connecting') {
        patchStore(this.state, { connection: 'offline' });
        socket.disconnect();
      }
    };
    const onOnline = () => {
      if (this.state.get().connection === 'offline') void socket.connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    stops.push(() => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    });
    refresh();
    return () => {
      for (const stop of stops) stop();
      for (const resolve of this.pendingDots.values()) resolve('offline');
      this.pendingDots.clear();
      provider.destroy();
      socket.destroy();
      this.controller.destroy();
      this.provider = null;
      this.socket = null;
    };
  }

  canWrite(): boolean {
    const { connection, locked } = this.state.get();
    return !locked && (connection === 'online' || connection === 'offline' || connection === 'connecting');
  }

  private zone(zone: PersonaZone): ZoneNodeData | null {
    for (const node of this.state.get().nodes.values()) if (node.type === 'zone' && node.zone === zone) return node;
    return null;
  }

  addNote(zone: PersonaZone, text: string): AddResult {
    if (!this.canWrite()) return 'read-only';
    const trimmed = text.trim();
    if (!trimmed) return 'empty';
    const rect = this.zone(zone);
    if (!rect) return 'no-zone';
    const notes = [...this.state.get().nodes.values()].filter((node) => node.type === 'sticky');
    if (this.myNoteCount() >= this.joined.maxNotes) return 'limit';
    this.controller.createSticky({ ...spotInZone(rect, notes), ...authorFields(this.joined.identity), text: trimmed });
    return 'added';
  }

  /** Created by this participant in this room: the room lets them change only those. */
  isMine(id: string): boolean {
    const map = nodesMap(this.doc).get(id);
    const creator = map?._item?.id.client;
    return map?.get('type') === 'sticky' && creator !== undefined && this.clients.has(creator);
  }

  myNoteCount(): number {
    let count = 0;
    for (const id of this.state.get().nodes.keys()) if (this.isMine(id)) count++;
    return count;
  }

  setText(id: string, text: string): boolean {
    if (!this.canWrite() || !this.isMine(id) || !text.trim()) return false;
    this.controller.setText(id, text.trim());
    return true;
  }

  deleteNote(id: string): boolean {
    if (!this.canWrite() || !this.isMine(id)) return false;
    this.controller.deleteNodes([id]);
    return true;
  }

  /** The notes carrying this participant's dots in the current round (a new round starts empty). */
  myDots(): ReadonlySet<string> {
    const { dots, vote } = this.state.get();
    return vote.active && dots.round === vote.round ? dots.notes : new Set();
  }

  /**
   * Asks the room to place or take back this participant's dot on a note: the room writes it (in
   * an anonymous round under an id nobody else can tie to them) and answers them alone.
   */
  toggleDot(noteId: string): Promise<DotResult> {
    const { vote, connection } = this.state.get();
    if (!this.canWrite()) return Promise.resolve('locked');
    if (!vote.active || vote.round === null) return Promise.resolve('closed');
    if (connection !== 'online' || !this.provider) return Promise.resolve('offline');
    const request: DotRequest = { type: 'dot', round: vote.round, note: noteId };
    this.pendingDots.get(noteId)?.('offline');
    return new Promise((resolve) => {
      // A connection that drops before the answer: the dot is not known to be placed.
      const timer = setTimeout(() => settle('offline'), 10_000);
      const settle = (result: DotResult) => {
        clearTimeout(timer);
        if (this.pendingDots.get(noteId) === settle) this.pendingDots.delete(noteId);
        resolve(result);
      };
      this.pendingDots.set(noteId, settle);
      this.provider!.sendStateless(JSON.stringify(request));
    });
  }

  undo(): UndoResult | 'read-only' {
    return this.canWrite() ? this.controller.undo() : 'read-only';
  }

  redo(): UndoResult | 'read-only' {
    return this.canWrite() ? this.controller.redo() : 'read-only';
  }

  /** Zones present on this board, in template order. */
  zones(): PersonaZone[] {
    const present = new Set<PersonaZone>();
    for (const node of this.state.get().nodes.values()) if (node.type === 'zone') present.add(node.zone);
    return PERSONA_ZONES.filter((zone) => present.has(zone));
  }
}
