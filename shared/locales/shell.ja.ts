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
};
