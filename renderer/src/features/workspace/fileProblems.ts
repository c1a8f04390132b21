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

/** One message per problem kind; the switch is exhaustive so a new kind cannot go unexplained. */
export function describeProblem(problem: ImportProblem, t: TFunction, language: string): string {
  switch (problem.kind) {
    case 'empty':
      return t('import.problem.empty');
    case 'too-large':
      return t('import.problem.too-large', { size: formatBytes(problem.bytes, language) });
    case 'truncated':
      return t('import.problem.truncated');
    case 'not-json':
      return t('import.problem.not-json', { detail: problem.detail });
    case 'not-alignboard':
      return t('import.problem.not-alignboard');
    case 'newer-version':
      return t('import.problem.newer-version', { version: problem.version, supported: FILE_VERSION });
    case 'unsupported-version':
      return t('import.problem.unsupported-version', { version: JSON.stringify(problem.version) ?? 'undefined' });
    case 'invalid':
      return t('import.problem.invalid', { path: problem.path || '/', detail: problem.detail });
    case 'duplicate-id':
      return t('import.problem.duplicate-id', { collection: problem.collection, id: problem.id });
    case 'bad-board':
      return t('import.problem.bad-board', { board: problem.boardName, detail: problem.detail });
    case 'read-failed':
      return t('import.problem.read-failed', { detail: problem.detail });
    case 'too-slow':
      return t('import.problem.too-slow', { seconds: problem.seconds });
    case 'write-failed':
      return t('import.problem.write-failed', { detail: problem.detail });
    case 'newer-board':
      return t('migrations.newerBoard', { board: problem.boardName, version: problem.version, supported: BOARD_DOC_VERSION });
    case 'bad-asset':
      return t('import.problem.bad-asset', { id: problem.id });
    case 'bad-lead-month':
      return t('import.problem.bad-lead-month', { period: problem.period, detail: problem.detail });
    case 'storage-full':
      return t('errors.storageFull');
  }
}
