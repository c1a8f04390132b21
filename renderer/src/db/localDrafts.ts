/**
 * What the app keeps of a workspace in localStorage, beside the database: drafts of edits not yet
 * saved (a meeting's notes while they are written, the calendar form until it is saved or
 * discarded). Their keys are made here, so that a workspace's drafts go with it when it is purged
 * (purgeDeletedWorkspaces) instead of staying in the browser's storage for good.
 */
export const CALENDAR_DRAFT_PREFIX = 'alignboard.calendarDraft.';
const MEETING_NOTES_PREFIX = 'alignboard.meetingNotes.';

export const draftKeys = {
  calendar: (workspaceId: string) => `${CALENDAR_DRAFT_PREFIX}${workspaceId}`,
  meetingNotes: (workspaceId: string, meetingId: string, itemId: string) => `${MEETING_NOTES_PREFIX}${workspaceId}.${meetingId}.${itemId}`,
};

/** Removes every draft of these workspaces (no storage, or storage blocked: nothing to do). */
export function forgetWorkspaceDrafts(workspaceIds: readonly string[], storage: Storage | undefined = globalThis.localStorage): void {
  if (!storage || workspaceIds.length === 0) return;
  const ids = new Set(workspaceIds);
  const belongs = (key: string) =>
    (key.startsWith(CALENDAR_DRAFT_PREFIX) && ids.has(key.slice(CALENDAR_DRAFT_PREFIX.length))) ||
    (key.startsWith(MEETING_NOTES_PREFIX) && ids.has(key.slice(MEETING_NOTES_PREFIX.length).split('.')[0]!));
  try {
    const doomed: string[] = [];
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key !== null && belongs(key)) doomed.push(key);
    }
    for (const key of doomed) storage.removeItem(key);
  } catch {
    // Storage blocked: the drafts stay, harmless (nothing reads them without their workspace).
  }
}
