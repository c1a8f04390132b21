import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { useLocation } from 'wouter';
import { MAX_FILE_BYTES, utf8ByteLength } from '@shared/fileLimits';
import { useApp } from '../../app/AppContext';
import { errorMessage, StorageFullError } from '../../db/errors';
import { createWorkspace, loadWorkspaceFiles } from '../../db/workspaces';
import type { NumberedName } from '../../db/workspaceFiles';
import { formatBytes } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { parseWorkspaceFileOffThread, prepareFileReader } from './fileClient';
import { TechnicalDetails } from '../../ui/TechnicalDetails';
import { describeProblem, type ImportProblem, problemDetail } from './fileProblems';
import { NameDialog } from '../../ui/NameDialog';

type WorkspaceActions = {
  openCreateDialog(): void;
  /**
   * Imports workspace-file text (from a picker, the OS, or a backup) as a new workspace, under a
   * name no listed workspace has (“Acme (2)”), which the success message (`success`, else
   * “Imported …”) gives.
   */
  importText(content: string, options?: { name?: string; success?: (name: string) => string }): Promise<string | null>;
  pickAndImport(): Promise<void>;
  exportToFile(workspaceId: string, name: string): Promise<void>;
  createSample(): Promise<void>;
};

const Context = createContext<WorkspaceActions | null>(null);

function safeFileName(name: string): string {
  // Control characters are not allowed in file names on any OS.
  // oxlint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 120);
  return cleaned || 'workspace';
}

/** A taken workspace name numbered (“Acme (2)”): importWorkspace's and duplicateWorkspace's `numbered`. */
export function numberedName(t: TFunction): NumberedName {
  return (name, number) => t('home.numberedName', { name, number });
}

/** Workspace-level actions shared by the home page, the menu and keyboard shortcuts. */
export function WorkspaceActionsProvider(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const { host, language } = useApp();
  const [, navigate] = useLocation();
  const [createOpen, setCreateOpen] = useState(false);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const importing = useRef(false);

  const showWriteError = useCallback(
    (error: unknown) => {
      setProblem(error instanceof StorageFullError ? { kind: 'storage-full' } : { kind: 'write-failed', detail: errorMessage(error) });
    },
    [],
  );

  const importText = useCallback(
    async (content: string, options: { name?: string; success?: (name: string) => string } = {}) => {
      // Every way in (the file chooser, a file opened with the app, a backup restored) says it is
      // working: a large file takes seconds to read and to store.
      const pending = toast.loading(t('import.importing'));
      try {
        const parsed = await parseWorkspaceFileOffThread(content);
        if (!parsed.ok) {
          setProblem(parsed.problem);
          return null;
        }
        const { importWorkspace } = await loadWorkspaceFiles();
        const { id, name } = await importWorkspace(parsed.file, { name: options.name, numbered: numberedName(t) });
        toast.success(options.success ? options.success(name) : t('import.imported', { name }));
        navigate(`/w/${id}`);
        return id;
      } catch (error) {
        showWriteError(error);
        return null;
      } finally {
        toast.dismiss(pending);
      }
    },
    [navigate, showWriteError, t],
  );

  const pickAndImport = useCallback(async () => {
    if (importing.current) return;
    importing.current = true;
    // The reader's worker loads while the user picks the file; ended if no file (or a small one) used it.
    const reader = prepareFileReader();
    void loadWorkspaceFiles().catch(() => undefined);
    try {
      const file = await host.openWorkspaceFile();
      if (!file) return;
      await importText(file.content);
    } catch (error) {
      setProblem({ kind: 'read-failed', detail: errorMessage(error) });
    } finally {
      reader.release();
      importing.current = false;
    }
  }, [host, importText]);

  const exportToFile = useCallback(
    async (workspaceId: string, name: string) => {
      try {
        const { exportWorkspace } = await loadWorkspaceFiles();
        const content = await exportWorkspace(workspaceId);
        // Import reads at most MAX_FILE_BYTES: a file written past it could never be opened again.
        const bytes = utf8ByteLength(content);
        if (bytes > MAX_FILE_BYTES) {
          const size = formatBytes(bytes, language);
          toast.error(t('backupRun.exportTooLarge', { name, size, limit: formatBytes(MAX_FILE_BYTES, language) }));
          return;
        }
        const { saved } = await host.saveWorkspaceFile(`${safeFileName(name)}.alignboard`, content);
        if (saved) toast.success(t('workspace.exported', { name }));
        else toast(t('workspace.exportCancelled'));
      } catch (error) {
        toast.error(t('common.error', { message: errorMessage(error) }));
      }
    },
    [host, language, t],
  );

  const createSample = useCallback(async () => {
    try {
      // The sample's builder (funnel, SLA, a year of figures) loads only when asked for.
      const { createSampleWorkspace } = await import('../../db/sample');
      const id = await createSampleWorkspace(language);
      toast.success(t('home.sampleCreated'));
      navigate(`/w/${id}`);
    } catch (error) {
      showWriteError(error);
    }
  }, [language, navigate, showWriteError, t]);

  useEffect(() => host.onFileOpened((file) => void importText(file.content)), [host, importText]);

  const value = useMemo(
    () => ({ openCreateDialog: () => setCreateOpen(true), importText, pickAndImport, exportToFile, createSample }),
    [importText, pickAndImport, exportToFile, createSample],
  );

  return (
    <Context.Provider value={value}>
      {props.children}
      <NameDialog
        open={createOpen}
        onOpenChange={setCreateOpen}
        title={t('home.createTitle')}
        initialName=""
        submitLabel={t('common.create')}
        onSubmit={async (name) => {
          try {
            const id = await createWorkspace(name);
            toast.success(t('home.created', { name }));
            navigate(`/w/${id}`);
          } catch (error) {
            if (error instanceof StorageFullError) throw new Error(t('errors.storageFull'), { cause: error });
            throw error;
          }
        }}
      />
      <Dialog
        open={problem !== null}
        onOpenChange={(open) => !open && setProblem(null)}
        title={t('import.failedTitle')}
        role="alertdialog"
        description={
          problem ? (
            <>
              <span className="problem-text">{describeProblem(problem, t, language)}</span> {t('import.nothingChanged')}
            </>
          ) : null
        }
      >
        {problem ? <TechnicalDetails detail={problemDetail(problem)} /> : null}
        <div className="dialog-buttons">
          <button type="button" className="button primary" autoFocus onClick={() => setProblem(null)}>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    </Context.Provider>
  );
}

export function useWorkspaceActions(): WorkspaceActions {
  const value = useContext(Context);
  if (!value) throw new Error('useWorkspaceActions outside WorkspaceActionsProvider');
  return value;
}
