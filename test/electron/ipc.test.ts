import { describe, expect, it, vi } from 'vitest';
import { decodeHostProblem } from '../../shared/hostProblem';
import { invokeChannels } from '../../shared/ipc';
import { HostFailure } from '../../electron/main/hostFailure';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { handle, registerHandlers, senderProblem, sendEvent, type Handlers } from '../../electron/main/ipc';
import { appFrame, fakeIpcMain } from './helpers';

function stubHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app:info': () => ({ version: '0.1.0', platform: 'linux', userDataPath: '/tmp/u' }),
    'settings:get': () => ({ settings: DEFAULT_SETTINGS, problem: null }),
    'settings:set': (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
    'file:saveWorkspace': () => ({ saved: false, path: null }),
    'file:openWorkspace': () => null,
    'backup:save': (snapshot) => ({
      id: `0000000001_20261130T044310Z_${snapshot.workspaceId}.alignboard`,
      seq: 1,
      workspaceId: snapshot.workspaceId,
      workspaceName: snapshot.workspaceName,
      createdAt: '2026-11-30T04:43:10.000Z',
      size: snapshot.content.length,
      workspaceUpdatedAt: snapshot.workspaceUpdatedAt,
    }),
    'file:saveImage': () => ({ saved: false, path: null }),
    'backup:list': () => [],
    'backup:read': (id) => ({ content: `content of ${id}` }),
    'pdf:export': () => ({ saved: false, path: null }),
    'pdf:save': () => ({ saved: false, path: null }),
    'pdf:ready': () => ({ printing: false }),
    'room:open': () => {
      throw new Error('no rooms here');
    },
    'room:list': () => ({ open: false }),
    'room:addresses': () => [],
    'room:lock': () => ({ open: false }),
    'room:remove': () => ({ open: false }),
    'room:close': () => ({ open: false }),
    'audience:open': () => ({ placement: 'window' }),
    'audience:close': () => null,
    ...overrides,
  };
}

describe('senderProblem', () => {
  it('trusts only the main frame of app://alignboard', () => {
    expect(senderProblem(appFrame())).toBeNull();
    expect(senderProblem(appFrame('app://alignboard/index.html'))).toBeNull();
  });
  it.each([
    ['https://evil.example/', /not the Alignboard app/],
    ['file:///home/user/evil.html', /not the Alignboard app/],
    ['http://localhost:5173/', /not the Alignboard app/],
    ['app://evil/index.html', /not the Alignboard app/],
    ['about:blank', /not the Alignboard app/],
  ])('refuses a frame at %s', (url, message) => {
    expect(senderProblem({ url, parent: null })).toMatch(message);
  });
  it('refuses sub-frames, even of our own origin, and frames that are gone', () => {
    expect(senderProblem({ url: 'app://alignboard/index.html', parent: { url: 'app://alignboard/' } })).toMatch(/sub-frame/);
    expect(senderProblem(null)).toMatch(/gone/);
  });
});

describe('handle', () => {
  it('runs the handler with parsed arguments and returns its result for a good call', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const read = vi.fn<Handlers['backup:read']>((id) => ({ content: `backup ${id}` }));
    handle(ipcMain, 'backup:read', read);
    await expect(invoke('backup:read', '20261130T044310Z_w1.alignboard')).resolves.toEqual({
      content: 'backup 20261130T044310Z_w1.alignboard',
    });
    expect(read).toHaveBeenCalledWith('20261130T044310Z_w1.alignboard');
  });

  it.each([
    ['a traversal id', ['../../etc/passwd']],
    ['a wrong type', [42]],
    ['a missing argument', []],
    ['an extra argument', ['20261130T044310Z_w1.alignboard', 'extra']],
  ])('refuses %s without running the handler', async (_label, args) => {
    const { ipcMain, invoke } = fakeIpcMain();
    const read = vi.fn<Handlers['backup:read']>(() => ({ content: 'secret' }));
    handle(ipcMain, 'backup:read', read);
    await expect(invoke('backup:read', ...args)).rejects.toThrow(/^Refused backup:read: invalid arguments/);
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a bad settings patch (unknown theme) before the handler runs', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const set = vi.fn<Handlers['settings:set']>(stubHandlers()['settings:set']);
    handle(ipcMain, 'settings:set', set);
    await expect(invoke('settings:set', { theme: 'neon' })).rejects.toThrow(/invalid arguments \(0\.theme/);
    expect(set).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'file:///tmp/page.html', 'app://alignboard.evil/index.html'])(
    'refuses a call from %s without running the handler',
    async (url) => {
      const { ipcMain, invokeFrom } = fakeIpcMain();
      const info = vi.fn<Handlers['app:info']>(stubHandlers()['app:info']);
      handle(ipcMain, 'app:info', info);
      await expect(invokeFrom({ url, parent: null }, 'app:info')).rejects.toThrow(
        /^Refused app:info: the sender ".*" is not the Alignboard app\.$/,
      );
      expect(info).not.toHaveBeenCalled();
    },
  );

  it('refuses a call from an embedded frame of our own page', async () => {
    const { ipcMain, invokeFrom } = fakeIpcMain();
    const info = vi.fn<Handlers['app:info']>(stubHandlers()['app:info']);
    handle(ipcMain, 'app:info', info);
    await expect(invokeFrom({ url: 'app://alignboard/index.html', parent: {} }, 'app:info')).rejects.toThrow(/sub-frame/);
    expect(info).not.toHaveBeenCalled();
  });

  it('sends a HostFailure of the handler as its problem, which the renderer decodes behind any prefix', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const problem = { kind: 'backup-missing', id: '0000000001_20261130T044310Z_w1.alignboard' } as const;
    handle(ipcMain, 'backup:read', () => {
      throw new HostFailure(problem);
    });
    const error = await invoke('backup:read', problem.id).then(() => null, (caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(HostFailure);
    expect(decodeHostProblem(error!.message)).toEqual(problem);
    // What Electron makes of it on the renderer side.
    expect(decodeHostProblem(`Error invoking remote method 'backup:read': Error: ${error!.message}`)).toEqual(problem);
  });

  it('passes any other error of the handler on as it is', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    handle(ipcMain, 'backup:list', () => {
      throw new Error('EIO: i/o error, scandir');
    });
    await expect(invoke('backup:list')).rejects.toThrow(/^EIO: i\/o error, scandir$/);
  });

  it('refuses to return a result that breaks the contract', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    handle(ipcMain, 'backup:list', () => [{ id: 'x' }] as never);
    await expect(invoke('backup:list')).rejects.toThrow(/^Internal error in backup:list: the result does not match/);
  });

  it('passes a partial settings patch through as sent, and refuses unknown keys', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const set = vi.fn<Handlers['settings:set']>(stubHandlers()['settings:set']);
    handle(ipcMain, 'settings:set', set);
    await invoke('settings:set', { theme: 'dark' });
    expect(set).toHaveBeenCalledWith({ theme: 'dark' });
    await invoke('settings:set', { language: null });
    expect(set).toHaveBeenLastCalledWith({ language: null });
    await expect(invoke('settings:set', { theme: 'dark', isAdmin: true })).rejects.toThrow(/^Refused settings:set/);
    expect(set).toHaveBeenCalledTimes(2);
  });
});

describe('registerHandlers', () => {
  it('registers exactly the channels of the contract, and can remove them again', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispose = registerHandlers(ipcMain, stubHandlers());
    expect([...handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('will not start with a channel left unhandled', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const incomplete = stubHandlers();
    delete (incomplete as Partial<Handlers>)['backup:read'];
    expect(() => registerHandlers(ipcMain, incomplete)).toThrow('No IPC handler for backup:read');
    expect(handlers.size).toBe(0);
  });

  it('makes a missing handler a compile error', () => {
    // @ts-expect-error — 'backup:read' is missing, so this is not a Handlers record.
    const missing: Handlers = {
      'app:info': () => ({ version: '', platform: '', userDataPath: '' }),
      'settings:get': () => ({ settings: DEFAULT_SETTINGS, problem: null }),
      'settings:set': () => DEFAULT_SETTINGS,
      'file:saveWorkspace': () => ({ saved: false, path: null }),
      'file:openWorkspace': () => null,
      'backup:list': () => [],
    };
    expect(Object.keys(missing)).not.toContain('backup:read');
  });
});

describe('sendEvent', () => {
  it('sends a valid payload to a live page', () => {
    const target = { isDestroyed: () => false, send: vi.fn<(channel: string, ...args: unknown[]) => void>() };
    expect(sendEvent(target, 'menu:command', 'cycle-theme')).toBe(true);
    expect(target.send).toHaveBeenCalledWith('menu:command', 'cycle-theme');
  });
  it('reports false when there is no live page', () => {
    const target = { isDestroyed: () => true, send: vi.fn<(channel: string, ...args: unknown[]) => void>() };
    expect(sendEvent(target, 'backup:due', { reason: 'startup' })).toBe(false);
    expect(sendEvent(null, 'backup:due', { reason: 'startup' })).toBe(false);
    expect(target.send).not.toHaveBeenCalled();
  });
  it('throws on a payload outside the contract instead of sending it', () => {
    const target = { isDestroyed: () => false, send: vi.fn<(channel: string, ...args: unknown[]) => void>() };
    expect(() => sendEvent(target, 'menu:command', 'format-disk' as never)).toThrow(/Invalid option/);
    expect(target.send).not.toHaveBeenCalled();
  });
  it('carries the audience window’s closing and the menu’s toggle, and nothing else on those channels', () => {
    const target = { isDestroyed: () => false, send: vi.fn<(channel: string, ...args: unknown[]) => void>() };
    expect(sendEvent(target, 'audience:closed', { reason: 'display-removed' })).toBe(true);
    expect(sendEvent(target, 'menu:command', 'toggle-audience')).toBe(true);
    expect(() => sendEvent(target, 'audience:closed', { reason: 'bored' } as never)).toThrow(/Invalid option/);
    expect(target.send.mock.calls).toEqual([
      ['audience:closed', { reason: 'display-removed' }],
      ['menu:command', 'toggle-audience'],
    ]);
  });
});

describe('the audience channels', () => {
  it('take no arguments, answer the placement or null, and refuse anything else', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const opened: string[] = [];
    registerHandlers(
      ipcMain,
      stubHandlers({
        'audience:open': () => {
          opened.push('open');
          return { placement: 'external-display' };
        },
      }),
    );
    expect(await invoke('audience:open')).toEqual({ placement: 'external-display' });
    expect(await invoke('audience:close')).toBeNull();
    await expect(invoke('audience:open', 'app://alignboard/index.html#/evil')).rejects.toThrow(/^Refused audience:open: invalid arguments/);
    await expect(invoke('audience:close', true)).rejects.toThrow(/^Refused audience:close: invalid arguments/);
    expect(opened).toEqual(['open']);
  });

  it('main cannot promise a placement the page does not know', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    registerHandlers(ipcMain, stubHandlers({ 'audience:open': () => ({ placement: 'ceiling' }) as never }));
    await expect(invoke('audience:open')).rejects.toThrow(/^Internal error in audience:open: the result does not match the contract/);
  });
});
