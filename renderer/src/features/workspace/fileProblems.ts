import type { TFunction } from 'i18next';
import { BOARD_DOC_VERSION } from '@shared/board/docVersion';
import { FILE_VERSION } from '@shared/fileLimits';
import type { FileProblem } from '@shared/workspaceFile';
import { formatBytes } from '../../i18n';

export type ImportProblem =
  | FileProblem
  | { kind: 'read-failed'; detail: string }
  /** Reading took longer than its time budget (fileClient.ts) and was stopped. */
  | { kind: 'too-slow'; seconds: number }
  | { kind: 'write-failed'; detail: string }
  | { kind: 'storage-full' };

/**
 * One message per problem kind, in the UI's language; the switch is exhaustive so a new kind
 * cannot go unexplained. What the parser, the schema or the library said (English, technical) is
 * not part of it: see problemDetail.
 */
export function describeProblem(problem: ImportProblem, t: TFunction, language: string): string {
  switch (problem.kind) {
    case 'empty':
      return t('import.problem.empty');
    case 'too-large':
      return t('import.problem.too-large', { size: formatBytes(problem.bytes, language) });
    case 'truncated':
      return t('import.problem.truncated');
    case 'not-json':
      return t('import.problem.not-json');
    case 'not-alignboard':
      return t('import.problem.not-alignboard');
    case 'newer-version':
      return t('import.problem.newer-version', { version: problem.version, supported: FILE_VERSION });
    case 'unsupported-version':
      return t('import.problem.unsupported-version', { version: JSON.stringify(problem.version) ?? 'undefined' });
    case 'invalid':
      return t('import.problem.invalid', { path: problem.path || '/' });
    case 'duplicate-id':
      return t('import.problem.duplicate-id', { collection: problem.collection, id: problem.id });
    case 'bad-board':
      return t('import.problem.bad-board', { board: problem.boardName });
    case 'read-failed':
      return t('import.problem.read-failed');
    case 'too-slow':
      return t('import.problem.too-slow', { seconds: problem.seconds });
    case 'write-failed':
      return t('import.problem.write-failed');
    case 'newer-board':
      return t('migrations.newerBoard', { board: problem.boardName, version: problem.version, supported: BOARD_DOC_VERSION });
    case 'bad-asset':
      return t('import.problem.bad-asset', { id: problem.id });
    case 'bad-lead-month':
      return t('import.problem.bad-lead-month', { period: problem.period });
    case 'storage-full':
      return t('errors.storageFull');
  }
}

/**
 * The technical detail of a problem, as the JSON parser, the file's schema, Yjs or the browser
 * worded it (English, whatever the UI's language), for a "Technical details" disclosure beside the
 * message; null for problems that have none.
 */
export function problemDetail(problem: ImportProblem): string | null {
  return 'detail' in problem && problem.detail ? problem.detail : null;
}
