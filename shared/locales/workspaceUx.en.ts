/**
 * English strings of the workspace as an app (merged into `en.workspaceUx`): its navigation, the
 * overview, the section pages, the SLA's steps and the boards' compact chrome.
 * `workspaceUx.ja.ts` has the same keys.
 */
export const workspaceUxEn = {
  nav: {
    label: 'Workspace: {{name}}',
    places: {
      overview: 'Overview',
      personas: 'Personas',
      funnel: 'Funnel',
      sla: 'SLA',
      meetings: 'Meetings',
      kpis: 'KPIs',
      calendar: 'Calendar',
      members: 'Members',
    },
    /** The shortcuts' labels (Alt+Shift+1…8) in the "?" list. */
    goTo: {
      overview: 'Go to Overview',
      personas: 'Go to Personas',
      funnel: 'Go to Funnel',
      sla: 'Go to SLA',
      meetings: 'Go to Meetings',
      kpis: 'Go to KPIs',
      calendar: 'Go to Calendar',
      members: 'Go to Members',
    },
  },
  meetings: {
    lastMeeting: 'Last meeting: {{title}}',
  },
  persona: {
    moreInDetails: 'More in the persona details',
  },
} as const;
