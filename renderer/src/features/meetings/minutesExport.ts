import { type PdfExportRequest, printRoute } from '@shared/pdf';
import type { Meeting } from '@shared/meetings/records';

/**
 * What the minutes PDF export asks the host for. The footer is ASCII only (Chromium draws it
 * without the page's fonts): "Minutes", the meeting date, and "n / N".
 */
export function minutesExportRequest(workspaceId: string, meeting: Pick<Meeting, 'id' | 'title' | 'date'>): PdfExportRequest {
  return {
    kind: 'minutes',
    route: printRoute('minutes', workspaceId, meeting.id),
    suggestedName: suggestedMinutesName(meeting),
    footer: minutesFooter(meeting),
  };
}

export function minutesFooter(meeting: Pick<Meeting, 'date'>) {
  return { label: 'Minutes', version: meeting.date };
}

export function suggestedMinutesName(meeting: Pick<Meeting, 'title' | 'date'>): string {
  const safe = meeting.title.replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 150);
  // Date first, so a folder of minutes sorts by meeting.
  return `${meeting.date} ${safe || 'Minutes'}`.slice(0, 196) + '.pdf';
}
