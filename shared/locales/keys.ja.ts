import type { Messages } from './en';

/** Japanese strings of the shortcut registry and the history interface (see keys.en.ts). */
export const keysJa: Messages['keys'] = {
  redoLast: 'やり直す',
  redoKey: 'Ctrl+Shift+Z',
  redoneCell: '{{row}}、{{period}}：変更をやり直しました',
  supersededCell: '{{row}}、{{period}}はその後変更されたため、その手順で元に戻すものはありませんでした。',
};
