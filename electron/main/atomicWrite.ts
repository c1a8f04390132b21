import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import nodePath from 'node:path';

export type AtomicWriteFs = {
  open(path: string, flags: string, mode?: number): Promise<Pick<FileHandle, 'writeFile' | 'sync' | 'close'>>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
};

export type AtomicWriteOptions = {
  /** Permissions of a new file (backups: 0o600). Ignored by Windows. */
  mode?: number;
  /** process.platform: Windows retries a refused rename; POSIX flushes the folder after it. */
  platform?: NodeJS.Platform;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * Temporary files are named `.alignboard-<12 hex>.tmp` whatever the target is called: 28 bytes, so
 * any name the file system accepts for the target also fits here (a name built from the target's
 * name plus a UUID added 42 bytes, and a 68-character Japanese name no longer fitted in 255 bytes).
 * The leading dot keeps them out of listings; the fixed shape lets startup clean up after a crash.
 */
const TEMP_NAME = /^\.alignboard-[0-9a-f]{12}\.tmp$/;
/** The temporary names of earlier versions (`.<target>.<uuid>.tmp`), cleaned up as well. */
const LEGACY_TEMP_NAME = /^\..+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name) || LEGACY_TEMP_NAME.test(name);
}

export function tempFileName(): string {
  return `.alignboard-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * How long Windows gets to let go of a file: antivirus scanners, search indexers and OneDrive open a
 * newly written file for a moment, and a rename onto or from it fails with EPERM/EACCES/EBUSY
 * meanwhile. About 5 s in all, as graceful-fs and write-file-atomic also wait.
 */
export const WINDOWS_RENAME_RETRY_MS = [10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000] as const;
const WINDOWS_TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function renameWithRetry(fs: AtomicWriteFs, from: string, to: string, options: AtomicWriteOptions): Promise<void> {
  const platform = options.platform ?? process.platform;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const wait = WINDOWS_RENAME_RETRY_MS[attempt];
      if (platform !== 'win32' || !WINDOWS_TRANSIENT.has(code) || wait === undefined) throw error;
      await sleep(wait);
    }
  }
}

/** Error codes of file systems that cannot flush a folder (some network and FUSE mounts). */
const CANNOT_SYNC_FOLDER = new Set(['EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM', 'EACCES', 'EBADF']);

/**
 * On POSIX a rename is durable only once the folder holding the new name is flushed too; without
 * it a power cut right after a save can bring back the old file (or none). Windows cannot open a
 * folder as a file, and NTFS journals the rename itself.
 */
async function syncFolder(fs: AtomicWriteFs, folder: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  let handle: Awaited<ReturnType<AtomicWriteFs['open']>>;
  try {
    handle = await fs.open(folder, 'r');
  } catch (error) {
    if (CANNOT_SYNC_FOLDER.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!CANNOT_SYNC_FOLDER.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Writes `data` so that `target` is either the old file or the complete new one, never a torn mix:
 * write a temporary file beside it, flush it, rename it over the target (atomic on one volume),
 * then flush the folder. The temporary file is removed again if anything fails before the rename.
 */
export async function writeFileAtomic(
  fs: AtomicWriteFs,
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = nodePath.dirname(target);
  const temp = nodePath.join(folder, tempFileName());
  try {
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(fs, temp, target, options);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(fs, folder, options.platform ?? process.platform);
}

export type TempCleanupFs = {
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ mtimeMs: number; isFile(): boolean }>;
  unlink(path: string): Promise<void>;
};

/**
 * Removes temporary files a crash left in `folder` (ours only: the names above) that are older
 * than `olderThanMs` (0: all of them), so a write still running elsewhere is never touched. Never throws:
 * a folder that is gone or unreadable simply has nothing to clean. Returns the names removed.
 */
export async function removeStaleTempFiles(
  fs: TempCleanupFs,
  folder: string,
  { olderThanMs, now }: { olderThanMs: number; now: () => number },
): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter(isTempFileName)) {
    const file = nodePath.join(folder, name);
    try {
      const info = await fs.stat(file);
      if (!info.isFile() || (olderThanMs > 0 && now() - info.mtimeMs < olderThanMs)) continue;
      await fs.unlink(file);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
