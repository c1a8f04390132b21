/**
 * English strings of backup runs (merged into `en.backupRun`); `backups.ja.ts` has the same keys.
 * The Backups page's list keeps its strings in `en.backups`.
 */
export const backupsEn = {
  lastTitle: 'Last backup',
  none: 'No backup has run since Alignboard started.',
  when: '{{date}} ({{reason}})',
  reason: {
    startup: 'when Alignboard started',
    interval: 'daily backup',
    manual: 'Back up now',
  },
  saved_one: '{{count}} workspace backed up',
  saved_other: '{{count}} workspaces backed up',
  unchanged_one: '{{count}} workspace unchanged since its last backup',
  unchanged_other: '{{count}} workspaces unchanged since their last backup',
  notSaved_one: '{{count}} workspace not backed up',
  notSaved_other: '{{count}} workspaces not backed up',
  noWorkspaces: 'There are no workspaces to back up.',
  problemsTitle: 'Not backed up',
  tooLarge:
    '“{{name}}” is too large to back up ({{size}}; a workspace file can be at most {{limit}}). Remove large photos from it, or move part of it to another workspace.',
  failed: '“{{name}}” could not be backed up: {{message}}',
  runFailed: 'The backup could not run: {{message}}',
  running: 'Backing up…',
  progress: 'Backing up {{done}} of {{total}}…',
  toastProblems_one: '{{count}} workspace was not backed up',
  toastProblems_other: '{{count}} workspaces were not backed up',
  toastRunFailed: 'The backup could not run',
  listFailed: 'The backups could not be listed: {{message}}',
  open: 'Open Backups',
  exportTooLarge:
    '“{{name}}” is too large to export ({{size}}; a workspace file can be at most {{limit}}). Remove large photos from it, or move part of it to another workspace.',
};
