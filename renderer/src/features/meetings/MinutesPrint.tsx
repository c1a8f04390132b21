/** `#/print/minutes/:workspaceId/:meetingId`: the minutes document (to be built). */
export function MinutesPrint(_props: { workspaceId: string; meetingId: string }) {
  return null;
}
