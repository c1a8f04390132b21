/**
 * English strings of the one shortcut registry and the one history interface (issue 11), merged
 * into `en.keys`; `keys.ja.ts` has the same keys.
 */
export const keysEn = {
  redoLast: 'Redo',
  redoKey: 'Ctrl+Shift+Z',
  redoneCell: '{{row}}, {{period}}: change redone',
  supersededCell: '{{row}}, {{period}} has changed since, so there was nothing left to undo in that step.',
} as const;
