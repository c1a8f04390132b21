import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { looksLikePng } from '../../shared/png';
import { MAX_FILE_BYTES } from '../../shared/workspaceFile';
import {
  createFileService,
  pngFileName,
  readWorkspaceFile,
  safeFileName,
  truncateUtf8,
  withExtension,
  type FileDialogs,
  type FilesFs,
} from '../../electron/main/files';
import { createTempDirs } from './helpers';

const tempDir = createTempDirs();

function setup(options: { fs?: FilesFs; lastFolder?: string | null; documents: string }) {
  let lastFolder = options.lastFolder ?? null;
  const saveAnswers: { canceled: boolean; filePath?: string }[] = [];
  const openAnswers: { canceled: boolean; filePaths: string[] }[] = [];
  const dialog = {
    showSaveDialog: vi.fn<FileDialogs['showSaveDialog']>(async () => saveAnswers.shift() ?? { canceled: true }),
    showOpenDialog: vi.fn<FileDialogs['showOpenDialog']>(async () => openAnswers.shift() ?? { canceled: true, filePaths: [] }),
  } satisfies FileDialogs;
  const rememberFolder = vi.fn<(folder: string) => void>((folder) => {
    lastFolder = folder;
  });
  const service = createFileService({
    dialog,
    fs: options.fs ?? fsp,
    lastFolder: () => lastFolder,
    rememberFolder,
    defaultFolder: () => options.documents,
    labels: () => ({ exportTitle: 'Export Workspace', importTitle: 'Import Workspace', imageTitle: 'Export image', imageFilter: 'PNG image', workspaceFilter: 'Alignboard Workspace', allFilesFilter: 'All Files' }),
  });
  return { service, dialog, rememberFolder, saveAnswers, openAnswers, lastFolder: () => lastFolder };
}

describe('safeFileName', () => {
  it.each([
    ['Q3 kickoff', 'Q3 kickoff.alignboard'],
    ['営業×マーケ 定例', '営業×マーケ 定例.alignboard'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j.alignboard'],
    ['../../etc/passwd', '..-..-etc-passwd.alignboard'],
    ['trailing dots...', 'trailing dots.alignboard'],
    ['Plan.alignboard', 'Plan.alignboard'],
    ['Plan.ALIGNBOARD', 'Plan.alignboard'],
    ['CON', '_CON.alignboard'],
    ['lpt1.txt', '_lpt1.txt.alignboard'],
    ['   ', 'workspace.alignboard'],
    ['line\nbreak\ttab', 'line-break-tab.alignboard'],
  ])('%j → %j', (input, expected) => expect(safeFileName(input)).toBe(expected));

  it('caps names at 200 bytes of UTF-8 (ext4 and APFS allow 255), never splitting a character', () => {
    const name = safeFileName('日'.repeat(400));
    // 63 × 3 bytes + 11 for the extension; 150 characters were 461 bytes.
    expect(name).toBe(`${'日'.repeat(63)}.alignboard`);
    expect(Buffer.byteLength(name)).toBe(200);
    expect(Buffer.byteLength(safeFileName('a'.repeat(400)))).toBe(200);
  });

  it('cuts between whole graphemes: a flag or an accent stays whole', () => {
    // 🇯🇵 is two code points (8 bytes); e + combining acute is two (3 bytes).
    const flags = safeFileName('🇯🇵'.repeat(40));
    expect(flags).toBe(`${'🇯🇵'.repeat(23)}.alignboard`);
    const accents = safeFileName('e\u0301'.repeat(100).normalize('NFD'));
    expect(Buffer.byteLength(accents)).toBeLessThanOrEqual(200);
    expect(truncateUtf8('ae\u0301', 2)).toBe('a');
    expect(truncateUtf8('ae\u0301', 4)).toBe('ae\u0301');
  });

  it('drops a trailing dot or space the cut leaves', () => {
    expect(safeFileName(`${'a'.repeat(188)} .b`)).toBe(`${'a'.repeat(188)}.alignboard`);
  });

  it('adds the extension only when missing', () => {
    expect(withExtension('/x/plan')).toBe('/x/plan.alignboard');
    expect(withExtension('/x/plan.Alignboard')).toBe('/x/plan.Alignboard');
  });
});

/** The smallest valid PNG: a 1 × 1 white pixel. */
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64'),
);

describe('file:saveImage', () => {
  it('names a board’s image safely, offers it as PNG in the remembered folder and writes the bytes', async () => {
    expect(pngFileName('付箋/ボード')).toBe('付箋-ボード.png');
    expect(pngFileName('Board.png')).toBe('Board.png');
    const dir = await tempDir();
    const { service, dialog, saveAnswers, lastFolder } = setup({ lastFolder: dir, documents: dir });
    saveAnswers.push({ canceled: false, filePath: path.join(dir, 'board') });
    expect(await service.saveImage({ suggestedName: 'Board: Q3', bytes: PNG })).toEqual({ saved: true, path: path.join(dir, 'board.png') });
    expect(new Uint8Array(await fsp.readFile(path.join(dir, 'board.png')))).toEqual(PNG);
    const options = dialog.showSaveDialog.mock.calls[0]![0];
    expect(options).toMatchObject({ title: 'Export image', defaultPath: path.join(dir, 'Board- Q3.png'), filters: [{ name: 'PNG image', extensions: ['png'] }] });
    expect(lastFolder()).toBe(dir);
  });

  it('refuses bytes that are not a PNG before asking where to save, and writes nothing on cancel', async () => {
    expect(looksLikePng(PNG)).toBe(true);
    expect(looksLikePng(PNG.slice(0, 8))).toBe(false);
    const dir = await tempDir();
    const { service, dialog, saveAnswers } = setup({ documents: dir });
    await expect(service.saveImage({ suggestedName: 'x', bytes: new TextEncoder().encode('%PDF-1.7 not an image') })).rejects.toThrow('The image to save is not a PNG.');
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    saveAnswers.push({ canceled: true });
    expect(await service.saveImage({ suggestedName: 'x', bytes: PNG })).toEqual({ saved: false, path: null });
    expect(await fsp.readdir(dir)).toEqual([]);
  });
});

describe('file:saveWorkspace', () => {
  it('offers a safe name in the remembered folder, writes the file and remembers its folder', async () => {
    const dir = await tempDir();
    const exports = path.join(dir, 'exports');
    const elsewhere = path.join(dir, 'elsewhere');
    await fsp.mkdir(exports);
    await fsp.mkdir(elsewhere);
    const { service, dialog, saveAnswers, lastFolder } = setup({ lastFolder: exports, documents: dir });
    saveAnswers.push({ canceled: false, filePath: path.join(elsewhere, 'Kickoff.alignboard') });

    const result = await service.saveWorkspace({ suggestedName: 'Kick/off', content: '{"ok":true}' });

    expect(result).toEqual({ saved: true, path: path.join(elsewhere, 'Kickoff.alignboard') });
    expect(await fsp.readFile(path.join(elsewhere, 'Kickoff.alignboard'), 'utf8')).toBe('{"ok":true}');
    const options = dialog.showSaveDialog.mock.calls[0]![0];
    expect(options.defaultPath).toBe(path.join(exports, 'Kick-off.alignboard'));
    expect(options.filters).toEqual([{ name: 'Alignboard Workspace', extensions: ['alignboard'] }]);
    expect(options.title).toBe('Export Workspace');
    expect(lastFolder()).toBe(elsewhere);
    expect(await fsp.readdir(elsewhere)).toEqual(['Kickoff.alignboard']); // no temp file left
  });

  it('replaces an existing file whole and adds a missing extension', async () => {
    const dir = await tempDir();
    await fsp.writeFile(path.join(dir, 'plan.alignboard'), 'old content that is longer than the new one');
    const { service, saveAnswers } = setup({ documents: dir });
    saveAnswers.push({ canceled: false, filePath: path.join(dir, 'plan') });
    expect(await service.saveWorkspace({ suggestedName: 'plan', content: 'new' })).toEqual({
      saved: true,
      path: path.join(dir, 'plan.alignboard'),
    });
    expect(await fsp.readFile(path.join(dir, 'plan.alignboard'), 'utf8')).toBe('new');
  });

  it('starts in Documents when nothing is remembered or the remembered folder is gone', async () => {
    const dir = await tempDir();
    for (const lastFolder of [null, path.join(dir, 'unplugged-drive')]) {
      const { service, dialog } = setup({ lastFolder, documents: dir });
      expect(await service.saveWorkspace({ suggestedName: 'A', content: '{}' })).toEqual({ saved: false, path: null });
      expect(dialog.showSaveDialog.mock.calls[0]![0].defaultPath).toBe(path.join(dir, 'A.alignboard'));
    }
  });

  it('writes nothing and remembers nothing when the user cancels', async () => {
    const dir = await tempDir();
    const { service, rememberFolder, saveAnswers } = setup({ documents: dir });
    saveAnswers.push({ canceled: true, filePath: path.join(dir, 'x.alignboard') });
    expect(await service.saveWorkspace({ suggestedName: 'x', content: '{}' })).toEqual({ saved: false, path: null });
    expect(await fsp.readdir(dir)).toEqual([]);
    expect(rememberFolder).not.toHaveBeenCalled();
  });

  it('saves a workspace with a 100-character Japanese name on this disk under the name it offers', async () => {
    const dir = await tempDir();
    const name = '営業部とマーケティング部の定例会および共通ペルソナ作成ワークショップ'.repeat(3).slice(0, 100);
    expect(name).toHaveLength(100);
    const { service, dialog } = setup({ documents: dir });
    dialog.showSaveDialog.mockImplementation(async (options) => ({ canceled: false, filePath: options.defaultPath }));
    const result = await service.saveWorkspace({ suggestedName: name, content: '{"ok":true}' });
    expect(result.saved).toBe(true);
    const [file] = await fsp.readdir(dir);
    expect(file).toBe(safeFileName(name));
    expect(name.startsWith(file!.replace(/\.alignboard$/, ''))).toBe(true);
    expect(await fsp.readFile(path.join(dir, file!), 'utf8')).toBe('{"ok":true}');
  });

  it('keeps the previous file intact when the write fails', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'plan.alignboard');
    await fsp.writeFile(target, 'previous export');
    const failing: FilesFs = {
      ...fsp,
      rename: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const { service, saveAnswers, rememberFolder } = setup({ fs: failing, documents: dir });
    saveAnswers.push({ canceled: false, filePath: target });
    await expect(service.saveWorkspace({ suggestedName: 'plan', content: 'new' })).rejects.toMatchObject({
      problem: { kind: 'cannot-write', fileName: 'plan.alignboard', reason: 'disk-full', detail: 'ENOSPC: no space left on device' },
      message: '“plan.alignboard” could not be saved: the disk is full.',
    });
    expect(await fsp.readFile(target, 'utf8')).toBe('previous export');
    expect(await fsp.readdir(dir)).toEqual(['plan.alignboard']);
    expect(rememberFolder).not.toHaveBeenCalled();
  });
});

describe('file:openWorkspace', () => {
  it('returns the chosen file name and its text', async () => {
    const dir = await tempDir();
    const file = path.join(dir, '定例.alignboard');
    await fsp.writeFile(file, '{"format":"alignboard-workspace"}');
    const { service, dialog, openAnswers } = setup({ lastFolder: dir, documents: '/nowhere' });
    openAnswers.push({ canceled: false, filePaths: [file] });
    expect(await service.openWorkspace()).toEqual({ fileName: '定例.alignboard', content: '{"format":"alignboard-workspace"}' });
    const options = dialog.showOpenDialog.mock.calls[0]![0];
    expect(options.defaultPath).toBe(dir);
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([
      { name: 'Alignboard Workspace', extensions: ['alignboard'] },
      { name: 'All Files', extensions: ['*'] },
    ]);
  });

  it('returns null when the user cancels', async () => {
    const { service } = setup({ documents: '/nowhere' });
    expect(await service.openWorkspace()).toBeNull();
  });
});

describe('readWorkspaceFile', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const readFile = vi.fn<FilesFs['readFile']>((file) => fsp.readFile(file));
    const fs: FilesFs = {
      ...fsp,
      readFile,
      stat: async () => ({ size: 250.5 * 1024 * 1024, isFile: () => true, isDirectory: () => false }),
    };
    await expect(readWorkspaceFile(fs, '/data/huge.alignboard')).rejects.toThrow(
      '“huge.alignboard” is too large to open (250.5 MB; the limit is 200 MB).',
    );
    expect(readFile).not.toHaveBeenCalled();
  });

  it('refuses a file one byte over the limit', async () => {
    const fs: FilesFs = { ...fsp, stat: async () => ({ size: MAX_FILE_BYTES + 1, isFile: () => true, isDirectory: () => false }) };
    await expect(readWorkspaceFile(fs, '/data/edge.alignboard')).rejects.toThrow('(200.0 MB; the limit is 200 MB)');
  });

  it('refuses a file that grew past the limit after it was measured', async () => {
    const fs: FilesFs = {
      ...fsp,
      stat: async () => ({ size: 10, isFile: () => true, isDirectory: () => false }),
      readFile: async () => new Uint8Array(MAX_FILE_BYTES + 1),
    };
    await expect(readWorkspaceFile(fs, '/data/growing.alignboard')).rejects.toThrow(/too large to open/);
  });

  it('accepts a file of exactly the limit', async () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES).fill(0x20);
    const fs: FilesFs = {
      ...fsp,
      stat: async () => ({ size: MAX_FILE_BYTES, isFile: () => true, isDirectory: () => false }),
      readFile: async () => bytes,
    };
    const result = await readWorkspaceFile(fs, '/data/ok.alignboard');
    expect(result.fileName).toBe('ok.alignboard');
    expect(result.content.length).toBe(MAX_FILE_BYTES);
    // A hang guard, not a speed bound: decoding 200 MB takes seconds on a loaded 2-core machine.
  }, 60_000);

  it('drops a UTF-8 byte-order mark and refuses bytes that are not UTF-8', async () => {
    const dir = await tempDir();
    await fsp.writeFile(path.join(dir, 'bom.alignboard'), Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    await fsp.writeFile(path.join(dir, 'latin1.alignboard'), Buffer.from([0x7b, 0xe9, 0x7d]));
    expect((await readWorkspaceFile(fsp, path.join(dir, 'bom.alignboard'))).content).toBe('{}');
    await expect(readWorkspaceFile(fsp, path.join(dir, 'latin1.alignboard'))).rejects.toThrow(
      '“latin1.alignboard” is not a text file in UTF-8',
    );
  });

  it('reports each refusal as a typed problem the renderer words in the user language', async () => {
    const dir = await tempDir();
    await fsp.writeFile(path.join(dir, 'latin1.alignboard'), Buffer.from([0x7b, 0xe9, 0x7d]));
    await fsp.mkdir(path.join(dir, 'folder.alignboard'));
    const huge: FilesFs = { ...fsp, stat: async () => ({ size: MAX_FILE_BYTES + 1, isFile: () => true, isDirectory: () => false }) };
    const denied: FilesFs = {
      ...fsp,
      readFile: async () => {
        throw Object.assign(new Error("EACCES: permission denied, open '/data/locked.alignboard'"), { code: 'EACCES' });
      },
    };
    await fsp.writeFile(path.join(dir, 'locked.alignboard'), '{}');
    await expect(readWorkspaceFile(huge, '/data/huge.alignboard')).rejects.toMatchObject({
      problem: { kind: 'file-too-large', fileName: 'huge.alignboard', bytes: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES },
    });
    await expect(readWorkspaceFile(fsp, path.join(dir, 'latin1.alignboard'))).rejects.toMatchObject({ problem: { kind: 'not-utf8', fileName: 'latin1.alignboard' } });
    await expect(readWorkspaceFile(fsp, path.join(dir, 'folder.alignboard'))).rejects.toMatchObject({ problem: { kind: 'not-a-file', fileName: 'folder.alignboard' } });
    await expect(readWorkspaceFile(denied, path.join(dir, 'locked.alignboard'))).rejects.toMatchObject({
      problem: { kind: 'cannot-read', fileName: 'locked.alignboard', reason: 'permission-denied' },
      message: '“locked.alignboard” could not be read: permission denied.',
    });
  });

  it.each([
    ['ENAMETOOLONG', 'name-too-long', 'the name is too long for this disk'],
    ['EROFS', 'read-only', 'the disk or folder is read-only'],
    ['EACCES', 'permission-denied', 'permission denied'],
    ['EIO', 'other', 'EIO: boom'],
  ] as const)('names a save that failed with %s as %s', async (code, reason, words) => {
    const dir = await tempDir();
    const failing: FilesFs = {
      ...fsp,
      open: async () => {
        throw Object.assign(new Error(`${code}: boom`), { code });
      },
    };
    const { service, saveAnswers } = setup({ fs: failing, documents: dir });
    saveAnswers.push({ canceled: false, filePath: path.join(dir, 'plan.alignboard') });
    await expect(service.saveWorkspace({ suggestedName: 'plan', content: 'new' })).rejects.toMatchObject({
      problem: { kind: 'cannot-write', fileName: 'plan.alignboard', reason, detail: `${code}: boom` },
      message: `“plan.alignboard” could not be saved: ${words}.`,
    });
  });

  it('explains a missing file or a folder in words', async () => {
    const dir = await tempDir();
    await expect(readWorkspaceFile(fsp, path.join(dir, 'gone.alignboard'))).rejects.toThrow(
      '“gone.alignboard” could not be read: it does not exist (it may have been moved or deleted).',
    );
    await fsp.mkdir(path.join(dir, 'folder.alignboard'));
    await expect(readWorkspaceFile(fsp, path.join(dir, 'folder.alignboard'))).rejects.toThrow('is not a file');
  });
});
