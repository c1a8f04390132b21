/** Workspace page section: the meeting series and recent/next meetings (to be built). */
export function MeetingsSection(_props: { workspaceId: string }) {
  return null;
}
