import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { skipLine, skipReason } from '../desktop/journey.mjs';

const run = promisify(execFile);
const root = path.join(import.meta.dirname, '../..');
const ELECTRON_DIR = '/app/node_modules/electron';

/** A file system holding exactly the given files. */
const filesOf = (files: Record<string, string>) => ({
  existsSync: (file: string) => file in files,
  readFileSync: (file: string) => {
    if (!(file in files)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return files[file]!;
  },
});
const installed = filesOf({ [path.join(ELECTRON_DIR, 'path.txt')]: 'electron', [path.join(ELECTRON_DIR, 'dist', 'electron')]: '' });

describe('npm run test:electron', () => {
  it('runs where Electron is installed and a display exists', () => {
    expect(skipReason({ electronDir: ELECTRON_DIR, env: { DISPLAY: ':0' }, platform: 'linux', fs: installed })).toBeNull();
    expect(skipReason({ electronDir: ELECTRON_DIR, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', fs: installed })).toBeNull();
  });

  it('says why it cannot run: no Electron runtime, or no display on Linux', () => {
    expect(skipReason({ electronDir: ELECTRON_DIR, env: { DISPLAY: ':0' }, platform: 'linux', fs: filesOf({}) })).toMatch(
      /^the Electron runtime is not installed/,
    );
    expect(skipReason({ electronDir: null, env: {}, platform: 'linux', fs: filesOf({}) })).toMatch(/not installed/);
    expect(skipReason({ electronDir: ELECTRON_DIR, env: {}, platform: 'linux', fs: installed })).toMatch(/no display .*xvfb-run/);
  });

  it('without a runtime prints one line saying it skipped and why, and exits 0 without testing anything', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'alignboard-no-electron-'));
    try {
      // Point Electron's own lookup at an empty folder: whatever this machine has installed.
      const { stdout, stderr } = await run(process.execPath, ['test/desktop/journey.mjs'], {
        cwd: root,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      });
      expect(stdout.trimEnd().split('\n')).toEqual([skipLine(skipReason({ electronDir: ELECTRON_DIR, env: {}, platform: 'linux', fs: filesOf({}) })!)]);
      expect(stdout).toMatch(/^test:electron skipped: the Electron runtime is not installed .*\. Nothing was tested\.\n$/);
      expect(stdout).not.toMatch(/pass/i);
      expect(stderr).toBe('');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
