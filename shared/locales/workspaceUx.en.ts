/**
 * English strings of the workspace as an app (merged into `en.workspaceUx`): its navigation, the
 * overview, the section pages, the SLA's steps and the boards' compact chrome.
 * `workspaceUx.ja.ts` has the same keys.
 */
export const workspaceUxEn = {
  persona: {
    moreInDetails: 'More in the persona details',
  },
} as const;
