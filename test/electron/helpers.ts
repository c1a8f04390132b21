import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { InvokeEvent, IpcMainLike } from '../../electron/main/ipc';

/** A fresh directory per call, removed after the test. */
export function createTempDirs(): () => Promise<string> {
  const created: string[] = [];
  afterEach(async () => {
    await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'alignboard-'));
    created.push(dir);
    return dir;
  };
}

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** ipcMain stand-in: records handlers and lets a test invoke them as a given frame would. */
export function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invokeFrom = async (frame: InvokeEvent['senderFrame'], channel: string, ...args: unknown[]) => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: frame }, ...args);
  };
  return {
    ipcMain,
    handlers,
    invokeFrom,
    /** As the app window's main frame would. */
    invoke: (channel: string, ...args: unknown[]) => invokeFrom(appFrame(), channel, ...args),
  };
}

export function appFrame(url = 'app://alignboard/index.html#/w/1'): NonNullable<InvokeEvent['senderFrame']> {
  return { url, parent: null };
}
