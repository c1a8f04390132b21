/** English strings of the meeting as the audience window shows it (merged into `en.audienceMeeting`); `audienceMeeting.ja.ts` has the same keys. */
export const audienceMeetingEn = {
  loading: 'Loading the meeting…',
  notFound: 'This meeting is not available',
  notFoundBody: 'It may have been deleted. The projector shows it again once a meeting is presented.',
  notStarted: 'The meeting has not started yet',
  notStartedBody: 'It starts when the facilitator opens run mode.',
  ended: 'The meeting has ended',
  endedBody: 'Thank you for taking part.',
  noItems: 'This meeting has no agenda items.',
  itemOf: 'Item {{number}} of {{count}}',
  owner: 'Owner: {{name}}',
  remaining: 'remaining',
  over: 'Over time by {{time}}',
  elapsed: '{{elapsed}} used of {{planned}}',
  paused: 'Timer paused',
  timerLabel: 'Timer of {{title}}: {{time}} remaining',
  timerLabelOver: 'Timer of {{title}}: over time by {{time}}',
};
