import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { KEEP_PER_WORKSPACE } from '@shared/backups';
import { fitWithin } from '@shared/fitText';
import type { BackupEntry } from '@shared/ipc';
import { useApp } from '../../app/AppContext';
import { errorMessage } from '../../db/errors';
import { formatBytes, formatDateTime } from '../../i18n';
import { DataTable, RowActions } from '../../ui/DataTable';
import { MAX_NAME } from '../../ui/NameDialog';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useWorkspaceActions } from '../workspace/WorkspaceActions';
import { BackupRunStatus } from './BackupRunStatus';
import { cleanMessage, runBackups, useBackupStatus } from './backupService';

export function BackupsPage() {
  const { t } = useTranslation();
  const { host, language } = useApp();
  const actions = useWorkspaceActions();
  const [entries, setEntries] = useState<BackupEntry[] | null>(null);
  const status = useBackupStatus(host);
  useDocumentTitle(t('backups.title'));

  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  const [listProblem, setListProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    host.backups.list().then(
      (list) => {
        if (!live) return;
        setEntries(list);
        setListProblem(null);
      },
      (error: unknown) => {
        if (!live) return;
        // Said where the list would be: a backup run that fails for the same reason already toasts.
        setListProblem(cleanMessage(error));
        setEntries([]);
      },
    );
    return () => {
      live = false;
    };
    // `version` and the last run are the refresh triggers: either re-reads the list.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [host, t, version, status.last]);

  // One restore at a time: a second press (a double click or tap) while one runs would make a second copy.
  const restoring = useRef(false);
  const [restoringId, setRestoringId] = useState<string | null>(null);

  async function restore(entry: BackupEntry) {
    if (restoring.current) return;
    restoring.current = true;
    setRestoringId(entry.id);
    try {
      const content = await host.backups.read(entry.id);
      const date = formatDateTime(entry.createdAt, language);
      // Within the name's limit (a workspace named at the limit would give a copy no import accepts);
      // importText numbers it if that backup was restored before (“… (2)”) and says the name it got.
      const name = fitWithin(MAX_NAME, entry.workspaceName, (shortened) => t('backups.restoredName', { name: shortened, date }));
      await actions.importText(content, { name, success: (restored) => t('backups.restored', { name: restored }) });
    } catch (error) {
      toast.error(t('common.error', { message: errorMessage(error) }));
    } finally {
      restoring.current = false;
      setRestoringId(null);
    }
  }

  return (
    <section aria-labelledby="backups-title" className="page">
      <div className="page-header">
        <h1 id="backups-title">{t('backups.title')}</h1>
        <button
          type="button"
          className="button"
          aria-disabled={status.running !== null}
          onClick={() => {
            // Not `disabled`: the button keeps focus while the backup runs, and says it is busy.
            if (status.running) return;
            void runBackups(host, { reason: 'manual', force: true }).then(refresh);
          }}
        >
          {status.running ? t('backupRun.running') : t('backups.backupNow')}
        </button>
      </div>
      <p className="lead">{t('backups.intro', { count: KEEP_PER_WORKSPACE })}</p>
      <BackupRunStatus status={status} language={language} />
      {entries === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : listProblem !== null ? (
        <p className="notice warning">{t('backupRun.listFailed', { message: listProblem })}</p>
      ) : entries.length === 0 ? (
        <p>{t('backups.empty')}</p>
      ) : (
        <DataTable
          caption={t('backups.title')}
          columns={[t('backups.colWorkspace'), t('backups.colDate'), { label: t('backups.colSize'), numeric: true }]}
          actions
        >
          {entries.map((entry) => {
            const date = formatDateTime(entry.createdAt, language);
            return (
              <tr key={entry.id}>
                <th scope="row">{entry.workspaceName}</th>
                <td>
                  <time dateTime={entry.createdAt}>{date}</time>
                </td>
                <td className="num">{formatBytes(entry.size, language)}</td>
                <RowActions>
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('backups.restoreLabel', { name: entry.workspaceName, date })}
                    // Not `disabled`: the button keeps focus while it restores, and says it is busy.
                    aria-disabled={restoringId !== null}
                    onClick={() => void restore(entry)}
                  >
                    {restoringId === entry.id ? t('backups.restoring') : t('backups.restore')}
                  </button>
                </RowActions>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
