import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels } from '../../shared/ipc';
import {
  createPreloadApi,
  eventChannelNames,
  invokeChannelNames,
  MAX_HELD_EVENTS,
  type IpcRendererLike,
} from '../../electron/preload/api';

/** Behaves like ipcRenderer: listeners get (event, ...args), the event carrying `sender`. */
function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const rawEvent = { sender: { send: () => 'ipcRenderer itself' }, ports: [] };
  const ipc = {
    invoke: vi.fn<IpcRendererLike['invoke']>(async (channel, ...args) => ({ channel, args })),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => emitter.on(channel, listener),
  } satisfies IpcRendererLike;
  return {
    ipc,
    emit: (channel: string, ...args: unknown[]) => emitter.emit(channel, rawEvent, ...args),
    listenerCount: (channel: string) => emitter.listenerCount(channel),
  };
}

function functionsOnly(value: unknown, at = 'api'): string[] {
  if (typeof value === 'function') return [];
  if (typeof value !== 'object' || value === null) return [`${at} is a ${typeof value}`];
  return Object.entries(value).flatMap(([key, inner]) => functionsOnly(inner, `${at}.${key}`));
}

describe('createPreloadApi', () => {
  it('has exactly the contract channels', () => {
    const api = createPreloadApi(fakeIpcRenderer().ipc);
    expect(invokeChannelNames.sort()).toEqual(Object.keys(invokeChannels).sort());
    expect(eventChannelNames.sort()).toEqual(Object.keys(eventChannels).sort());
    expect(Object.keys(api.invoke).sort()).toEqual(Object.keys(invokeChannels).sort());
    expect(Object.keys(api.on).sort()).toEqual(Object.keys(eventChannels).sort());
  });

  it('exposes nothing but functions (no ipcRenderer, no values)', () => {
    const { ipc } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    expect(functionsOnly(api)).toEqual([]);
    expect(Object.values(api.invoke)).not.toContain(ipc.invoke);
    expect(Object.isFrozen(api) && Object.isFrozen(api.invoke) && Object.isFrozen(api.on)).toBe(true);
  });

  it('forwards an invoke to its own channel with its arguments and returns the answer', async () => {
    const { ipc } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    await expect(api.invoke['settings:set']({ theme: 'dark' })).resolves.toEqual({
      channel: 'settings:set',
      args: [{ theme: 'dark' }],
    });
    await api.invoke['backup:list']();
    expect(ipc.invoke).toHaveBeenLastCalledWith('backup:list');
  });

  it('gives listeners the payload only, never the raw IPC event', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const calls: unknown[][] = [];
    api.on['menu:command']((...args: unknown[]) => calls.push(args));
    emit('menu:command', 'cycle-theme', 'extra argument');
    expect(calls).toEqual([['cycle-theme']]);
  });

  it('unsubscribes only the subscription it was returned for', () => {
    const { ipc, emit, listenerCount } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const first = vi.fn<(payload: unknown) => void>();
    const second = vi.fn<(payload: unknown) => void>();
    const offFirst = api.on['backup:due'](first);
    const offFirstAgain = api.on['backup:due'](first); // the same function twice is two subscriptions
    api.on['backup:due'](second);
    emit('backup:due', { reason: 'startup' });
    offFirst();
    offFirst();
    emit('backup:due', { reason: 'interval' });
    offFirstAgain();
    emit('backup:due', { reason: 'interval' });
    expect(first.mock.calls).toEqual([[{ reason: 'startup' }], [{ reason: 'startup' }], [{ reason: 'interval' }]]);
    expect(second.mock.calls).toEqual([[{ reason: 'startup' }], [{ reason: 'interval' }], [{ reason: 'interval' }]]);
    // One ipcRenderer listener per channel for the page's lifetime, however many subscriptions.
    expect(listenerCount('backup:due')).toBe(1);
  });

  it('holds events that arrive before anyone subscribes and delivers them once, later', async () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    emit('file:opened', { fileName: 'a.alignboard', content: '{}' });
    emit('backup:due', { reason: 'startup' });
    const opened = vi.fn<(payload: unknown) => void>();
    api.on['file:opened'](opened);
    expect(opened).not.toHaveBeenCalled(); // never inside subscribe() itself
    await Promise.resolve();
    expect(opened.mock.calls).toEqual([[{ fileName: 'a.alignboard', content: '{}' }]]);
    const later = vi.fn<(payload: unknown) => void>();
    api.on['file:opened'](later);
    await Promise.resolve();
    expect(later).not.toHaveBeenCalled();
  });

  it('survives a StrictMode subscribe–unsubscribe–subscribe with the held event delivered once', async () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    emit('backup:due', { reason: 'startup' });
    const first = vi.fn<(payload: unknown) => void>();
    const second = vi.fn<(payload: unknown) => void>();
    api.on['backup:due'](first)();
    api.on['backup:due'](second);
    await Promise.resolve();
    await Promise.resolve();
    expect(first).not.toHaveBeenCalled();
    expect(second.mock.calls).toEqual([[{ reason: 'startup' }]]);
  });

  it('holds only the newest events while nobody listens', async () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    for (let i = 0; i < MAX_HELD_EVENTS + 5; i++) emit('menu:command', i % 2 ? 'about' : 'cycle-theme');
    const listener = vi.fn<(payload: unknown) => void>();
    api.on['menu:command'](listener);
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(MAX_HELD_EVENTS);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn<(payload: unknown) => void>();
    api.on['menu:command'](() => {
      throw new Error('boom');
    });
    api.on['menu:command'](after);
    emit('menu:command', 'about');
    expect(after).toHaveBeenCalledWith('about');
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('keeps events of different channels apart', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const opened = vi.fn<(payload: unknown) => void>();
    api.on['file:opened'](opened);
    emit('menu:command', 'about');
    expect(opened).not.toHaveBeenCalled();
    emit('file:opened', { fileName: 'a.alignboard', content: '{}' });
    expect(opened).toHaveBeenCalledWith({ fileName: 'a.alignboard', content: '{}' });
  });

  it('refuses a listener that is not a function', () => {
    const api = createPreloadApi(fakeIpcRenderer().ipc);
    expect(() => api.on['menu:command']('alert(1)' as never)).toThrow(TypeError);
  });
});
