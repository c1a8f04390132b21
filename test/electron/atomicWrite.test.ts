import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isTempFileName,
  removeStaleTempFiles,
  WINDOWS_RENAME_RETRY_MS,
  writeFileAtomic,
  type AtomicWriteFs,
} from '../../electron/main/atomicWrite';
import { compactTimestamp, isoFromCompactTimestamp } from '../../electron/main/time';
import { createTempDirs } from './helpers';

const tempDir = createTempDirs();

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving nothing else behind', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'data.json');
    await writeFileAtomic(fsp, target, 'first, and rather long');
    await writeFileAtomic(fsp, target, 'second ✓');
    expect(await fsp.readFile(target, 'utf8')).toBe('second ✓');
    expect(await fsp.readdir(dir)).toEqual(['data.json']);
  });

  /** Real fs/promises, recording each step with the name it touched. */
  function recordingFs(dir: string, overrides: Partial<AtomicWriteFs> = {}) {
    const steps: string[] = [];
    const name = (file: string) => (file === dir ? '<folder>' : path.basename(file));
    const fs: AtomicWriteFs = {
      ...fsp,
      open: async (file, flags, mode) => {
        steps.push(`open ${name(file)} ${flags}`);
        const handle = await fsp.open(file, flags, mode);
        return {
          writeFile: async (data) => {
            steps.push('write');
            await handle.writeFile(data);
          },
          sync: async () => {
            steps.push(`sync ${name(file)}`);
            await handle.sync();
          },
          close: async () => {
            steps.push(`close ${name(file)}`);
            await handle.close();
          },
        } as Awaited<ReturnType<AtomicWriteFs['open']>>;
      },
      rename: async (from, to) => {
        steps.push(`rename ${name(from)} → ${name(to)}`);
        await fsp.rename(from, to);
      },
      ...overrides,
    };
    return { fs, steps };
  }

  it('flushes the data before the rename makes it visible, and the folder after it (POSIX)', async () => {
    const dir = await tempDir();
    const { fs, steps } = recordingFs(dir);
    await writeFileAtomic(fs, path.join(dir, 'x.json'), '{}', { platform: 'linux' });
    const temp = steps[0]!.split(' ')[1]!;
    expect(steps).toEqual([
      `open ${temp} wx`,
      'write',
      `sync ${temp}`,
      `close ${temp}`,
      `rename ${temp} → x.json`,
      'open <folder> r',
      'sync <folder>',
      'close <folder>',
    ]);
  });

  it('does not open the folder on Windows, which cannot (NTFS journals the rename)', async () => {
    const dir = await tempDir();
    const { fs, steps } = recordingFs(dir);
    await writeFileAtomic(fs, path.join(dir, 'x.json'), '{}', { platform: 'win32' });
    expect(steps.filter((step) => step.includes('<folder>'))).toEqual([]);
    expect(await fsp.readFile(path.join(dir, 'x.json'), 'utf8')).toBe('{}');
  });

  it.each(['EINVAL', 'ENOTSUP'])('saves on a file system that cannot flush a folder (%s)', async (code) => {
    const dir = await tempDir();
    const { fs } = recordingFs(dir, {
      open: async (file, flags, mode) => {
        if (file === dir) throw Object.assign(new Error(`${code}: cannot`), { code });
        return fsp.open(file, flags, mode);
      },
    });
    await writeFileAtomic(fs, path.join(dir, 'x.json'), 'ok', { platform: 'linux' });
    expect(await fsp.readFile(path.join(dir, 'x.json'), 'utf8')).toBe('ok');
  });

  it('uses a short temporary name whatever the target is called', async () => {
    const dir = await tempDir();
    const { fs, steps } = recordingFs(dir);
    // 80 Japanese characters: 251 bytes with the extension, the most ext4 allows is 255.
    const target = path.join(dir, `${'日'.repeat(80)}.json`);
    expect(Buffer.byteLength(path.basename(target))).toBe(245);
    await writeFileAtomic(fs, target, 'x');
    const temp = steps[0]!.split(' ')[1]!;
    expect(temp).toMatch(/^\.alignboard-[0-9a-f]{12}\.tmp$/);
    expect(isTempFileName(temp)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual([path.basename(target)]);
  });

  it('creates the file with the mode asked for', async () => {
    const dir = await tempDir();
    await writeFileAtomic(fsp, path.join(dir, 'private'), 'secret', { mode: 0o600 });
    expect((await fsp.stat(path.join(dir, 'private'))).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file and removes the temporary one when writing fails', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'data.json');
    await fsp.writeFile(target, 'old');
    const fs: AtomicWriteFs = {
      ...fsp,
      open: async (file, flags) => {
        const handle = await fsp.open(file, flags);
        return {
          writeFile: async () => {
            await handle.writeFile('partial');
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        } as Awaited<ReturnType<AtomicWriteFs['open']>>;
      },
    };
    await expect(writeFileAtomic(fs, target, 'new')).rejects.toThrow(/ENOSPC/);
    expect(await fsp.readFile(target, 'utf8')).toBe('old');
    expect(await fsp.readdir(dir)).toEqual(['data.json']);
  });
});

describe('renaming on Windows', () => {
  /** A rename that fails with `code` the first `times` times (antivirus, OneDrive holding the file). */
  function lockedFs(code: string, times: number) {
    let failures = 0;
    const fs: AtomicWriteFs = {
      ...fsp,
      rename: async (from, to) => {
        if (failures < times) {
          failures++;
          throw Object.assign(new Error(`${code}: operation not permitted, rename '${from}' -> '${to}'`), { code });
        }
        return fsp.rename(from, to);
      },
    };
    return fs;
  }

  it.each(['EPERM', 'EBUSY', 'EACCES'])('retries a rename refused with %s until the file is let go', async (code) => {
    const dir = await tempDir();
    const sleeps: number[] = [];
    const target = path.join(dir, 'plan.alignboard');
    await writeFileAtomic(lockedFs(code, 3), target, 'saved', { platform: 'win32', sleep: async (ms) => void sleeps.push(ms) });
    expect(await fsp.readFile(target, 'utf8')).toBe('saved');
    expect(sleeps).toEqual([10, 20, 40]);
    expect(await fsp.readdir(dir)).toEqual(['plan.alignboard']);
  });

  it('gives up after about five seconds, says why and leaves no temporary file', async () => {
    const dir = await tempDir();
    const sleeps: number[] = [];
    const target = path.join(dir, 'plan.alignboard');
    await fsp.writeFile(target, 'old');
    await expect(
      writeFileAtomic(lockedFs('EBUSY', 100), target, 'new', { platform: 'win32', sleep: async (ms) => void sleeps.push(ms) }),
    ).rejects.toThrow(/^EBUSY/);
    expect(sleeps).toEqual([...WINDOWS_RENAME_RETRY_MS]);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4000);
    expect(await fsp.readFile(target, 'utf8')).toBe('old');
    expect(await fsp.readdir(dir)).toEqual(['plan.alignboard']);
  });

  it('does not retry elsewhere, nor errors that waiting cannot fix', async () => {
    const dir = await tempDir();
    const sleeps: number[] = [];
    const sleep = async (ms: number) => void sleeps.push(ms);
    await expect(writeFileAtomic(lockedFs('EPERM', 1), path.join(dir, 'a'), 'x', { platform: 'linux', sleep })).rejects.toThrow(/EPERM/);
    await expect(writeFileAtomic(lockedFs('ENOSPC', 1), path.join(dir, 'b'), 'x', { platform: 'win32', sleep })).rejects.toThrow(/ENOSPC/);
    expect(sleeps).toEqual([]);
    expect(await fsp.readdir(dir)).toEqual([]);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes our temporary files older than the age given, and nothing else', async () => {
    const dir = await tempDir();
    const now = Date.now();
    const files = {
      '.alignboard-aaaaaaaaaaaa.tmp': now - 2 * 60 * 60 * 1000,
      '.Plan.alignboard.2b6f0cc9-04d6-4b3e-9c1e-2f1a3c4d5e6f.tmp': now - 2 * 60 * 60 * 1000,
      '.alignboard-bbbbbbbbbbbb.tmp': now - 60 * 1000,
      'Plan.alignboard': now - 2 * 60 * 60 * 1000,
      '.alignboard-cccc.tmp': now - 2 * 60 * 60 * 1000,
    };
    for (const [name, mtime] of Object.entries(files)) {
      await fsp.writeFile(path.join(dir, name), 'x');
      await fsp.utimes(path.join(dir, name), mtime / 1000, mtime / 1000);
    }
    const removed = await removeStaleTempFiles(fsp, dir, { olderThanMs: 60 * 60 * 1000, now: () => now });
    expect(removed.sort()).toEqual(['.Plan.alignboard.2b6f0cc9-04d6-4b3e-9c1e-2f1a3c4d5e6f.tmp', '.alignboard-aaaaaaaaaaaa.tmp']);
    expect((await fsp.readdir(dir)).sort()).toEqual(['.alignboard-bbbbbbbbbbbb.tmp', '.alignboard-cccc.tmp', 'Plan.alignboard']);
  });

  it('does nothing, quietly, for a folder that is gone', async () => {
    const dir = await tempDir();
    expect(await removeStaleTempFiles(fsp, path.join(dir, 'unplugged'), { olderThanMs: 0, now: Date.now })).toEqual([]);
  });
});

describe('compact timestamps', () => {
  it('round-trips to whole seconds in UTC', () => {
    const stamp = compactTimestamp(new Date('2026-11-30T04:43:10.999Z'));
    expect(stamp).toBe('20261130T044310Z');
    expect(isoFromCompactTimestamp(stamp)).toBe('2026-11-30T04:43:10.000Z');
  });
  it.each(['20261330T000000Z', '20261130T246000Z', '2026-11-30', '20261130T044310', ''])('rejects %j', (stamp) => {
    expect(isoFromCompactTimestamp(stamp)).toBeNull();
  });
});
