import { z } from 'zod';
import { Department } from '../records/member';

/**
 * The room's wire contract between the room server (server/rooms), the participant page
 * (renderer/src/participant), the laptop's own client and Electron main. The Yjs sync and awareness
 * protocols themselves are Hocuspocus's; this file only describes what is around them: the HTTP
 * API a participant page uses to join, the close codes a refused connection gets, and the limits.
 */

/**
 * The one port rooms listen on. Fixed so the desktop app's Content-Security-Policy and request
 * filter can name exactly this origin, and so a firewall rule the facilitator allows once keeps
 * working for every later room.
 */
export const ROOM_PORT = 47231;

/** Paths on the room server. The join link is `http://<address>:<port>/join?t=<join token>`. */
export const ROOM_PATHS = {
  join: '/join',
  summary: '/api/room',
  enter: '/api/join',
  socket: '/ws',
} as const;

/** Bytes of randomness in every token: 128 bits, as the issue asks. */
export const TOKEN_BYTES = 16;
/** A token as the server writes it: base64url of TOKEN_BYTES bytes (22 characters). */
export const Token = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a room token');

export type RoomLimits = {
  /** Largest WebSocket frame a participant may send (an update with a few notes is far below). */
  participantFrameBytes: number;
  /** The laptop's own client sends the whole board once when it connects. */
  facilitatorFrameBytes: number;
  /** Open WebSocket connections per room, the laptop's included. */
  connections: number;
  /** Open connections per participant (a phone that reloads briefly has two). */
  connectionsPerParticipant: number;
  /** Participants who may join one room (each join makes one). */
  participants: number;
  /** Sustained messages per second per participant connection, and the burst allowed above it. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Requests per second per address on the HTTP API (the page, join, summary) and connection attempts; the burst is 3 seconds' worth. */
  httpRequestsPerSecond: number;
  /**
   * Requests per second per address for the participant page's files (scripts, styles, font
   * subsets), with a burst of 3 seconds' worth: one load of the page asks for dozens (a Japanese
   * page's font subsets), a reload as many again, and phones behind one address (a guest network's
   * NAT) share the count. Static files, cheap to serve; still capped against a flood.
   */
  assetRequestsPerSecond: number;
  /** Bytes per second one participant may send over all their connections, and the burst above it. */
  participantBytesPerSecond: number;
  participantByteBurst: number;
  /** Notes one participant may have on the board at once (the page says so before the server refuses). */
  notesPerParticipant: number;
  /**
   * The room's document may grow from participants' updates up to this size (the laptop's own
   * changes are never refused): past it, a participant's update is refused with `documentFull`.
   */
  documentBytes: number;
  /**
   * Awareness (presence) is re-broadcast to every connection, so what one participant puts there is
   * multiplied by the room's size: one state at most this large (JSON), this many states of their
   * own per message, and this many awareness messages a second (with a burst).
   */
  awarenessStateBytes: number;
  awarenessStatesPerMessage: number;
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** Yjs client ids one participant may write under (a page gets a new one each time it loads). */
  clientIdsPerParticipant: number;
};

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  participantFrameBytes: 256 * 1024,
  facilitatorFrameBytes: 64 * 1024 * 1024,
  connections: 64,
  connectionsPerParticipant: 3,
  participants: 200,
  messagesPerSecond: 40,
  messageBurst: 200,
  httpRequestsPerSecond: 20,
  assetRequestsPerSecond: 200,
  participantBytesPerSecond: 64 * 1024,
  participantByteBurst: 1024 * 1024,
  notesPerParticipant: 200,
  documentBytes: 32 * 1024 * 1024,
  awarenessStateBytes: 1024,
  awarenessStatesPerMessage: 4,
  awarenessPerSecond: 4,
  awarenessBurst: 20,
  clientIdsPerParticipant: 64,
};

/**
 * Why the server closed a WebSocket. Codes 4000–4999 are the application's own range; the reason
 * is the machine-readable word the participant page translates.
 */
export const ROOM_CLOSE = {
  notAuthorized: { code: 4401, reason: 'not-authorized' },
  removed: { code: 4403, reason: 'removed' },
  roomClosed: { code: 4410, reason: 'room-closed' },
  malformed: { code: 4400, reason: 'malformed-message' },
  refused: { code: 4422, reason: 'update-refused' },
  tooFast: { code: 4429, reason: 'too-many-messages' },
  full: { code: 4413, reason: 'room-full' },
  documentFull: { code: 4507, reason: 'room-document-full' },
} as const;
export type RoomCloseReason = (typeof ROOM_CLOSE)[keyof typeof ROOM_CLOSE]['reason'];

/** The close codes after which reconnecting cannot help: the page stops and says why. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  ROOM_CLOSE.notAuthorized.code,
  ROOM_CLOSE.removed.code,
  ROOM_CLOSE.roomClosed.code,
  ROOM_CLOSE.refused.code,
  ROOM_CLOSE.malformed.code,
  ROOM_CLOSE.documentFull.code,
]);

/** A workspace member as a room shows them: name and department, nothing else of the workspace. */
export const RoomMember = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  department: Department,
});
export type RoomMember = z.infer<typeof RoomMember>;

/**
 * What a join link shows before joining (GET summary with the join token, or with a participant's
 * own token when their page reloads). `roomId` is new for every room; `boardKey` is the same for
 * every room of one board (an opaque digest of its id), so a phone can tell that a room is the
 * reopened room of a board it has notes for.
 */
export const RoomSummary = z.object({
  roomId: z.string().min(1).max(100),
  boardKey: z.string().min(1).max(100),
  boardName: z.string().max(200),
  code: z.string().max(20),
  members: z.array(RoomMember).max(1000),
  locked: z.boolean(),
});
export type RoomSummary = z.infer<typeof RoomSummary>;

export const GuestName = z.string().trim().min(1).max(80);

/**
 * Joining as a member of the workspace (picked from the list), as a guest, or `again`: the same
 * participant as in an earlier room of this board (closed, not removed), by their token there, so
 * that the notes their phone still holds unsent are theirs in this room too.
 */
export const JoinRequest = z.discriminatedUnion('as', [
  z.object({ as: z.literal('member'), memberId: z.string().min(1).max(100) }),
  z.object({ as: z.literal('guest'), name: GuestName, department: Department }),
  z.object({ as: z.literal('again'), token: Token }),
]);
export type JoinRequest = z.infer<typeof JoinRequest>;

/**
 * Who a participant is on the board. `authorId` is what their notes carry in `authorId` (a member
 * id, or `guest:<id>` for a guest, whose name the room writes into the board's guest list). Their
 * dots are placed by the room server (see RoomRequest): in an open round they carry the author id,
 * in an anonymous one a fresh random id per dot that only the server can tie to them.
 */
export const ParticipantIdentity = z.object({
  participantId: z.string().min(1).max(100),
  authorId: z.string().min(1).max(100),
  name: z.string().max(200),
  department: Department,
});
export type ParticipantIdentity = z.infer<typeof ParticipantIdentity>;

/**
 * A participant's presence (Yjs awareness state): who they are, exactly as the room granted it at
 * their join. The room server rewrites any other state a participant sends to this one, so a name
 * in presence can be trusted as far as the join itself.
 */
export type ParticipantPresence = { user: { id: string; name: string; department: ParticipantIdentity['department'] } };

export const JoinResponse = z.object({
  token: Token,
  roomId: z.string().min(1).max(100),
  boardKey: z.string().min(1).max(100),
  documentName: z.string().min(1).max(100),
  identity: ParticipantIdentity,
  /** Most notes this participant may have on the board (RoomLimits.notesPerParticipant). */
  maxNotes: z.number().int().positive(),
});
export type JoinResponse = z.infer<typeof JoinResponse>;

/** Sent by the server as a Hocuspocus stateless message whenever the room's state changes. */
export const RoomNotice = z.object({ type: z.literal('room'), locked: z.boolean() });
export type RoomNotice = z.infer<typeof RoomNotice>;

/**
 * A participant's page asks the server to place or take back one of their dots (a Hocuspocus
 * stateless message). The server writes the dot through its own connection, so the change every
 * peer receives carries the server's Yjs client id, never the voter's, and it enforces the round's
 * budget. Participants' own updates may not touch the vote at all (shared/rooms/policy.ts).
 */
export const DotRequest = z.object({ type: z.literal('dot'), round: z.string().min(1).max(100), note: z.string().min(1).max(100) });
export type DotRequest = z.infer<typeof DotRequest>;
export const RoomRequest = z.discriminatedUnion('type', [DotRequest]);
export type RoomRequest = z.infer<typeof RoomRequest>;
/** Largest stateless message a participant may send. */
export const ROOM_REQUEST_BYTES = 1024;

export const DOT_OUTCOMES = ['added', 'removed', 'limit', 'closed', 'not-a-note', 'locked'] as const;
export type DotOutcome = (typeof DOT_OUTCOMES)[number];

/**
 * The server tells each participant (only them) which notes carry their dots in the current round,
 * when they connect and after each of their requests (with its outcome): in an anonymous round the
 * board itself does not say whose a dot is.
 */
export const RoomDots = z.object({
  type: z.literal('dots'),
  round: z.string().nullable(),
  notes: z.array(z.string()).max(1000),
  outcome: z.object({ note: z.string(), result: z.enum(DOT_OUTCOMES) }).nullable(),
});
export type RoomDots = z.infer<typeof RoomDots>;

/** A refused HTTP request's body (participant API): a machine-readable word and a sentence. */
export const RoomError = z.object({ error: z.string(), message: z.string() });

/**
 * Why the laptop's room request failed, for the renderer to say in the user's language
 * (`rooms.errors.<kind>` in shared/locales/rooms.*.ts, with `params` interpolated). `message` is the
 * English sentence for logs.
 */
export const ROOM_ERROR_KINDS = [
  'already-open',
  'not-open',
  'bad-address',
  'port-in-use',
  'cannot-listen',
  'bad-request',
  'bad-state',
  'no-participant-page',
  'unknown-participant',
] as const;
export type RoomErrorKind = (typeof ROOM_ERROR_KINDS)[number];
export const RoomProblem = z.object({
  kind: z.enum(ROOM_ERROR_KINDS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string().max(2000),
});
export type RoomProblem = z.infer<typeof RoomProblem>;

// ---------------------------------------------------------------------------------------------
// The laptop's side: open, list, lock, remove, close (IPC in Electron, HTTP on loopback in the
// browser version)
// ---------------------------------------------------------------------------------------------

/** A token as the room remembers it once it is no longer live: SHA-256, base64url (see RoomMemory). */
export const TokenDigest = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a token digest');

/** Most entries of each kind a board's room memory keeps (oldest dropped first). */
export const ROOM_MEMORY_ENTRIES = 500;

/**
 * What the room of one board remembers beyond its own life, kept by the laptop (the data owner)
 * with the board and given back when it opens the board's next room — after a plain close as after
 * the app quit or crashed. It is what lets a phone that still holds unsent notes join the reopened
 * room `again` as the same participant (JoinRequest), and what keeps old tokens refused with the
 * right reason. Only digests of tokens are kept: a memory read off the laptop opens nothing.
 *
 * - `board`: the board it belongs to, so it never opens another board's room to these phones.
 * - `boardKey`: what participants' pages know the board by (RoomSummary.boardKey); random, not
 *   derived from the board id.
 * - `earlier`: participants who may join again, by the digest of their token in their last room:
 *   who they were and the Yjs client ids they wrote under (their unsent notes are under those).
 *   An open room lists its own participants here too, so a crash loses none of them.
 * - `revoked`: digests of tokens that stay refused, and why (a removed participant never comes back
 *   `again`: they are not in `earlier`).
 */
export const RoomMemory = z.object({
  /** Which board it is of: the SHA-256 of its id (it never leaves the laptop); a room of another board ignores it. */
  board: TokenDigest,
  boardKey: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a board key'),
  earlier: z
    .array(
      z.object({
        digest: TokenDigest,
        name: z.string().max(200),
        department: Department,
        memberId: z.string().min(1).max(100).nullable(),
        authorId: z.string().min(1).max(100),
        clients: z.array(z.number().int().nonnegative().max(2 ** 53 - 1)).max(256),
      }),
    )
    .max(ROOM_MEMORY_ENTRIES),
  revoked: z.array(z.object({ digest: TokenDigest, why: z.enum(['closed', 'removed', 'replaced']) })).max(ROOM_MEMORY_ENTRIES * 4),
});
export type RoomMemory = z.infer<typeof RoomMemory>;

export const RoomOpenRequest = z.object({
  boardId: z.string().min(1).max(100),
  boardName: z.string().trim().min(1).max(200),
  members: z.array(RoomMember).max(1000),
  /** The board's Y.Doc as one update (Y.encodeStateAsUpdate), from the laptop that owns it. */
  state: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'not bytes')
    .refine((bytes) => bytes.byteLength <= 64 * 1024 * 1024, 'at most 64 MB'),
  /** The interface address participants use; null picks the first LAN address. */
  address: z.string().max(100).nullable().default(null),
  /** What this board's earlier rooms left (OpenRoom.memory as the laptop last stored it), or null for its first room. */
  memory: RoomMemory.nullable().default(null),
});
export type RoomOpenRequest = z.input<typeof RoomOpenRequest>;

export const RoomParticipant = z.object({
  id: z.string(),
  name: z.string(),
  department: Department,
  /** The member they joined as, or null for a guest. */
  memberId: z.string().nullable(),
  online: z.boolean(),
  joinedAt: z.string(),
});
export type RoomParticipant = z.infer<typeof RoomParticipant>;

export const RoomAddress = z.object({ name: z.string(), address: z.string() });
export type RoomAddress = z.infer<typeof RoomAddress>;

export const OpenRoom = z.object({
  open: z.literal(true),
  roomId: z.string(),
  boardId: z.string(),
  boardName: z.string(),
  code: z.string(),
  joinUrl: z.string(),
  address: z.string(),
  port: z.number().int(),
  locked: z.boolean(),
  participants: z.array(RoomParticipant),
  /** Every address the laptop could offer, for the facilitator's picker. */
  addresses: z.array(RoomAddress),
  /** For the laptop's own client only: loopback URL, its token and the Hocuspocus document name. */
  facilitator: z.object({ url: z.string(), token: Token, documentName: z.string() }),
  /** For the laptop to store with the board after every change, and give back when it opens the board's next room. */
  memory: RoomMemory,
});
export type OpenRoom = z.infer<typeof OpenRoom>;

export const RoomStatus = z.discriminatedUnion('open', [OpenRoom, z.object({ open: z.literal(false) })]);
export type RoomStatus = z.infer<typeof RoomStatus>;

/** The Hocuspocus `url` for a room server at `origin` (http → ws). */
export function socketUrl(origin: string, token: string): string {
  const url = new URL(ROOM_PATHS.socket, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('t', token);
  return url.toString();
}
