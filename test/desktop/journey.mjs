#!/usr/bin/env node
// `npm run test:electron`: a short journey through the real desktop app, driven by playwright-core's
// Electron support. Run it before every release, on a machine where Electron is installed (npm
// install downloads it from GitHub) and that has a display (or under xvfb-run).
//
// Where the Electron runtime or a display is missing (as on the build machines) it prints ONE line
// saying it was skipped and why, and exits 0: it never reports a pass it did not run. It is not part
// of `npm test`: there it could only ever skip, and a release check that needs a display and a real
// Electron belongs where those exist.
//
// The journey (each step prints ✓ or stops the run with ✗ and the reason, exit code 1):
//   1. build (vite build), launch the app with a fresh user-data folder, check it really uses it
//      (never your own data);
//   2. create a workspace and a persona in it;
//   3. export the persona sheet as PDF: main prints it in its hidden print window; the save dialog
//      is answered in main with a file in the temp folder, which must then be a PDF;
//   4. quit, launch again on the same folder: the workspace and the persona are still there;
//   5. the audience window (issue 10): asked for through the preload API, main opens a second
//      window on app://…#/audience with the app window's secure preferences; closed, the app window
//      still works;
//   6. a navigation away from app:// is blocked (the page stays), and window.open is denied (no
//      second window appears). Both aim at 127.0.0.1 only, so even a failing guard sends nothing out.
//
// TODO, once the audience route and the laptop's controls have landed — extend step 5:
//   - open it from the app (its menu item or shortcut) instead of the preload API;
//   - present the persona board; check the audience window shows it, then a blank screen.
//
// The app runs unpackaged (node_modules/electron + dist-electron/main.js): Playwright drives main
// through --inspect, which the packaged app's fuses switch off on purpose.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findElectronBinary } from '../../electron/launcher.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Why the journey cannot run here, or null when it can.
 * @param {{ electronDir: string | null, env: Record<string, string | undefined>, platform: string, fs: { existsSync(path: string): boolean, readFileSync(path: string, encoding: 'utf8'): string } }} options
 * @returns {string | null}
 */
export function skipReason({ electronDir, env, platform, fs: files }) {
  const binary = electronDir ? findElectronBinary({ electronDir, env, platform, fs: files }) : null;
  if (!binary) {
    return 'the Electron runtime is not installed (node_modules/electron has no binary; npm install downloads it from GitHub, which this machine cannot reach or did not)';
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return 'there is no display to open windows on (DISPLAY and WAYLAND_DISPLAY are unset; run it under xvfb-run)';
  }
  return null;
}

/** @param {string} reason */
export function skipLine(reason) {
  return `test:electron skipped: ${reason}. Nothing was tested.`;
}

function electronDirectory() {
  try {
    return path.dirname(createRequire(path.join(projectDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

async function journey(binary) {
  const { _electron } = await import('playwright-core');
  const { runnerImport } = await import('vite');
  const { module: locales } = await runnerImport(path.join(projectDir, 'shared/locales/en.ts'), { configFile: false, logLevel: 'error' });
  const en = locales.en;

  const temp = await mkdtemp(path.join(tmpdir(), 'alignboard-journey-'));
  const userData = path.join(temp, 'user-data');
  const pdfPath = path.join(temp, 'persona sheet.pdf');
  const workspaceName = 'Desktop journey 電子';
  const personaName = 'IT manager at a regional bank';
  /** @type {import('playwright-core').ElectronApplication | null} */
  let app = null;

  const launch = async () => {
    const electronApp = await _electron.launch({
      executablePath: binary,
      args: [
        // Chromium refuses to start its sandbox as root (containers); never needed otherwise.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        projectDir,
        `--user-data-dir=${userData}`,
        '--lang=en-US',
      ],
      env: { ...process.env, XDG_CONFIG_HOME: path.join(temp, 'config'), APPDATA: path.join(temp, 'appdata'), LANG: 'en_US.UTF-8' },
      timeout: 60_000,
    });
    const inUse = await electronApp.evaluate(({ app: electron }) => electron.getPath('userData'));
    if (path.resolve(inUse) !== path.resolve(userData)) {
      await electronApp.close();
      throw new Error(`the app would use ${inUse}, not the journey's own folder; refusing to touch real data`);
    }
    const window = await electronApp.firstWindow();
    await window.getByRole('link', { name: en.app.name }).first().waitFor({ timeout: 60_000 });
    return { electronApp, window };
  };

  let step = 'build';
  const done = (message) => console.log(`✓ ${message}`);
  try {
    const build = spawnSync(process.execPath, [path.join(projectDir, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: projectDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`vite build exited with ${build.status}`);
    done('built the app');

    step = 'launch';
    let { electronApp, window } = await launch();
    app = electronApp;
    done(`launched Electron ${await electronApp.evaluate(() => process.versions.electron)} with a fresh data folder`);

    step = 'create a workspace and a persona';
    await window.getByRole('button', { name: en.home.newWorkspace, exact: true }).first().click();
    let dialog = window.getByRole('dialog', { name: en.home.createTitle });
    await dialog.getByLabel(en.common.name).fill(workspaceName);
    await dialog.getByRole('button', { name: en.common.create }).click();
    await window.getByRole('heading', { level: 1, name: workspaceName }).waitFor();
    const gallery = () => window.getByRole('region', { name: en.persona.gallery, exact: true });
    await gallery().getByRole('button', { name: en.persona.newPersona }).click();
    dialog = window.getByRole('dialog', { name: en.persona.createTitle });
    await dialog.getByLabel(en.common.name).fill(personaName);
    await dialog.getByRole('button', { name: en.common.create }).click();
    await window.getByRole('heading', { level: 1, name: personaName }).waitFor();
    await window.goBack();
    await window.getByRole('heading', { level: 1, name: workspaceName }).waitFor();
    done('created a workspace and a persona');

    step = 'export a PDF through the hidden print window';
    // The native save dialog cannot be clicked: main's dialog answers with the journey's file.
    await electronApp.evaluate(({ dialog: electronDialog }, file) => {
      electronDialog.showSaveDialog = async () => ({ canceled: false, filePath: file });
    }, pdfPath);
    const windowsBefore = electronApp.windows().length;
    await gallery().getByRole('button', { name: en.persona.actions.replace('{{name}}', personaName) }).click();
    await window.getByRole('menuitem', { name: en.persona.exportSheet }).click();
    for (let waited = 0; !fs.existsSync(pdfPath); waited += 250) {
      if (waited > 60_000) throw new Error('no PDF was written within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const pdf = await readFile(pdfPath);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`${pdfPath} is not a PDF`);
    if (electronApp.windows().length > windowsBefore) throw new Error('the hidden print window was left open');
    done(`exported the persona sheet (${pdf.byteLength} bytes of PDF); the print window is gone`);

    step = 'quit and launch again';
    await electronApp.close();
    app = null;
    ({ electronApp, window } = await launch());
    app = electronApp;
    await window.getByRole('link', { name: workspaceName, exact: true }).click();
    await window.getByRole('heading', { level: 1, name: workspaceName }).waitFor();
    await gallery().getByRole('link', { name: en.persona.open.replace('{{name}}', personaName) }).waitFor();
    done('relaunched: the workspace and its persona are still there');

    step = 'the audience window opens with the app window’s secure preferences, and closes';
    const [audience, placement] = await Promise.all([
      electronApp.waitForEvent('window', { timeout: 60_000 }),
      window.evaluate(() => /** @type {any} */ (window).alignboard.invoke['audience:open']()),
    ]);
    await audience.waitForLoadState('domcontentloaded');
    if (!audience.url().startsWith('app://alignboard/') || !audience.url().endsWith('#/audience')) {
      throw new Error(`the audience window loaded ${audience.url()}`);
    }
    const preferences = await electronApp.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((each) => {
        const prefs = each.webContents.getLastWebPreferences();
        return { url: each.webContents.getURL(), sandbox: prefs?.sandbox, contextIsolation: prefs?.contextIsolation, nodeIntegration: prefs?.nodeIntegration };
      }),
    );
    const insecure = preferences.filter((each) => each.sandbox !== true || each.contextIsolation !== true || each.nodeIntegration !== false);
    if (preferences.length !== 2 || insecure.length > 0) throw new Error(`unexpected windows or preferences: ${JSON.stringify(preferences)}`);
    await window.evaluate(() => /** @type {any} */ (window).alignboard.invoke['audience:close']());
    for (let waited = 0; electronApp.windows().length > 1; waited += 250) {
      if (waited > 10_000) throw new Error('the audience window did not close');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await window.getByRole('heading', { level: 1, name: workspaceName }).waitFor();
    done(`the audience window opened (${placement.placement}) with the secure preferences, and closed`);

    step = 'a navigation away from the app is blocked';
    const before = window.url();
    await window.evaluate(() => {
      window.location.href = 'http://127.0.0.1:9/leave';
    });
    await window.waitForTimeout(1_000);
    if (window.url() !== before) throw new Error(`the page navigated to ${window.url()}`);
    await window.getByRole('heading', { level: 1, name: workspaceName }).waitFor();
    done('a navigation to another origin was blocked');

    step = 'window.open is denied';
    const opened = await window.evaluate(() => [window.open('http://127.0.0.1:9/popup'), window.open('app://alignboard/index.html')].map((w) => w === null));
    await window.waitForTimeout(1_000);
    if (opened.includes(false) || electronApp.windows().length !== 1) throw new Error('a second window was opened');
    done('window.open was denied');

    step = 'quit';
    await electronApp.close();
    app = null;
    done('quit');
    console.log('test:electron passed: every step above ran in the real app.');
    return 0;
  } catch (error) {
    console.error(`✗ ${step}: ${error instanceof Error ? error.message : String(error)}`);
    console.error('test:electron FAILED.');
    return 1;
  } finally {
    if (app) await app.close().catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
  }
}

async function main() {
  const electronDir = electronDirectory();
  const reason = skipReason({ electronDir, env: process.env, platform: process.platform, fs });
  if (reason) {
    console.log(skipLine(reason));
    return 0;
  }
  const binary = findElectronBinary({ electronDir: /** @type {string} */ (electronDir), env: process.env, platform: process.platform, fs });
  return journey(binary);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
