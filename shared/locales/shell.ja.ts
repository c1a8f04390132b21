import type { Messages } from './en';

/** Japanese strings of the desktop shell's own dialogs (merged into `ja.shell`). */
export const shellJa: Messages['shell'] = {
  crashed: {
    message: 'Alignboard のウィンドウを開き直しました',
    detail:
      'ウィンドウが予期せず停止したため（{{reason}}）、スタートページから開き直しました。保存済みの内容はすべて残っています。直前に入力した内容は失われている可能性があります。',
    ok: 'OK',
  },
  crashLoop: {
    message: 'Alignboard の停止が続いています',
    detail:
      'ウィンドウが短時間に{{count}}回停止しました（{{reason}}）。もう一度再読み込みするか、終了して Alignboard を起動し直してください。どちらの場合も保存済みの内容は残ります。',
    reload: '再読み込み',
    quit: '終了',
  },
  unresponsive: {
    message: 'Alignboard が応答していません',
    detail:
      'ウィンドウがしばらく応答していません。このまま待つか、スタートページから再読み込みしてください（直前に入力した内容は失われる可能性があります）。',
    wait: '待つ',
    reload: '再読み込み',
  },
  reasons: {
    'abnormal-exit': '異常終了しました',
    killed: 'システムによって終了されました',
    crashed: 'クラッシュしました',
    oom: 'メモリが不足しました',
    'launch-failed': '起動できませんでした',
    'integrity-failure': 'コードの整合性チェックに失敗しました',
    'memory-eviction': 'システムがメモリを回収しました',
  },
  roles: {
    undo: '元に戻す',
    redo: 'やり直す',
    cut: '切り取り',
    copy: 'コピー',
    paste: '貼り付け',
    selectAll: 'すべてを選択',
    zoomIn: '拡大',
    zoomOut: '縮小',
    resetZoom: '実際のサイズ',
    togglefullscreen: 'フルスクリーン表示を切り替え',
    minimize: '最小化',
    close: 'ウインドウを閉じる',
    zoom: 'ズーム',
    front: 'すべてを手前に移動',
    services: 'サービス',
    hide: 'Alignboard を隠す',
    hideOthers: 'ほかを隠す',
    unhide: 'すべてを表示',
    reload: '再読み込み',
    toggleDevTools: '開発者ツールを切り替え',
  },
  files: {
    workspaceFilter: 'Alignboard ワークスペース',
    allFilesFilter: 'すべてのファイル',
  },
};
