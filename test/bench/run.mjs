// npm run bench: builds the bench page, serves it on 127.0.0.1, runs it in Debian's Chromium and
// prints JSON figures. Every figure is paired with a baseline measured in the same run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outDir = join(root, 'dist/bench');
const quiet = { logLevel: 'warn' };

await build({
  ...quiet,
  configFile: false,
  root: join(root, 'test/bench'),
  base: './',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
const server = await preview({ ...quiet, configFile: false, root: join(root, 'test/bench'), build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls.local[0];
const profile = mkdtempSync(join(tmpdir(), 'alignboard-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value) => Math.round(value * 10) / 10;

try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready');
  const sizes = [
    { name: 'small', members: 50, boards: 5, nodesPerBoard: 100, runs: 7 },
    { name: 'large', members: 2000, boards: 40, nodesPerBoard: 500, runs: 5 },
  ];
  const figures = {};
  for (const size of sizes) {
    const raw = await page.evaluate((config) => window.bench(config), size);
    const imp = median(raw.importMs);
    const exp = median(raw.exportMs);
    const baseWrite = median(raw.baselineWriteMs);
    const baseRead = median(raw.baselineReadMs);
    figures[`workspaceFile.${size.name}`] = {
      members: size.members,
      boards: size.boards,
      nodesPerBoard: size.nodesPerBoard,
      fileBytes: raw.fileBytes,
      runs: size.runs,
      importMedianMs: round(imp),
      baselineJsonParseAndIdbWriteMedianMs: round(baseWrite),
      importRatio: round(imp / baseWrite),
      exportMedianMs: round(exp),
      baselineIdbReadAndStringifyMedianMs: round(baseRead),
      exportRatio: round(exp / baseRead),
    };
  }
  const result = { date: new Date().toISOString(), chromium: context.browser()?.version() ?? 'unknown', figures };
  const json = JSON.stringify(result, null, 2);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/latest.json'), `${json}\n`);
  console.log(json);
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
