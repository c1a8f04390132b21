import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * Reads one WebSocket frame of the Hocuspocus protocol far enough to judge it before Hocuspocus
 * sees it: the document it addresses, its kind, and for a Yjs update the update bytes. Decoding
 * uses lib0's decoder and Yjs's own parsers (the same that would apply the frame); nothing here
 * answers or writes the protocol. Anything that does not parse, addresses another document, or
 * leaves bytes over is malformed.
 */

/** Hocuspocus's message types (`MessageType` in @hocuspocus/server), the ones a client may send. */
const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, stateless: 5, close: 7 } as const;
/** y-protocols/sync message types. */
const SYNC = { step1: 0, step2: 1, update: 2 } as const;

/** One client's presence in an awareness message; `json` is the state as sent (its size is capped). */
export type AwarenessEntry = { clientId: number; clock: number; state: unknown; json: string };

export type Frame =
  | { kind: 'sync-step-1' }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'auth'; token: string }
  | { kind: 'query-awareness' }
  | { kind: 'stateless'; payload: string }
  | { kind: 'close' };

export type FrameResult = { ok: true; frame: Frame } | { ok: false; problem: string };

function readAwareness(bytes: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  if (count > 1000) throw new Error(`${count} awareness entries in one message`);
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const state: unknown = JSON.parse(json);
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('an awareness state that is not an object');
    entries.push({ clientId, clock, state, json });
  }
  if (decoding.hasContent(decoder)) throw new Error('bytes left over after the awareness update');
  return entries;
}

export function parseFrame(data: Uint8Array, documentName: string): FrameResult {
  try {
    const decoder = decoding.createDecoder(data);
    const name = decoding.readVarString(decoder);
    if (name !== documentName) return { ok: false, problem: 'the message is for a document this room does not have' };
    const type = decoding.readVarUint(decoder);
    let frame: Frame;
    switch (type) {
      case MESSAGE.sync: {
        const sync = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sync === SYNC.step1) {
          Y.decodeStateVector(payload);
          frame = { kind: 'sync-step-1' };
        } else if (sync === SYNC.step2 || sync === SYNC.update) {
          frame = { kind: 'update', update: payload };
        } else {
          return { ok: false, problem: `unknown sync message type ${sync}` };
        }
        break;
      }
      case MESSAGE.awareness:
        frame = { kind: 'awareness', entries: readAwareness(decoding.readVarUint8Array(decoder)) };
        break;
      case MESSAGE.auth: {
        const authType = decoding.readVarUint(decoder);
        if (authType !== 0) return { ok: false, problem: `unknown auth message type ${authType}` };
        frame = { kind: 'auth', token: decoding.readVarString(decoder) };
        break;
      }
      case MESSAGE.queryAwareness:
        frame = { kind: 'query-awareness' };
        break;
      case MESSAGE.stateless:
        frame = { kind: 'stateless', payload: decoding.readVarString(decoder) };
        break;
      case MESSAGE.close:
        frame = { kind: 'close' };
        break;
      default:
        return { ok: false, problem: `message type ${type} is not accepted from clients` };
    }
    if (decoding.hasContent(decoder)) return { ok: false, problem: 'bytes left over after the message' };
    return { ok: true, frame };
  } catch (error) {
    return { ok: false, problem: `the message does not parse (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * An awareness message with only some of the entries a client sent (the gate drops entries about
 * other clients' presence, see roomHost.ts), in the same encoding y-protocols reads.
 */
export function encodeAwarenessFrame(documentName: string, entries: readonly AwarenessEntry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, entry.json);
  }
  const frame = encoding.createEncoder();
  encoding.writeVarString(frame, documentName);
  encoding.writeVarUint(frame, MESSAGE.awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** A Hocuspocus stateless message from the server to one connection (see RoomDots). */
export function encodeStatelessFrame(documentName: string, payload: string): Uint8Array {
  const frame = encoding.createEncoder();
  encoding.writeVarString(frame, documentName);
  encoding.writeVarUint(frame, MESSAGE.stateless);
  encoding.writeVarString(frame, payload);
  return encoding.toUint8Array(frame);
}
