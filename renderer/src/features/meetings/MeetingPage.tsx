/** `#/w/:id/meetings/:meetingId`: plan / review one meeting (to be built). */
export function MeetingPage(_props: { workspaceId: string; meetingId: string }) {
  return null;
}
