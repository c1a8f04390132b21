import { describe, expect, it } from 'vitest';
import { formatMegabytes, MAX_FILE_BYTES, utf8ByteLength, WorkspaceText, workspaceText } from '../../shared/fileLimits';
import { BackupSnapshot, invokeChannels } from '../../shared/ipc';
import { readWorkspaceFile, type FilesFs } from '../../electron/main/files';
import { MAX_FILE_BYTES as FILE_FORMAT_LIMIT } from '../../shared/workspaceFile';

/** A file of `size` bytes as import sees it before reading it. */
async function importAcceptsSize(size: number): Promise<boolean> {
  const read = Symbol('read');
  const fs = {
    stat: async () => ({ size, isFile: () => true, isDirectory: () => false }),
    // Past the size check: reading 200 MB to prove nothing more is not worth it.
    readFile: async () => {
      throw read;
    },
  } as unknown as FilesFs;
  try {
    await readWorkspaceFile(fs, '/data/plan.alignboard');
    return true;
  } catch (error) {
    return (error as { cause?: unknown }).cause === read;
  }
}

/** A deterministic mix of 1-, 2-, 3- and 4-byte characters. */
function mixedText(seed: number, length: number): string {
  const pool = ['a', ' ', '{', 'é', 'ß', '日', '本', '語', '😀', '🇯🇵', '\n'];
  let text = '';
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += pool[state % pool.length];
  }
  return text;
}

describe('one size limit for export, import and backup', () => {
  it('is the limit of the file format, 200 MB', () => {
    expect(FILE_FORMAT_LIMIT).toBe(MAX_FILE_BYTES);
    expect(MAX_FILE_BYTES).toBe(200 * 1024 * 1024);
    expect(formatMegabytes(MAX_FILE_BYTES)).toBe('200 MB');
  });

  it('is the very schema export and backup check their text with, at that limit', () => {
    const exportContent = invokeChannels['file:saveWorkspace'].args.def.items[0].shape.content;
    expect(exportContent).toBe(WorkspaceText);
    expect(BackupSnapshot.shape.content).toBe(WorkspaceText);
    expect(WorkspaceText.maxLength).toBe(MAX_FILE_BYTES);
  });

  it.each([
    ['ASCII', 'a'],
    ['Japanese (3 bytes a character)', '日'],
    ['emoji (4 bytes, a surrogate pair)', '😀'],
    ['accents (2 bytes)', 'é'],
  ])('measures UTF-8 bytes without encoding: %s', (_label, char) => {
    for (const text of [char, `${char}x${char}${char}`, `{"name":"${char.repeat(37)}"}`]) {
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('measures mixed text as Node encodes it', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const text = mixedText(seed, 200);
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('counts a lone surrogate as the 3 bytes of the replacement character it becomes', () => {
    for (const text of ['\ud800', 'a\udc00b', '\ud800\ud800', `x\ud83d`]) {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).byteLength);
    }
  });

  it('refuses text over the limit in bytes even when it is under it in characters', () => {
    const schema = workspaceText(12);
    expect(schema.safeParse('a'.repeat(12)).success).toBe(true);
    expect(schema.safeParse('日'.repeat(4)).success).toBe(true);
    expect(schema.safeParse(`${'日'.repeat(4)}a`).success).toBe(false);
    expect(schema.safeParse('a'.repeat(13)).error?.issues).toHaveLength(1);
    expect(schema.safeParse('日'.repeat(5)).error?.issues[0]?.message).toBe('larger than the 0.0 MB limit for a workspace file');
  });

  it('lets import take every file export writes: the same byte limit, and never fewer characters than bytes', async () => {
    expect(await importAcceptsSize(MAX_FILE_BYTES)).toBe(true);
    expect(await importAcceptsSize(MAX_FILE_BYTES + 1)).toBe(false);
    // Parsing then checks characters against the limit: a text has at most as many as its bytes.
    for (let seed = 1; seed <= 50; seed++) {
      const text = mixedText(seed, 300);
      expect(text.length).toBeLessThanOrEqual(utf8ByteLength(text));
    }
    const small = workspaceText(300);
    for (let seed = 1; seed <= 50; seed++) {
      const text = mixedText(seed, 150);
      expect(small.safeParse(text).success).toBe(Buffer.byteLength(text) <= 300);
    }
  });
});
