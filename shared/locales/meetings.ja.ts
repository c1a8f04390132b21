import type { Messages } from './en';

/** Japanese strings of the meetings feature (merged into `ja.meetings`). */
export const meetingsJa: Messages['meetings'] = {
  title: '定例会',
};
