import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { RoomMemory, type RoomMember, type RoomStatus } from '@shared/rooms/protocol';
import type { Member } from '@shared/records/member';
import { isGuestAuthorId } from '@shared/rooms/identity';
import { db } from '../../db/db';
import type { RoomsHost } from '../../host/roomsHost';
import { createStore, patchStore, type Store } from '../board/store';
import type { FacilitatorLink, LinkState } from './facilitatorLink';

export type RoomUiState = {
  status: RoomStatus;
  /** The laptop's own connection to its room (null while no room is open here). */
  link: LinkState | null;
  /** The workspace of the board whose room is open (for links back to it). */
  workspaceId: string | null;
  busy: boolean;
  /** The join screen is shown (over any page). */
  joinScreen: boolean;
  /** The participants panel is shown. */
  panel: boolean;
};

/** Where this window remembers which board its open room is for, so a reload joins it again. */
const SESSION_KEY = 'alignboard.room';
/** The address the facilitator picked last (the network the phones are on), offered again next time. */
const ADDRESS_KEY = 'alignboard.roomAddress';

/**
 * What a board's rooms remember beyond their own life (RoomMemory: who joined, by token digests),
 * kept on this computer per board and given back when the board's room opens again, after a close
 * or a restart of the app, so phones with unsent notes can join the new room as themselves.
 */
const memoryKey = (workspaceId: string, boardId: string) => `alignboard.roomMemory:${workspaceId}:${boardId}`;

type Remembered = { roomId: string; workspaceId: string; boardId: string };

export type OpenRequest = { workspaceId: string; boardId: string; boardName: string; members: readonly Member[]; address: string | null };

/**
 * The facilitator's room, for the whole app (it stays open while the facilitator moves to other
 * pages): opens it through the host with the board's current state, keeps the board's Y.Doc loaded
 * from IndexedDB (y-dexie) and joined to the room over loopback, so every participant's note is
 * stored on this laptop as it arrives, whichever page is shown. One room at a time.
 */
export class RoomController {
  readonly state: Store<RoomUiState> = createStore<RoomUiState>({ status: { open: false }, link: null, workspaceId: null, busy: false, joinScreen: false, panel: false });
  private link: FacilitatorLink | null = null;
  private doc: Y.Doc | null = null;
  private attachedRoom: string | null = null;
  /** The open room whose memory this window stores, and the workspace of its board. */
  private memoryOf: { roomId: string; workspaceId: string } | null = null;

  private readonly storage: Storage | null;
  private readonly prefs: Storage | null;

  constructor(
    readonly rooms: RoomsHost,
    /** Tests in Node pass a WebSocket class (the page's own otherwise). */
    private readonly options: { storage?: Storage | null; prefs?: Storage | null; WebSocketPolyfill?: unknown } = {},
  ) {
    this.storage = options.storage !== undefined ? options.storage : typeof sessionStorage === 'undefined' ? null : sessionStorage;
    this.prefs = options.prefs !== undefined ? options.prefs : typeof localStorage === 'undefined' ? null : localStorage;
  }

  /** The address picked last time, if this computer still has it; null lets the server pick. */
  private async preferredAddress(): Promise<string | null> {
    const preferred = this.prefs?.getItem(ADDRESS_KEY) ?? null;
    if (!preferred) return null;
    const addresses = await this.rooms.addresses().catch(() => []);
    return addresses.some((entry) => entry.address === preferred) ? preferred : null;
  }

  start(): () => void {
    const stop = this.rooms.onChange((status) => this.onStatus(status));
    // The browser version asks only when this window had opened a room (a reload): its server
    // answers the app's page alone, and there is nothing to ask otherwise.
    if (this.rooms.pushes || this.remembered()) {
      this.rooms.status().then(
        (status) => this.onStatus(status),
        () => {},
      );
    }
    return () => {
      stop();
      this.detach();
    };
  }

  private remembered(): Remembered | null {
    try {
      const value = JSON.parse(this.storage?.getItem(SESSION_KEY) ?? 'null') as Remembered | null;
      return value && typeof value.roomId === 'string' && typeof value.workspaceId === 'string' && typeof value.boardId === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  private readMemory(workspaceId: string, boardId: string): RoomMemory | null {
    try {
      const parsed = RoomMemory.safeParse(JSON.parse(this.prefs?.getItem(memoryKey(workspaceId, boardId)) ?? 'null'));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private storeMemory(status: RoomStatus): void {
    if (!status.open || this.memoryOf?.roomId !== status.roomId) return;
    try {
      this.prefs?.setItem(memoryKey(this.memoryOf.workspaceId, status.boardId), JSON.stringify(status.memory));
    } catch {
      // Storage full or unavailable: phones join a reopened room as new participants.
    }
  }

  private onStatus(status: RoomStatus): void {
    patchStore(this.state, { status });
    this.storeMemory(status);
    if (!status.open) {
      this.detach();
      patchStore(this.state, { workspaceId: null, joinScreen: false, panel: false });
      return;
    }
    if (this.attachedRoom === status.roomId) return;
    // A room this window opened before a reload: join it again with the board from IndexedDB.
    const remembered = this.remembered();
    if (remembered?.roomId === status.roomId && remembered.boardId === status.boardId) {
      this.attachedRoom = status.roomId;
      this.memoryOf = { roomId: status.roomId, workspaceId: remembered.workspaceId };
      this.storeMemory(status);
      patchStore(this.state, { workspaceId: remembered.workspaceId });
      void this.loadDoc(remembered.workspaceId, remembered.boardId).then(
        (doc) => {
          if (this.attachedRoom === status.roomId && !this.link) this.attach(doc, status);
          else this.release(doc);
        },
        () => patchStore(this.state, { link: 'offline' }),
      );
    }
  }

  private async loadDoc(workspaceId: string, boardId: string): Promise<Y.Doc> {
    const board = await db.boards.get([workspaceId, boardId]);
    if (!board) throw new Error('The board is not in this workspace any more.');
    const doc = board.doc;
    await DexieYProvider.load(doc).whenLoaded;
    return doc;
  }

  private release(doc: Y.Doc): void {
    DexieYProvider.release(doc);
  }

  private attach(doc: Y.Doc, status: Extract<RoomStatus, { open: true }>): void {
    this.doc = doc;
    this.attachedRoom = status.roomId;
    patchStore(this.state, { link: 'connecting' });
    // The sync client (Hocuspocus' provider) loads with the first room, not with the app.
    void import('./facilitatorLink').then(
      ({ joinOwnRoom }) => {
        // Detached, or attached again, while it loaded: nothing to join.
        if (this.doc !== doc || this.attachedRoom !== status.roomId || this.link) return;
        this.link = joinOwnRoom(doc, status, { onState: (link) => patchStore(this.state, { link }), WebSocketPolyfill: this.options.WebSocketPolyfill });
      },
      () => patchStore(this.state, { link: 'offline' }),
    );
  }

  private detach(): void {
    this.link?.destroy();
    this.link = null;
    if (this.doc) this.release(this.doc);
    this.doc = null;
    this.attachedRoom = null;
    patchStore(this.state, { link: null });
  }

  /** Opens the room for a board and joins it; rejects with the reason (shown to the facilitator). */
  async open(request: OpenRequest): Promise<void> {
    patchStore(this.state, { busy: true });
    let doc: Y.Doc | null = null;
    try {
      doc = await this.loadDoc(request.workspaceId, request.boardId);
      const members: RoomMember[] = request.members.filter((member) => !isGuestAuthorId(member.id)).map(({ id, name, department }) => ({ id, name, department }));
      const address = request.address ?? (await this.preferredAddress());
      const memory = this.readMemory(request.workspaceId, request.boardId);
      const room = await this.rooms.open({ boardId: request.boardId, boardName: request.boardName, members, state: Y.encodeStateAsUpdate(doc), address, memory });
      this.memoryOf = { roomId: room.roomId, workspaceId: request.workspaceId };
      this.storeMemory(room);
      this.storage?.setItem(SESSION_KEY, JSON.stringify({ roomId: room.roomId, workspaceId: request.workspaceId, boardId: request.boardId } satisfies Remembered));
      this.detach();
      this.attach(doc, room);
      doc = null;
      patchStore(this.state, { status: room, workspaceId: request.workspaceId, joinScreen: true });
    } finally {
      if (doc) this.release(doc);
      patchStore(this.state, { busy: false });
    }
  }

  /**
   * Shows another address: the room reopens on it (a room listens on one address), so whoever has
   * joined already joins again with the new link. Meant for before anyone has joined.
   */
  async changeAddress(address: string, members: readonly Member[]): Promise<void> {
    const { status, workspaceId } = this.state.get();
    if (!status.open || !workspaceId || status.address === address) return;
    await this.close();
    this.prefs?.setItem(ADDRESS_KEY, address);
    await this.open({ workspaceId, boardId: status.boardId, boardName: status.boardName, members, address });
  }

  async close(): Promise<void> {
    patchStore(this.state, { busy: true });
    try {
      // The laptop leaves first, so its provider does not try to reconnect to a room going away
      // (a room that stays open after a failed close is joined again from the status).
      this.detach();
      this.onStatus(await this.rooms.close());
      this.storage?.removeItem(SESSION_KEY);
    } catch (error) {
      this.onStatus(await this.rooms.status().catch(() => this.state.get().status));
      throw error;
    } finally {
      patchStore(this.state, { busy: false });
    }
  }

  async lock(locked: boolean): Promise<void> {
    this.onStatus(await this.rooms.lock(locked));
  }

  async remove(participantId: string): Promise<void> {
    this.onStatus(await this.rooms.remove(participantId));
  }

  showJoinScreen(shown: boolean): void {
    patchStore(this.state, { joinScreen: shown });
  }

  showPanel(shown: boolean): void {
    patchStore(this.state, { panel: shown });
  }
}
