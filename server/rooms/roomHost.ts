import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection, type Document } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { roomsEn } from '../../shared/locales/rooms.en';
import { roomsJa } from '../../shared/locales/rooms.ja';
import { BOARD_DOC_VERSION, boardDocVersion } from '../../shared/board/docVersion';
import { escapeHtml } from '../../shared/html';
import { authorFields, guestAuthorId, guestsMap, writeGuest } from '../../shared/rooms/identity';
import { BoardGuard } from '../../shared/rooms/policy';
import { RoomVotes } from '../../shared/rooms/votes';
import {
  DEFAULT_ROOM_LIMITS,
  JoinRequest,
  ROOM_CLOSE,
  ROOM_PATHS,
  ROOM_MEMORY_ENTRIES,
  ROOM_PORT,
  ROOM_REQUEST_BYTES,
  RoomOpenRequest,
  RoomRequest,
  socketUrl,
  TOKEN_BYTES,
  type JoinResponse,
  type RoomDots,
  type RoomErrorKind,
  type RoomProblem,
  type OpenRoom,
  type ParticipantPresence,
  type RoomAddress,
  type RoomLimits,
  type RoomMember,
  type RoomMemory,
  type RoomNotice,
  type RoomStatus,
  type RoomSummary,
} from '../../shared/rooms/protocol';
import { readBody } from '../http';
import { ClientIds } from './clients';
import { encodeAwarenessFrame, encodeStatelessFrame, parseFrame } from './frames';
import { GatedSocket, OnceLog, RateLimiter } from './gate';
import { isLoopback, LOOPBACK, roomAddresses } from './network';
import type { ParticipantPage } from './participantPage';

/**
 * The room server: one room at a time, for one board, on one port, listening only while the room
 * is open. Plain Node (no Electron): Electron main and the browser version's web server (`npm run
 * web`) both start it, with their edges injected (clock, logger, network interfaces, randomness).
 *
 * Every way in passes one gate per kind, before anything else runs:
 * - HTTP: the Host header names this server (no DNS rebinding), a per-address request rate, and a
 *   join token for the page and the join API; only the participant page's own files are served.
 * - WebSocket upgrade: Host, Origin, a live token (participant's, or the facilitator's from
 *   loopback only), the connection caps; then every frame: size (ws `maxPayload`), message and byte
 *   rate, structure; for a participant's Yjs update the Yjs client ids it is written under (bound
 *   to the first participant who uses them, see clients.ts), the document's size and the board
 *   policy (shared/rooms/policy.ts); for their presence its size and rate, others' states dropped;
 *   their one request, a dot, is carried out by the server itself (shared/rooms/votes.ts).
 * Hocuspocus runs the sync and awareness protocols behind that gate; a read-only connection is
 * its own mechanism, used for a locked room.
 */

export type RoomLogger = { info(message: string): void; warn(message: string): void };

export type RoomHostDeps = {
  now: () => number;
  logger: RoomLogger;
  networkInterfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  participantPage: ParticipantPage;
  randomBytes: (size: number) => Uint8Array;
  /** The origins the laptop's own client connects from (app://alignboard; the web app's origin). */
  facilitatorOrigins: () => readonly string[];
  /** ROOM_PORT unless given; 0 picks a free port (tests, benchmarks). */
  port?: number;
  limits?: Partial<RoomLimits>;
};

export type RoomHost = {
  addresses(): RoomAddress[];
  open(request: RoomOpenRequest): Promise<OpenRoom>;
  status(): RoomStatus;
  setLocked(locked: boolean): RoomStatus;
  remove(participantId: string): RoomStatus;
  close(): Promise<RoomStatus>;
  /** Called after every change of the status (join, online/offline, lock, remove, close). */
  onChange(listener: (status: RoomStatus) => void): () => void;
};

/** A refused room request: `kind` and `params` for the user's language (rooms.errors.*), the message for logs. */
export class RoomError extends Error {
  constructor(
    readonly kind: RoomErrorKind,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }

  get problem(): RoomProblem {
    return { kind: this.kind, params: this.params, message: this.message };
  }
}

type Participant = {
  id: string;
  token: string;
  /** digest(token), as the room's memory names them. */
  digest: string;
  name: string;
  department: RoomMember['department'];
  memberId: string | null;
  authorId: string;
  joinedAt: string;
  sockets: Set<WebSocket>;
  /** Bytes per second over all their connections (a second phone tab shares the budget). */
  bytes: RateLimiter;
};

type Room = {
  id: string;
  boardId: string;
  boardName: string;
  code: string;
  documentName: string;
  joinToken: string;
  facilitatorToken: string;
  members: RoomMember[];
  locked: boolean;
  address: string;
  port: number;
  servers: Server[];
  participants: Map<string, Participant>;
  byToken: Map<string, Participant>;
  sockets: Set<WebSocket>;
  hocuspocus: Hocuspocus;
  document: Document;
  release: () => Promise<void>;
  guard: BoardGuard;
  clientIds: ClientIds;
  /** Yjs client ids the laptop's own client used (in updates or presence): no participant's. */
  facilitatorClients: Set<number>;
  votes: RoomVotes;
  /** Same for every room of one board while this host runs (see RoomSummary). */
  boardKey: string;
  /** The document's size so far (its state when opened plus every update since): an upper bound. */
  documentBytes: number;
};

type SocketRole = { role: 'facilitator' } | { role: 'participant'; participant: Participant };

const JSON_LIMIT_BYTES = 4096;
/** Tokens of closed rooms and removed participants, remembered so a replay gets the right reason. */
const REVOKED_MEMORY = 10_000;

/** Sets `key` in a bounded memory: the newest last, the oldest forgotten past REVOKED_MEMORY. */
function remember<Key, Value>(memory: Map<Key, Value>, key: Key, value: Value): void {
  memory.delete(key);
  memory.set(key, value);
  if (memory.size > REVOKED_MEMORY) memory.delete(memory.keys().next().value!);
}

const CODE_ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY34679';

type Revocation = 'closed' | 'removed' | 'replaced';
type Retired = { boardKey: string; name: string; department: RoomMember['department']; memberId: string | null; authorId: string; clients: number[] };

/** How a token is remembered once it is not live (RoomMemory): its SHA-256. */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function pageMessages(request: IncomingMessage) {
  const accept = String(request.headers['accept-language'] ?? '').toLowerCase();
  return accept.trim().startsWith('ja') ? { lang: 'ja', ...roomsJa.server } : { lang: 'en', ...roomsEn.server };
}

export function createRoomHost(deps: RoomHostDeps): RoomHost {
  const limits: RoomLimits = { ...DEFAULT_ROOM_LIMITS, ...deps.limits };
  const log = new OnceLog((message) => deps.logger.warn(message), deps.now);
  const listeners = new Set<(status: RoomStatus) => void>();
  /**
   * Dead tokens by their digest: closed: the room closed; removed: that participant was removed;
   * replaced: a join link replaced after a removal. With the board they were of (RoomMemory).
   */
  const revoked = new Map<string, { why: Revocation; boardKey: string }>();
  const httpBuckets = new Map<string, RateLimiter>();
  const assetBuckets = new Map<string, RateLimiter>();
  /**
   * Participants of closed rooms, by the digest of their token there: who they were and the Yjs
   * client ids they wrote under, so that one who joins the board's next room `again` keeps their
   * notes (see JoinRequest). Filled at close, and from the memory the laptop gives back when it
   * opens the board's next room (after a restart of the app too, see RoomMemory).
   */
  const retired = new Map<string, Retired>();
  /** Digests of earlier tokens already used to join again: a stale memory does not offer them twice. */
  const rejoined = new Set<string>();
  let room: Room | null = null;
  let opening = false;

  const token = () => base64url(deps.randomBytes(TOKEN_BYTES));
  // Board ids stay on the laptop: a room names its board by a keyed digest only.
  const boardKeySecret = deps.randomBytes(TOKEN_BYTES);
  const boardKey = (boardId: string) => createHmac('sha256', boardKeySecret).update(boardId).digest('base64url').slice(0, 22);
  const revoke = (value: string, why: Revocation, key: string) => remember(revoked, digest(value), { why, boardKey: key });
  const revocation = (value: string | null): Revocation | undefined => (value ? revoked.get(digest(value))?.why : undefined);
  const retire = (hash: string, entry: Retired) => remember(retired, hash, entry);

  /** The room's memory as the laptop stores it: this board's earlier participants (the open room's included) and dead tokens. */
  const memoryOf = (current: Room): RoomMemory => {
    const earlier: RoomMemory['earlier'] = [];
    for (const [hash, entry] of retired) {
      if (entry.boardKey === current.boardKey) earlier.push({ digest: hash, name: entry.name, department: entry.department, memberId: entry.memberId, authorId: entry.authorId, clients: entry.clients });
    }
    for (const participant of current.participants.values()) {
      const { name, department, memberId, authorId } = participant;
      earlier.push({ digest: participant.digest, name, department, memberId, authorId, clients: current.clientIds.clientsOf(participant.id) });
    }
    const dead: RoomMemory['revoked'] = [];
    for (const [hash, entry] of revoked) if (entry.boardKey === current.boardKey) dead.push({ digest: hash, why: entry.why });
    return { board: digest(current.boardId), boardKey: current.boardKey, earlier: earlier.slice(-ROOM_MEMORY_ENTRIES), revoked: dead.slice(-ROOM_MEMORY_ENTRIES * 4) };
  };
  const roomCode = () => {
    const bytes = deps.randomBytes(6);
    const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]);
    return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
  };

  // ------------------------------------------------------------------------------------------
  // Status
  // ------------------------------------------------------------------------------------------

  const status = (): RoomStatus => {
    const current = room;
    if (!current) return { open: false };
    return {
      open: true,
      roomId: current.id,
      boardId: current.boardId,
      boardName: current.boardName,
      code: current.code,
      joinUrl: `http://${current.address}:${current.port}${ROOM_PATHS.join}?t=${current.joinToken}`,
      address: current.address,
      port: current.port,
      locked: current.locked,
      participants: [...current.participants.values()].map((participant) => ({
        id: participant.id,
        name: participant.name,
        department: participant.department,
        memberId: participant.memberId,
        online: participant.sockets.size > 0,
        joinedAt: participant.joinedAt,
      })),
      addresses: roomAddresses(deps.networkInterfaces()),
      facilitator: { url: socketUrl(`http://${LOOPBACK}:${current.port}`, current.facilitatorToken), token: current.facilitatorToken, documentName: current.documentName },
      memory: memoryOf(current),
    };
  };

  const changed = () => {
    const snapshot = status();
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        deps.logger.warn(`room status listener failed: ${String(error)}`);
      }
    }
  };

  const notice = (current: Room): string => JSON.stringify({ type: 'room', locked: current.locked } satisfies RoomNotice);

  // ------------------------------------------------------------------------------------------
  // HTTP
  // ------------------------------------------------------------------------------------------

  /** The Host header must name this server: a page on another site cannot reach it by DNS rebinding. */
  const hostAllowed = (current: Room, request: IncomingMessage): string | null => {
    const host = String(request.headers.host ?? '').toLowerCase();
    const allowed = [`${current.address}:${current.port}`, `${LOOPBACK}:${current.port}`, `localhost:${current.port}`];
    return allowed.includes(host) ? host : null;
  };

  const participantCsp = (host: string) =>
    [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self' ws://${host}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');

  const securityHeaders = (host: string): Record<string, string> => ({
    'Content-Security-Policy': participantCsp(host),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  });

  const sendPage = (response: ServerResponse, statusCode: number, request: IncomingMessage, text: string, host: string) => {
    const messages = pageMessages(request);
    const body = `<!doctype html><html lang="${messages.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(messages.title)}</title></head><body><main><h1>${escapeHtml(messages.title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
    response.writeHead(statusCode, { ...securityHeaders(host), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(body);
  };

  const sendJson = (response: ServerResponse, statusCode: number, body: unknown, host: string) => {
    response.writeHead(statusCode, { ...securityHeaders(host), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
  };

  const refuseJson = (response: ServerResponse, statusCode: number, error: string, message: string, host: string) =>
    sendJson(response, statusCode, { error, message }, host);

  const allowedBy = (buckets: Map<string, RateLimiter>, perSecond: number) => (address: string): boolean => {
    let bucket = buckets.get(address);
    if (!bucket) {
      if (buckets.size > 1000) buckets.clear();
      bucket = new RateLimiter(perSecond, perSecond * 3, deps.now);
      buckets.set(address, bucket);
    }
    return bucket.take();
  };
  const httpAllowed = allowedBy(httpBuckets, limits.httpRequestsPerSecond);
  const assetAllowed = allowedBy(assetBuckets, limits.assetRequestsPerSecond);

  type TokenProblem = 'closed' | 'removed' | 'replaced' | 'invalid';
  /**
   * Why a token does not open this room's page, or null when it does: the current join token, or
   * (`participants`) a participant's own, which their page puts in its address once joined so a
   * reload keeps working after the join link was replaced.
   */
  const joinTokenProblem = (current: Room, value: string | null, participants = false): TokenProblem | null => {
    if (value === current.joinToken) return null;
    if (participants && value && current.byToken.has(value)) return null;
    return revocation(value) ?? 'invalid';
  };
  const PROBLEM_HTTP: Record<TokenProblem, { status: number; error: string; message: string }> = {
    closed: { status: 410, error: 'room-closed', message: 'this room has closed' },
    removed: { status: 403, error: 'removed', message: 'this participant was removed from the room' },
    replaced: { status: 403, error: 'link-replaced', message: 'this join link was replaced by a new one' },
    invalid: { status: 403, error: 'not-authorized', message: 'wrong join token' },
  };

  const join = (current: Room, request: JoinRequest): Participant | string => {
    if (current.participants.size >= limits.participants) return 'the room is full';
    const id = base64url(deps.randomBytes(9));
    let name: string;
    let department: RoomMember['department'];
    let memberId: string | null = null;
    let authorId: string;
    let clients: number[] = [];
    if (request.as === 'again') {
      const hash = digest(request.token);
      const earlier = retired.get(hash);
      if (!earlier || earlier.boardKey !== current.boardKey) return 'there is no earlier participant of this board with that token';
      retired.delete(hash);
      rejoined.add(hash);
      if (rejoined.size > REVOKED_MEMORY) rejoined.delete(rejoined.values().next().value!);
      ({ name, department, memberId, authorId, clients } = earlier);
      if (memberId === null && !guestsMap(current.document).has(authorId)) writeGuest(current.document, authorId, { name, department }, 'room');
    } else if (request.as === 'member') {
      const member = current.members.find((candidate) => candidate.id === request.memberId);
      if (!member) return 'there is no such member in this room';
      ({ name, department } = member);
      memberId = member.id;
      authorId = member.id;
    } else {
      ({ name, department } = request);
      authorId = guestAuthorId(id);
      writeGuest(current.document, authorId, { name, department }, 'room');
    }
    const secret = token();
    const participant: Participant = {
      id,
      token: secret,
      digest: digest(secret),
      name,
      department,
      memberId,
      authorId,
      joinedAt: new Date(deps.now()).toISOString(),
      sockets: new Set(),
      bytes: new RateLimiter(limits.participantBytesPerSecond, limits.participantByteBurst, deps.now),
    };
    current.participants.set(id, participant);
    current.byToken.set(participant.token, participant);
    // What they wrote under these ids in the earlier room (some of it maybe not sent yet) stays theirs.
    current.clientIds.bind(id, clients);
    return participant;
  };

  const handleRequest = async (current: Room, request: IncomingMessage, response: ServerResponse) => {
    const remote = request.socket.remoteAddress ?? '?';
    const host = hostAllowed(current, request);
    if (!host) {
      log.note(`host:${remote}`, `room: refused a request from ${remote} for an unknown host ${JSON.stringify(String(request.headers.host ?? '').slice(0, 100))}`);
      response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Misdirected request');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    const method = request.method ?? 'GET';
    // The page's files count apart from the page and the API: loading the page asks for dozens.
    const asset = (method === 'GET' || method === 'HEAD') && deps.participantPage.files.has(url.pathname);
    if (!(asset ? assetAllowed(remote) : httpAllowed(remote))) {
      log.note(`rate:${remote}`, `room: too many requests from ${remote}`);
      sendPage(response, 429, request, pageMessages(request).tooMany, host);
      return;
    }
    const joinToken = url.searchParams.get('t');

    if (url.pathname === ROOM_PATHS.join && (method === 'GET' || method === 'HEAD')) {
      const problem = joinTokenProblem(current, joinToken, true);
      if (problem) {
        log.note(`join:${remote}:${problem}`, `room: refused the participant page to ${remote}: ${PROBLEM_HTTP[problem].message}`);
        const messages = pageMessages(request);
        const text = { closed: messages.closed, removed: messages.removed, replaced: messages.replaced, invalid: messages.invalidLink }[problem];
        sendPage(response, PROBLEM_HTTP[problem].status, request, text, host);
        return;
      }
      response.writeHead(200, { ...securityHeaders(host), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(method === 'HEAD' ? undefined : deps.participantPage.html);
      return;
    }

    if (url.pathname === ROOM_PATHS.summary && method === 'GET') {
      const problem = joinTokenProblem(current, joinToken, true);
      if (problem) {
        refuseJson(response, PROBLEM_HTTP[problem].status, PROBLEM_HTTP[problem].error, PROBLEM_HTTP[problem].message, host);
        return;
      }
      const summary: RoomSummary = { roomId: current.id, boardKey: current.boardKey, boardName: current.boardName, code: current.code, members: current.members, locked: current.locked };
      sendJson(response, 200, summary, host);
      return;
    }

    if (url.pathname === ROOM_PATHS.enter && method === 'POST') {
      // A join is a state change: only the participant page itself may ask (no cross-site form
      // posts), with a JSON body (which a cross-site page cannot send without a preflight).
      if (request.headers.origin !== `http://${host}`) {
        log.note(`origin:${remote}`, `room: refused a join from ${remote} with origin ${JSON.stringify(request.headers.origin ?? null)}`);
        refuseJson(response, 403, 'bad-origin', 'the request does not come from the room page', host);
        return;
      }
      if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
        refuseJson(response, 415, 'bad-request', 'the body must be JSON', host);
        return;
      }
      const problem = joinTokenProblem(current, joinToken);
      if (problem) {
        log.note(`join:${remote}:${problem}`, `room: refused a join from ${remote}: ${PROBLEM_HTTP[problem].message}`);
        refuseJson(response, PROBLEM_HTTP[problem].status, PROBLEM_HTTP[problem].error, PROBLEM_HTTP[problem].message, host);
        return;
      }
      const body = await readBody(request, JSON_LIMIT_BYTES);
      let parsed: ReturnType<typeof JoinRequest.safeParse> | null = null;
      try {
        parsed = body === null ? null : JoinRequest.safeParse(JSON.parse(body));
      } catch {
        parsed = null;
      }
      if (body === null) {
        refuseJson(response, 413, 'bad-request', 'the join request is too large', host);
        return;
      }
      if (!parsed?.success) {
        refuseJson(response, 400, 'bad-request', 'the join request is not valid', host);
        return;
      }
      if (room !== current) {
        refuseJson(response, 410, 'room-closed', 'this room has closed', host);
        return;
      }
      const joined = join(current, parsed.data);
      if (typeof joined === 'string') {
        const [statusCode, error] = joined === 'the room is full' ? [409, 'room-full'] : request.headers['content-type'] && joined.startsWith('there is no earlier') ? [404, 'unknown-participant'] : [400, 'bad-request'];
        refuseJson(response, statusCode, error, joined, host);
        return;
      }
      deps.logger.info(`room: ${joined.name} joined (${joined.memberId ? 'member' : 'guest'})`);
      const result: JoinResponse = {
        token: joined.token,
        roomId: current.id,
        boardKey: current.boardKey,
        documentName: current.documentName,
        identity: {
          participantId: joined.id,
          authorId: joined.authorId,
          name: joined.name,
          department: joined.department,
        },
        maxNotes: limits.notesPerParticipant,
      };
      sendJson(response, 200, result, host);
      changed();
      return;
    }

    if ((method === 'GET' || method === 'HEAD') && deps.participantPage.files.has(url.pathname)) {
      request.url = url.pathname;
      deps.participantPage.serve(request, response, securityHeaders(host));
      return;
    }

    sendPage(response, 404, request, pageMessages(request).notFound, host);
  };

  // ------------------------------------------------------------------------------------------
  // WebSocket
  // ------------------------------------------------------------------------------------------

  const participantSockets = new WebSocketServer({ noServer: true, maxPayload: limits.participantFrameBytes, perMessageDeflate: false });
  const facilitatorSockets = new WebSocketServer({ noServer: true, maxPayload: limits.facilitatorFrameBytes, perMessageDeflate: false });

  /** Accepts the upgrade only to close it at once with a reason the page can show. */
  const refuseSocket = (request: IncomingMessage, socket: Duplex, head: Buffer, close: { code: number; reason: string }) => {
    participantSockets.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => {});
      ws.close(close.code, close.reason);
      setTimeout(() => ws.terminate(), 2_000).unref();
    });
  };

  const handleUpgrade = (current: Room, request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const remote = request.socket.remoteAddress ?? '?';
    const deny = (statusLine: string, why: string) => {
      log.note(`upgrade:${remote}:${statusLine}`, `room: refused a WebSocket from ${remote}: ${why}`);
      socket.end(`HTTP/1.1 ${statusLine}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const host = hostAllowed(current, request);
    if (!host) return deny('421 Misdirected Request', 'unknown host');
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname !== ROOM_PATHS.socket) return deny('404 Not Found', `no socket at ${url.pathname.slice(0, 100)}`);
    if (!httpAllowed(remote)) return deny('429 Too Many Requests', 'too many connection attempts');
    const origin = request.headers.origin;
    const value = url.searchParams.get('t') ?? '';

    let role: SocketRole;
    if (value === current.facilitatorToken) {
      if (!isLoopback(remote)) return deny('403 Forbidden', 'the facilitator token is only accepted from this computer');
      if (origin !== undefined && !deps.facilitatorOrigins().includes(origin) && origin !== `http://${host}`) {
        return deny('403 Forbidden', `origin ${JSON.stringify(origin)} is not the app`);
      }
      role = { role: 'facilitator' };
    } else {
      const participant = current.byToken.get(value);
      // A dead or wrong token is told why (the page shows it), whatever the origin: nothing is served.
      if (participant && origin !== `http://${host}`) return deny('403 Forbidden', `origin ${JSON.stringify(origin ?? null)} is not the room page`);
      if (!participant) {
        const why = revocation(value);
        const close = why === 'removed' ? ROOM_CLOSE.removed : why === 'closed' ? ROOM_CLOSE.roomClosed : ROOM_CLOSE.notAuthorized;
        log.note(`token:${remote}:${close.reason}`, `room: refused a WebSocket from ${remote}: ${close.reason}`);
        return refuseSocket(request, socket, head, close);
      }
      if (participant.sockets.size >= limits.connectionsPerParticipant) {
        log.note(`full:${remote}`, `room: refused a WebSocket from ${remote}: too many connections for ${participant.name}`);
        return refuseSocket(request, socket, head, ROOM_CLOSE.full);
      }
      role = { role: 'participant', participant };
    }
    if (current.sockets.size >= limits.connections) {
      log.note(`full:${remote}`, `room: refused a WebSocket from ${remote}: the room has ${current.sockets.size} connections`);
      return refuseSocket(request, socket, head, ROOM_CLOSE.full);
    }

    const server = role.role === 'facilitator' ? facilitatorSockets : participantSockets;
    server.handleUpgrade(request, socket, head, (ws) => {
      if (room !== current) {
        ws.close(ROOM_CLOSE.roomClosed.code, ROOM_CLOSE.roomClosed.reason);
        return;
      }
      accept(current, ws, request, role, remote, socket);
    });
  };

  /** The only presence a participant has: `user` as their page sets it from the identity they joined with (ParticipantPresence). */
  const presenceOf = (participant: Participant): string =>
    JSON.stringify({ user: { id: participant.authorId, name: participant.name, department: participant.department } } satisfies ParticipantPresence);

  /** Tells one participant which notes carry their dots (only them: an anonymous round's board does not say). */
  const sendDots = (current: Room, ws: WebSocket, participant: Participant, outcome: RoomDots['outcome']) => {
    const message: RoomDots = { type: 'dots', ...current.votes.mine(participant.authorId), outcome };
    if (ws.readyState === ws.OPEN) ws.send(encodeStatelessFrame(current.documentName, JSON.stringify(message)));
  };

  /** The Yjs client ids whose structs an update carries (a delete set names no writer). */
  const updateClients = (update: Uint8Array): number[] | string => {
    try {
      return [...Y.parseUpdateMeta(update).to.keys()];
    } catch (error) {
      return `it is not a valid Yjs update (${error instanceof Error ? error.message : String(error)})`;
    }
  };

  const accept = (current: Room, ws: WebSocket, request: IncomingMessage, role: SocketRole, remote: string, stream: Duplex) => {
    current.sockets.add(ws);
    const participant = role.role === 'participant' ? role.participant : null;
    participant?.sockets.add(ws);
    const who = participant ? participant.name : 'the facilitator';
    const rate = participant ? new RateLimiter(limits.messagesPerSecond, limits.messageBurst, deps.now) : null;
    const presence = participant ? new RateLimiter(limits.awarenessPerSecond, limits.awarenessBurst, deps.now) : null;

    let gated: GatedSocket;
    const refuse = (close: { code: number; reason: string }, detail: string): null => {
      log.note(`frame:${remote}:${close.reason}`, `room: closed the connection of ${who} (${remote}): ${close.reason}: ${detail}`);
      gated.refuse(close.code, close.reason);
      return null;
    };
    gated = new GatedSocket(ws, (data, isBinary) => {
      if (participant && rate && !rate.take()) return refuse(ROOM_CLOSE.tooFast, `more than ${limits.messagesPerSecond} messages a second`);
      if (participant && !participant.bytes.take(data.byteLength)) return refuse(ROOM_CLOSE.tooFast, `more than ${limits.participantBytesPerSecond} bytes a second`);
      if (!isBinary) return refuse(ROOM_CLOSE.malformed, 'a text frame');
      const parsed = parseFrame(data, current.documentName);
      if (!parsed.ok) return refuse(ROOM_CLOSE.malformed, parsed.problem);
      const frame = parsed.frame;
      if (frame.kind === 'auth' && frame.token !== (participant ? participant.token : current.facilitatorToken)) {
        return refuse(ROOM_CLOSE.notAuthorized, 'the token in the message is not the one of the connection');
      }
      if (!participant) {
        // The laptop's own client: never refused (it owns the data), but its client ids are no participant's.
        if (frame.kind === 'update') {
          const clients = updateClients(frame.update);
          if (typeof clients !== 'string') for (const client of clients) current.facilitatorClients.add(client);
        } else if (frame.kind === 'awareness') {
          for (const entry of frame.entries) if (current.clientIds.ownerOf(entry.clientId) === undefined) current.facilitatorClients.add(entry.clientId);
        }
        return data;
      }
      switch (frame.kind) {
        case 'update': {
          // While the room is locked Hocuspocus drops participants' updates (read-only connections);
          // they still must parse. Otherwise: whose client ids, how big, and the board policy decide,
          // before anything is applied.
          const clients = updateClients(frame.update);
          if (typeof clients === 'string') return refuse(ROOM_CLOSE.refused, clients);
          if (current.locked) return data;
          const claim = current.clientIds.claim(participant.id, clients, limits.clientIdsPerParticipant);
          if ('problem' in claim) return refuse(ROOM_CLOSE.refused, claim.problem);
          if (clients.length > 0 && current.documentBytes + frame.update.byteLength > limits.documentBytes) {
            return refuse(ROOM_CLOSE.documentFull, `the board would grow past ${limits.documentBytes} bytes`);
          }
          const problem = current.guard.check(frame.update, {
            ...authorFields(participant),
            owns: (client) => current.clientIds.owns(participant.id, client) || claim.fresh.includes(client),
            maxNotes: limits.notesPerParticipant,
          });
          if (problem) return refuse(ROOM_CLOSE.refused, problem);
          current.clientIds.bind(participant.id, claim.fresh);
          // The laptop keeps whose client ids these are (RoomMemory), in case the app goes before the room closes.
          if (claim.fresh.length > 0) changed();
          return data;
        }
        case 'awareness': {
          // A client forwards the states of others (Hocuspocus's provider re-sends every change it
          // hears of): those are dropped here, each peer speaks for itself; what is left is theirs,
          // bound to them like the ids of their updates, and only that counts against their rate.
          const own = frame.entries.filter((entry) => {
            const owner = current.clientIds.ownerOf(entry.clientId);
            return owner === participant.id || (owner === undefined && !current.facilitatorClients.has(entry.clientId) && entry.clientId !== current.document.clientID);
          });
          if (own.length > 0 && presence && !presence.take()) return refuse(ROOM_CLOSE.tooFast, `more than ${limits.awarenessPerSecond} presence updates a second`);
          if (own.length > limits.awarenessStatesPerMessage) return refuse(ROOM_CLOSE.refused, `presence for ${own.length} clients in one message`);
          const large = own.find((entry) => new TextEncoder().encode(entry.json).byteLength > limits.awarenessStateBytes);
          if (large) return refuse(ROOM_CLOSE.refused, `a presence state larger than ${limits.awarenessStateBytes} bytes`);
          const claim = current.clientIds.claim(
            participant.id,
            own.map((entry) => entry.clientId),
            limits.clientIdsPerParticipant,
          );
          if ('problem' in claim) return refuse(ROOM_CLOSE.refused, claim.problem);
          current.clientIds.bind(participant.id, claim.fresh);
          if (claim.fresh.length > 0) changed();
          if (own.length === 0) return null;
          // Presence says who they are as the room granted it at their join, whatever the page put
          // there: another name, department or id (a member's, "facilitator") is replaced by theirs.
          const granted = presenceOf(participant);
          let rewritten = false;
          let claimed = false;
          const bound = own.map((entry) => {
            if (entry.state === null || entry.json === granted) return entry;
            rewritten = true;
            // A page's presence before it set its own (`{}`) is no claim.
            if (Object.keys(entry.state as object).length > 0) claimed = true;
            return { ...entry, state: JSON.parse(granted) as unknown, json: granted };
          });
          if (claimed) log.note(`presence:${remote}`, `room: presence of ${who} (${remote}) named someone else; it carries the identity they joined with`);
          return !rewritten && own.length === frame.entries.length ? data : encodeAwarenessFrame(current.documentName, bound);
        }
        case 'stateless': {
          // The only thing a participant asks the server: place or take back a dot (see RoomVotes).
          if (frame.payload.length > ROOM_REQUEST_BYTES) return refuse(ROOM_CLOSE.malformed, 'a request larger than the room takes');
          let parsedRequest: ReturnType<typeof RoomRequest.safeParse> | null = null;
          try {
            parsedRequest = RoomRequest.safeParse(JSON.parse(frame.payload));
          } catch {
            parsedRequest = null;
          }
          if (!parsedRequest?.success) return refuse(ROOM_CLOSE.malformed, 'a request the room does not know');
          const dot = parsedRequest.data;
          const result = current.votes.toggle(participant.authorId, dot, current.locked);
          for (const socket of participant.sockets) sendDots(current, socket, participant, socket === ws ? { note: dot.note, result } : null);
          return null;
        }
        default:
          return data;
      }
    }, stream);

    ws.on('close', () => {
      current.sockets.delete(ws);
      if (participant) {
        participant.sockets.delete(ws);
        if (participant.sockets.size === 0 && room === current) changed();
      }
    });
    current.hocuspocus.handleConnection(gated as unknown as WebSocket, request, { role: role.role, participantId: participant?.id ?? null, token: participant?.token ?? current.facilitatorToken });
    if (participant && participant.sockets.size === 1) changed();
  };

  // ------------------------------------------------------------------------------------------
  // Open and close
  // ------------------------------------------------------------------------------------------

  const listen = (server: Server, port: number, address: string) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        reject(
          error.code === 'EADDRINUSE'
            ? new RoomError('port-in-use', `Port ${port} on ${address} is in use by another program.`, { port, address })
            : new RoomError('cannot-listen', `Cannot listen on ${address}:${port}: ${error.message}`, { address, port, reason: error.code ?? error.message }),
        );
      };
      const onListening = () => {
        server.off('error', onError);
        const bound = server.address();
        resolve(typeof bound === 'object' && bound ? bound.port : port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, address);
    });

  const open = async (raw: RoomOpenRequest): Promise<OpenRoom> => {
    if (room || opening) throw new RoomError('already-open', `A room is already open${room ? ` for “${room.boardName}”` : ''}. Close it first.`, { board: room?.boardName ?? '' });
    const parsed = RoomOpenRequest.safeParse(raw);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'unknown problem';
      throw new RoomError('bad-request', `The room request is not valid: ${reason}`, { reason });
    }
    const request = parsed.data;
    const candidates = roomAddresses(deps.networkInterfaces());
    const address = request.address ?? candidates[0]!.address;
    if (!candidates.some((candidate) => candidate.address === address)) {
      throw new RoomError('bad-address', `${address} is not an address of this computer.`, { address });
    }
    opening = true;
    try {
      try {
        void deps.participantPage.files;
      } catch (error) {
        throw new RoomError('no-participant-page', `The participant page is missing from this build: ${error instanceof Error ? error.message : String(error)}`);
      }
      const initial = new Y.Doc();
      try {
        Y.applyUpdate(initial, request.state);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new RoomError('bad-state', `The board's state does not load: ${reason}`, { reason });
      }
      // Participants' pages are of this build and read this version of the board's layout only.
      const version = boardDocVersion(initial);
      if (!version.ok || version.version !== BOARD_DOC_VERSION) {
        const reason = version.ok ? `its schema version is ${version.version}, this app's is ${BOARD_DOC_VERSION}` : `its schema version ${JSON.stringify(version.problem.version)?.slice(0, 40)} is not one`;
        initial.destroy();
        throw new RoomError('bad-state', `The board's state does not load: ${reason}`, { reason });
      }
      // The memory of another board's rooms would let that board's phones into this one: not taken.
      const memory = request.memory && request.memory.board === digest(request.boardId) ? request.memory : null;
      if (request.memory && !memory) deps.logger.warn(`room: the memory given for “${request.boardName}” is another board's; not used`);
      const id = base64url(deps.randomBytes(9));
      const documentName = `board-${id}`;
      let current: Room | null = null;
      const facilitatorClients = new Set<number>();
      const hocuspocus = new Hocuspocus({
        quiet: true,
        // The room keeps its document for its whole life (see the direct connection below); there is
        // nothing to store: the laptop's client is the one that persists.
        debounce: 0,
        onLoadDocument: async ({ documentName: name }) => {
          if (name !== documentName) throw new Error('unknown document');
          return initial;
        },
        onAuthenticate: async ({ token: given, documentName: name, context, connectionConfig }) => {
          const ctx = context as { role: string; token: string };
          if (name !== documentName || given !== ctx.token) throw ROOM_CLOSE.notAuthorized;
          connectionConfig.readOnly = ctx.role === 'participant' && (current?.locked ?? false);
        },
        connected: async ({ connection, context }) => {
          if (!current) return;
          connection.sendStateless(notice(current));
          const joined = current.participants.get(String((context as { participantId?: unknown }).participantId));
          if (joined) connection.sendStateless(JSON.stringify({ type: 'dots', ...current.votes.mine(joined.authorId), outcome: null } satisfies RoomDots));
        },
      });
      const direct = await hocuspocus.openDirectConnection(documentName, { role: 'room' });
      const document = direct.document!;
      initial.destroy();

      const servers: Server[] = [];
      const addresses = address === LOOPBACK ? [LOOPBACK] : [address, LOOPBACK];
      let port = deps.port ?? ROOM_PORT;
      try {
        for (const bind of addresses) {
          const server = createServer({ requestTimeout: 10_000, headersTimeout: 10_000 });
          server.maxHeadersCount = 50;
          servers.push(server);
          port = await listen(server, port, bind);
        }
      } catch (error) {
        await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
        await direct.disconnect();
        throw error;
      }

      current = {
        id,
        boardId: request.boardId,
        boardName: request.boardName,
        code: roomCode(),
        documentName,
        joinToken: token(),
        facilitatorToken: token(),
        members: request.members,
        locked: false,
        address,
        port,
        servers,
        participants: new Map(),
        byToken: new Map(),
        sockets: new Set(),
        hocuspocus,
        document,
        release: () => direct.disconnect(),
        guard: new BoardGuard(() => Y.encodeStateAsUpdate(document)),
        clientIds: new ClientIds((client) => client === document.clientID || document.store.clients.has(client) || facilitatorClients.has(client)),
        facilitatorClients,
        votes: new RoomVotes(document, 'room', () => base64url(deps.randomBytes(12))),
        documentBytes: Y.encodeStateAsUpdate(document).byteLength,
        boardKey: memory?.boardKey ?? boardKey(request.boardId),
      };
      const openRoom = current;
      // What the board's earlier rooms left, in this app's run or before it (RoomMemory): it adds to
      // what this host knows already, never revives a token it has seen die.
      if (memory) {
        for (const { digest: hash, why } of memory.revoked) if (!revoked.has(hash)) remember(revoked, hash, { why, boardKey: openRoom.boardKey });
        for (const { digest: hash, ...entry } of memory.earlier) {
          if (!rejoined.has(hash) && (!revoked.has(hash) || revoked.get(hash)?.why === 'closed')) {
            if (!retired.has(hash)) retire(hash, { ...entry, boardKey: openRoom.boardKey });
            if (!revoked.has(hash)) remember(revoked, hash, { why: 'closed', boardKey: openRoom.boardKey });
          }
        }
      }
      document.on('update', (update: Uint8Array, origin: unknown) => {
        // A participant's update reached the document only through the gate, whose check applied
        // all of it to the policy's copy already (a locked room's connections apply nothing): not
        // applied there twice, unless the copy lacks any of it.
        const role = origin && typeof origin === 'object' && 'context' in origin ? (origin as Connection).context?.role : undefined;
        if (role !== 'participant' || !openRoom.guard.holds(update)) openRoom.guard.mirror(update);
        openRoom.documentBytes += update.byteLength;
      });
      for (const server of servers) {
        server.on('request', (req: IncomingMessage, res: ServerResponse) => {
          handleRequest(openRoom, req, res).catch((error: unknown) => {
            deps.logger.warn(`room: request failed: ${String(error)}`);
            if (!res.headersSent) res.writeHead(500);
            res.end();
          });
        });
        server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => handleUpgrade(openRoom, req, socket, head));
        server.on('clientError', (_error, socket: Duplex) => socket.destroy());
      }
      room = openRoom;
      deps.logger.info(`room: open for “${request.boardName}” on ${address}:${port}`);
      changed();
      return status() as OpenRoom;
    } finally {
      opening = false;
    }
  };

  const close = async (): Promise<RoomStatus> => {
    const current = room;
    if (!current) return status();
    room = null;
    revoke(current.joinToken, 'closed', current.boardKey);
    revoke(current.facilitatorToken, 'closed', current.boardKey);
    for (const participant of current.participants.values()) {
      revoke(participant.token, 'closed', current.boardKey);
      const { name, department, memberId, authorId } = participant;
      retire(digest(participant.token), { boardKey: current.boardKey, name, department, memberId, authorId, clients: current.clientIds.clientsOf(participant.id) });
    }
    for (const ws of current.sockets) {
      ws.close(ROOM_CLOSE.roomClosed.code, ROOM_CLOSE.roomClosed.reason);
    }
    const closed = Promise.all(current.servers.map((server) => new Promise((resolve) => server.close(resolve))));
    // Sockets that do not finish the close handshake in time are cut off.
    const deadline = setTimeout(() => {
      for (const ws of current.sockets) ws.terminate();
    }, 1_000);
    for (const server of current.servers) server.closeAllConnections();
    await Promise.all(
      [...current.sockets].map((ws) => (ws.readyState === ws.CLOSED ? null : new Promise((resolve) => ws.once('close', resolve)))),
    );
    clearTimeout(deadline);
    await closed;
    await current.release();
    current.guard.destroy();
    current.document.destroy();
    deps.logger.info(`room: closed (“${current.boardName}”)`);
    changed();
    return status();
  };

  const participantConnections = (current: Room, participantId?: string): Connection[] =>
    current.document.getConnections().filter((connection) => {
      const context = connection.context as { role?: string; participantId?: string };
      return context.role === 'participant' && (participantId === undefined || context.participantId === participantId);
    });

  return {
    addresses: () => roomAddresses(deps.networkInterfaces()),
    open,
    status,
    setLocked(locked) {
      const current = room;
      if (!current) throw new RoomError('not-open', 'No room is open.');
      if (current.locked === locked) return status();
      current.locked = locked;
      for (const connection of participantConnections(current)) connection.readOnly = locked;
      current.document.broadcastStateless(notice(current));
      deps.logger.info(`room: ${locked ? 'locked' : 'unlocked'}`);
      changed();
      return status();
    },
    remove(participantId) {
      const current = room;
      if (!current) throw new RoomError('not-open', 'No room is open.');
      const participant = current.participants.get(participantId);
      if (!participant) throw new RoomError('unknown-participant', 'That participant is not in the room.');
      current.participants.delete(participantId);
      current.byToken.delete(participant.token);
      revoke(participant.token, 'removed', current.boardKey);
      // The join link they came in by would let them straight back in: it is replaced (the join
      // screen shows the new one; everyone already in keeps their own token).
      revoke(current.joinToken, 'replaced', current.boardKey);
      current.joinToken = token();
      for (const ws of participant.sockets) {
        ws.close(ROOM_CLOSE.removed.code, ROOM_CLOSE.removed.reason);
        setTimeout(() => ws.terminate(), 2_000).unref();
      }
      deps.logger.info(`room: removed ${participant.name}`);
      changed();
      return status();
    },
    close,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
