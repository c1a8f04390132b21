import type { Messages } from './en';

/** Japanese strings of the boards' compact chrome (merged into `ja.layout`). */
export const layoutJa: Messages['layout'] = {
  more: 'その他',
  moreTools: 'その他のツール',
  /** A meeting's agenda item without notes: its button opens the notes field. */
  addNotes: 'メモを追加',
  addNotesFor: 'メモを追加: {{title}}',
  /** The funnel's button to the stages and details below its diagram (compact chrome), and their region. */
  stages: 'ステージと詳細',
};
