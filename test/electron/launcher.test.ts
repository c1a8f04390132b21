import { spawnSync as realSpawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  findElectronBinary,
  installerReason,
  launch,
  missingElectronMessage,
  type LaunchDeps,
} from '../../electron/launcher.mjs';

const PROJECT = '/work/alignboard';
const ELECTRON_DIR = `${PROJECT}/node_modules/electron`;
const VITE_DIR = `${PROJECT}/node_modules/vite`;
const BINARY = path.join(ELECTRON_DIR, 'dist', 'electron');

/** An in-memory file system holding exactly the given files. */
function memoryFs(files: Record<string, string>) {
  return {
    files,
    existsSync: (file: string) => file in files,
    readFileSync: (file: string) => {
      if (!(file in files)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return files[file]!;
    },
  };
}

const INSTALLED = { [path.join(ELECTRON_DIR, 'path.txt')]: 'electron', [BINARY]: '' };

const NETWORK_FAILURE = [
  'RequestError: getaddrinfo ENOTFOUND github.com',
  '    at ClientRequest.<anonymous> (/work/alignboard/node_modules/got/dist/source/core/index.js:970:111)',
  '    at Object.onceWrapper (node:events:633:26)',
].join('\n');

function setup(options: { files?: Record<string, string>; buildStatus?: number; install?: (fs: ReturnType<typeof memoryFs>) => { status: number; stderr: string } } = {}) {
  const fs = memoryFs({ ...(options.files ?? INSTALLED) });
  const child = Object.assign(new EventEmitter(), { kill: vi.fn<(signal?: string) => void>() });
  const signals = new Map<string, () => void>();
  const spawnSync = vi.fn<(command: string, args: string[]) => { status: number; stderr?: string }>((_command, args) => {
    if (args[0]?.endsWith('install.js')) return options.install?.(fs) ?? { status: 1, stderr: NETWORK_FAILURE };
    return { status: options.buildStatus ?? 0 };
  });
  const spawn = vi.fn<LaunchDeps['spawn']>(() => child);
  const log = vi.fn<(message: string) => void>();
  const error = vi.fn<(message: string) => void>();
  const deps: LaunchDeps = {
    projectDir: PROJECT,
    nodePath: '/usr/bin/node',
    env: { PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1' },
    platform: 'linux',
    fs,
    resolvePackageDir: (name) => ({ vite: VITE_DIR, electron: ELECTRON_DIR })[name] ?? null,
    spawnSync,
    spawn,
    onSignal: (signal, listener) => signals.set(signal, listener),
    log,
    error,
  };
  return { deps, fs, child, spawnSync, spawn, log, error, signals };
}

describe('findElectronBinary', () => {
  it('finds the executable named in path.txt', () => {
    expect(findElectronBinary({ electronDir: ELECTRON_DIR, env: {}, platform: 'linux', fs: memoryFs(INSTALLED) })).toBe(BINARY);
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const fs = memoryFs({ '/opt/electron/electron': '' });
    expect(findElectronBinary({ electronDir: ELECTRON_DIR, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, platform: 'linux', fs })).toBe(
      '/opt/electron/electron',
    );
  });
  it('returns null when the download never happened or the binary is gone', () => {
    expect(findElectronBinary({ electronDir: ELECTRON_DIR, env: {}, platform: 'linux', fs: memoryFs({}) })).toBeNull();
    const noBinary = memoryFs({ [path.join(ELECTRON_DIR, 'path.txt')]: 'electron' });
    expect(findElectronBinary({ electronDir: ELECTRON_DIR, env: {}, platform: 'linux', fs: noBinary })).toBeNull();
  });
});

describe('launch', () => {
  it('builds, then runs Electron on the project and forwards its exit code', async () => {
    const { deps, spawnSync, spawn, child, error } = setup();
    const exit = launch(deps);
    await vi.waitFor(() => expect(spawn).toHaveBeenCalled());
    child.emit('close', 3, null);
    expect(await exit).toBe(3);
    expect(spawnSync).toHaveBeenCalledTimes(1);
    expect(spawnSync).toHaveBeenCalledWith('/usr/bin/node', [path.join(VITE_DIR, 'bin', 'vite.js'), 'build'], expect.objectContaining({ cwd: PROJECT }));
    const [binary, args, options] = spawn.mock.calls[0] as unknown as [string, string[], { stdio: string; env: Record<string, string> }];
    expect([binary, args, options.stdio]).toEqual([BINARY, [PROJECT], 'inherit']);
    expect(options.env).toEqual({ PATH: '/usr/bin' }); // ELECTRON_RUN_AS_NODE removed
    expect(error).not.toHaveBeenCalled();
  });

  it('exits 1 when Electron is killed by a signal, and passes Ctrl+C on to it', async () => {
    const { deps, spawn, child, signals } = setup();
    const exit = launch(deps);
    await vi.waitFor(() => expect(spawn).toHaveBeenCalled());
    signals.get('SIGINT')!();
    expect(child.kill).toHaveBeenCalledWith('SIGINT');
    child.emit('close', null, 'SIGINT');
    expect(await exit).toBe(1);
  });

  it('stops after a failed build without starting Electron', async () => {
    const { deps, spawn, error } = setup({ buildStatus: 2 });
    expect(await launch(deps)).toBe(2);
    expect(spawn).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('`vite build` failed (exit code 2)'));
  });

  it('downloads a missing runtime once and then starts it', async () => {
    const { deps, spawnSync, spawn, child, log } = setup({
      files: {},
      install: (fs) => {
        Object.assign(fs.files, INSTALLED);
        return { status: 0, stderr: '' };
      },
    });
    const exit = launch(deps);
    await vi.waitFor(() => expect(spawn).toHaveBeenCalled());
    child.emit('close', 0, null);
    expect(await exit).toBe(0);
    expect(spawnSync.mock.calls.map((call) => path.basename(call[1][0]!))).toEqual(['vite.js', 'install.js']);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('downloading it once'));
  });

  it('explains a runtime that cannot be downloaded in one paragraph, without a stack trace', async () => {
    const { deps, spawnSync, spawn, error } = setup({ files: {} });
    expect(await launch(deps)).toBe(1);
    expect(spawn).not.toHaveBeenCalled();
    expect(spawnSync.mock.calls.filter((call) => call[1][0]!.endsWith('install.js'))).toHaveLength(1);
    expect(error).toHaveBeenCalledTimes(1);
    const message = error.mock.calls[0]![0] as string;
    expect(message).toBe(missingElectronMessage('RequestError: getaddrinfo ENOTFOUND github.com'));
    expect(message).not.toMatch(/\n|\s+at /);
  });

  it('asks for npm install when the dependencies are missing', async () => {
    const { deps, error, spawnSync } = setup();
    expect(await launch({ ...deps, resolvePackageDir: () => null })).toBe(1);
    expect(spawnSync).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('Run `npm install`'));
  });
});

describe('missingElectronMessage', () => {
  it('says what happened and every way forward', () => {
    const message = missingElectronMessage(null);
    expect(message).toMatch(/Electron runtime .* could not be downloaded/);
    for (const hint of ['internet', '`npm start`', 'ELECTRON_MIRROR', 'cache', '`npm run web`']) expect(message).toContain(hint);
    expect(message).not.toContain('\n');
  });

  it('keeps only the meaningful line of an installer failure', () => {
    expect(installerReason(NETWORK_FAILURE)).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
    expect(installerReason('Downloading Electron…\nHTTPError: Response code 404 (Not Found)\n    at x')).toBe('HTTPError: Response code 404 (Not Found)');
    expect(installerReason('')).toBeNull();
  });
});

describe('electron/launch.mjs', () => {
  it('is valid JavaScript for plain node (no TypeScript loader needed)', () => {
    const file = path.join(import.meta.dirname, '../../electron/launch.mjs');
    const result = realSpawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
