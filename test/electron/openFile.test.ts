import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readWorkspaceFile } from '../../electron/main/files';
import { HostFailure } from '../../electron/main/hostFailure';
import { createFileOpener, findWorkspaceArg } from '../../electron/main/openFile';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';

describe('findWorkspaceArg', () => {
  it('finds the workspace file among switches and resolves it against the launch directory', () => {
    expect(findWorkspaceArg(['--allow-file-access', '.', 'plans/Q3.alignboard'], '/home/u')).toBe(path.resolve('/home/u', 'plans/Q3.alignboard'));
    expect(findWorkspaceArg(['/abs/Plan.ALIGNBOARD'], '/home/u')).toBe(path.resolve('/abs/Plan.ALIGNBOARD'));
  });
  it('ignores switches and other files', () => {
    expect(findWorkspaceArg(['--open=/x.alignboard', 'notes.txt', '.'], '/home/u')).toBeNull();
    expect(findWorkspaceArg([], '/home/u')).toBeNull();
  });
});

function setup(read: (filePath: string) => Promise<{ fileName: string; content: string }>, language: 'en' | 'ja' = 'en') {
  const delivered: string[] = [];
  const state = { pageCanReceive: true };
  const showError = vi.fn<(message: string) => void>();
  const opener = createFileOpener({
    read,
    send: (payload) => {
      if (!state.pageCanReceive) return false;
      delivered.push(payload.fileName);
      return true;
    },
    showError,
    labels: () => ({ en, ja })[language].hostErrors,
  });
  return { opener, delivered, state, showError };
}

const readByName = async (filePath: string) => ({ fileName: path.basename(filePath), content: '{}' });

describe('createFileOpener', () => {
  it('holds files that arrive before the page is ready and delivers them in order once it is', async () => {
    const { opener, delivered } = setup(readByName);
    await opener.open('/a/first.alignboard');
    await opener.open('/a/second.alignboard');
    expect(delivered).toEqual([]);
    opener.pageReady();
    expect(delivered).toEqual(['first.alignboard', 'second.alignboard']);
    await opener.open('/a/third.alignboard');
    expect(delivered).toEqual(['first.alignboard', 'second.alignboard', 'third.alignboard']);
  });

  it('holds files while the page reloads, and keeps a file the page could not take', async () => {
    const { opener, delivered, state } = setup(readByName);
    opener.pageReady();
    opener.pageGone();
    await opener.open('/a/during-reload.alignboard');
    expect(delivered).toEqual([]);
    state.pageCanReceive = false;
    opener.pageReady();
    expect(delivered).toEqual([]);
    state.pageCanReceive = true;
    opener.pageReady();
    expect(delivered).toEqual(['during-reload.alignboard']);
  });

  it.each([
    ['en', '“big.alignboard” is too large to open (300 MB; the limit is 200 MB).'],
    ['ja', '「big.alignboard」は大きすぎて開けません（300 MB、上限は 200 MB）。'],
  ] as const)('shows a read error to the user in the menu language (%s) instead of sending anything', async (language, expected) => {
    const { opener, delivered, showError } = setup(async () => {
      throw new HostFailure({ kind: 'file-too-large', fileName: 'big.alignboard', bytes: 300 * 1024 * 1024, limit: 200 * 1024 * 1024 });
    }, language);
    opener.pageReady();
    await opener.open('/a/big.alignboard');
    expect(delivered).toEqual([]);
    expect(showError).toHaveBeenCalledWith(expected);
  });

  it.each([
    ['en', '“odd.alignboard” could not be read: EIO: i/o error, read.'],
    ['ja', '「odd.alignboard」を読み込めませんでした：EIO: i/o error, read。'],
  ] as const)('names the file around an unexpected error (%s), keeping its detail', async (language, expected) => {
    const { opener, showError } = setup(async () => {
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }, language);
    await opener.open('/a/odd.alignboard');
    expect(showError).toHaveBeenCalledWith(expected);
  });

  it('reads a real file through readWorkspaceFile and words its refusal in Japanese', async () => {
    const { opener, showError } = setup((filePath) => readWorkspaceFile(fsp, filePath), 'ja');
    await opener.open(path.join(os.tmpdir(), `missing-${process.pid}.alignboard`));
    expect(showError).toHaveBeenCalledWith(`「missing-${process.pid}.alignboard」を読み込めませんでした：ファイルが見つかりません（移動または削除された可能性があります）。`);
  });
});
