import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { toast } from 'sonner';
import { useLocation } from 'wouter';
import { MAX_FILE_BYTES } from '@shared/fileLimits';
import type { Language } from '@shared/settings';
import type { Host } from '../../host';
import { formatBytes, formatDateTime } from '../../i18n';
import { toastAction } from '../../ui/toastActions';
import { hasProblems, onBackupRun, type BackupOutcome, type BackupRun, type BackupStatus } from './backupService';

type Problem = Extract<BackupOutcome, { status: 'too-large' | 'failed' }>;

const problemsOf = (run: BackupRun) =>
  run.outcomes.filter((o): o is Problem => o.status === 'too-large' || o.status === 'failed');

export function describeProblem(t: TFunction, problem: Problem, language: Language): string {
  switch (problem.status) {
    case 'too-large':
      return t('backupRun.tooLarge', {
        name: problem.workspaceName,
        size: formatBytes(problem.bytes, language),
        limit: formatBytes(MAX_FILE_BYTES, language),
      });
    case 'failed':
      return t('backupRun.failed', { name: problem.workspaceName, message: problem.message });
  }
}

/** The Backups page's account of the running and the last backup, with what was not saved and why. */
export function BackupRunStatus({ status, language }: { status: BackupStatus; language: Language }) {
  const { t } = useTranslation();
  const { running, last } = status;
  const count = (kind: BackupOutcome['status']) => last?.outcomes.filter((o) => o.status === kind).length ?? 0;
  const problems = last ? problemsOf(last) : [];
  return (
    <section aria-labelledby="backup-run-title" className="card">
      <h2 id="backup-run-title">{t('backupRun.lastTitle')}</h2>
      <p role="status">
        {running ? (running.total > 0 ? t('backupRun.progress', { done: running.done, total: running.total }) : t('backupRun.running')) : null}
      </p>
      {last === null ? (
        running ? null : <p>{t('backupRun.none')}</p>
      ) : (
        <>
          <p>
            {t('backupRun.when', {
              date: formatDateTime(last.finishedAt, language),
              reason: t(`backupRun.reason.${last.reason}`),
            })}
          </p>
          {last.problem !== null ? (
            <p className="notice warning">{t('backupRun.runFailed', { message: last.problem })}</p>
          ) : last.outcomes.length === 0 ? (
            <p>{t('backupRun.noWorkspaces')}</p>
          ) : (
            <ul>
              <li>{t('backupRun.saved', { count: count('saved') })}</li>
              {count('unchanged') > 0 && <li>{t('backupRun.unchanged', { count: count('unchanged') })}</li>}
              {problems.length > 0 && <li>{t('backupRun.notSaved', { count: problems.length })}</li>}
            </ul>
          )}
          {problems.length > 0 && (
            <div className="notice warning">
              <h3 id="backup-problems-title">{t('backupRun.problemsTitle')}</h3>
              <ul aria-labelledby="backup-problems-title">
                {problems.map((problem) => (
                  <li key={problem.workspaceId}>{describeProblem(t, problem, language)}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Toasts for finished backups: any that left a workspace unsaved (it stays until dismissed, with a
 * way to the Backups page), and the result of "Back up now". Quiet when an automatic backup worked.
 */
export function useBackupNotifications(host: Host, language: Language) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  useEffect(
    () =>
      onBackupRun(host, (run) => {
        const open = toastAction(t('backupRun.open'), () => navigate('/backups'));
        if (run.problem !== null) {
          toast.error(t('backupRun.toastRunFailed'), { description: run.problem, action: open, duration: Infinity });
        } else if (hasProblems(run)) {
          const problems = problemsOf(run);
          toast.error(t('backupRun.toastProblems', { count: problems.length }), {
            description: problems.map((problem) => describeProblem(t, problem, language)).join(' '),
            action: open,
            duration: Infinity,
          });
        } else if (run.reason === 'manual') {
          toast.success(t('backups.backedUp', { count: run.outcomes.filter((o) => o.status === 'saved').length }));
        }
      }),
    [host, language, navigate, t],
  );
}
