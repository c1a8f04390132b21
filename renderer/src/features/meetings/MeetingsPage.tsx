/** `#/w/:id/meetings`: series, meetings list, open actions (to be built). */
export function MeetingsPage(_props: { workspaceId: string }) {
  return null;
}
