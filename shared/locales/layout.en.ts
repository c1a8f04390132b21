/**
 * English strings of the boards' compact chrome (merged into `en.layout`): the toolbar's overflow
 * menu, the compact writer picker, the funnel's side panel toggle. `layout.ja.ts` has the same keys.
 */
export const layoutEn = {
  more: 'More',
  moreTools: 'More tools',
  /** A meeting's agenda item without notes: its button opens the notes field. */
  addNotes: 'Add notes',
  addNotesFor: 'Add notes: {{title}}',
  /** The funnel's button to the stages and details below its diagram (compact chrome), and their region. */
  stages: 'Stages and details',
} as const;
