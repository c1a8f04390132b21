/** `#/w/:id/meetings/:meetingId/run`: run mode (to be built). */
export function RunMeetingPage(_props: { workspaceId: string; meetingId: string }) {
  return null;
}
