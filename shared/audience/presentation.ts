import { z } from 'zod';

/**
 * What the audience window (the projector) shows: one small piece of state, owned by the laptop
 * window and followed by the audience window (issue 10). The content itself is never sent: the
 * audience window reads the same IndexedDB data and the board's Y.Doc as the laptop; only *what*
 * is presented travels between the windows.
 */

const RecordId = z.string().min(1).max(100);

/**
 * A room's join address: http(s) only, so a hostile frame cannot put a javascript: or data: URL
 * into the QR code the room scans, and short enough for a QR code of the size shown.
 */
export const JoinUrl = z
  .string()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'not an http(s) address');

export const JoinInfo = z.object({
  joinUrl: JoinUrl,
  /** The room code people type when they cannot scan. */
  code: z.string().min(1).max(40),
  boardName: z.string().max(200),
  /** Participants connected now. */
  connected: z.number().int().nonnegative().max(10_000),
});
export type JoinInfo = z.infer<typeof JoinInfo>;

export const Presentation = z.discriminatedUnion('kind', [
  /** Nothing chosen yet (or the presented page was left): a calm screen with the app's name. */
  z.object({ kind: z.literal('idle') }),
  /**
   * A board's canvas. `focus` is a zone's node id the audience view zooms to (null: the whole
   * board fitted). `hidden`: private mode — notes are shown without their text until revealed.
   */
  z.object({
    kind: z.literal('board'),
    board: z.enum(['persona', 'funnel']),
    workspaceId: RecordId,
    boardId: RecordId,
    focus: RecordId.nullable(),
    hidden: z.boolean(),
  }),
  /** A meeting in run mode: its current item, timer and overrun, and the item's figures. */
  z.object({ kind: z.literal('meeting'), workspaceId: RecordId, meetingId: RecordId }),
  /**
   * The open room's join screen (QR code, address, room code, who joined). The room lives in the
   * laptop window (its RoomsContext), so what the screen shows travels with the presentation.
   */
  z.object({ kind: z.literal('join'), workspaceId: RecordId, boardId: RecordId, room: JoinInfo }),
]);
export type Presentation = z.infer<typeof Presentation>;

export const AudienceState = z.object({
  presentation: Presentation,
  /** Blank/pause screen over whatever is presented (one key on the laptop). */
  blank: z.boolean(),
  /** Increases with every change, so a follower ignores a state older than the one it shows. */
  seq: z.number().int().nonnegative(),
});
export type AudienceState = z.infer<typeof AudienceState>;

export const INITIAL_AUDIENCE_STATE: AudienceState = { presentation: { kind: 'idle' }, blank: false, seq: 0 };

/** The audience window's route (a chrome-less page, like the print routes). */
export const AUDIENCE_ROUTE = '/audience';

/** Whether a hash location is the audience window's route (with or without a query). */
export function isAudiencePath(path: string): boolean {
  return path === AUDIENCE_ROUTE || path.startsWith(`${AUDIENCE_ROUTE}?`);
}

/** The BroadcastChannel both windows of one origin use. */
export const AUDIENCE_CHANNEL = 'alignboard-audience';

/**
 * Messages on the channel. `hello`: an audience window that opened (or reloaded) asks for the
 * state; `state`: the laptop's current state (sent on every change and in answer to hello);
 * `bye`: the audience window is closing (the laptop's preview and controls learn it is gone).
 */
export const AudienceMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello') }),
  z.object({ type: z.literal('state'), state: AudienceState }),
  z.object({ type: z.literal('bye') }),
]);
export type AudienceMessage = z.infer<typeof AudienceMessage>;

/** Reads a message from the channel; anything malformed (another version, a hostile page) is null. */
export function readAudienceMessage(data: unknown): AudienceMessage | null {
  const parsed = AudienceMessage.safeParse(data);
  return parsed.success ? parsed.data : null;
}
