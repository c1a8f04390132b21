import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileOpener, findWorkspaceArg } from '../../electron/main/openFile';

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

function setup(read: (filePath: string) => Promise<{ fileName: string; content: string }>) {
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

  it('shows a read error to the user instead of sending anything', async () => {
    const { opener, delivered, showError } = setup(async () => {
      throw new Error('“big.alignboard” is too large to open (300 MB; the limit is 200 MB).');
    });
    opener.pageReady();
    await opener.open('/a/big.alignboard');
    expect(delivered).toEqual([]);
    expect(showError).toHaveBeenCalledWith('“big.alignboard” is too large to open (300 MB; the limit is 200 MB).');
  });
});
