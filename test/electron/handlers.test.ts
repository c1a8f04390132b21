import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createBackupStore } from '../../electron/main/backup';
import { createFileService, type FileDialogs } from '../../electron/main/files';
import { createHandlers, type HandlerDeps } from '../../electron/main/handlers';
import { registerHandlers } from '../../electron/main/ipc';
import { openSettings, type CreateStore } from '../../electron/main/settings';
import { fakeIpcMain, createTempDirs } from './helpers';

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
    labels: () => ({ exportTitle: 'Export', importTitle: 'Import', imageTitle: 'Export image', imageFilter: 'PNG image' }),
  });
  const backups = createBackupStore({ dir: path.join(userData, 'backups'), fs: fsp, now });
  const onSettingsChanged = vi.fn<HandlerDeps['onSettingsChanged']>();
  const ipc = fakeIpcMain();
  registerHandlers(
    ipc.ipcMain,
    createHandlers({
      appInfo: () => ({ version: '0.1.0', platform: 'linux', userDataPath: userData }),
      settings,
      files,
      backups,
      pdf: { exportPdf: async () => ({ saved: false, path: null }), savePdf: async () => ({ saved: false, path: null }) },
      onSettingsChanged,
    }),
  );
  return { ...ipc, userData, onSettingsChanged };
}

describe('main process handlers', () => {
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

  it('stores, lists and restores backups, and refuses ids that are not ours', async () => {
    const { invoke } = await mainProcess();
    const content = JSON.stringify({ workspace: { id: 'w1', name: 'Kickoff' } });
    expect(await invoke('backup:save', [{ workspaceId: 'w1', workspaceName: 'Kickoff', content }])).toEqual({ written: 1 });
    const list = (await invoke('backup:list')) as { id: string }[];
    expect(list).toEqual([
      { id: '20261130T044310Z_w1.alignboard', workspaceId: 'w1', workspaceName: 'Kickoff', createdAt: '2026-11-30T04:43:10.000Z', size: content.length },
    ]);
    expect(await invoke('backup:read', list[0]!.id)).toEqual({ content });
    await expect(invoke('backup:read', '../settings.json')).rejects.toThrow(/^Refused backup:read: invalid arguments/);
  });
});
