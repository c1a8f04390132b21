/** English strings of the meetings feature (merged into `en.meetings`); `meetings.ja.ts` has the same keys. */
export const meetingsEn = {
  title: 'Regular meetings',
};
