import { z } from 'zod';
import { formatMegabytes } from './fileLimits';
import { decodeIpcProblem, encodeIpcProblem } from './ipcProblem';
import type { Messages } from './locales/en';

/**
 * Failures of the outside world that a user can act on (a file too large, a full disk, a missing
 * backup), as data rather than English sentences: main and the browser host report a HostProblem,
 * and whoever shows it words it in the reader's language with `hostProblemText`. A failure nobody
 * expected stays `unexpected` with its raw detail, inside a translated sentence at the call site.
 */

/** Why the file system refused, in terms a person can act on; anything else is `other` with its detail. */
export const FILE_REASONS = [
  'not-found',
  'folder-not-found',
  'permission-denied',
  'is-folder',
  'disk-full',
  'name-too-long',
  'read-only',
  'busy',
  'other',
] as const;
export const FileReason = z.enum(FILE_REASONS);
export type FileReason = z.infer<typeof FileReason>;

const text = z.string().max(2000);
const bytes = z.number().nonnegative();

export const HostProblem = z.discriminatedUnion('kind', [
  /** A workspace file over the one size limit (import: picked, or opened from the OS). */
  z.object({ kind: z.literal('file-too-large'), fileName: text, bytes, limit: bytes }),
  z.object({ kind: z.literal('not-a-file'), fileName: text }),
  z.object({ kind: z.literal('not-utf8'), fileName: text }),
  z.object({ kind: z.literal('cannot-read'), fileName: text, reason: FileReason, detail: text }),
  z.object({ kind: z.literal('cannot-write'), fileName: text, reason: FileReason, detail: text }),
  z.object({ kind: z.literal('backup-too-large'), workspaceName: text, bytes, limit: bytes }),
  z.object({ kind: z.literal('backup-not-saved'), workspaceName: text, reason: FileReason, detail: text }),
  z.object({ kind: z.literal('backups-unreadable'), reason: FileReason, detail: text }),
  z.object({ kind: z.literal('backup-missing'), id: text }),
  z.object({ kind: z.literal('not-png') }),
  z.object({ kind: z.literal('not-pdf') }),
  /** A print page that did not say it was ready in time (`wait`: "60 s"). */
  z.object({ kind: z.literal('print-not-ready'), wait: text }),
  /** A print page that could not be loaded or printed; `detail` is the engine's or the page's own word. */
  z.object({ kind: z.literal('print-failed'), detail: text }),
  /** The browser blocked the audience window's pop-up (the user has to allow pop-ups for the page). */
  z.object({ kind: z.literal('popup-blocked') }),
  z.object({ kind: z.literal('unexpected'), detail: text }),
]);
export type HostProblem = z.infer<typeof HostProblem>;

export type HostErrorMessages = Messages['hostErrors'];

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => values[name] ?? match);
}

/** The reason part alone ("the disk is full"), for a sentence that names the file itself. */
export function fileReasonText(reason: FileReason, detail: string, strings: HostErrorMessages): string {
  return reason === 'other' ? detail : strings.reasons[reason];
}

/** The reason phrase of a problem that has one, else null. */
export function hostProblemReason(problem: HostProblem, strings: HostErrorMessages): string | null {
  return 'reason' in problem ? fileReasonText(problem.reason, problem.detail, strings) : null;
}

/** One sentence saying what went wrong, in the language of `strings` (`en.hostErrors` or `ja.hostErrors`). */
export function hostProblemText(problem: HostProblem, strings: HostErrorMessages): string {
  switch (problem.kind) {
    case 'file-too-large':
      return fill(strings.fileTooLarge, { name: problem.fileName, size: formatMegabytes(problem.bytes), limit: formatMegabytes(problem.limit) });
    case 'not-a-file':
      return fill(strings.notAFile, { name: problem.fileName });
    case 'not-utf8':
      return fill(strings.notUtf8, { name: problem.fileName });
    case 'cannot-read':
      return fill(strings.cannotRead, { name: problem.fileName, reason: fileReasonText(problem.reason, problem.detail, strings) });
    case 'cannot-write':
      return fill(strings.cannotWrite, { name: problem.fileName, reason: fileReasonText(problem.reason, problem.detail, strings) });
    case 'backup-too-large':
      return fill(strings.backupTooLarge, { name: problem.workspaceName, size: formatMegabytes(problem.bytes), limit: formatMegabytes(problem.limit) });
    case 'backup-not-saved':
      return fill(strings.backupNotSaved, { name: problem.workspaceName, reason: fileReasonText(problem.reason, problem.detail, strings) });
    case 'backups-unreadable':
      return fill(strings.backupsUnreadable, { reason: fileReasonText(problem.reason, problem.detail, strings) });
    case 'backup-missing':
      return fill(strings.backupMissing, { id: problem.id });
    case 'not-png':
      return strings.notPng;
    case 'not-pdf':
      return strings.notPdf;
    case 'print-not-ready':
      return fill(strings.printNotReady, { wait: problem.wait });
    case 'print-failed':
      return fill(strings.printFailed, { detail: problem.detail });
    case 'popup-blocked':
      return strings.popupBlocked;
    case 'unexpected':
      return problem.detail;
  }
}

/** How a HostProblem crosses IPC (see ipcProblem.ts). */
const MARKER = 'alignboard-host-problem:';

export function encodeHostProblem(problem: HostProblem): string {
  return encodeIpcProblem(MARKER, HostProblem, problem);
}

/** The problem inside an error message (whatever prefix Electron added), or null if it holds none or a malformed one. */
export function decodeHostProblem(message: string): HostProblem | null {
  return decodeIpcProblem(MARKER, HostProblem, message)?.problem ?? null;
}
