/**
 * What the app keeps of a workspace in localStorage, beside the database: drafts of edits not yet
 * saved (a meeting's notes while they are written, the calendar form until it is saved or
 * discarded) and the characters of each board's text (to ask for their fonts as the board opens,
 * before its document is read: boardGlyphs.ts). Their keys are made here, so that they go with the
 * workspace when it is purged (purgeDeletedWorkspaces) instead of staying in the browser's storage
 * for good.
 */
export const CALENDAR_DRAFT_PREFIX = 'alignboard.calendarDraft.';
const MEETING_NOTES_PREFIX = 'alignboard.meetingNotes.';
const BOARD_GLYPHS_PREFIX = 'alignboard.boardGlyphs.';

export const localKeys = {
  calendarDraft: (workspaceId: string) => `${CALENDAR_DRAFT_PREFIX}${workspaceId}`,
  meetingNotes: (workspaceId: string, meetingId: string, itemId: string) => `${MEETING_NOTES_PREFIX}${workspaceId}.${meetingId}.${itemId}`,
  boardGlyphs: (workspaceId: string, boardId: string) => `${BOARD_GLYPHS_PREFIX}${workspaceId}.${boardId}`,
};

/** Removes everything kept of these workspaces (no storage, or storage blocked: nothing to do). */
export function forgetWorkspaceLocal(workspaceIds: readonly string[], given?: Storage): void {
  if (workspaceIds.length === 0) return;
  const ids = new Set(workspaceIds);
  const workspaceOf = (key: string, prefix: string) => (key.startsWith(prefix) ? key.slice(prefix.length).split('.')[0]! : null);
  const belongs = (key: string) =>
    (key.startsWith(CALENDAR_DRAFT_PREFIX) && ids.has(key.slice(CALENDAR_DRAFT_PREFIX.length))) ||
    [MEETING_NOTES_PREFIX, BOARD_GLYPHS_PREFIX].some((prefix) => ids.has(workspaceOf(key, prefix) ?? ''));
  try {
    // Read here: where storage is blocked, reading `localStorage` itself throws.
    const storage = given ?? globalThis.localStorage;
    if (!storage) return;
    const doomed: string[] = [];
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key !== null && belongs(key)) doomed.push(key);
    }
    for (const key of doomed) storage.removeItem(key);
  } catch {
    // Storage blocked: they stay, harmless (nothing reads them without their workspace).
  }
}
