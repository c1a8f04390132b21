import type { Messages } from './en';

/** Japanese strings of the meeting as the audience window shows it (merged into `ja.audienceMeeting`). */
export const audienceMeetingJa: Messages['audienceMeeting'] = {
  loading: '会議を読み込んでいます…',
  notFound: 'この会議は表示できません',
  notFoundBody: '削除された可能性があります。会議が表示されると、ここに再び映ります。',
  notStarted: '会議はまだ始まっていません',
  notStartedBody: '進行役が進行モードを開くと始まります。',
  ended: '会議は終了しました',
  endedBody: 'ご参加ありがとうございました。',
  noItems: 'この会議には議題がありません。',
  itemOf: '議題 {{number}} / {{count}}',
  owner: '担当：{{name}}',
  remaining: '残り',
  over: '{{time}} 超過',
  elapsed: '経過 {{elapsed}} / 予定 {{planned}}',
  paused: 'タイマー一時停止中',
  timerLabel: '{{title}} のタイマー：残り {{time}}',
  timerLabelOver: '{{title}} のタイマー：{{time}} 超過',
};
