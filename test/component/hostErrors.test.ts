import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeHostProblem, type HostProblem } from '../../shared/hostProblem';
import type { PreloadApi } from '../../shared/ipc';
import { runBackups } from '../../renderer/src/features/backups/backupService';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { createElectronHost } from '../../renderer/src/host/electronHost';
import { HostError } from '../../renderer/src/host/hostError';
import { initI18n } from '../../renderer/src/i18n';
import { clearBrowserBackups } from './renderApp';

const MB = 1024 * 1024;

/** What the renderer receives when a handler in main throws a HostFailure (see test/electron/ipc.test.ts). */
function fromMain(channel: string, problem: HostProblem): Error {
  return new Error(`Error invoking remote method '${channel}': Error: ${encodeHostProblem(problem)}`);
}

/** A preload API whose every call rejects with `error`. */
function failingApi(error: Error): PreloadApi {
  const reject = vi.fn<() => Promise<never>>(async () => {
    throw error;
  });
  return { invoke: new Proxy({}, { get: () => reject }), on: {} } as unknown as PreloadApi;
}

async function caught(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

afterEach(() => {
  initI18n('en');
});

describe('Electron host errors', () => {
  const tooLarge: HostProblem = { kind: 'file-too-large', fileName: 'big.alignboard', bytes: 300 * MB, limit: 200 * MB };

  it.each([
    ['en', '“big.alignboard” is too large to open (300 MB; the limit is 200 MB).'],
    ['ja', '「big.alignboard」は大きすぎて開けません（300 MB、上限は 200 MB）。'],
  ] as const)('turns the problem main sent into a HostError worded in the UI language (%s)', async (language, expected) => {
    initI18n(language);
    const error = await caught(createElectronHost(failingApi(fromMain('file:openWorkspace', tooLarge))).openWorkspaceFile());
    expect(error.problem).toEqual(tooLarge);
    expect(error.message).toBe(expected);
  });

  it('keeps the detail of an unexpected error without Electron’s English prefix', async () => {
    const error = await caught(createElectronHost(failingApi(new Error("Error invoking remote method 'backup:list': Error: EIO: i/o error, scandir"))).backups.list());
    expect(error.problem).toEqual({ kind: 'unexpected', detail: 'EIO: i/o error, scandir' });
    expect(error.message).toBe('EIO: i/o error, scandir');
  });

  it('does not trust a malformed problem from main', async () => {
    const error = await caught(createElectronHost(failingApi(new Error('alignboard-host-problem:{"kind":"not-png","extra":1}'))).saveImage('x', new Uint8Array()));
    expect(error.problem).toEqual({ kind: 'not-png' });
    const bad = await caught(createElectronHost(failingApi(new Error('alignboard-host-problem:{"kind":"format-disk"}'))).saveImage('x', new Uint8Array()));
    expect(bad.problem.kind).toBe('unexpected');
  });

  it('backs up the other workspaces and names the reason alone when main says the disk is full (ja)', async () => {
    initI18n('ja');
    const problem: HostProblem = { kind: 'backup-not-saved', workspaceName: 'Q3', reason: 'disk-full', detail: 'ENOSPC: no space left on device' };
    const api = {
      invoke: new Proxy(
        {},
        {
          get: (_target, channel) =>
            channel === 'backup:list'
              ? async () => []
              : async () => {
                  throw fromMain(String(channel), problem);
                },
        },
      ),
      on: {},
    } as unknown as PreloadApi;
    const run = await runBackups(createElectronHost(api), { reason: 'manual' }, {
      listWorkspaces: async () => [{ id: 'w1', name: 'Q3', updatedAt: '2026-01-01T00:00:00.000Z' }],
      exportWorkspace: async () => '{}',
    });
    expect(run.outcomes).toEqual([{ workspaceId: 'w1', workspaceName: 'Q3', status: 'failed', message: 'ディスクの空き容量がありません' }]);
  });
});

describe('browser host errors', () => {
  beforeEach(async () => {
    await clearBrowserBackups();
  });

  /** Answers the host's file picker with `file` (a person choosing it). */
  function pick(file: File) {
    return vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [file], configurable: true });
      this.dispatchEvent(new Event('change'));
    });
  }

  it.each([
    ['en', '“huge.alignboard” is too large to open (300 MB; the limit is 200 MB).'],
    ['ja', '「huge.alignboard」は大きすぎて開けません（300 MB、上限は 200 MB）。'],
  ] as const)('refuses a picked file over the limit before reading it, in the UI language (%s)', async (language, expected) => {
    initI18n(language);
    const file = new File(['{}'], 'huge.alignboard');
    Object.defineProperty(file, 'size', { value: 300 * MB });
    const read = vi.spyOn(file, 'arrayBuffer');
    const click = pick(file);
    try {
      const error = await caught(createBrowserHost(localStorage).openWorkspaceFile());
      expect(error.problem).toEqual({ kind: 'file-too-large', fileName: 'huge.alignboard', bytes: 300 * MB, limit: 200 * MB });
      expect(error.message).toBe(expected);
      expect(read).not.toHaveBeenCalled();
    } finally {
      click.mockRestore();
    }
  });

  it('names a picked file that can no longer be read', async () => {
    const file = new File(['{}'], 'moved.alignboard');
    vi.spyOn(file, 'arrayBuffer').mockRejectedValue(Object.assign(new Error('A requested file or directory could not be found'), { name: 'NotFoundError' }));
    const click = pick(file);
    try {
      const error = await caught(createBrowserHost(localStorage).openWorkspaceFile());
      expect(error.problem).toMatchObject({ kind: 'cannot-read', fileName: 'moved.alignboard', reason: 'not-found' });
      expect(error.message).toBe('“moved.alignboard” could not be read: it does not exist (it may have been moved or deleted).');
    } finally {
      click.mockRestore();
    }
  });

  it('says in Japanese that a backup is gone, and that bytes are not a PNG', async () => {
    initI18n('ja');
    const host = createBrowserHost(localStorage);
    const missing = await caught(host.backups.read('0000000009_w1.alignboard'));
    expect(missing.problem).toEqual({ kind: 'backup-missing', id: '0000000009_w1.alignboard' });
    expect(missing.message).toBe('バックアップ 0000000009_w1.alignboard はもうありません。');
    const notPng = await caught(host.saveImage('x.png', new TextEncoder().encode('%PDF-1.7')));
    expect(notPng.message).toBe('保存しようとした画像は PNG ではありません。');
  });
});
