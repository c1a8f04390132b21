import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults, Result as AxeResult } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * Real Chromium for the e2e tests. We spawn the browser ourselves (instead of letting Playwright
 * launch it) so a test can SIGKILL the browser process like a crash or power cut, then start a new
 * browser on the same profile directory and see what survived on disk.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Required on this machine (root, no GPU, no network), plus a fixed window so layouts are stable. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-default-browser-check',
  '--window-size=1280,900',
] as const;

/** Default wait for a locator/action; tests fail fast instead of hanging for Playwright's 30 s. */
const ACTION_TIMEOUT_MS = 10_000;

export type AppBrowser = {
  readonly pid: number;
  readonly profileDir: string;
  readonly browser: Browser;
  /** The profile's default (persistent, on-disk) context. */
  readonly context: BrowserContext;
  /** The first tab, already pointing at the app. */
  readonly page: Page;
  /** Uncaught exceptions and console.error output of the app; tests assert there are none. */
  readonly pageErrors: string[];
  /** Closes the browser the normal way (flushes everything). */
  close(): Promise<void>;
  /** SIGKILL, like a crash: nothing gets a chance to flush. Resolves once the process is gone. */
  kill(): Promise<void>;
};

export type LaunchOptions = {
  /** Reuse a profile (relaunch after a kill). A new temporary one is made when omitted. */
  profileDir?: string;
  /** Browser language, e.g. 'ja': what navigator.language reports (the app's "system" language). */
  lang?: string;
  /** Hash route to open first ('' → home). Pass null to stay on about:blank. */
  route?: string | null;
};

const live = new Set<AppBrowser>();
const tempDirs = new Set<string>();

// If the test process goes away without cleaning up (a crash, a hard timeout), take the browsers
// it started with it rather than leaving headless Chromiums running.
process.once('exit', () => {
  for (const session of live) {
    try {
      process.kill(session.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export function baseUrl(): string {
  return inject('baseUrl');
}

/** The app URL for a hash route, e.g. appUrl('/settings'). */
export function appUrl(route = '/'): string {
  return `${baseUrl()}#${route}`;
}

/**
 * The print entry's URL for a print route (and query), e.g. printUrl('/print/sla/w/v'): the page
 * Electron's print window and the browser's print frame load (renderer/print.html), not the app.
 */
export function printUrl(route: string): string {
  return `${baseUrl()}print.html#${route}`;
}

/** A new empty temporary directory, deleted by cleanUpBrowsers(). */
export async function makeTempDir(prefix = 'alignboard-e2e-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function newProfileDir(): Promise<string> {
  return makeTempDir('alignboard-e2e-profile-');
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts Chromium on a profile directory, connects Playwright over CDP and opens the app. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<AppBrowser> {
  const profileDir = options.profileDir ?? (await newProfileDir());
  const args = [
    ...CHROMIUM_FLAGS,
    '--remote-debugging-port=0',
    `--user-data-dir=${profileDir}`,
    // Headless Chromium takes navigator.language(s) from --accept-lang; --lang sets the UI locale.
    ...(options.lang ? [`--lang=${options.lang}`, `--accept-lang=${options.lang}`] : []),
    'about:blank',
  ];
  const child = spawn(CHROMIUM_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const wsUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Chromium did not print its DevTools URL within 20 s:\n${stderr.slice(-4000)}`));
    }, 20_000);
    // Keep draining stderr for the browser's whole life, or it blocks once the pipe is full.
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited early (code ${code}, signal ${signal}):\n${stderr.slice(-4000)}`));
    });
  });
  if (child.pid === undefined) throw new Error('Chromium has no pid');
  const pid = child.pid;

  let browser: Browser;
  try {
    // isLocal: the browser shares this file system, so a file chooser gets a file's path, not
    // its bytes sent through the protocol (chooseFile in app.ts).
    browser = await chromium.connectOverCDP(wsUrl, { isLocal: true });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const context = browser.contexts()[0] ?? (await browser.newContext());
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  // Intercept file choosers from the start. Playwright turns interception on when the first
  // 'filechooser' listener is added, asynchronously: a test that starts listening and presses
  // Ctrl+O at the same moment could otherwise race it on a busy machine and get a real, never
  // answered picker (the app then ignores further imports while it waits for that one).
  page.on('filechooser', () => {});
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
  });

  const session: AppBrowser = {
    pid,
    profileDir,
    browser,
    context,
    page,
    pageErrors,
    async close() {
      live.delete(session);
      const exited = waitForExit(child);
      // Playwright's browser.close() only disconnects from a browser it did not launch: ask the
      // browser itself to quit (a normal shutdown, which flushes the profile), then disconnect.
      try {
        const cdp = await browser.newBrowserCDPSession();
        await cdp.send('Browser.close');
      } catch {
        // already gone
      }
      await browser.close().catch(() => {});
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      live.delete(session);
      const exited = waitForExit(child);
      process.kill(pid, 'SIGKILL');
      await exited;
      // The Playwright connection notices the closed socket on its own; nothing to close.
    },
  };
  live.add(session);
  if (options.route !== null) {
    await page.goto(appUrl(options.route ?? '/'));
  }
  return session;
}

/** Closes every browser still open and deletes the temporary profiles (use in afterEach/afterAll). */
export async function cleanUpBrowsers(): Promise<void> {
  await Promise.all([...live].map((session) => session.close()));
  const dirs = [...tempDirs];
  tempDirs.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

function formatViolation(violation: AxeResult): string {
  const nodes = violation.nodes
    .slice(0, 10)
    .map((node) => {
      const summary = (node.failureSummary ?? '').split('\n').slice(0, 3).join(' | ');
      return `    - ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${summary}`;
    })
    .join('\n');
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
}

/**
 * Runs axe-core on the whole document and throws, listing every violation of impact serious or
 * critical with the nodes it hit. The app's CSP (`script-src 'self'`) blocks injected <script>
 * tags, so axe's source is evaluated through the DevTools protocol, which CSP does not govern.
 */
export async function expectNoSeriousA11yViolations(page: Page, label = page.url()): Promise<void> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Let transitions (dialogs, toasts sliding in) finish: half-faded text has no stable contrast.
  await page
    .waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'), undefined, {
      timeout: 3_000,
    })
    .catch(() => {}); // an endless animation (a spinner) must not block the audit
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const serious = (results as AxeResults).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    throw new Error(`axe: ${serious.length} serious/critical violation(s) on ${label}:\n${serious.map(formatViolation).join('\n')}`);
  }
}
