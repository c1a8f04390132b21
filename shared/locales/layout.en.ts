/**
 * English strings of the boards' compact chrome (merged into `en.layout`): the toolbar's overflow
 * menu, the compact writer picker, the funnel's side panel toggle. `layout.ja.ts` has the same keys.
 */
export const layoutEn = {
  more: 'More',
  moreTools: 'More tools',
  writerNow: 'Writing: {{name}}',
  panel: {
    show: 'Show stages and details',
    hide: 'Hide stages and details',
  },
} as const;
