/**
 * English strings of the one shortcut registry and the one history interface (issue 11), merged
 * into `en.keys`; `keys.ja.ts` has the same keys.
 */
export const keysEn = {
  redoLast: 'Redo',
  redoKey: 'Ctrl+Shift+Z',
  redoneCell: '{{row}}, {{period}}: change redone',
  supersededCell: '{{row}}, {{period}} has changed since, so there was nothing left to undo in that step.',
  /** Labels of shortcuts that had none, and the groups of the "?" list. */
  labels: {
    notifications: 'Go to the newest notification’s button (Undo)',
    undo: 'Undo',
    redo: 'Redo',
    addKpi: 'Add a KPI',
    importCsv: 'Import values from a CSV file',
    undoValue: 'Undo the last saved value (in a cell: when nothing is typed in it)',
    redoValue: 'Redo the last undone value',
    saveCalendar: 'Save the calendar',
    printBack: 'Back to the page the print view was opened from',
  },
  groups: {
    board: 'On a persona board',
    personaExports: 'Exports on a persona board',
    room: 'The room of a persona board',
    funnel: 'On the funnel board',
    funnelExports: 'Exports on the funnel board',
    slaBoard: 'On the SLA board (draft)',
    kpi: 'On the KPI page',
    kpiValues: 'In the KPI values grid',
    calendar: 'On the calendar page',
    printView: 'In a print view',
    participant: 'On a participant’s page in a room',
    workspace: 'In a workspace',
  },
} as const;
