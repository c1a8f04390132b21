import { useLiveQuery } from 'dexie-react-hooks';
import type { MeetingRow } from '../../db/db';
import { db } from '../../db/db';
import { listActions, listMeetings, listSeries } from './meetingStore';

/** Everything the meeting pages show, read live from the database (undefined while loading). */
export function useWorkspaceMeetings(workspaceId: string) {
  return useLiveQuery(async () => {
    const [workspace, members, series, meetings, actions] = await Promise.all([
      db.workspaces.get(workspaceId),
      db.members.where('workspaceId').equals(workspaceId).toArray(),
      listSeries(workspaceId),
      listMeetings(workspaceId),
      listActions(workspaceId),
    ]);
    const live = workspace && !workspace.deletedAt ? workspace : null;
    // Members in the order they were added (then by name, for members added at once): the
    // template gives each item to the first member of its department.
    const collator = new Intl.Collator();
    members.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
    return { workspace: live, members, series, meetings, actions };
  }, [workspaceId]);
}

export type WorkspaceMeetings = NonNullable<ReturnType<typeof useWorkspaceMeetings>>;

export function findMeeting(data: WorkspaceMeetings, meetingId: string): MeetingRow | null {
  return data.meetings.find((meeting) => meeting.id === meetingId) ?? null;
}
