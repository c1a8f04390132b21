import type { TFunction } from 'i18next';
import { decodeIpcProblem, encodeIpcProblem } from '../ipcProblem';
import { ROOM_ERROR_KINDS, RoomProblem } from './protocol';

/**
 * A room request that failed reaches the facilitator's renderer in two ways: from Electron main as
 * an IPC error (only its message crosses, prefixed by Electron), and from the browser version's
 * server as a JSON body. Both carry the same RoomProblem, so the renderer says it in the user's
 * language (`rooms.errors.<kind>`) instead of the English sentence meant for logs.
 */

/** How a RoomProblem crosses IPC (see ipcProblem.ts): its English message, then the marker and its data. */
const MARKER = ' [room-problem]';
const Carried = RoomProblem.pick({ kind: true, params: true });

/** An error message that carries `problem` (Electron main throws this across IPC). */
export function roomProblemMessage(problem: RoomProblem): string {
  return encodeIpcProblem(MARKER, Carried, { kind: problem.kind, params: problem.params }, problem.message);
}

/** The problem in an IPC error, a browser-version error body ({ error, message, params }) or a RoomProblem; null otherwise. */
export function roomProblemOf(failure: unknown): RoomProblem | null {
  if (failure instanceof Error || typeof failure === 'string') {
    const decoded = decodeIpcProblem(MARKER, Carried, failure instanceof Error ? failure.message : failure);
    if (!decoded) return null;
    const message = decoded.before.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
    const parsed = RoomProblem.safeParse({ ...decoded.problem, message });
    return parsed.success ? parsed.data : null;
  }
  if (failure && typeof failure === 'object') {
    const body = failure as Record<string, unknown>;
    const parsed = RoomProblem.safeParse({ kind: body.kind ?? body.error, params: body.params ?? {}, message: body.message ?? '' });
    return parsed.success ? parsed.data : null;
  }
  return null;
}

/** The problem as a sentence in the user's language. */
export function roomProblemText(t: TFunction, problem: RoomProblem): string {
  // The key is checked (one per kind, all in both locales); the parameters are the problem's data,
  // a record the typed t() cannot match to each sentence's placeholders (rooms.test.ts fills every kind).
  const key = `rooms.errors.${problem.kind}` as const;
  return (t as unknown as (key: string, values: Record<string, string | number>) => string)(key, { ...problem.params });
}

export { ROOM_ERROR_KINDS };
