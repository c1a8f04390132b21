import type { Messages } from './en';

/** 日本語: ファイル・バックアップ・印刷の失敗（`ja.hostErrors` に統合）。キーは `hostErrors.en.ts` と同じ。 */
export const hostErrorsJa: Messages['hostErrors'] = {
  fileTooLarge: '「{{name}}」は大きすぎて開けません（{{size}}、上限は {{limit}}）。',
  notAFile: '「{{name}}」はファイルではありません。',
  notUtf8: '「{{name}}」は UTF-8 のテキストファイルではないため、Alignboard のワークスペースではありません。',
  cannotRead: '「{{name}}」を読み込めませんでした：{{reason}}。',
  cannotWrite: '「{{name}}」を保存できませんでした：{{reason}}。',
  backupTooLarge: '「{{name}}」のバックアップは大きすぎます（{{size}}、上限は {{limit}}）。',
  backupNotSaved: '「{{name}}」のバックアップを保存できませんでした：{{reason}}。',
  backupsUnreadable: 'バックアップのフォルダーを読み込めませんでした：{{reason}}。',
  backupMissing: 'バックアップ {{id}} はもうありません。',
  notPng: '保存しようとした画像は PNG ではありません。',
  notPdf: '保存しようとしたファイルは PDF ではありません。',
  printNotReady: '印刷するページが {{wait}} 以内に準備できませんでした。',
  printFailed: 'ページを印刷できませんでした：{{detail}}',
  popupBlocked: 'ブラウザーが投影用ウィンドウをブロックしました。このページのポップアップを（アドレスバーから）許可して、もう一度お試しください。',
  reasons: {
    'not-found': 'ファイルが見つかりません（移動または削除された可能性があります）',
    'folder-not-found': '保存先のフォルダーが見つかりません（移動または削除された可能性があります）',
    'permission-denied': 'アクセスが許可されていません',
    'is-folder': 'フォルダーです',
    'disk-full': 'ディスクの空き容量がありません',
    'name-too-long': 'このディスクでは名前が長すぎます',
    'read-only': 'ディスクまたはフォルダーが読み取り専用です',
    busy: '別のプログラムが使用中です。少し待ってからもう一度お試しください',
  },
};
