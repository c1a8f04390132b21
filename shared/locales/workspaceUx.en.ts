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
    shortcutsGroup: 'In a workspace',
    goTo: 'Go to {{place}}',
  },
  meetings: {
    lastMeeting: 'Last meeting: {{title}}',
  },
  persona: {
    moreInDetails: 'More in the persona details',
  },
} as const;
