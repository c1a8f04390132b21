import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { readAllNodes, readVote, type VoteState } from '../../../shared/board/doc';
import { PERSONA_ZONES, type BoardNodeData, type PersonaZone, type ZoneNodeData } from '../../../shared/board/nodes';
import { authorFields, readGuests, voterIdFor, type Guest } from '../../../shared/rooms/identity';
import { spotInZone } from '../../../shared/rooms/placement';
import { FINAL_CLOSE_CODES, ROOM_CLOSE, RoomNotice, socketUrl, type JoinResponse } from '../../../shared/rooms/protocol';
import { BoardController, type UndoResult } from '../features/board/controller';
import { createStore, patchStore, type Store } from '../features/board/store';

/**
 * A participant's side of a room, plain TypeScript over the board's Y.Doc like the laptop's
 * BoardController (which it reuses for edits and undo): Hocuspocus's provider syncs the doc with
 * the room, y-indexeddb keeps it on the phone (notes written offline survive a reload or a locked
 * screen and are sent when the connection is back; Yjs merges them once), and a store tells the
 * page what to show.
 */
export type Connection = 'connecting' | 'online' | 'offline' | 'closed' | 'removed' | 'refused' | 'invalid' | 'full';

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
};

export type AddResult = 'added' | 'empty' | 'read-only' | 'no-zone';

const FINAL: Record<number, Connection> = {
  [ROOM_CLOSE.roomClosed.code]: 'closed',
  [ROOM_CLOSE.removed.code]: 'removed',
  [ROOM_CLOSE.notAuthorized.code]: 'invalid',
  [ROOM_CLOSE.refused.code]: 'refused',
  [ROOM_CLOSE.malformed.code]: 'refused',
};

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

  constructor(
    readonly joined: JoinResponse,
    private readonly origin: string,
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
    });
  }

  start(): () => void {
    const stops: (() => void)[] = [];
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

    // One IndexedDB database per join: what this phone wrote in this room, kept across reloads.
    const persistence = new IndexeddbPersistence(`alignboard-room-${this.joined.token}`, this.doc);
    void persistence.whenSynced.then(() => {
      if (this.doc.getMap('nodes').size > 0) patchStore(this.state, { ready: true });
    });
    stops.push(() => void persistence.destroy());

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
        let parsed: ReturnType<typeof RoomNotice.safeParse>;
        try {
          parsed = RoomNotice.safeParse(JSON.parse(payload));
        } catch {
          return;
        }
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
    // Presence: who is here, by Yjs awareness (the room checks that the id is this participant's).
    const { authorId, name, department } = this.joined.identity;
    provider.setAwarenessField('user', { id: authorId, name, department });
    provider.attach();
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
    this.controller.createSticky({ ...spotInZone(rect, notes), ...authorFields(this.joined.identity), text: trimmed });
    return 'added';
  }

  isMine(id: string): boolean {
    const node = this.state.get().nodes.get(id);
    return node?.type === 'sticky' && node.authorId === this.joined.identity.authorId;
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

  /** The id this participant's dots carry in the current round. */
  voterId(): string {
    return voterIdFor(this.joined.identity, this.state.get().vote);
  }

  myDots(): Set<string> {
    const voter = this.voterId();
    return new Set(this.state.get().vote.dots.filter((dot) => dot.voter === voter).map((dot) => dot.note));
  }

  toggleDot(noteId: string) {
    if (!this.canWrite()) return 'closed' as const;
    return this.controller.toggleDot(this.voterId(), noteId);
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
