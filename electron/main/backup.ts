import type { Dirent } from 'node:fs';
import nodePath from 'node:path';
import { z } from 'zod';
import { BackupId, type BackupEntry, type BackupSnapshot } from '../../shared/ipc';
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite';
import { compactTimestamp, isoFromCompactTimestamp } from './time';

/**
 * Automatic backups in `<userData>/backups/`. The workspaces live in the renderer's IndexedDB, so
 * the renderer sends snapshots (workspace-file JSON) and main only stores them:
 *
 * - one file per snapshot, `<UTC yyyymmddThhmmssZ>_<sanitized workspace id>[-n].alignboard`,
 *   written atomically (the renderer decides which workspaces changed and need one);
 * - the newest KEEP_PER_WORKSPACE backups of each workspace are kept, older ones deleted;
 * - `manifest.json` (also atomic) describes every file so listing never opens the backups; it is
 *   reconciled with the directory on each use and rebuilt from the files if missing or damaged.
 */

export const KEEP_PER_WORKSPACE = 10;
export const MANIFEST_NAME = 'manifest.json';

const FILE_NAME = /^(\d{8}T\d{6}Z)_([A-Za-z0-9_-]+)\.alignboard$/;

export const ManifestEntry = z.object({
  id: BackupId,
  workspaceId: z.string(),
  workspaceName: z.string(),
  createdAt: z.iso.datetime(),
  size: z.number().int().nonnegative(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;
export const Manifest = z.object({ version: z.literal(1), entries: z.array(ManifestEntry) });

export type BackupFs = AtomicWriteFs & {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  readdir(path: string, options: { withFileTypes: true }): Promise<Pick<Dirent, 'name' | 'isFile'>[]>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
};

export type BackupStore = {
  save(snapshots: readonly BackupSnapshot[]): Promise<{ written: number }>;
  list(): Promise<BackupEntry[]>;
  read(id: string): Promise<{ content: string }>;
};

export function isBackupFileName(name: string): boolean {
  return FILE_NAME.test(name) && BackupId.safeParse(name).success;
}

/** File-name part for a workspace id: only `[A-Za-z0-9_-]`, at most 100 characters, never empty. */
export function sanitizeWorkspaceId(workspaceId: string): string {
  return workspaceId.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100) || 'workspace';
}

/** Newest first; at equal times the one recorded later wins. */
function newestFirst(entries: readonly ManifestEntry[]): ManifestEntry[] {
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => b.entry.createdAt.localeCompare(a.entry.createdAt) || b.order - a.order)
    .map(({ entry }) => entry);
}

export function createBackupStore({ dir, fs, now }: { dir: string; fs: BackupFs; now: () => Date }): BackupStore {
  const manifestPath = nodePath.join(dir, MANIFEST_NAME);
  const pathOf = (id: string) => nodePath.join(dir, id);

  async function readManifest(): Promise<ManifestEntry[] | null> {
    try {
      const parsed = Manifest.safeParse(JSON.parse(await fs.readFile(manifestPath, 'utf8')));
      return parsed.success ? parsed.data.entries : null;
    } catch {
      return null; // missing or not JSON: rebuilt from the files
    }
  }

  /** Reads one backup to describe it: only for files the manifest does not know. */
  async function describeFile(id: string): Promise<ManifestEntry | null> {
    const match = FILE_NAME.exec(id);
    const createdAt = match ? isoFromCompactTimestamp(match[1]!) : null;
    if (!match || !createdAt) return null;
    let content: string;
    try {
      content = await fs.readFile(pathOf(id), 'utf8');
    } catch {
      return null;
    }
    let workspaceId = match[2]!;
    let workspaceName = workspaceId;
    try {
      const workspace = (JSON.parse(content) as { workspace?: { id?: unknown; name?: unknown } }).workspace;
      if (typeof workspace?.id === 'string') workspaceId = workspace.id;
      if (typeof workspace?.name === 'string') workspaceName = workspace.name;
    } catch {
      // A damaged backup is still listed (by its file name) so the user sees it exists.
    }
    return { id, workspaceId, workspaceName, createdAt, size: Buffer.byteLength(content, 'utf8') };
  }

  /** The manifest's entries, made to agree with the backup files actually on disk. */
  async function currentEntries(): Promise<ManifestEntry[]> {
    await fs.mkdir(dir, { recursive: true });
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
    await writeFileAtomic(fs, manifestPath, `${JSON.stringify({ version: 1, entries }, null, 1)}\n`);
  }

  function uniqueId(stamp: string, workspaceId: string, taken: ReadonlySet<string>): string {
    const base = `${stamp}_${sanitizeWorkspaceId(workspaceId)}`;
    let id = `${base}.alignboard`;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}.alignboard`;
    return id;
  }

  async function save(snapshots: readonly BackupSnapshot[]): Promise<{ written: number }> {
    const entries = await currentEntries();
    const at = now();
    const stamp = compactTimestamp(at);
    // Whole seconds, as in the file name, so a manifest rebuilt from the files says the same.
    const createdAt = isoFromCompactTimestamp(stamp)!;
    const taken = new Set(entries.map((entry) => entry.id));
    let written = 0;
    for (const snapshot of snapshots) {
      const id = uniqueId(stamp, snapshot.workspaceId, taken);
      await writeFileAtomic(fs, pathOf(id), snapshot.content);
      taken.add(id);
      entries.push({
        id,
        workspaceId: snapshot.workspaceId,
        workspaceName: snapshot.workspaceName,
        createdAt,
        size: Buffer.byteLength(snapshot.content, 'utf8'),
      });
      written++;
    }

    const kept: ManifestEntry[] = [];
    const perWorkspace = new Map<string, number>();
    for (const entry of newestFirst(entries)) {
      const count = (perWorkspace.get(entry.workspaceId) ?? 0) + 1;
      perWorkspace.set(entry.workspaceId, count);
      if (count <= KEEP_PER_WORKSPACE) {
        kept.push(entry);
        continue;
      }
      try {
        await fs.unlink(pathOf(entry.id));
      } catch (error) {
        // Already gone is fine; otherwise keep listing it so nothing on disk goes unaccounted.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') kept.push(entry);
      }
    }
    await writeManifest(kept.reverse());
    return { written };
  }

  async function list(): Promise<BackupEntry[]> {
    return newestFirst(await currentEntries()).map(({ id, workspaceId, createdAt, workspaceName, size }) => ({
      id,
      workspaceId,
      createdAt,
      workspaceName,
      size,
    }));
  }

  async function read(id: string): Promise<{ content: string }> {
    // Checked again here (IPC already did) because this is where the id becomes a path.
    if (!isBackupFileName(id)) throw new Error(`"${id.slice(0, 100)}" is not a backup id.`);
    try {
      return { content: await fs.readFile(pathOf(id), 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`The backup ${id} no longer exists.`, { cause: error });
      }
      throw error;
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
    save: (snapshots) => serial(() => save(snapshots)),
    list: () => serial(list),
    read: (id) => serial(() => read(id)),
  };
}
