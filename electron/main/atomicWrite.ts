import { randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import nodePath from 'node:path';

export type AtomicWriteFs = {
  open(path: string, flags: string): Promise<Pick<FileHandle, 'writeFile' | 'sync' | 'close'>>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
};

/**
 * Writes `data` so that `target` is either the old file or the complete new one, never a torn mix:
 * write a temporary file beside it, flush it to disk, then rename it over the target (atomic on the
 * same volume). The temporary file starts with a dot so directory listings of ours ignore it, and
 * it is removed again if anything fails.
 */
export async function writeFileAtomic(fs: AtomicWriteFs, target: string, data: string | Uint8Array): Promise<void> {
  const temp = nodePath.join(nodePath.dirname(target), `.${nodePath.basename(target)}.${randomUUID()}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}
