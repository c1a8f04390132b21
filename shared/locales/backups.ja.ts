import type { Messages } from './en';

/** Japanese strings of backup runs (merged into `ja.backupRun`). */
export const backupsJa: Messages['backupRun'] = {
  lastTitle: '前回のバックアップ',
  none: 'Alignboard の起動後、バックアップはまだ実行されていません。',
  when: '{{date}}（{{reason}}）',
  reason: {
    startup: '起動時',
    interval: '毎日のバックアップ',
    manual: '今すぐバックアップ',
  },
  saved_one: '{{count}}件のワークスペースをバックアップしました',
  saved_other: '{{count}}件のワークスペースをバックアップしました',
  unchanged_one: '{{count}}件のワークスペースは前回のバックアップから変更がありません',
  unchanged_other: '{{count}}件のワークスペースは前回のバックアップから変更がありません',
  notSaved_one: '{{count}}件のワークスペースをバックアップできませんでした',
  notSaved_other: '{{count}}件のワークスペースをバックアップできませんでした',
  noWorkspaces: 'バックアップするワークスペースがありません。',
  problemsTitle: 'バックアップされていないもの',
  tooLarge:
    '「{{name}}」は大きすぎるためバックアップできません（{{size}}。ワークスペースファイルの上限は {{limit}} です）。大きな写真を削除するか、一部を別のワークスペースに移してください。',
  failed: '「{{name}}」をバックアップできませんでした: {{message}}',
  runFailed: 'バックアップを実行できませんでした: {{message}}',
  running: 'バックアップ中…',
  progress: 'バックアップ中（{{done}} / {{total}}）…',
  toastProblems_one: '{{count}}件のワークスペースがバックアップされていません',
  toastProblems_other: '{{count}}件のワークスペースがバックアップされていません',
  toastRunFailed: 'バックアップを実行できませんでした',
  listFailed: 'バックアップの一覧を読み込めませんでした: {{message}}',
  open: 'バックアップを開く',
  exportTooLarge:
    '「{{name}}」は大きすぎるため書き出せません（{{size}}。ワークスペースファイルの上限は {{limit}} です）。大きな写真を削除するか、一部を別のワークスペースに移してください。',
};
