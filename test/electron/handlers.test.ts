import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import Conf from 'conf';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createBackupStore } from '../../electron/main/backup';
import { createFileService, type FileDialogs } from '../../electron/main/files';
import { createHandlers, type HandlerDeps } from '../../electron/main/handlers';
import { registerHandlers } from '../../electron/main/ipc';
import { openSettings, type CreateStore } from '../../electron/main/settings';
import { createMainRooms } from '../../electron/main/rooms';
import { roomProblemOf } from '../../shared/rooms/errors';
import type { RoomStatus } from '../../shared/rooms/protocol';
import { boardState, fakeBuild, MEMBERS } from '../server/fixtures';
import { connectClient } from '../support/roomClients';
import { appFrame, fakeIpcMain, createTempDirs } from './helpers';

const tempDir = createTempDirs();
const createStore: CreateStore = ({ name, ...options }) =>
  new Conf<Record<string, unknown>>({ ...options, configName: name, projectName: 'alignboard-test' } as never);

/** Main as wired in index.ts, minus Electron: real settings file, real backups folder. */
async function mainProcess({ settingsFile }: { settingsFile?: string } = {}) {
  const userData = await tempDir();
  if (settingsFile !== undefined) await fsp.writeFile(path.join(userData, 'settings.json'), settingsFile);
  const now = () => new Date('2026-11-30T04:43:10Z');
  const settings = openSettings({ dir: userData, createStore, fs, now });
  const saveDialog = vi.fn<FileDialogs['showSaveDialog']>(async () => ({ canceled: false, filePath: path.join(userData, 'export.alignboard') }));
  const files = createFileService({
    dialog: { showSaveDialog: saveDialog, showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    fs: fsp,
    lastFolder: () => settings.get().settings.lastExportFolder,
    rememberFolder: (folder) => settings.update({ lastExportFolder: folder }),
    defaultFolder: () => userData,
    labels: () => ({ exportTitle: 'Export', importTitle: 'Import', imageTitle: 'Export image', imageFilter: 'PNG image', workspaceFilter: 'Alignboard Workspace', allFilesFilter: 'All Files' }),
  });
  const backups = createBackupStore({ dir: path.join(userData, 'backups'), fs: fsp, now });
  const onSettingsChanged = vi.fn<HandlerDeps['onSettingsChanged']>();
  const build = fakeBuild();
  const sent: RoomStatus[] = [];
  const rooms = createMainRooms({
    rendererDir: build.root,
    now: () => Date.now(),
    logger: { info: () => {}, warn: () => {} },
    networkInterfaces: () => ({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' }] }),
    randomBytes: (size) => randomBytes(size),
    send: (status) => sent.push(status),
    port: 0,
  });
  cleanUps.push(async () => {
    await rooms.dispose();
    build.cleanUp();
  });
  const ipc = fakeIpcMain();
  const audience = { open: vi.fn<() => { placement: 'external-display' | 'window' }>(() => ({ placement: 'external-display' })), close: vi.fn<() => void>() };
  registerHandlers(
    ipc.ipcMain,
    createHandlers({
      appInfo: () => ({ version: '0.1.0', platform: 'linux', userDataPath: userData }),
      settings,
      files,
      backups,
      pdf: { exportPdf: async () => ({ saved: false, path: null }), savePdf: async () => ({ saved: false, path: null }) },
      rooms: rooms.host,
      audience,
      onSettingsChanged,
    }),
  );
  return { ...ipc, userData, onSettingsChanged, rooms, sent, audience };
}

const cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0)) await cleanUp();
});

describe('main process handlers', () => {
  it('opens and closes the audience window through main’s audience windows', async () => {
    const { invoke, audience } = await mainProcess();
    expect(await invoke('audience:open')).toEqual({ placement: 'external-display' });
    expect(await invoke('audience:close')).toBeNull();
    expect(audience.open).toHaveBeenCalledTimes(1);
    expect(audience.close).toHaveBeenCalledTimes(1);
  });

  it('serves every channel of the contract', async () => {
    const { handlers, invoke, userData } = await mainProcess();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
    expect(await invoke('app:info')).toEqual({ version: '0.1.0', platform: 'linux', userDataPath: userData });
  });

  it('changes only the named settings and rebuilds the menu only for a new language', async () => {
    const { invoke, onSettingsChanged } = await mainProcess();
    await invoke('settings:set', { language: 'ja' });
    expect(await invoke('settings:set', { theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, language: 'ja', theme: 'dark' });
    expect(onSettingsChanged).toHaveBeenCalledTimes(2);
    expect(onSettingsChanged.mock.calls.map(([next, previous]) => next.language !== previous.language)).toEqual([true, false]);
    expect(await invoke('settings:get')).toEqual({ settings: { ...DEFAULT_SETTINGS, language: 'ja', theme: 'dark' }, problem: null });
  });

  it('reports unreadable settings through settings:get and carries on with defaults', async () => {
    const { invoke } = await mainProcess({ settingsFile: '{"theme": "dark"' });
    const result = (await invoke('settings:get')) as { settings: unknown; problem: string };
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problem).toMatch(/^settings\.json was not usable because it is not valid JSON .*kept as settings\.corrupt-20261130T044310Z\.json\.$/);
  });

  it('saves an export where the user chose and remembers that folder as the next default', async () => {
    const { invoke, userData } = await mainProcess();
    expect(await invoke('file:saveWorkspace', { suggestedName: 'Plan', content: '{"a":1}' })).toEqual({
      saved: true,
      path: path.join(userData, 'export.alignboard'),
    });
    expect(((await invoke('settings:get')) as { settings: { lastExportFolder: string } }).settings.lastExportFolder).toBe(userData);
  });

  it('will not let the page choose the export folder: only a folder picked in a save dialog is remembered', async () => {
    const { invoke, userData } = await mainProcess();
    await expect(invoke('settings:set', { lastExportFolder: '/etc' })).rejects.toThrow(/^Refused settings:set: invalid arguments/);
    await expect(invoke('settings:set', { theme: 'dark', lastExportFolder: null })).rejects.toThrow(/invalid arguments/);
    expect(((await invoke('settings:get')) as { settings: { lastExportFolder: unknown } }).settings.lastExportFolder).toBeNull();
    await invoke('file:saveWorkspace', { suggestedName: 'Plan', content: '{}' });
    expect(((await invoke('settings:get')) as { settings: { lastExportFolder: string } }).settings.lastExportFolder).toBe(userData);
  });

  it('stores one workspace per backup:save, lists and restores backups, and refuses ids that are not ours', async () => {
    const { invoke } = await mainProcess();
    const content = JSON.stringify({ workspace: { id: 'w1', name: 'Kickoff' } });
    const entry = {
      id: '0000000001_20261130T044310Z_w1.alignboard',
      seq: 1,
      workspaceId: 'w1',
      workspaceName: 'Kickoff',
      createdAt: '2026-11-30T04:43:10.000Z',
      size: content.length,
      workspaceUpdatedAt: '2026-11-29T10:00:00.000Z',
    };
    expect(
      await invoke('backup:save', { workspaceId: 'w1', workspaceName: 'Kickoff', workspaceUpdatedAt: entry.workspaceUpdatedAt, content }),
    ).toEqual(entry);
    expect(await invoke('backup:list')).toEqual([entry]);
    expect(await invoke('backup:read', entry.id)).toEqual({ content });
    await expect(invoke('backup:read', '../settings.json')).rejects.toThrow(/^Refused backup:read: invalid arguments/);
    // The old batch form is refused: a batch let one bad workspace fail all of them.
    await expect(invoke('backup:save', [{ workspaceId: 'w1', workspaceName: 'Kickoff', workspaceUpdatedAt: null, content }])).rejects.toThrow(
      /invalid arguments/,
    );
  });
});

describe('rooms through the IPC contract', () => {
  it('opens a room for a board, lists, locks, removes and closes it; the window hears every change', async () => {
    const { invoke, invokeFrom, rooms, sent } = await mainProcess();
    expect(await invoke('room:list')).toEqual({ open: false });
    expect(rooms.roomOpen()).toBe(false);
    const room = (await invoke('room:open', { boardId: 'board-1', boardName: 'Buyer persona', members: MEMBERS, state: boardState().state, address: null })) as Extract<RoomStatus, { open: true }>;
    expect(room).toMatchObject({ open: true, boardName: 'Buyer persona', address: '127.0.0.1', locked: false, participants: [] });
    expect(rooms.roomOpen()).toBe(true);
    expect(sent.at(-1)).toMatchObject({ open: true, roomId: room.roomId });

    // The laptop's own client joins over loopback with the facilitator token, from app://alignboard.
    const laptop = connectClient({ origin: 'app://alignboard', url: room.facilitator.url, documentName: room.facilitator.documentName, token: room.facilitator.token });
    await laptop.synced;
    expect(laptop.doc.getMap('nodes').size).toBe(7);
    laptop.destroy();

    expect(await invoke('room:lock', true)).toMatchObject({ locked: true });
    await expect(invoke('room:remove', 'nobody')).rejects.toThrow('That participant is not in the room.');
    await expect(invoke('room:open', { boardId: 'b', boardName: 'Other', members: [], state: boardState().state, address: null })).rejects.toThrow('already open');
    // What reaches the renderer names the problem for its language (rooms.errors.*).
    const failure = await invoke('room:open', { boardId: 'b', boardName: 'Other', members: [], state: boardState().state, address: null }).catch((error: unknown) => error);
    expect(roomProblemOf(failure)).toMatchObject({ kind: 'already-open', params: { board: 'Buyer persona' } });
    expect(roomProblemOf(await invoke('room:remove', 'nobody').catch((error: unknown) => error))).toMatchObject({ kind: 'unknown-participant' });
    expect(await invoke('room:close')).toEqual({ open: false });
    expect(rooms.roomOpen()).toBe(false);
    expect(sent.at(-1)).toEqual({ open: false });
    // Only the app's main frame may, and only with valid arguments.
    await expect(invokeFrom({ url: 'https://evil.example/', parent: null }, 'room:list')).rejects.toThrow(/^Refused room:list/);
    await expect(invokeFrom(appFrame(), 'room:lock', 'yes')).rejects.toThrow(/^Refused room:lock: invalid arguments/);
    await expect(invoke('room:open', { boardId: 'b', boardName: 'B', members: [], state: 'not bytes', address: null })).rejects.toThrow(/invalid arguments \(0.state: not bytes/);
  });
});
