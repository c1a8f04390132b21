import type { Dirent } from 'node:fs';
import nodePath from 'node:path';
import { z } from 'zod';
import { backupsToDelete, KEEP_PER_WORKSPACE, newestFirst } from '../../shared/backups';
import { MAX_FILE_BYTES } from '../../shared/fileLimits';
import { BackupEntry, BackupId, type BackupSnapshot } from '../../shared/ipc';
import { removeStaleTempFiles, writeFileAtomic, type AtomicWriteFs } from './atomicWrite';
import { fileReason, HostFailure } from './hostFailure';
import { compactTimestamp, isoFromCompactTimestamp } from './time';

/**
 * Automatic backups in `<userData>/backups/`. The workspaces live in the renderer's IndexedDB, so
 * the renderer sends snapshots (workspace-file JSON), one workspace per call, and main stores them:
 *
 * - one file per snapshot, `<seq>_<UTC yyyymmddThhmmssZ>_<sanitized workspace id>.alignboard`,
 *   written atomically, 0600 in a 0700 folder (a workspace holds names, notes and signatures);
 * - `seq` only grows: "newest" means the highest seq, never the latest clock time, because the
 *   clock can jump back (a clock once set ahead made every new backup look older than the last ten,
 *   so each was deleted the moment it was written);
 * - the newest KEEP_PER_WORKSPACE backups of each workspace are kept, older ones deleted, and the
 *   backup just written is never one of them;
 * - `manifest.json` (also atomic) describes every file so listing never opens the backups; it is
 *   reconciled with the directory on each use and rebuilt from the files if missing or damaged.
 *
 * Backups of earlier versions (`<stamp>_<id>.alignboard`) are still listed and restored, as seq 0:
 * older than any backup made since.
 */

export { KEEP_PER_WORKSPACE };
export const MANIFEST_NAME = 'manifest.json';
/** Temporary files a crash left behind are removed at start, whatever their age: only one instance runs. */
const STALE_TEMP_MS = 0;

const SEQ_DIGITS = 10;
const FILE_NAME = /^(\d{10})_(\d{8}T\d{6}Z)_([A-Za-z0-9_-]+)\.alignboard$/;
const LEGACY_FILE_NAME = /^(\d{8}T\d{6}Z)_([A-Za-z0-9_-]+)\.alignboard$/;

export const ManifestEntry = BackupEntry.extend({ id: BackupId, createdAt: z.iso.datetime() });
export type ManifestEntry = z.infer<typeof ManifestEntry>;
export const Manifest = z.object({ version: z.literal(2), entries: z.array(ManifestEntry) });
/** The manifest of 1.x backups: no seq, no workspaceUpdatedAt. */
const ManifestV1 = z.object({
  version: z.literal(1),
  entries: z.array(ManifestEntry.omit({ seq: true, workspaceUpdatedAt: true })),
});

export type BackupFs = AtomicWriteFs & {
  mkdir(path: string, options: { recursive: true; mode: number }): Promise<unknown>;
  chmod(path: string, mode: number): Promise<void>;
  readdir(path: string, options: { withFileTypes: true }): Promise<Pick<Dirent, 'name' | 'isFile'>[]>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  stat(path: string): Promise<{ mtimeMs: number; isFile(): boolean }>;
};

export type BackupStore = {
  /** Makes the folder private and removes what a crash left; run at start (save and list run it too). */
  prepare(): Promise<void>;
  save(snapshot: BackupSnapshot): Promise<BackupEntry>;
  list(): Promise<BackupEntry[]>;
  read(id: string): Promise<{ content: string }>;
};

export function isBackupFileName(name: string): boolean {
  return (FILE_NAME.test(name) || LEGACY_FILE_NAME.test(name)) && BackupId.safeParse(name).success;
}

/** File-name part for a workspace id: only `[A-Za-z0-9_-]`, at most 100 characters, never empty. */
export function sanitizeWorkspaceId(workspaceId: string): string {
  return workspaceId.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100) || 'workspace';
}

/** What a backup's file name says: its seq (0 for old names), its time and its workspace. */
function parseFileName(id: string): { seq: number; createdAt: string; workspaceId: string } | null {
  const match = FILE_NAME.exec(id);
  if (match) {
    const createdAt = isoFromCompactTimestamp(match[2]!);
    return createdAt ? { seq: Number(match[1]), createdAt, workspaceId: match[3]! } : null;
  }
  const legacy = LEGACY_FILE_NAME.exec(id);
  const createdAt = legacy ? isoFromCompactTimestamp(legacy[1]!) : null;
  return legacy && createdAt ? { seq: 0, createdAt, workspaceId: legacy[2]! } : null;
}

export function createBackupStore({
  dir,
  fs,
  now,
  platform = process.platform,
  maxBytes = MAX_FILE_BYTES,
}: {
  dir: string;
  fs: BackupFs;
  now: () => Date;
  platform?: NodeJS.Platform;
  /** MAX_FILE_BYTES; tests pass a small one instead of building 200 MB. */
  maxBytes?: number;
}): BackupStore {
  const manifestPath = nodePath.join(dir, MANIFEST_NAME);
  const pathOf = (id: string) => nodePath.join(dir, id);
  const writeOptions = { platform };

  let prepared: Promise<void> | null = null;
  async function prepareOnce(): Promise<void> {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode only applies to a folder it creates; earlier versions made this one 0755.
    if (platform !== 'win32') await fs.chmod(dir, 0o700);
    await removeStaleTempFiles(
      {
        readdir: async (path) => (await fs.readdir(path, { withFileTypes: true })).map((entry) => entry.name),
        stat: (path) => fs.stat(path),
        unlink: (path) => fs.unlink(path),
      },
      dir,
      { olderThanMs: STALE_TEMP_MS, now: () => now().getTime() },
    );
  }
  const prepare = () => {
    // A failed attempt (a disk not mounted yet) is tried again on the next use.
    prepared ??= prepareOnce().catch((error: unknown) => {
      prepared = null;
      throw error;
    });
    return prepared;
  };

  async function readManifest(): Promise<ManifestEntry[] | null> {
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
    } catch {
      return null; // missing or not JSON: rebuilt from the files
    }
    const current = Manifest.safeParse(raw);
    if (current.success) return current.data.entries;
    const v1 = ManifestV1.safeParse(raw);
    if (v1.success) return v1.data.entries.map((entry) => ({ ...entry, seq: 0, workspaceUpdatedAt: null }));
    return null;
  }

  /** Reads one backup to describe it: only for files the manifest does not know. */
  async function describeFile(id: string): Promise<ManifestEntry | null> {
    const named = parseFileName(id);
    if (!named) return null;
    let content: string;
    try {
      content = await fs.readFile(pathOf(id), 'utf8');
    } catch {
      return null;
    }
    let workspaceId = named.workspaceId;
    let workspaceName = workspaceId;
    let workspaceUpdatedAt: string | null = null;
    try {
      const workspace = (JSON.parse(content) as { workspace?: { id?: unknown; name?: unknown; updatedAt?: unknown } })
        .workspace;
      if (typeof workspace?.id === 'string') workspaceId = workspace.id;
      if (typeof workspace?.name === 'string') workspaceName = workspace.name;
      if (typeof workspace?.updatedAt === 'string') workspaceUpdatedAt = workspace.updatedAt;
    } catch {
      // A damaged backup is still listed (by its file name) so the user sees it exists.
    }
    return {
      id,
      seq: named.seq,
      workspaceId,
      workspaceName,
      createdAt: named.createdAt,
      size: Buffer.byteLength(content, 'utf8'),
      workspaceUpdatedAt,
    };
  }

  /** The manifest's entries, made to agree with the backup files actually on disk. */
  async function currentEntries(): Promise<ManifestEntry[]> {
    await prepare();
    const files = (await fs.readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && isBackupFileName(entry.name))
      .map((entry) => entry.name);
    const onDisk = new Set(files);
    const manifest = await readManifest();
    const known = new Map((manifest ?? []).filter((entry) => onDisk.has(entry.id)).map((entry) => [entry.id, entry]));
    let changed = manifest === null || known.size !== manifest.length;
    const entries = [...known.values()];
    for (const id of files.sort()) {
      if (known.has(id)) continue;
      const described = await describeFile(id);
      if (described) entries.push(described);
      changed = true;
    }
    if (changed) await writeManifest(entries);
    return entries;
  }

  async function writeManifest(entries: readonly ManifestEntry[]): Promise<void> {
    const text = `${JSON.stringify({ version: 2, entries: newestFirst(entries).reverse() }, null, 1)}\n`;
    await writeFileAtomic(fs, manifestPath, text, { ...writeOptions, mode: 0o600 });
  }

  async function save(snapshot: BackupSnapshot): Promise<BackupEntry> {
    const size = Buffer.byteLength(snapshot.content, 'utf8');
    // IPC already refused anything larger; this store is also used directly.
    if (size > maxBytes) throw new HostFailure({ kind: 'backup-too-large', workspaceName: snapshot.workspaceName, bytes: size, limit: maxBytes });
    const notSaved = (error: unknown) =>
      new HostFailure({ kind: 'backup-not-saved', workspaceName: snapshot.workspaceName, ...fileReason(error, 'write') }, { cause: error });
    const entries = await currentEntries().catch((error: unknown) => {
      throw notSaved(error);
    });
    const taken = new Set(entries.map((entry) => entry.id));
    const stamp = compactTimestamp(now());
    // Whole seconds, as in the file name, so a manifest rebuilt from the files says the same.
    const createdAt = isoFromCompactTimestamp(stamp)!;
    let seq = entries.reduce((max, entry) => Math.max(max, entry.seq), 0) + 1;
    const idFor = (n: number) => `${String(n).padStart(SEQ_DIGITS, '0')}_${stamp}_${sanitizeWorkspaceId(snapshot.workspaceId)}.alignboard`;
    while (taken.has(idFor(seq))) seq++;
    const written: ManifestEntry = {
      id: idFor(seq),
      seq,
      workspaceId: snapshot.workspaceId,
      workspaceName: snapshot.workspaceName,
      createdAt,
      size,
      workspaceUpdatedAt: snapshot.workspaceUpdatedAt,
    };
    await writeFileAtomic(fs, pathOf(written.id), snapshot.content, { ...writeOptions, mode: 0o600 }).catch((error: unknown) => {
      throw notSaved(error);
    });
    entries.push(written);

    // Only this workspace's backups can have become too many; the one just written always stays.
    const excess = backupsToDelete(entries, snapshot.workspaceId, written.id);
    const removed = new Set<string>();
    for (const entry of excess) {
      try {
        await fs.unlink(pathOf(entry.id));
        removed.add(entry.id);
      } catch (error) {
        // Already gone is fine; otherwise keep listing it so nothing on disk goes unaccounted.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') removed.add(entry.id);
      }
    }
    const kept = entries.filter((entry) => !removed.has(entry.id));
    await writeManifest(kept).catch((error: unknown) => {
      throw notSaved(error);
    });
    return toEntry(written);
  }

  const toEntry = ({ id, seq, workspaceId, createdAt, workspaceName, size, workspaceUpdatedAt }: ManifestEntry): BackupEntry => ({
    id,
    seq,
    workspaceId,
    createdAt,
    workspaceName,
    size,
    workspaceUpdatedAt,
  });

  async function list(): Promise<BackupEntry[]> {
    const entries = await currentEntries().catch((error: unknown) => {
      throw new HostFailure({ kind: 'backups-unreadable', ...fileReason(error, 'read') }, { cause: error });
    });
    return newestFirst(entries).map(toEntry);
  }

  async function read(id: string): Promise<{ content: string }> {
    // Checked again here (IPC already did) because this is where the id becomes a path.
    if (!isBackupFileName(id)) throw new Error(`"${id.slice(0, 100)}" is not a backup id.`);
    try {
      return { content: await fs.readFile(pathOf(id), 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new HostFailure({ kind: 'backup-missing', id }, { cause: error });
      throw new HostFailure({ kind: 'backups-unreadable', ...fileReason(error, 'read') }, { cause: error });
    }
  }

  // One operation at a time: a "Back up now" during the daily backup must not interleave with it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    prepare: () => serial(prepare),
    save: (snapshot) => serial(() => save(snapshot)),
    list: () => serial(list),
    read: (id) => serial(() => read(id)),
  };
}
