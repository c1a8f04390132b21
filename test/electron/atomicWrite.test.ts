import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../electron/main/atomicWrite';
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

  it('flushes the data to disk before the rename makes it visible', async () => {
    const dir = await tempDir();
    const steps: string[] = [];
    const fs: AtomicWriteFs = {
      ...fsp,
      open: async (file, flags) => {
        const handle = await fsp.open(file, flags);
        return {
          writeFile: async (data) => {
            steps.push('write');
            await handle.writeFile(data);
          },
          sync: async () => {
            steps.push('sync');
            await handle.sync();
          },
          close: async () => {
            steps.push('close');
            await handle.close();
          },
        } as Awaited<ReturnType<AtomicWriteFs['open']>>;
      },
      rename: async (from, to) => {
        steps.push('rename');
        await fsp.rename(from, to);
      },
    };
    await writeFileAtomic(fs, path.join(dir, 'x.json'), '{}');
    expect(steps).toEqual(['write', 'sync', 'close', 'rename']);
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
