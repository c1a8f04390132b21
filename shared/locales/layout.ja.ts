import type { Messages } from './en';

/** Japanese strings of the boards' compact chrome (merged into `ja.layout`). */
export const layoutJa: Messages['layout'] = {
  more: 'その他',
  moreTools: 'その他のツール',
  writerNow: '記入者: {{name}}',
  panel: {
    show: 'ステージと詳細を表示',
    hide: 'ステージと詳細を隠す',
  },
};
