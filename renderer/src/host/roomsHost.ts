import { roomProblemMessage, roomProblemOf } from '@shared/rooms/errors';
import { OpenRoom, RoomAddress, RoomStatus, type RoomOpenRequest } from '@shared/rooms/protocol';
import { z } from 'zod';

/**
 * The facilitator's controls of the room server, as the renderer sees them: Electron's `room:*`
 * IPC or, in the browser version, the web server's `/api/rooms/` endpoints on the page's own origin.
 */
export type RoomsHost = {
  /** The addresses participants could reach this computer at, for the facilitator's picker. */
  addresses(): Promise<RoomAddress[]>;
  /** Starts the room for a board; rejects saying why (a room is open already, the port is taken…). */
  open(request: RoomOpenRequest): Promise<OpenRoom>;
  status(): Promise<RoomStatus>;
  lock(locked: boolean): Promise<RoomStatus>;
  remove(participantId: string): Promise<RoomStatus>;
  close(): Promise<RoomStatus>;
  /**
   * Every change of the room (a participant joined, went offline, was removed; lock; close).
   * Electron pushes them; the browser version asks the server while a room it knows of is open.
   */
  onChange(listener: (status: RoomStatus) => void): () => void;
  /** Whether the host tells of a room without being asked first (Electron: a room opened before a reload). */
  readonly pushes: boolean;
};

/** Below the server's 96 MB limit for the base64 state; a board is far smaller. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let index = 0; index < bytes.length; index += CHUNK) binary += String.fromCharCode(...bytes.subarray(index, index + CHUNK));
  return btoa(binary);
}

/** How often the browser version asks for the room's status while a room is open and somebody listens (no push channel). */
export const ROOM_POLL_MS = 1_000;

/**
 * The browser version's rooms: JSON over the page's own origin. The server answers only the app's
 * own page (loopback, its Host and Origin), and says why it refused in `{ error, message }`.
 */
export function createBrowserRooms(options: { origin: string; fetch?: typeof fetch; pollMs?: number }): RoomsHost {
  const call = options.fetch ?? ((input, init) => fetch(input, init));
  const listeners = new Set<(status: RoomStatus) => void>();
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let polling = false;

  let roomOpen = false;
  const schedule = () => {
    if (roomOpen && listeners.size > 0 && timer === null && !polling) timer = setTimeout(() => void poll(), options.pollMs ?? ROOM_POLL_MS);
  };
  const emit = (status: RoomStatus) => {
    roomOpen = status.open;
    schedule();
    const text = JSON.stringify(status);
    if (text === last) return;
    last = text;
    for (const listener of listeners) listener(status);
  };

  const request = async <T>(action: string, schema: z.ZodType<T>, body?: unknown): Promise<T> => {
    const response = await call(`${options.origin}/api/rooms/${action}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let payload: unknown;
    try {
      payload = await response.json();
    } catch {
      throw new Error(`The room server answered ${response.status} without a readable body.`);
    }
    if (!response.ok) {
      // A refused request's kind and parameters travel as Electron main's do (shared/rooms/errors.ts).
      const problem = roomProblemOf(payload);
      if (problem) throw new Error(roomProblemMessage(problem));
      const message = payload && typeof payload === 'object' && 'message' in payload ? String((payload as { message: unknown }).message) : `status ${response.status}`;
      throw new Error(message);
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new Error(`The room server’s answer to “${action}” is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
    return parsed.data;
  };

  const withStatus = async <T extends RoomStatus>(work: Promise<T>): Promise<T> => {
    const status = await work;
    emit(status);
    return status;
  };

  const poll = async () => {
    timer = null;
    polling = true;
    try {
      emit(await request('status', RoomStatus));
    } catch {
      // The next poll tries again; the controls say what went wrong when used.
    } finally {
      polling = false;
    }
    schedule();
  };

  return {
    addresses: () => request('addresses', z.array(RoomAddress)),
    open: (open) =>
      withStatus(
        request('open', OpenRoom, {
          boardId: open.boardId,
          boardName: open.boardName,
          members: open.members,
          state: base64(open.state),
          address: open.address ?? null,
        }),
      ),
    status: () => withStatus(request('status', RoomStatus)),
    lock: (locked) => withStatus(request('lock', RoomStatus, { locked })),
    remove: (participantId) => withStatus(request('remove', RoomStatus, { participantId })),
    close: () => withStatus(request('close', RoomStatus, {})),
    pushes: false,
    onChange(listener) {
      listeners.add(listener);
      schedule();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearTimeout(timer);
          timer = null;
        }
      };
    },
  };
}
