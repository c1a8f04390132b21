import { en } from '../../shared/locales/en';
import { type FileReason, type HostProblem, hostProblemText } from '../../shared/hostProblem';

/**
 * A failure main expected and can name (shared/hostProblem.ts). Its message is English for logs
 * and tests; `handle()` (ipc.ts) sends the problem itself to the renderer, which words it in the
 * user's language, and main's own error boxes word it in the menu's language.
 */
export class HostFailure extends Error {
  constructor(
    readonly problem: HostProblem,
    options?: { cause?: unknown },
  ) {
    super(hostProblemText(problem, en.hostErrors), options);
    this.name = 'HostFailure';
  }
}

function detailOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

/** What a file-system error means to a person reading or writing `fileName`. */
export function fileReason(error: unknown, action: 'read' | 'write'): { reason: FileReason; detail: string } {
  const detail = detailOf(error);
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'ENOENT':
      // Writing, the file itself need not exist: its folder is what went away.
      return { reason: action === 'write' ? 'folder-not-found' : 'not-found', detail };
    case 'EACCES':
    case 'EPERM':
      return { reason: 'permission-denied', detail };
    case 'EISDIR':
      return { reason: 'is-folder', detail };
    case 'ENOSPC':
    case 'EDQUOT':
      return { reason: 'disk-full', detail };
    case 'ENAMETOOLONG':
      return { reason: 'name-too-long', detail };
    case 'EROFS':
      return { reason: 'read-only', detail };
    case 'EBUSY':
    case 'ETXTBSY':
      return { reason: 'busy', detail };
    default:
      return { reason: 'other', detail };
  }
}

/** `error` as a HostFailure: one already is; anything else is a file error of `fileName`. */
export function fileFailure(error: unknown, fileName: string, action: 'read' | 'write'): HostFailure {
  if (error instanceof HostFailure) return error;
  return new HostFailure({ kind: action === 'read' ? 'cannot-read' : 'cannot-write', fileName, ...fileReason(error, action) }, { cause: error });
}
