import { Dexie, type EntityTable } from 'dexie';
import type { BackupEntry } from '../../../shared/ipc';
import { AppSettings, DEFAULT_SETTINGS, type SettingsPatch } from '../../../shared/settings';
import { looksLikePng } from '../../../shared/png';
import { FILE_EXTENSION, MAX_FILE_BYTES } from '../../../shared/workspaceFile';
import { printInHiddenFrame } from './browserPrint';
import type { Host, HostCommand, OpenedFile } from './types';

const SETTINGS_KEY = 'alignboard.settings';
const BACKUPS_KEPT = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

type StoredBackup = BackupEntry & { workspaceId: string; content: string };

/** Browser backups live in their own database so clearing the app database never takes them too. */
function openBackupDb() {
  const database = new Dexie('alignboard-backups') as Dexie & { backups: EntityTable<StoredBackup, 'id'> };
  database.version(1).stores({ backups: 'id, workspaceId, createdAt' });
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
    async setSettings(patch: SettingsPatch) {
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
      if (file.size > MAX_FILE_BYTES) throw new Error(`file too large: ${file.size} bytes`);
      // Decode as UTF-8 whatever a BOM says, as the desktop app does: a UTF-16 file is not a workspace file.
      return { fileName: file.name, content: new TextDecoder('utf-8').decode(await file.arrayBuffer()) };
    },
    backups: {
      async save(snapshots) {
        const createdAt = new Date().toISOString();
        await backupDb.transaction('rw', backupDb.backups, async () => {
          for (const snapshot of snapshots) {
            await backupDb.backups.add({
              id: `${createdAt.replace(/[:.]/g, '-')}_${snapshot.workspaceId}${FILE_EXTENSION}`,
              workspaceId: snapshot.workspaceId,
              workspaceName: snapshot.workspaceName,
              createdAt,
              size: new Blob([snapshot.content]).size,
              content: snapshot.content,
            });
            const all = await backupDb.backups.where('workspaceId').equals(snapshot.workspaceId).sortBy('createdAt');
            const excess = all.slice(0, Math.max(0, all.length - BACKUPS_KEPT));
            await backupDb.backups.bulkDelete(excess.map((b) => b.id));
          }
        });
        return { written: snapshots.length };
      },
      async list() {
        const all = await backupDb.backups.orderBy('createdAt').reverse().toArray();
        return all.map(({ content: _, ...entry }) => entry);
      },
      async read(id) {
        const backup = await backupDb.backups.get(id);
        if (!backup) throw new Error(`backup ${id} not found`);
        return backup.content;
      },
    },
    onBackupDue(listener) {
      // No main process here: the page itself is "the app", so it backs up at start and daily.
      const first = setTimeout(listener, 3_000);
      const daily = setInterval(listener, DAY_MS);
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
      await printInHiddenFrame(request);
      // The print dialog does not say whether the user saved a file or cancelled.
      return { saved: false };
    },
    async savePdf(suggestedName, bytes) {
      download(new Blob([Uint8Array.from(bytes)], { type: 'application/pdf' }), suggestedName.toLowerCase().endsWith('.pdf') ? suggestedName : `${suggestedName}.pdf`);
      // A download cannot be cancelled from the page's point of view.
      return { saved: true };
    },
    async saveImage(suggestedName, bytes) {
      if (!looksLikePng(bytes)) throw new Error('The image to save is not a PNG.');
      download(new Blob([Uint8Array.from(bytes)], { type: 'image/png' }), /\.png$/i.test(suggestedName) ? suggestedName : `${suggestedName}.png`);
      return { saved: true };
    },
    sealsExportedPdfs: false,
    // The frame's page marks <html data-print-ready> (and lays its @page out in the orientation it
    // picked), which printInHiddenFrame watches.
    printReady: async () => {},
    printFailed: async () => {},
  };
}
