/**
 * English sentences for the failures of files, backups and printing that main and the browser host
 * report as data (shared/hostProblem.ts); merged into `en.hostErrors`, and read directly by main for
 * its own error boxes. `hostErrors.ja.ts` has the same keys.
 */
export const hostErrorsEn = {
  fileTooLarge: '“{{name}}” is too large to open ({{size}}; the limit is {{limit}}).',
  notAFile: '“{{name}}” is not a file.',
  notUtf8: '“{{name}}” is not a text file in UTF-8, so it cannot be an Alignboard workspace.',
  cannotRead: '“{{name}}” could not be read: {{reason}}.',
  cannotWrite: '“{{name}}” could not be saved: {{reason}}.',
  backupTooLarge: 'The backup of “{{name}}” is too large ({{size}}; the limit is {{limit}}).',
  backupNotSaved: 'The backup of “{{name}}” could not be saved: {{reason}}.',
  backupsUnreadable: 'The backups folder could not be read: {{reason}}.',
  backupMissing: 'The backup {{id}} no longer exists.',
  notPng: 'The image to save is not a PNG.',
  notPdf: 'The file to save is not a PDF.',
  printNotReady: 'The page to print did not get ready within {{wait}}.',
  printFailed: 'The page could not be printed: {{detail}}',
  popupBlocked: 'The browser blocked the audience window. Allow pop-ups for this page (in the address bar), then try again.',
  reasons: {
    'not-found': 'it does not exist (it may have been moved or deleted)',
    'folder-not-found': 'its folder does not exist (it may have been moved or deleted)',
    'permission-denied': 'permission denied',
    'is-folder': 'it is a folder',
    'disk-full': 'the disk is full',
    'name-too-long': 'the name is too long for this disk',
    'read-only': 'the disk or folder is read-only',
    busy: 'another program is using it; try again in a moment',
  },
};
