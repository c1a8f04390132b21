import { Dexie, type EntityTable } from 'dexie';
import { backupsToDelete, newestFirst } from '@shared/backups';
import { FILE_EXTENSION, MAX_FILE_BYTES, utf8ByteLength } from '@shared/fileLimits';
import type { BackupEntry } from '@shared/ipc';
import { looksLikePng } from '@shared/png';
import { AppSettings, DEFAULT_SETTINGS, type RendererSettingsPatch } from '@shared/settings';
import { errorMessage, isQuotaError } from '../db/errors';
import { createBrowserAudience } from './browserAudience';
import { HostError, hostCall } from './hostError';
import { createBrowserRooms } from './roomsHost';
import type { Host, HostCommand, OpenedFile } from './types';

const SETTINGS_KEY = 'alignboard.settings';
const DAY_MS = 24 * 60 * 60 * 1000;

type StoredBackupV1 = Omit<BackupEntry, 'seq' | 'workspaceUpdatedAt'> & { content: string };
type BackupDb = Dexie & {
  backups: EntityTable<BackupEntry, 'id'>;
  /** The text of each backup, apart so that listing and pruning never load megabytes. */
  contents: EntityTable<{ id: string; content: string }, 'id'>;
};

/** Browser backups live in their own database so clearing the app database never takes them too. */
export function openBackupDb(): BackupDb {
  const database = new Dexie('alignboard-backups') as BackupDb;
  database.version(1).stores({ backups: 'id, workspaceId, createdAt' });
  // Version 2 orders by a sequence instead of the clock (see BackupEntry.seq): earlier backups are
  // seq 0, older than any made since, and do not know the workspace's updatedAt.
  database
    .version(2)
    .stores({ backups: 'id, workspaceId, seq', contents: 'id' })
    .upgrade(async (tx) => {
      // Every content is copied (awaited) before any row loses it: a failing write aborts the
      // upgrade with everything as it was, never a listed backup whose content is gone.
      // One backup at a time (each may be hundreds of megabytes).
      const backups = tx.table<StoredBackupV1 & Partial<BackupEntry>, string>('backups');
      const contents = tx.table<{ id: string; content: string }, string>('contents');
      for (const id of await backups.toCollection().primaryKeys()) {
        const backup = await backups.get(id);
        if (backup?.content !== undefined) await contents.put({ id, content: backup.content });
      }
      await backups.toCollection().modify((backup) => {
        delete (backup as Partial<StoredBackupV1>).content;
        backup.seq = 0;
        backup.workspaceUpdatedAt = null;
      });
    });
  return database;
}

function readSettings(storage: Storage): { settings: AppSettings; problem: string | null } {
  const raw = storage.getItem(SETTINGS_KEY);
  if (raw === null) return { settings: DEFAULT_SETTINGS, problem: null };
  try {
    const parsed = AppSettings.safeParse(JSON.parse(raw));
    if (parsed.success) return { settings: parsed.data, problem: null };
    return { settings: DEFAULT_SETTINGS, problem: parsed.error.issues[0]?.message ?? 'invalid settings' };
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Hands a blob to the browser as a download named `fileName`. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

export function createBrowserHost(storage: Storage = window.localStorage): Host {
  const backupDb = openBackupDb();
  const commandListeners = new Set<(command: HostCommand) => void>();
  return {
    kind: 'browser',
    appInfo: async () => ({ version: __APP_VERSION__, platform: 'web' }),
    systemLocale: () => navigator.language,
    getSettings: async () => readSettings(storage),
    async setSettings(patch: RendererSettingsPatch) {
      const next = AppSettings.parse({ ...readSettings(storage).settings, ...patch });
      storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    async saveWorkspaceFile(suggestedName, content) {
      download(new Blob([content], { type: 'application/json' }), suggestedName.endsWith(FILE_EXTENSION) ? suggestedName : `${suggestedName}${FILE_EXTENSION}`);
      return { saved: true };
    },
    async openWorkspaceFile(): Promise<OpenedFile | null> {
      const file = await pickFile(`${FILE_EXTENSION},application/json`);
      if (!file) return null;
      if (file.size > MAX_FILE_BYTES) throw new HostError({ kind: 'file-too-large', fileName: file.name, bytes: file.size, limit: MAX_FILE_BYTES });
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch (error) {
        // The file was moved, deleted or changed after it was picked (NotReadableError / NotFoundError).
        const reason = (error as { name?: string } | null)?.name === 'NotFoundError' ? 'not-found' : 'other';
        throw new HostError({ kind: 'cannot-read', fileName: file.name, reason, detail: errorMessage(error) }, { cause: error });
      }
      // Decode as UTF-8 whatever a BOM says, as the desktop app does: a UTF-16 file is not a workspace file.
      return { fileName: file.name, content: new TextDecoder('utf-8').decode(bytes) };
    },
    backups: {
      async save(snapshot) {
        const size = utf8ByteLength(snapshot.content);
        if (size > MAX_FILE_BYTES) throw new HostError({ kind: 'backup-too-large', workspaceName: snapshot.workspaceName, bytes: size, limit: MAX_FILE_BYTES });
        const notSaved = (error: unknown) =>
          new HostError(
            { kind: 'backup-not-saved', workspaceName: snapshot.workspaceName, reason: isQuotaError(error) ? 'disk-full' : 'other', detail: errorMessage(error) },
            { cause: error },
          );
        return backupDb.transaction('rw', backupDb.backups, backupDb.contents, async () => {
          const seq = ((await backupDb.backups.orderBy('seq').last())?.seq ?? 0) + 1;
          const entry: BackupEntry = {
            id: `${String(seq).padStart(10, '0')}_${snapshot.workspaceId}${FILE_EXTENSION}`,
            seq,
            workspaceId: snapshot.workspaceId,
            workspaceName: snapshot.workspaceName,
            createdAt: new Date().toISOString(),
            size,
            workspaceUpdatedAt: snapshot.workspaceUpdatedAt,
          };
          await backupDb.backups.add(entry);
          await backupDb.contents.add({ id: entry.id, content: snapshot.content });
          const ofWorkspace = await backupDb.backups.where('workspaceId').equals(snapshot.workspaceId).toArray();
          const excess = backupsToDelete(ofWorkspace, snapshot.workspaceId, entry.id).map((b) => b.id);
          await backupDb.backups.bulkDelete(excess);
          await backupDb.contents.bulkDelete(excess);
          return entry;
        }).catch((error: unknown) => {
          throw notSaved(error);
        });
      },
      list: async () => newestFirst(await backupDb.backups.toArray()),
      async read(id) {
        const backup = await backupDb.contents.get(id);
        if (!backup) throw new HostError({ kind: 'backup-missing', id });
        return backup.content;
      },
    },
    onBackupDue(listener) {
      // No main process here: the page itself is "the app", so it backs up at start and daily.
      const first = setTimeout(() => listener('startup'), 3_000);
      const daily = setInterval(() => listener('interval'), DAY_MS);
      return () => {
        clearTimeout(first);
        clearInterval(daily);
      };
    },
    onCommand(listener) {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
    onFileOpened: () => () => {},
    async exportPdf(request) {
      // The print code (with the PDF footer's font) loads on the first print, not with the app.
      const { printInHiddenFrame } = await import('./browserPrint');
      await hostCall(() => printInHiddenFrame(request));
      // The print dialog does not say whether the user saved a file or cancelled.
      return { saved: false };
    },
    async savePdf(suggestedName, bytes) {
      download(new Blob([Uint8Array.from(bytes)], { type: 'application/pdf' }), suggestedName.toLowerCase().endsWith('.pdf') ? suggestedName : `${suggestedName}.pdf`);
      // A download cannot be cancelled from the page's point of view.
      return { saved: true };
    },
    async saveImage(suggestedName, bytes) {
      if (!looksLikePng(bytes)) throw new HostError({ kind: 'not-png' });
      download(new Blob([Uint8Array.from(bytes)], { type: 'image/png' }), /\.png$/i.test(suggestedName) ? suggestedName : `${suggestedName}.png`);
      return { saved: true };
    },
    sealsExportedPdfs: false,
    // The frame's page marks <html data-print-ready> (and lays its @page out in the orientation it
    // picked), which printInHiddenFrame watches.
    printReady: async () => {},
    printFailed: async () => {},
    rooms: createBrowserRooms({ origin: window.location.origin }),
    audience: createBrowserAudience(),
  };
}
