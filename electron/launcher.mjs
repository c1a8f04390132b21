// The logic behind `npm start` (electron/launch.mjs), in plain JavaScript so it runs under `node`
// without a TypeScript loader. Every OS edge is a parameter, so test/electron/launcher.test.ts can
// drive each path (build failure, missing runtime, download, exit codes) without Electron.
import nodePath from 'node:path';

/**
 * @typedef {{ existsSync(path: string): boolean, readFileSync(path: string, encoding: 'utf8'): string }} LauncherFs
 * @typedef {{ status: number | null, stderr?: string | null, error?: Error }} SpawnSyncResult
 * @typedef {{ on(event: 'close', listener: (code: number | null, signal: string | null) => void): unknown,
 *             on(event: 'error', listener: (error: Error) => void): unknown,
 *             kill(signal?: string): unknown }} ChildLike
 * @typedef {{
 *   projectDir: string,
 *   nodePath: string,
 *   env: Record<string, string | undefined>,
 *   platform: string,
 *   fs: LauncherFs,
 *   resolvePackageDir(name: string): string | null,
 *   spawnSync(command: string, args: string[], options: object): SpawnSyncResult,
 *   spawn(command: string, args: string[], options: object): ChildLike,
 *   onSignal(signal: 'SIGINT' | 'SIGTERM', listener: () => void): void,
 *   log(message: string): void,
 *   error(message: string): void,
 * }} LaunchDeps
 */

/** Where Electron's own installer puts the executable, relative to `dist/`, per platform. */
export function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * The Electron executable if it is installed, else null. This mirrors what `require('electron')`
 * computes (path.txt, ELECTRON_OVERRIDE_DIST_PATH) without its side effect: since Electron 45 that
 * require starts a download itself and throws a stack trace when it fails.
 * @param {{ electronDir: string, env: Record<string, string | undefined>, platform: string, fs: LauncherFs }} options
 * @returns {string | null}
 */
export function findElectronBinary({ electronDir, env, platform, fs }) {
  let relative = null;
  try {
    relative = fs.readFileSync(nodePath.join(electronDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    relative = null;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? nodePath.join(override, relative ?? platformExecutable(platform))
    : relative
      ? nodePath.join(electronDir, 'dist', relative)
      : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

/**
 * The last meaningful line an installer printed, without its stack trace.
 * @param {string | null | undefined} stderr
 * @returns {string | null}
 */
export function installerReason(stderr) {
  const lines = (stderr ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at ') && !line.startsWith('Downloading'));
  const reason = lines.find((line) => /error/i.test(line)) ?? lines[0];
  return reason ? reason.slice(0, 300) : null;
}

/**
 * The single paragraph shown when there is no Electron runtime. No stack trace: the user can do
 * nothing with one.
 * @param {string | null} reason
 * @returns {string}
 */
export function missingElectronMessage(reason) {
  return (
    'Alignboard cannot start: the Electron runtime it runs on is not installed and could not be downloaded ' +
    '(the download comes from GitHub, which needs an internet connection' +
    (reason ? `; the installer reported: ${reason}` : '') +
    '). To fix it, connect to the internet and run `npm start` again; or, behind a firewall, set ' +
    'ELECTRON_MIRROR to a mirror you can reach, or copy the matching Electron zip into the Electron cache ' +
    '(see https://www.electronjs.org/docs/latest/tutorial/installation#cache); or use `npm run web` to run ' +
    'Alignboard in your browser instead.'
  );
}

/**
 * Builds the app, makes sure Electron is there (one download attempt), starts it on this project
 * and resolves with the exit code to forward.
 * @param {LaunchDeps} deps
 * @returns {Promise<number>}
 */
export async function launch(deps) {
  const { projectDir, nodePath: node, env, platform, fs, log, error } = deps;

  const viteDir = deps.resolvePackageDir('vite');
  if (!viteDir) {
    error('Alignboard cannot start: the project dependencies are not installed. Run `npm install`, then `npm start`.');
    return 1;
  }
  const build = deps.spawnSync(node, [nodePath.join(viteDir, 'bin', 'vite.js'), 'build'], {
    cwd: projectDir,
    stdio: 'inherit',
    env,
  });
  if (build.status !== 0) {
    error(`Alignboard cannot start: \`vite build\` failed (exit code ${build.status ?? 'none'}). Fix the errors above and run \`npm start\` again.`);
    return build.status || 1;
  }

  const electronDir = deps.resolvePackageDir('electron');
  if (!electronDir) {
    error('Alignboard cannot start: the `electron` package is not installed. Run `npm install`, then `npm start`.');
    return 1;
  }
  let binary = findElectronBinary({ electronDir, env, platform, fs });
  if (!binary) {
    log('The Electron runtime is not installed yet; downloading it once (about 100 MB)…');
    const install = deps.spawnSync(node, [nodePath.join(electronDir, 'install.js')], {
      cwd: electronDir,
      // stderr is captured so a failed download prints our paragraph rather than a stack trace.
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
      env,
      timeout: 15 * 60 * 1000,
    });
    binary = findElectronBinary({ electronDir, env, platform, fs });
    if (!binary) {
      error(missingElectronMessage(installerReason(install.stderr) ?? install.error?.message ?? null));
      return 1;
    }
  }

  // Set by some shells and IDEs (VS Code's terminal); it would make Electron behave as plain Node.
  const childEnv = { ...env };
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const child = deps.spawn(binary, [projectDir], { cwd: projectDir, stdio: 'inherit', env: childEnv });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    deps.onSignal(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('error', (spawnError) => {
      error(`Alignboard cannot start: Electron could not be run (${spawnError.message}).`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}
