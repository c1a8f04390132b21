import type { Messages } from './en';

/** Japanese strings of the shortcut registry and the history interface (see keys.en.ts). */
export const keysJa: Messages['keys'] = {
  redoLast: 'やり直す',
  redoKey: 'Ctrl+Shift+Z',
  redoneCell: '{{row}}、{{period}}：変更をやり直しました',
  supersededCell: '{{row}}、{{period}}はその後変更されたため、その手順で元に戻すものはありませんでした。',
  labels: {
    notifications: '最新の通知のボタン（元に戻す）へ移動',
    undo: '元に戻す',
    redo: 'やり直す',
    addKpi: 'KPI を追加',
    importCsv: 'CSV ファイルから値を取り込む',
    undoValue: '最後に保存した値を元に戻す（セル内では何も入力していないとき）',
    redoValue: '元に戻した値をやり直す',
    saveCalendar: 'カレンダーを保存',
    printBack: '印刷ビューを開いたページへ戻る',
  },
  groups: {
    board: 'ペルソナボード',
    personaExports: 'ペルソナボードの書き出し',
    room: 'ペルソナボードのルーム',
    funnel: 'ファネルボード',
    funnelExports: 'ファネルボードの書き出し',
    slaBoard: 'SLA ボード（下書き）',
    kpi: 'KPI ページ',
    kpiValues: 'KPI の値の表',
    calendar: 'カレンダーページ',
    printView: '印刷ビュー',
    participant: 'ルームの参加者ページ',
    workspace: 'ワークスペース内',
  },
};
