import type { Messages } from './en';

/** Japanese strings of the workspace as an app (merged into `ja.workspaceUx`). */
export const workspaceUxJa: Messages['workspaceUx'] = {
  persona: {
    moreInDetails: '続きはペルソナの詳細に',
  },
};
