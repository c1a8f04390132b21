import { describe, expect, it } from 'vitest';
import { formatMegabytes, MAX_FILE_BYTES, utf8ByteLength, workspaceText } from '../../shared/fileLimits';
import { invokeChannels } from '../../shared/ipc';
import { readWorkspaceFile, type FilesFs } from '../../electron/main/files';
import { MAX_FILE_BYTES as FILE_FORMAT_LIMIT, parseWorkspaceFile } from '../../shared/workspaceFile';

/** The three gates a workspace file passes: export (IPC), backup (IPC) and import (read + parse). */
const exportGate = (content: string) =>
  invokeChannels['file:saveWorkspace'].args.safeParse([{ suggestedName: 'Plan', content }]).success;
const backupGate = (content: string) =>
  invokeChannels['backup:save'].args.safeParse([{ workspaceId: 'w', workspaceName: 'W', workspaceUpdatedAt: null, content }]).success;
/** Import measures the file, reads it (the same text back) and parses it. */
async function importGate(content: string): Promise<boolean> {
  const read = Symbol('read');
  const fs = {
    stat: async () => ({ size: Buffer.byteLength(content, 'utf8'), isFile: () => true, isDirectory: () => false }),
    // Past the size check: reading 200 MB back would prove nothing more.
    readFile: async () => {
      throw read;
    },
  } as unknown as FilesFs;
  try {
    await readWorkspaceFile(fs, '/data/plan.alignboard');
  } catch (error) {
    if ((error as { cause?: unknown }).cause !== read) return false;
  }
  const parsed = parseWorkspaceFile(content);
  return parsed.ok || parsed.problem.kind !== 'too-large';
}

describe('one size limit for export, import and backup', () => {
  it('is the limit of the file format', () => {
    expect(FILE_FORMAT_LIMIT).toBe(MAX_FILE_BYTES);
    expect(formatMegabytes(MAX_FILE_BYTES)).toBe('200 MB');
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

  it('counts a lone surrogate as the 3 bytes of the replacement character it becomes', () => {
    for (const text of ['\ud800', 'a\udc00b', '\ud800\ud800', `x\ud83d`]) {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).byteLength);
    }
  });

  it('refuses text over the limit in bytes even when it is under it in characters', () => {
    const schema = workspaceText(12);
    expect(schema.safeParse('a'.repeat(12)).success).toBe(true);
    expect(schema.safeParse('日'.repeat(4)).success).toBe(true);
    expect(schema.safeParse('日'.repeat(4) + 'a').success).toBe(false);
    expect(schema.safeParse('a'.repeat(13)).error?.issues).toHaveLength(1);
    expect(schema.safeParse('日'.repeat(5)).error?.issues[0]?.message).toBe('larger than the 0.0 MB limit for a workspace file');
  });

  it('lets every file that export and backup accept be imported again, and refuses one byte more everywhere', async () => {
    // At the limit exactly (export allowed 500 MB once, import 200 MB).
    let content = `{${' '.repeat(MAX_FILE_BYTES - 2)}}`;
    expect([exportGate(content), backupGate(content), await importGate(content)]).toEqual([true, true, true]);
    content = `{${' '.repeat(MAX_FILE_BYTES - 1)}}`;
    expect([exportGate(content), backupGate(content), await importGate(content)]).toEqual([false, false, false]);
  });

  it('counts multi-byte text in bytes at the gates: fewer characters than the limit can still be too large', async () => {
    const content = '日'.repeat(Math.floor(MAX_FILE_BYTES / 3) + 1);
    expect(content.length).toBeLessThan(MAX_FILE_BYTES);
    expect([exportGate(content), backupGate(content), await importGate(content)]).toEqual([false, false, false]);
  });
});
