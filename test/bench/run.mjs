// npm run bench: builds the bench pages, serves them on 127.0.0.1, runs them in Debian's Chromium
// and prints JSON figures. Every figure is paired with a baseline measured in the same run.
//
// - workspaceFile.*: import/export of a workspace file (index.html, page.ts) against raw JSON +
//   IndexedDB work of the same size. Import is the app's own path: parseWorkspaceFileOffThread
//   (inline for the small file; in the import's worker for the large one, started before the
//   clock as the file chooser starts it while the user picks) then importWorkspace; importRead =
//   the part until the file is read and checked. The file is what the app exports (format version 2).
// - board.<N>: the app's board page on N notes read from IndexedDB (board.html, board.tsx) against
//   a bare React Flow page with the same notes in memory (bare.html, bare.tsx); both measured by
//   the same in-page probe (probe.ts) and the same mouse input from here. See DEFINITIONS below.
// - sla.pdf10pages: the PDF of a signed ~10-page SLA as the app makes it (its print route in the
//   app's print entry, slaapp.html = print.html/print.tsx; page.pdf with the shared options; the seal Electron adds) against
//   page.pdf of a static page with the same rendered content and CSS (the floor). See SLA_DEFINITIONS.
//
// - kpi.dashboard: the app's KPI dashboard (kpi.html, kpi.tsx: the app's KpiDashboard reading 8
//   KPIs × 36 months and a signed SLA from IndexedDB) against 8 uPlot charts of the same months drawn
//   from in-memory arrays (kpibare.html); both measured by kpiProbe.ts. See KPI_DEFINITIONS.
// - kpi.csvImport: a CRM CSV of 100,000 leads through the app's import path (its Web Worker:
//   decode, parse, guess, aggregate) against TextDecoder + Papa.parse of the same bytes on the page
//   (kpicsv.html); time, JS heap sampled during the run (page and worker), longest frozen frame.
//
// - start.home: cold start of the app (its real web build, dist/bench-web: navigation → home page
//   drawn and idle) against a bare React page drawing the same home markup with the same fonts and
//   stylesheet (starthome.html), HTTP cache off; and the JS the app loads before its first paint.
//   See START_DEFINITIONS.
// - rooms.paced / rooms.burst: 30 simulated participants (Node clients) each adding 20 notes at
//   once to a room on loopback, a Node client as the facilitator; edit-to-facilitator latency,
//   convergence of all 31 documents, the server process's memory and CPU; against bare Hocuspocus.
//   See roomsNode.ts.
// - durability.signature: what strict IndexedDB durability costs a signature (issue 13): the app's
//   signVersion (strict) against the same update through the default (relaxed) connection
//   (durability.html, durability.ts), on the bench profile's disk.
// - diagrams.funnelSheetPdf / diagrams.board<N>Pdf: the funnel sheet of a 12-stage funnel with its
//   reverse-funnel table, and a persona board of N notes (300 by default) on A4 in tiles, each as the
//   app prints it (its print route in the app, page.pdf with the shared options in the orientation
//   the page reports) against page.pdf of a static page holding only the same SVG drawings, with
//   the same fonts and @page rule (Chromium's floor for that SVG). See DIAGRAM_DEFINITIONS.
//
// BENCH_ONLY=workspaceFile,board,sla,kpi,rooms,durability,diagrams,start (comma-separated) runs only those; default: all.
// BENCH_PROFILE=dir: after the measured workspaceFile runs, one more import and export of each size
// under Chromium's CPU profiler (CDP), saved as dir/workspaceFile.<size>.<step>.cpuprofile (open in
// DevTools' Performance panel); after the measured board runs, one more open of the app's board,
// dir/board.<N>.open.{cpuprofile,trace.json}, and one more drag of the app's and of the bare page
// under the CPU profiler and a performance trace, dir/{board,bare}.<N>.drag.{cpuprofile,trace.json};
// after the measured SLA and diagram runs, one more open of each print route,
// dir/<sla|funnel-sheet|board-N>.open.{cpuprofile,trace.json} and .open.timeline.json (the page's
// resource and paint timings, its IndexedDB opens and first transactions as marks, and when it was
// ready); the bench pages are then built unminified, so names stay readable (BENCH_MINIFY=1 keeps
// them minified: the timeline as the measured runs have it, without the larger code's costs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build, preview, runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '../..');
// `virtual:public-holidays` (the holiday tables vite.config.ts generates from date-holidays): the
// plugin is TypeScript, so it is loaded through Vite's module runner. The runner resolves a dev
// server's config, which sets NODE_ENV=development when it is unset, and every build after it in
// this process would then be a development build (React's dev runtime, twice the JS): put it back.
const nodeEnv = process.env.NODE_ENV;
const { module: holidaysPlugin } = await runnerImport(join(root, 'tools/publicHolidays.ts'));
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;
/** Figures of a development build would compare React's dev runtime with a production baseline: refuse. */
function assertProductionBuild(dir) {
  const dev = readdirSync(join(dir, 'assets')).filter((file) => file.startsWith('jsx-dev-runtime'));
  if (dev.length > 0) throw new Error(`${dir} was built in development mode (${dev.join(', ')}; NODE_ENV=${process.env.NODE_ENV}): no figures from it`);
}
const holidayPlugins = () => [holidaysPlugin.publicHolidays(root)];
const benchRoot = join(root, 'test/bench');
const sharedDir = join(root, 'shared');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outDir = join(root, 'dist/bench');
const quiet = { logLevel: 'warn' };

/** Board sizes and repetitions (medians of the runs are reported). BENCH_SIZES / BENCH_RUNS override. */
const BOARD_SIZES = (process.env.BENCH_SIZES ?? '1000,2000').split(',').map(Number);
const BOARD_RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The drag: this many mouse moves of (DRAG_STEP.x, DRAG_STEP.y) px each, button held. */
const DRAG_MOVES = 120;
const DRAG_STEP = { x: 2, y: 1 };
const VIEWPORT = { width: 1440, height: 900 };
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((name) => name.trim())) : null;
const benchSelected = (name) => ONLY === null || ONLY.has(name);
/** SLA PDF: measured runs per page (after one unmeasured warm-up each); content size of the seeded version
 * (BENCH_SLA_PARAS paragraphs of user text per section, BENCH_SLA_EXTRA commitments added to the
 * default ones). BENCH_SLA_PDF_DIR=dir keeps the last PDFs and the static page there. */
const SLA_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLA_CONTENT = { paras: Number(process.env.BENCH_SLA_PARAS ?? 2), extra: Number(process.env.BENCH_SLA_EXTRA ?? 12) };

const DEFINITIONS = {
  openMs:
    'ms from navigation start of a fresh tab until the frame in which all N note elements are in the DOM, none is hidden by React Flow any more (it hides a node until measured) and fitView has set the viewport, has been rendered (a task posted from that requestAnimationFrame). Neither page uses onlyRenderVisibleElements, so every node is rendered. App: the board page reads workspace, members and the Y.Doc (y-dexie) from IndexedDB written by an earlier tab; bare: nodes from an in-memory array.',
  openBreakdown:
    'ms since navigation start: scriptStart = the page module starts (after its imports are evaluated); docLoadStart/docLoaded (app only) = the app’s own DexieYProvider.load call and its whenLoaded; firstNodeInDom, allNodesMeasured = as seen by the per-frame probe; painted = openMs; fromLoadCallMs (app only) = painted − docLoadStart, the open counted from the start of the load call.',
  detail:
    'both pages fit the board (zoom 0.1 at 1000 notes); below 25 % zoom the app draws notes in low detail (renderer/src/features/board/DetailLevel.tsx: tint and band, no text, shadow or rounded corners), as it does for its users; a board that opens below 25 % is drawn with its notes’ text not laid out (each note its least size, 260 × 160, the size its fit is computed with), and the text is laid out (hidden) after the open, 200 notes whenever the page is idle, so each note then has its real size; the bare page draws every note in full at every zoom.',
  dragTotalMs: `wall time for the ${DRAG_MOVES} awaited page.mouse moves of the drag (each move waits for Chromium to take the input, so a page that falls behind slows the drag down): a throughput figure beside the frame times, ratio dragTotalTime.`,
  dragFrameMs:
    `requestAnimationFrame-to-requestAnimationFrame gaps inside the page while page.mouse drags the 50-note selection (mouse down on a selected note, ${DRAG_MOVES} moves of ${DRAG_STEP.x},${DRAG_STEP.y} px, each awaited) — median and p95 (nearest rank) per run, then the median over runs.`,
  selection: 'a 10 × 5 block of notes in the middle of the grid, selected with a mouse drag box on the pane (React Flow selectionOnDrag, as the app is configured); Shift+click if the box missed.',
  heapMB: 'performance.memory.usedJSHeapSize in MiB after gc() ×3 (--js-flags=--expose-gc, --enable-precise-memory-info), 500 ms after the board is shown, before any input; heapAfterDragMB the same after the drag and drop.',
  ratios: 'app / bareReactFlow, both measured in the same Chromium, alternating which page goes first.',
};

await build({
  ...quiet,
  configFile: false,
  root: benchRoot,
  base: './',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [react(), ...holidayPlugins()],
  worker: { plugins: holidayPlugins },
  // The app's renderer code imports `@shared/…` (vite.config.ts and tsconfig.web.json say so too).
  resolve: { alias: { '@shared': sharedDir } },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    minify: !process.env.BENCH_PROFILE || process.env.BENCH_MINIFY === '1',
    rollupOptions: {
      input: {
        index: join(benchRoot, 'index.html'),
        board: join(benchRoot, 'board.html'),
        bare: join(benchRoot, 'bare.html'),
        sla: join(benchRoot, 'sla.html'),
        slaapp: join(benchRoot, 'slaapp.html'),
        kpi: join(benchRoot, 'kpi.html'),
        kpibare: join(benchRoot, 'kpibare.html'),
        kpicsv: join(benchRoot, 'kpicsv.html'),
        durability: join(benchRoot, 'durability.html'),
        diagrams: join(benchRoot, 'diagrams.html'),
        starthome: join(benchRoot, 'starthome.html'),
      },
    },
  },
});
assertProductionBuild(outDir);
// The app's print options, footer, seal request and seal (shared/, renderer/…/exportRequest.ts)
// bundled for Node, where Electron runs the seal after printToPDF.
const nodeOutDir = join(root, 'dist/bench-node');
await build({
  ...quiet,
  configFile: false,
  root: benchRoot,
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: holidayPlugins(),
  resolve: { alias: { '@shared': sharedDir } },
  ssr: { noExternal: true },
  build: { ssr: join(benchRoot, 'slaNode.ts'), outDir: nodeOutDir, emptyOutDir: true, rollupOptions: { output: { format: 'es', entryFileNames: 'slaNode.mjs' } } },
});
const slaNode = await import(pathToFileURL(join(nodeOutDir, 'slaNode.mjs')).href);
// Rooms: the room server and its Node clients (roomsNode.ts, roomsServer.ts), dependencies external.
const roomsOutDir = join(root, 'dist/bench-rooms');
if (benchSelected('rooms')) {
  for (const entry of ['roomsNode', 'roomsServer']) {
    await build({
      ...quiet,
      configFile: false,
      root: benchRoot,
      publicDir: false,
      build: { ssr: join(benchRoot, `${entry}.ts`), outDir: roomsOutDir, emptyOutDir: false, target: 'node20', rollupOptions: { output: { format: 'es', entryFileNames: `${entry}.mjs` } } },
    });
  }
}
const server = await preview({ ...quiet, configFile: false, root: benchRoot, build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls.local[0];
const profile = mkdtempSync(join(tmpdir(), 'alignboard-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: VIEWPORT,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const round = (value) => (value === null || value === undefined || Number.isNaN(value) ? null : Math.round(value * 10) / 10);
const ratio = (a, b) => (a === null || b === null || !b ? null : Math.round((a / b) * 100) / 100);
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

async function workspaceFileFigures() {
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
      importReadMedianMs: round(median(raw.importReadMs)),
      baselineJsonParseAndIdbWriteMedianMs: round(baseWrite),
      importRatio: round(imp / baseWrite),
      exportMedianMs: round(exp),
      baselineIdbReadAndStringifyMedianMs: round(baseRead),
      exportRatio: round(exp / baseRead),
    };
    if (process.env.BENCH_PROFILE) await profileWorkspaceFile(page, size);
  }
  await page.goto('about:blank');
  return figures;
}

/** One import and one export of `size` under the CPU profiler, each saved as a .cpuprofile. */
async function profileWorkspaceFile(page, size) {
  const dir = process.env.BENCH_PROFILE;
  mkdirSync(dir, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate((config) => window.benchSteps.prepare(config), size);
  for (const step of ['import', 'export']) {
    await cdp.send('Profiler.start');
    await page.evaluate((name) => window.benchSteps[name](), step);
    const { profile: cpuProfile } = await cdp.send('Profiler.stop');
    const file = join(dir, `workspaceFile.${size.name}.${step}.cpuprofile`);
    writeFileSync(file, JSON.stringify(cpuProfile));
    log(`profile: ${file}`);
  }
  await cdp.detach();
}

// ---------------------------------------------------------------------------------------------
// Board
// ---------------------------------------------------------------------------------------------

/** A fresh tab (its own renderer process) that reports page errors. */
async function freshPage() {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, errors };
}

async function seedBoard(count, workspaceId, boardId) {
  const { page, errors } = await freshPage();
  try {
    await page.goto(`${url}board.html?mode=seed&n=${count}&ws=${workspaceId}&board=${boardId}`);
    await page.waitForFunction(() => window.benchSeed?.done, null, { timeout: 120_000, polling: 100 });
    const seed = await page.evaluate(() => window.benchSeed);
    if (seed.error || errors.length > 0) throw new Error(`seeding failed: ${seed.error ?? errors.join('; ')}`);
    return seed.ms;
  } finally {
    await page.close();
  }
}

const probe = (page, fn, arg) => page.evaluate(fn, arg);

/** Selects the probe's selection block with a drag box; Shift+click when the box missed. */
async function selectBlock(page, ids) {
  const rects = await probe(page, (wanted) => window.boardProbe.rects(wanted), ids);
  if (rects.some((rect) => rect === null)) throw new Error('a note of the selection is not in the DOM');
  const lefts = [...new Set(rects.map((rect) => Math.round(rect.x * 100) / 100))].sort((a, b) => a - b);
  const tops = [...new Set(rects.map((rect) => Math.round(rect.y * 100) / 100))].sort((a, b) => a - b);
  const width = Math.max(...rects.map((rect) => rect.width));
  const tallest = Math.max(...rects.map((rect) => rect.height));
  const colPitch = lefts[1] - lefts[0];
  const rowPitch = tops[1] - tops[0];
  // Box corners in the gaps around the block (the pane), so it holds the 50 notes and no other.
  const start = { x: lefts[0] - (colPitch - width) / 2, y: tops[0] - (rowPitch - tallest) / 2 };
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  const end = { x: (right + lefts.at(-1) + colPitch) / 2, y: (bottom + tops.at(-1) + rowPitch) / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
  await page.waitForTimeout(200);
  if ((await probe(page, () => window.boardProbe.selectedCount())) === ids.length) return 'dragBox';
  const centre = (rect) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
  await page.mouse.click(centre(rects[0]).x, centre(rects[0]).y);
  await page.keyboard.down('Shift');
  for (const rect of rects.slice(1)) await page.mouse.click(centre(rect).x, centre(rect).y);
  await page.keyboard.up('Shift');
  await page.waitForTimeout(200);
  const selected = await probe(page, () => window.boardProbe.selectedCount());
  if (selected !== ids.length) throw new Error(`selected ${selected} notes instead of ${ids.length}`);
  return 'shiftClick';
}

/**
 * Runs `during` under Chromium's CPU profiler and a performance trace (devtools.timeline: tasks,
 * style, layout, paint, frames), saved as dir/name.cpuprofile and dir/name.trace.json (open both
 * in DevTools' Performance panel).
 */
async function recordProfile(page, dir, name, during) {
  mkdirSync(dir, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'latencyInfo', 'input'],
    },
  });
  await cdp.send('Profiler.start');
  const result = await during();
  const { profile: cpuProfile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await complete;
  writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(cpuProfile));
  writeFileSync(join(dir, `${name}.trace.json`), JSON.stringify({ traceEvents: events }));
  log(`profile: ${join(dir, name)}.cpuprofile, .trace.json`);
  await cdp.detach();
  return result;
}

/** Drags the selection by one of its notes; returns frame times during the drag and after the drop. */
async function dragSelection(page, ids, profileName) {
  const grabId = ids[Math.floor(ids.length / 2)];
  const outsideId = await probe(page, (selected) => {
    const all = [...document.querySelectorAll('.react-flow__node')].map((element) => element.getAttribute('data-id'));
    return all.find((id) => !selected.includes(id));
  }, ids);
  const [grab, outside] = await probe(page, (wanted) => window.boardProbe.rects(wanted), [grabId, outsideId]);
  const canvas = await probe(page, () => window.boardProbe.canvas());
  const from = { x: grab.x + grab.width / 2, y: grab.y + grab.height / 2 };
  // Towards the inside of the canvas, away from React Flow's auto-pan margin.
  const sign = (position, low, size) => (position + DRAG_MOVES * 2.5 < low + size - 60 ? 1 : -1);
  const step = { x: DRAG_STEP.x * sign(from.x, canvas.x, canvas.width), y: DRAG_STEP.y * sign(from.y, canvas.y, canvas.height) };
  await page.mouse.move(from.x, from.y);
  await probe(page, () => window.boardProbe.startFrames());
  const started = performance.now();
  const drag = async () => {
    await page.mouse.down();
    for (let i = 1; i <= DRAG_MOVES; i++) await page.mouse.move(from.x + i * step.x, from.y + i * step.y);
    const frames = await probe(page, () => window.boardProbe.stopFrames());
    const dragMs = performance.now() - started;
    await probe(page, () => window.boardProbe.startFrames());
    await page.mouse.up();
    await page.waitForTimeout(1000);
    const dropFrames = await probe(page, () => window.boardProbe.stopFrames());
    return { frames, dragMs, dropFrames };
  };
  const { frames, dragMs, dropFrames } = profileName ? await recordProfile(page, process.env.BENCH_PROFILE, profileName, drag) : await drag();
  const [grabAfter, outsideAfter] = await probe(page, (wanted) => window.boardProbe.rects(wanted), [grabId, outsideId]);
  const moved = { x: grabAfter.x - grab.x, y: grabAfter.y - grab.y };
  const expected = { x: DRAG_MOVES * step.x, y: DRAG_MOVES * step.y };
  if (Math.abs(moved.x - expected.x) > 8 || Math.abs(moved.y - expected.y) > 8) {
    throw new Error(`the selection moved by ${JSON.stringify(moved)}, expected ${JSON.stringify(expected)}`);
  }
  if (outsideAfter.x !== outside.x || outsideAfter.y !== outside.y) throw new Error('a note outside the selection moved');
  return { frames, dropFrames, dragMs };
}

/** Opens a board page in a fresh tab and measures open, heap and the drag of the selection. */
async function measureBoardPage(pageUrl, profileName) {
  const { page, errors } = await freshPage();
  try {
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.boardProbe?.opened || window.boardProbe?.error, null, { timeout: 150_000, polling: 100 });
    const shown = await probe(page, () => ({ error: window.boardProbe.error, marks: window.boardProbe.marks, selection: window.boardProbe.selection }));
    if (shown.error) throw new Error(shown.error);
    await page.waitForTimeout(500);
    const heapMB = await probe(page, () => window.boardProbe.heapMB());
    const domElements = await probe(page, () => window.boardProbe.domElements());
    const canvas = await probe(page, () => window.boardProbe.canvas());
    const selectionMethod = await selectBlock(page, shown.selection);
    const drag = await dragSelection(page, shown.selection, profileName);
    const heapAfterDragMB = await probe(page, () => window.boardProbe.heapMB());
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return {
      openMs: shown.marks.painted,
      marks: shown.marks,
      dragFrameMedianMs: median(drag.frames),
      dragFrameP95Ms: percentile(drag.frames, 95),
      dragFrameMaxMs: Math.max(...drag.frames),
      dragFrames: drag.frames.length,
      dragMs: drag.dragMs,
      dropLongestFrameMs: Math.max(...drag.dropFrames),
      heapMB,
      heapAfterDragMB,
      domElements,
      canvas,
      selectionMethod,
      selected: shown.selection.length,
    };
  } finally {
    await page.close();
  }
}

function summarize(runs) {
  const pick = (key) => runs.map((run) => run[key]);
  const summary = {
    openMs: round(median(pick('openMs'))),
    dragFrameMedianMs: round(median(pick('dragFrameMedianMs'))),
    dragFrameP95Ms: round(median(pick('dragFrameP95Ms'))),
    heapMB: round(median(pick('heapMB'))),
    dragFrameMaxMs: round(median(pick('dragFrameMaxMs'))),
    dragFramesPerRun: median(pick('dragFrames')),
    dragTotalMs: round(median(pick('dragMs'))),
    dropLongestFrameMs: round(median(pick('dropLongestFrameMs'))),
    heapAfterDragMB: round(median(pick('heapAfterDragMB'))),
    domElements: median(pick('domElements')),
    zoom: round(runs[0].canvas.zoom * 1000) / 1000,
    selection: `${runs[0].selected} notes by ${[...new Set(pick('selectionMethod'))].join('/')}`,
    perRun: {
      openMs: pick('openMs').map(round),
      dragFrameMedianMs: pick('dragFrameMedianMs').map(round),
      dragFrameP95Ms: pick('dragFrameP95Ms').map(round),
      heapMB: pick('heapMB').map(round),
    },
  };
  summary.openBreakdown = {};
  for (const mark of ['scriptStart', 'docLoadStart', 'docLoaded', 'firstNodeInDom', 'allNodesMeasured', 'painted']) {
    if (runs.every((run) => run.marks[mark] !== undefined)) summary.openBreakdown[`${mark}Ms`] = round(median(runs.map((run) => run.marks[mark])));
  }
  if (runs.every((run) => run.marks.docLoadStart !== undefined)) {
    summary.openBreakdown.fromLoadCallMs = round(median(runs.map((run) => run.marks.painted - run.marks.docLoadStart)));
  }
  return summary;
}

/** One more open of the app's board in a fresh tab under the CPU profiler and a trace, from navigation to shown. */
async function profileBoardOpen(count, workspaceId, boardId) {
  const { page } = await freshPage();
  try {
    await recordProfile(page, process.env.BENCH_PROFILE, `board.${count}.open`, async () => {
      await page.goto(`${url}board.html?mode=open&n=${count}&ws=${workspaceId}&board=${boardId}`);
      await page.waitForFunction(() => window.boardProbe?.opened || window.boardProbe?.error, null, { timeout: 150_000, polling: 100 });
    });
  } finally {
    await page.close();
  }
}

async function boardFigures() {
  const figures = {};
  for (const count of BOARD_SIZES) {
    const app = [];
    const bare = [];
    let canvas = null;
    const seedMs = [];
    for (let run = 0; run < BOARD_RUNS; run++) {
      const workspaceId = `bench-${count}-${run}`;
      const boardId = `board-${count}-${run}`;
      seedMs.push(await seedBoard(count, workspaceId, boardId));
      const measureApp = async () => {
        const result = await measureBoardPage(`${url}board.html?mode=open&n=${count}&ws=${workspaceId}&board=${boardId}`);
        canvas ??= result.canvas;
        app.push(result);
      };
      const measureBare = async () => {
        bare.push(await measureBoardPage(`${url}bare.html?n=${count}&width=${Math.round(canvas.width)}&height=${Math.round(canvas.height)}`));
      };
      // Alternate which page goes first; the app goes first in the first run (the bare page takes its canvas size).
      if (run % 2 === 0) {
        await measureApp();
        await measureBare();
      } else {
        await measureBare();
        await measureApp();
      }
      log(`board.${count} run ${run + 1}/${BOARD_RUNS}: app open ${round(app.at(-1).openMs)} ms, bare open ${round(bare.at(-1).openMs)} ms`);
    }
    if (process.env.BENCH_PROFILE) {
      await profileBoardOpen(count, `bench-${count}-0`, `board-${count}-0`);
      // One more drag of each page under the profiler (its figures are not counted), on a board of its own.
      await seedBoard(count, `bench-${count}-drag`, `board-${count}-drag`);
      await measureBoardPage(`${url}board.html?mode=open&n=${count}&ws=bench-${count}-drag&board=board-${count}-drag`, `board.${count}.drag`);
      await measureBoardPage(`${url}bare.html?n=${count}&width=${Math.round(canvas.width)}&height=${Math.round(canvas.height)}`, `bare.${count}.drag`);
    }
    const appSummary = summarize(app);
    const bareSummary = summarize(bare);
    figures[`board.${count}`] = {
      notes: count,
      runs: BOARD_RUNS,
      canvas: { width: Math.round(canvas.width), height: Math.round(canvas.height), browserViewport: VIEWPORT },
      seedMedianMs: round(median(seedMs)),
      app: appSummary,
      bareReactFlow: bareSummary,
      ratios: {
        open: ratio(appSummary.openMs, bareSummary.openMs),
        dragMedian: ratio(appSummary.dragFrameMedianMs, bareSummary.dragFrameMedianMs),
        dragP95: ratio(appSummary.dragFrameP95Ms, bareSummary.dragFrameP95Ms),
        heap: ratio(appSummary.heapMB, bareSummary.heapMB),
        dragTotalTime: ratio(appSummary.dragTotalMs, bareSummary.dragTotalMs),
      },
    };
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// SLA PDF
// ---------------------------------------------------------------------------------------------

const SLA_DEFINITIONS = {
  content:
    'one signed SLA version (revision 1, signed by the sample workspace’s default signers with drawn SVG signatures), written in sla.html through the app’s own store functions (createSampleWorkspace, ensureVersion, regenerateVersion with the default plus extra commitments, saveDocument with long user text in every section, submit for review, signVersion); its size is chosen to print on about ten A4 pages.',
  app:
    'totalMs = openMs + printMs + sealMs. openMs: a new tab, from page.goto of the app’s print route (slaapp.html = the app’s print entry, print.html/print.tsx, as Electron’s print window and the browser’s print frame load it; #/print/sla/:workspaceId/:versionId) until [data-print-ready="true"] (data from IndexedDB, fonts and images loaded), seen by a MutationObserver in the page (waitForPrintReady: no polling, as Electron is told by a message); printMs: page.pdf(toPlaywrightPdfOptions(printOptions("sla", { footer: slaFooter(version) }))); sealMs: sealPdfForRequest(pdf, slaSealRequest(version, …), sha256Hex) in Node, as Electron does after printToPDF (the seal request, which the renderer prepares before the export, is computed once outside the timing).',
  floor:
    'a static HTML page: the print route’s rendered document (document.documentElement after data-print-ready, scripts removed) with all its CSS inlined in one <style> (font URLs made absolute, so the same @fontsource fonts load from the same server), saved once and served by the same server. totalMs = openMs (new tab, page.goto until load, then document.fonts.ready) + printMs (page.pdf with the same options).',
  ratios: 'app / floor: total = app totalMs / floor totalMs; print = app printMs / floor printMs; open = app openMs / floor openMs. Medians over the runs; app and floor alternate which goes first; one unmeasured warm-up of each first.',
  pages: 'pdfinfo page count of the sealed app PDF and of the floor PDF (the last run).',
};

async function pdfPages(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'alignboard-bench-pdf-'));
  try {
    const file = join(dir, 'out.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1] ?? NaN);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seedSla() {
  const { page, errors } = await freshPage();
  try {
    await page.goto(`${url}sla.html?paras=${SLA_CONTENT.paras}&extra=${SLA_CONTENT.extra}`);
    await page.waitForFunction(() => window.benchSla?.done, null, { timeout: 120_000, polling: 100 });
    const seed = await page.evaluate(() => window.benchSla);
    if (seed.error || errors.length > 0) throw new Error(`SLA seeding failed: ${seed.error ?? errors.join('; ')}`);
    return seed;
  } finally {
    await page.close();
  }
}

/** The rendered print route as one static HTML document: no scripts, every style sheet inlined. */
function staticSnapshot() {
  const absolute = (cssText, base) =>
    cssText.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (match, _quote, href) => (href.startsWith('data:') ? match : `url("${new URL(href, base).href}")`));
  const css = [];
  for (const sheet of document.styleSheets) {
    const base = sheet.href ?? document.baseURI;
    for (const rule of sheet.cssRules) css.push(absolute(rule.cssText, base));
  }
  const clone = document.documentElement.cloneNode(true);
  for (const element of clone.querySelectorAll('script, style, link, meta[http-equiv]')) element.remove();
  const style = document.createElement('style');
  style.textContent = css.join('\n');
  clone.querySelector('head').append(style);
  return `<!doctype html>\n${clone.outerHTML}`;
}

/**
 * Resolves when the print route marks `<html data-print-ready="true">` (usePrintReady), seen from
 * inside the page by a MutationObserver: the moment Electron's print window would send its ready
 * message. (Playwright's locator.waitFor polls with a growing back-off, 0, 20, 50, 100, 100 then
 * 500 ms apart, which added up to half a second to the measured open.) Rejects on
 * data-print-ready="error" or after `timeoutMs`.
 */
function waitForPrintReady(page, timeoutMs) {
  return page.evaluate(
    (timeout) =>
      new Promise((done, fail) => {
        const html = document.documentElement;
        const timer = setTimeout(() => finish(new Error(`not ready to print after ${timeout} ms`)), timeout);
        const observer = new MutationObserver(() => check());
        function finish(error) {
          clearTimeout(timer);
          observer.disconnect();
          if (error) fail(error);
          else done();
        }
        function check() {
          const state = html.dataset.printReady;
          if (state === 'true') finish();
          else if (state === 'error') finish(new Error(`the page cannot be printed: ${html.dataset.printProblem ?? 'unknown problem'}`));
        }
        observer.observe(html, { attributes: true, attributeFilter: ['data-print-ready'] });
        check();
      }),
    timeoutMs,
  );
}

async function measureSlaApp(printUrl, pdfOptions, sealRequest) {
  const { page, errors } = await freshPage();
  try {
    const started = performance.now();
    await page.goto(printUrl);
    await waitForPrintReady(page, 60_000);
    const ready = performance.now();
    const printed = await page.pdf(pdfOptions);
    const pdfDone = performance.now();
    const sealed = await slaNode.sealPdfForRequest(new Uint8Array(printed), sealRequest, slaNode.sha256Hex);
    const sealDone = performance.now();
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { openMs: ready - started, printMs: pdfDone - ready, sealMs: sealDone - pdfDone, totalMs: sealDone - started, bytes: sealed, printedBytes: printed.length };
  } finally {
    await page.close();
  }
}

async function measureSlaFloor(staticUrl, pdfOptions) {
  const { page, errors } = await freshPage();
  try {
    const started = performance.now();
    await page.goto(staticUrl);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const ready = performance.now();
    const printed = await page.pdf(pdfOptions);
    const pdfDone = performance.now();
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { openMs: ready - started, printMs: pdfDone - ready, totalMs: pdfDone - started, bytes: printed };
  } finally {
    await page.close();
  }
}

/** One more open of a print route (`name`: sla, funnel-sheet…) in a fresh tab under the CPU profiler and a trace, with its timeline. */
async function profilePrintOpen(name, printUrl) {
  const { page } = await freshPage();
  try {
    // When the page opens its database and when IndexedDB answers, as marks in the timeline.
    await page.addInitScript(() => {
      const open = indexedDB.open.bind(indexedDB);
      indexedDB.open = (...args) => {
        performance.mark(`idb.open ${args[0]} v${args[1] ?? ''}`);
        const request = open(...args);
        request.addEventListener('success', () => performance.mark(`idb.opened ${args[0]}`));
        request.addEventListener('upgradeneeded', () => performance.mark(`idb.upgradeneeded ${args[0]}`));
        return request;
      };
      const transaction = IDBDatabase.prototype.transaction;
      let count = 0;
      IDBDatabase.prototype.transaction = function (...args) {
        const tx = transaction.apply(this, args);
        const n = ++count;
        if (n <= 8) {
          performance.mark(`idb.tx${n} ${[args[0]].flat().join(',')}`);
          tx.addEventListener('complete', () => performance.mark(`idb.tx${n} complete`));
        }
        return tx;
      };
    });
    const readyAt = await recordProfile(page, process.env.BENCH_PROFILE, `${name}.open`, async () => {
      await page.goto(printUrl);
      await waitForPrintReady(page, 60_000);
      return page.evaluate(() => performance.now());
    });
    const timeline = await page.evaluate(() => ({
      resources: performance.getEntriesByType('resource').map((entry) => ({
        name: entry.name.replace(location.origin, ''),
        start: Math.round(entry.startTime),
        end: Math.round(entry.responseEnd),
        bytes: entry.encodedBodySize,
      })),
      paints: performance.getEntriesByType('paint').map((entry) => ({ name: entry.name, at: Math.round(entry.startTime) })),
      marks: performance.getEntriesByType('mark').map((entry) => ({ name: entry.name, at: Math.round(entry.startTime) })),
      domContentLoaded: Math.round(performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0),
    }));
    writeFileSync(join(process.env.BENCH_PROFILE, `${name}.open.timeline.json`), JSON.stringify({ readyAt: Math.round(readyAt), ...timeline }, null, 1));
  } finally {
    await page.close();
  }
}

async function slaFigures() {
  const seed = await seedSla();
  const version = seed.version;
  const printUrl = `${url}slaapp.html#${slaNode.printRoute('sla', seed.workspaceId, version.id)}`;
  const pdfOptions = slaNode.toPlaywrightPdfOptions(slaNode.printOptions('sla', { footer: slaNode.slaFooter(version) }));
  const sealRequest = await slaNode.slaSealRequest(version, { title: slaNode.en.sla.defaultTitle, subject: slaNode.en.sla.print.kicker, language: 'en' });

  // The floor page: the print route as rendered by the app, saved as static HTML beside the build.
  const { page, errors } = await freshPage();
  let html;
  try {
    await page.goto(printUrl);
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 60_000 });
    html = await page.evaluate(staticSnapshot);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await page.close();
  }
  writeFileSync(join(outDir, 'sla-static.html'), html);
  const staticUrl = `${url}sla-static.html`;
  const probeStatic = await fetch(staticUrl);
  if (!probeStatic.ok) throw new Error(`the static SLA page is not served: ${probeStatic.status}`);

  const warmApp = await measureSlaApp(printUrl, pdfOptions, sealRequest);
  const warmFloor = await measureSlaFloor(staticUrl, pdfOptions);
  const app = [];
  const floor = [];
  for (let run = 0; run < SLA_RUNS; run++) {
    if (run % 2 === 0) {
      app.push(await measureSlaApp(printUrl, pdfOptions, sealRequest));
      floor.push(await measureSlaFloor(staticUrl, pdfOptions));
    } else {
      floor.push(await measureSlaFloor(staticUrl, pdfOptions));
      app.push(await measureSlaApp(printUrl, pdfOptions, sealRequest));
    }
    log(`sla run ${run + 1}/${SLA_RUNS}: app ${round(app.at(-1).totalMs)} ms (open ${round(app.at(-1).openMs)}, print ${round(app.at(-1).printMs)}, seal ${round(app.at(-1).sealMs)}), floor ${round(floor.at(-1).totalMs)} ms (print ${round(floor.at(-1).printMs)})`);
  }
  if (process.env.BENCH_PROFILE) await profilePrintOpen('sla', printUrl);
  if (process.env.BENCH_SLA_PDF_DIR) {
    // For a look at what was measured: the sealed app PDF, the floor PDF and the floor page.
    mkdirSync(process.env.BENCH_SLA_PDF_DIR, { recursive: true });
    writeFileSync(join(process.env.BENCH_SLA_PDF_DIR, 'sla-app.pdf'), app.at(-1).bytes);
    writeFileSync(join(process.env.BENCH_SLA_PDF_DIR, 'sla-floor.pdf'), floor.at(-1).bytes);
    writeFileSync(join(process.env.BENCH_SLA_PDF_DIR, 'sla-static.html'), html);
  }
  const appPages = await pdfPages(app.at(-1).bytes);
  const floorPages = await pdfPages(floor.at(-1).bytes);
  if (Math.abs(appPages - 10) > 2) log(`warning: the SLA PDF has ${appPages} pages, not 10 ± 2 (BENCH_SLA_PARAS / BENCH_SLA_EXTRA set its size)`);
  if (appPages !== floorPages) log(`warning: the app PDF has ${appPages} pages, the floor PDF ${floorPages}`);
  const med = (list, key) => round(median(list.map((entry) => entry[key])));
  const appSummary = {
    totalMs: med(app, 'totalMs'),
    openMs: med(app, 'openMs'),
    printMs: med(app, 'printMs'),
    sealMs: med(app, 'sealMs'),
    pages: appPages,
    pdfBytes: app.at(-1).bytes.length,
    unsealedPdfBytes: app.at(-1).printedBytes,
    perRun: { totalMs: app.map((entry) => round(entry.totalMs)), printMs: app.map((entry) => round(entry.printMs)), sealMs: app.map((entry) => round(entry.sealMs)) },
    warmUp: { totalMs: round(warmApp.totalMs), openMs: round(warmApp.openMs), printMs: round(warmApp.printMs), sealMs: round(warmApp.sealMs) },
  };
  const floorSummary = {
    totalMs: med(floor, 'totalMs'),
    openMs: med(floor, 'openMs'),
    printMs: med(floor, 'printMs'),
    pages: floorPages,
    pdfBytes: floor.at(-1).bytes.length,
    htmlBytes: Buffer.byteLength(html),
    perRun: { totalMs: floor.map((entry) => round(entry.totalMs)), printMs: floor.map((entry) => round(entry.printMs)) },
    warmUp: { totalMs: round(warmFloor.totalMs), openMs: round(warmFloor.openMs), printMs: round(warmFloor.printMs) },
  };
  return {
    'sla.pdf10pages': {
      runs: SLA_RUNS,
      content: { sections: version.document.sections.length, commitments: seed.commitments, userTextChars: seed.userTextChars, signatures: version.signatures.length, paper: 'A4' },
      seedMs: round(seed.ms),
      app: appSummary,
      floor: floorSummary,
      ratios: {
        total: ratio(appSummary.totalMs, floorSummary.totalMs),
        print: ratio(appSummary.printMs, floorSummary.printMs),
        open: ratio(appSummary.openMs, floorSummary.openMs),
        totalWithoutSeal: ratio(median(app.map((entry) => entry.totalMs - entry.sealMs)), floorSummary.totalMs),
      },
      sealMs: appSummary.sealMs,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Diagrams on paper
// ---------------------------------------------------------------------------------------------

/** Diagram PDF runs per page (after one unmeasured warm-up each) and the board's notes. */
const DIAGRAM_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DIAGRAM_NOTES = Number(process.env.BENCH_DIAGRAM_NOTES ?? 300);

const DIAGRAM_DEFINITIONS = {
  content:
    'one workspace imported in diagrams.html through the app’s own file import (parseWorkspaceFile, importWorkspace) from test/fixtures/diagrams.ts: a funnel board of 12 main-path stages plus Lost and Recycled (owners change three times, long names and entry definitions) with a revenue plan, and a persona board (card, five zones) with BENCH_DIAGRAM_NOTES notes, English.',
  app:
    'totalMs = openMs + printMs. openMs: a new tab, from page.goto of the app’s print route (slaapp.html = the app’s print entry, print.html/print.tsx; #/print/funnel/… on A4, #/print/board/…?paper=A4) until [data-print-ready="true"] as waitForPrintReady sees it (records and the board’s Y.Doc from IndexedDB, layout of the scene, SVG rendered, fonts loaded); printMs: page.pdf(toPlaywrightPdfOptions(printOptions(kind, { paper, orientation }))) with the orientation the page reports (data-print-orientation).',
  floor:
    'a static HTML page holding only the print route’s rendered <svg> drawings (outerHTML, one per page, a page break between them), the @font-face rules of the same @fontsource fonts (absolute URLs, same server) and the same @page rule, saved once and served by the same server. totalMs = openMs (new tab, page.goto until load, then document.fonts.ready) + printMs (page.pdf with the same options).',
  ratios: 'app / floor: total, print, open. Medians over the runs; app and floor alternate which goes first; one unmeasured warm-up of each first.',
  pages: 'pdfinfo page count of the last app PDF and of the last floor PDF.',
};

async function seedDiagrams() {
  const { page, errors } = await freshPage();
  try {
    await page.goto(`${url}diagrams.html?notes=${DIAGRAM_NOTES}`);
    await page.waitForFunction(() => window.benchDiagrams?.done, null, { timeout: 120_000, polling: 100 });
    const seed = await page.evaluate(() => window.benchDiagrams);
    if (seed.error || errors.length > 0) throw new Error(`diagram seeding failed: ${seed.error ?? errors.join('; ')}`);
    return seed;
  } finally {
    await page.close();
  }
}

/** The print route's drawings as one static page: its SVGs, the font faces and the @page rule. */
function staticSvgSnapshot() {
  const absolute = (cssText, base) =>
    cssText.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (match, _quote, href) => (href.startsWith('data:') ? match : `url("${new URL(href, base).href}")`));
  const css = [];
  for (const sheet of document.styleSheets) {
    const base = sheet.href ?? document.baseURI;
    for (const rule of sheet.cssRules) if (rule.cssText.startsWith('@font-face') || rule.cssText.startsWith('@page')) css.push(absolute(rule.cssText, base));
  }
  css.push('html, body { margin: 0; background: #fff; } .diagram-svg { display: block; font-family: "Inter", "Noto Sans JP", sans-serif; } .page + .page { break-before: page; }');
  const pages = [...document.querySelectorAll('svg.diagram-svg')].map((svg) => `<div class="page">${svg.outerHTML}</div>`);
  return `<!doctype html>\n<html lang="${document.documentElement.lang}"><head><meta charset="utf-8"><style>${css.join('\n')}</style></head><body>${pages.join('\n')}</body></html>`;
}

async function measureDiagramApp(printUrl, kind, paper) {
  const { page, errors } = await freshPage();
  try {
    const started = performance.now();
    await page.goto(printUrl);
    await waitForPrintReady(page, 120_000);
    const ready = performance.now();
    const orientation = await page.locator('html').getAttribute('data-print-orientation');
    const printed = await page.pdf(slaNode.toPlaywrightPdfOptions(slaNode.printOptions(kind, { paper, orientation })));
    const done = performance.now();
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { openMs: ready - started, printMs: done - ready, totalMs: done - started, bytes: printed, orientation };
  } finally {
    await page.close();
  }
}

async function measureDiagramFloor(staticUrl, pdfOptions) {
  const { page, errors } = await freshPage();
  try {
    const started = performance.now();
    await page.goto(staticUrl);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const ready = performance.now();
    const printed = await page.pdf(pdfOptions);
    const done = performance.now();
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { openMs: ready - started, printMs: done - ready, totalMs: done - started, bytes: printed };
  } finally {
    await page.close();
  }
}

async function diagramFigure(name, printUrl, kind, paper) {
  // The floor page: the route's SVGs as rendered by the app, saved as static HTML beside the build.
  const { page, errors } = await freshPage();
  let html;
  let orientation;
  let svgElements;
  try {
    await page.goto(printUrl);
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 120_000 });
    orientation = await page.locator('html').getAttribute('data-print-orientation');
    svgElements = await page.evaluate(() => document.querySelectorAll('svg.diagram-svg *').length);
    html = await page.evaluate(staticSvgSnapshot);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await page.close();
  }
  const file = `${name}-static.html`;
  writeFileSync(join(outDir, file), html);
  const staticUrl = `${url}${file}`;
  const pdfOptions = slaNode.toPlaywrightPdfOptions(slaNode.printOptions(kind, { paper, orientation }));
  await measureDiagramApp(printUrl, kind, paper);
  await measureDiagramFloor(staticUrl, pdfOptions);
  const app = [];
  const floor = [];
  for (let run = 0; run < DIAGRAM_RUNS; run++) {
    if (run % 2 === 0) {
      app.push(await measureDiagramApp(printUrl, kind, paper));
      floor.push(await measureDiagramFloor(staticUrl, pdfOptions));
    } else {
      floor.push(await measureDiagramFloor(staticUrl, pdfOptions));
      app.push(await measureDiagramApp(printUrl, kind, paper));
    }
    log(`${name} run ${run + 1}/${DIAGRAM_RUNS}: app ${round(app.at(-1).totalMs)} ms (open ${round(app.at(-1).openMs)}, print ${round(app.at(-1).printMs)}), floor ${round(floor.at(-1).totalMs)} ms (print ${round(floor.at(-1).printMs)})`);
  }
  if (process.env.BENCH_PROFILE) await profilePrintOpen(name, printUrl);
  if (process.env.BENCH_DIAGRAM_PDF_DIR) {
    mkdirSync(process.env.BENCH_DIAGRAM_PDF_DIR, { recursive: true });
    writeFileSync(join(process.env.BENCH_DIAGRAM_PDF_DIR, `${name}-app.pdf`), app.at(-1).bytes);
    writeFileSync(join(process.env.BENCH_DIAGRAM_PDF_DIR, `${name}-floor.pdf`), floor.at(-1).bytes);
  }
  const appPages = await pdfPages(app.at(-1).bytes);
  const floorPages = await pdfPages(floor.at(-1).bytes);
  if (appPages !== floorPages) log(`warning: the ${name} app PDF has ${appPages} pages, the floor PDF ${floorPages}`);
  const med = (list, key) => round(median(list.map((entry) => entry[key])));
  const appSummary = {
    totalMs: med(app, 'totalMs'),
    openMs: med(app, 'openMs'),
    printMs: med(app, 'printMs'),
    pages: appPages,
    pdfBytes: app.at(-1).bytes.length,
    perRun: { totalMs: app.map((entry) => round(entry.totalMs)), printMs: app.map((entry) => round(entry.printMs)) },
  };
  const floorSummary = {
    totalMs: med(floor, 'totalMs'),
    openMs: med(floor, 'openMs'),
    printMs: med(floor, 'printMs'),
    pages: floorPages,
    pdfBytes: floor.at(-1).bytes.length,
    htmlBytes: Buffer.byteLength(html),
    perRun: { totalMs: floor.map((entry) => round(entry.totalMs)), printMs: floor.map((entry) => round(entry.printMs)) },
  };
  return {
    runs: DIAGRAM_RUNS,
    paper,
    orientation,
    svgElements,
    app: appSummary,
    floor: floorSummary,
    ratios: { total: ratio(appSummary.totalMs, floorSummary.totalMs), print: ratio(appSummary.printMs, floorSummary.printMs), open: ratio(appSummary.openMs, floorSummary.openMs) },
  };
}

async function diagramFigures() {
  const seed = await seedDiagrams();
  const appUrl = (route, paper) => `${url}slaapp.html#${route}?paper=${paper}`;
  return {
    'diagrams.funnelSheetPdf': {
      content: { stages: 14, reverseFunnelTable: true },
      seedMs: round(seed.ms),
      ...(await diagramFigure('funnel-sheet', appUrl(slaNode.printRoute('funnel', seed.workspaceId, seed.funnelBoardId), 'A4'), 'funnel-sheet', 'A4')),
    },
    [`diagrams.board${seed.notes}Pdf`]: {
      content: { notes: seed.notes, zones: 5, personaCard: true },
      ...(await diagramFigure(`board-${seed.notes}`, appUrl(slaNode.printRoute('board', seed.workspaceId, seed.noteBoardId), 'A4'), 'board', 'A4')),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// KPIs
// ---------------------------------------------------------------------------------------------

/** KPI dashboard runs (medians reported) and CSV import rows/runs. BENCH_RUNS / BENCH_KPI_ROWS override. */
const KPI_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const KPI_CSV_ROWS = Number(process.env.BENCH_KPI_ROWS ?? 100_000);
const KPI_CSV_RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** How often the heap is sampled during a CSV run. */
const HEAP_SAMPLE_MS = 10;

const KPI_DEFINITIONS = {
  dashboard:
    'app: kpi.html?mode=open — the app’s KpiDashboard (full variant, 36 months ending 2026-10, light theme, app fonts and CSS) in a new tab, reading the workspace’s 8 default KPIs, 36 months × 11 funnel metrics (396 values) and a signed SLA from IndexedDB written by an earlier tab through the app’s store (createDefaultKpis, writeImportedValues, ensureVersion, signVersion), computing every KPI for every month (formulas, status) and drawing 8 uPlot charts (each card’s month-by-month table, the chart’s text alternative, is built when its button is pressed, so not in this figure); as in the app’s main.tsx, the database opens while the settings and the language load, and (as main.tsx does when the app opens on the KPI page, prefetchStartData) the dashboard’s reads start once the settings are read, while the language loads; the page’s seeding code that the app does not load to show the dashboard (the SLA store) is loaded only in seed mode. bare: kpibare.html — 8 uPlot charts of the same 36 months (value + dashed target, the app chart’s width and height) from in-memory arrays, no React/Dexie/app code.',
  chartsDrawnMs: 'ms from navigation start until the frame in which all 8 chart containers carry data-chart-drawn="true" (set by uPlot’s draw hook) has been rendered (a task posted from that requestAnimationFrame); breakdown: scriptStart (module evaluated), renderStart (app only: settings read, React render called), firstCardInDom (app only: the first KPI card, i.e. data read and computed), firstChartInDom, allChartsDrawn.',
  heapMB: 'performance.memory.usedJSHeapSize in MiB after gc() ×3 (--js-flags=--expose-gc, --enable-precise-memory-info), 500 ms after the charts are drawn.',
  csvImport:
    'kpicsv.html, one page: a CRM leads export of BENCH_KPI_ROWS rows created over the 12 months to 2026-10, made in the page by the KPI core’s deterministic generator (test/fixtures/csv/generate.ts leadCsv, seed 1: 11 columns, English headers, stage dates with times, open/won/lost deals) as UTF-8 bytes. app: createCsvJob() (the dialog’s path: a module Web Worker on csvWorker.ts) → load(bytes) (decodeCsvBytes, parseCsvText, guessMapping) → preview(guessed mapping) (importCsv: validation, aggregation per month, progress messages) until the preview is back on the page. baseline: TextDecoder + Papa.parse(text, { skipEmptyLines: true }) of the same bytes on the page’s own thread (no mapping, validation or aggregation).',
  heapPeakMB:
    'JS heap in use (CDP Runtime.getHeapUsage usedSize, MiB), sampled every 10 ms from Node during the run for the page and, through CDP auto-attach, for every worker the page starts (a V8 inspector request, answered even while the thread runs JS); peak = the largest page + worker sum of one sampling round; above = peak − the page heap just before the run (after HeapProfiler.collectGarbage). Also the peak of Performance.getMetrics JSHeapUsedSize of the page (sampled the same way; it waits for the page thread, so it sees less of a busy main thread).',
  maxFrameGapMs: 'longest requestAnimationFrame-to-requestAnimationFrame gap of the page during the run: how long the UI could not paint (the worker path should keep it near 16 ms; Papa.parse on the page freezes it for the whole parse).',
  ratios: 'app / baseline in the same Chromium and page; the dashboard runs alternate which page goes first; medians over the runs.',
};

async function seedKpis() {
  const { page, errors } = await freshPage();
  try {
    await page.goto(`${url}kpi.html?mode=seed`);
    await page.waitForFunction(() => window.benchKpiSeed?.done, null, { timeout: 120_000, polling: 100 });
    const seed = await page.evaluate(() => window.benchKpiSeed);
    if (seed.error || errors.length > 0) throw new Error(`KPI seeding failed: ${seed.error ?? errors.join('; ')}`);
    return seed;
  } finally {
    await page.close();
  }
}

async function measureKpiPage(pageUrl) {
  const { page, errors } = await freshPage();
  try {
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.kpiProbe?.done || window.kpiProbe?.error, null, { timeout: 90_000, polling: 50 });
    const shown = await page.evaluate(() => ({ error: window.kpiProbe.error, marks: window.kpiProbe.marks }));
    if (shown.error) throw new Error(shown.error);
    await page.waitForTimeout(500);
    const heapMB = await page.evaluate(() => window.kpiProbe.heapMB());
    const chartWidth = await page.evaluate(() => Math.round(document.querySelector('[data-chart-drawn] canvas')?.getBoundingClientRect().width ?? 0));
    const cards = await page.evaluate(() => document.querySelectorAll('article').length);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { chartsDrawnMs: shown.marks.painted, marks: shown.marks, heapMB, chartWidth, cards };
  } finally {
    await page.close();
  }
}

/** Samples the JS heap of a page and of its workers (CDP) until stopped; returns the peaks. */
async function startHeapSampler(page) {
  const cdp = await page.context().newCDPSession(page);
  const workers = new Map(); // sessionId → last usedSize
  const waiting = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.set(sessionId, 0);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const reply = JSON.parse(message);
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
    if (reply.result?.usedSize !== undefined && workers.has(sessionId)) workers.set(sessionId, reply.result.usedSize);
  });
  // Non-flat auto-attach: worker sessions are reached through Target.sendMessageToTarget.
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const askWorker = (sessionId, method) =>
    new Promise((answer) => {
      const id = nextId++;
      waiting.set(id, answer);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => answer(null));
      setTimeout(() => answer(null), 2_000);
    });
  await cdp.send('HeapProfiler.collectGarbage');
  const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let peakSum = before;
  let peakPage = before;
  let peakWorker = 0;
  let peakMetrics = 0;
  let samples = 0;
  let workerSamples = 0;
  const state = { running: true };
  const sampleOnce = async () => {
    const [pageHeap, metrics] = await Promise.all([
      cdp.send('Runtime.getHeapUsage').then((usage) => usage.usedSize),
      cdp.send('Performance.getMetrics').then((result) => result.metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0),
      ...[...workers.keys()].map((sessionId) => askWorker(sessionId, 'Runtime.getHeapUsage')),
    ]);
    let workerHeap = 0;
    for (const size of workers.values()) workerHeap += size;
    if (workers.size > 0) workerSamples++;
    samples++;
    peakPage = Math.max(peakPage, pageHeap);
    peakWorker = Math.max(peakWorker, workerHeap);
    peakSum = Math.max(peakSum, pageHeap + workerHeap);
    peakMetrics = Math.max(peakMetrics, metrics);
  };
  await cdp.send('Performance.enable');
  const loop = (async () => {
    while (state.running) {
      const started = performance.now();
      await sampleOnce();
      const wait = HEAP_SAMPLE_MS - (performance.now() - started);
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    }
  })();
  return async () => {
    state.running = false;
    await loop;
    await cdp.detach();
    const mb = (bytes) => bytes / 2 ** 20;
    return {
      beforeMB: mb(before),
      peakMB: mb(peakSum),
      aboveMB: mb(peakSum - before),
      pagePeakMB: mb(peakPage),
      workerPeakMB: workers.size > 0 || workerSamples > 0 ? mb(peakWorker) : null,
      performanceMetricsPeakMB: mb(peakMetrics),
      samples,
      workerSamples,
    };
  };
}

/**
 * BENCH_PROFILE=dir: one more open of the app's dashboard (after the measured runs) in a fresh tab
 * under the CPU profiler and a trace, from navigation until the charts are painted:
 * dir/kpi.dashboard.open.{cpuprofile,trace.json}.
 */
async function profileKpiOpen(appUrl) {
  const { page } = await freshPage();
  try {
    await recordProfile(page, process.env.BENCH_PROFILE, 'kpi.dashboard.open', async () => {
      await page.goto(appUrl);
      await page.waitForFunction(() => window.kpiProbe?.done || window.kpiProbe?.error, null, { timeout: 90_000, polling: 50 });
    });
  } finally {
    await page.close();
  }
}

async function kpiDashboardFigures() {
  const seed = await seedKpis();
  const appUrl = `${url}kpi.html?mode=open&ws=${encodeURIComponent(seed.workspaceId)}`;
  const warm = await measureKpiPage(appUrl);
  const bareUrl = `${url}kpibare.html?width=${warm.chartWidth}`;
  await measureKpiPage(bareUrl);
  const app = [];
  const bare = [];
  for (let run = 0; run < KPI_RUNS; run++) {
    if (run % 2 === 0) {
      app.push(await measureKpiPage(appUrl));
      bare.push(await measureKpiPage(bareUrl));
    } else {
      bare.push(await measureKpiPage(bareUrl));
      app.push(await measureKpiPage(appUrl));
    }
    log(`kpi.dashboard run ${run + 1}/${KPI_RUNS}: app ${round(app.at(-1).chartsDrawnMs)} ms, bare ${round(bare.at(-1).chartsDrawnMs)} ms`);
  }
  if (process.env.BENCH_PROFILE) await profileKpiOpen(appUrl);
  const summary = (runs) => {
    const out = {
      chartsDrawnMs: round(median(runs.map((entry) => entry.chartsDrawnMs))),
      heapMB: round(median(runs.map((entry) => entry.heapMB))),
      breakdown: {},
      perRun: { chartsDrawnMs: runs.map((entry) => round(entry.chartsDrawnMs)), heapMB: runs.map((entry) => round(entry.heapMB)) },
    };
    for (const mark of ['scriptStart', 'renderStart', 'firstCardInDom', 'firstChartInDom', 'allChartsDrawn']) {
      if (runs.every((entry) => entry.marks[mark] !== undefined)) out.breakdown[`${mark}Ms`] = round(median(runs.map((entry) => entry.marks[mark])));
    }
    return out;
  };
  const appSummary = { ...summary(app), cards: app[0].cards };
  const bareSummary = summary(bare);
  return {
    'kpi.dashboard': {
      kpis: 8,
      months: 36,
      storedValues: seed.values,
      runs: KPI_RUNS,
      chartWidthPx: warm.chartWidth,
      seedMs: round(seed.ms),
      app: appSummary,
      bareUplot: bareSummary,
      ratios: { chartsDrawn: ratio(appSummary.chartsDrawnMs, bareSummary.chartsDrawnMs), heap: ratio(appSummary.heapMB, bareSummary.heapMB) },
    },
  };
}

async function kpiCsvFigures() {
  const { page, errors } = await freshPage();
  try {
    await page.goto(`${url}kpicsv.html`);
    await page.waitForFunction(() => window.benchCsvReady, null, { timeout: 30_000 });
    const prepared = await page.evaluate((rows) => window.benchCsv.prepare(rows), KPI_CSV_ROWS);
    const measure = async (which) => {
      const stop = await startHeapSampler(page);
      const result = await page.evaluate((name) => (name === 'app' ? window.benchCsv.runApp() : window.benchCsv.runBaseline()), which);
      return { ...result, heap: await stop() };
    };
    // One unmeasured warm-up of each (JIT, worker module load).
    await measure('app');
    await measure('baseline');
    const app = [];
    const baseline = [];
    for (let run = 0; run < KPI_CSV_RUNS; run++) {
      app.push(await measure('app'));
      baseline.push(await measure('baseline'));
      log(`kpi.csvImport run ${run + 1}/${KPI_CSV_RUNS}: app ${round(app.at(-1).totalMs)} ms (peak +${round(app.at(-1).heap.aboveMB)} MiB, longest frame ${round(app.at(-1).maxFrameGapMs)} ms), Papa.parse ${round(baseline.at(-1).totalMs)} ms (peak +${round(baseline.at(-1).heap.aboveMB)} MiB, longest frame ${round(baseline.at(-1).maxFrameGapMs)} ms)`);
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const med = (list, pick) => round(median(list.map(pick)));
    const appSummary = {
      inWorker: app[0].inWorker,
      totalMs: med(app, (entry) => entry.totalMs),
      loadMs: med(app, (entry) => entry.loadMs),
      previewMs: med(app, (entry) => entry.previewMs),
      heapPeakMB: med(app, (entry) => entry.heap.peakMB),
      heapAbovePageMB: med(app, (entry) => entry.heap.aboveMB),
      pageHeapPeakMB: med(app, (entry) => entry.heap.pagePeakMB),
      workerHeapPeakMB: app.every((entry) => entry.heap.workerPeakMB !== null) ? med(app, (entry) => entry.heap.workerPeakMB) : null,
      performanceMetricsPeakMB: med(app, (entry) => entry.heap.performanceMetricsPeakMB),
      maxFrameGapMs: med(app, (entry) => entry.maxFrameGapMs),
      rowsRead: app[0].rowsRead,
      rowsUsed: app[0].rowsUsed,
      errorCount: app[0].errorCount,
      valuesAggregated: app[0].values,
      progressEvents: app[0].progressEvents,
      heapSamplesPerRun: median(app.map((entry) => entry.heap.samples)),
      workerSamplesPerRun: median(app.map((entry) => entry.heap.workerSamples)),
      perRun: { totalMs: app.map((entry) => round(entry.totalMs)), heapAbovePageMB: app.map((entry) => round(entry.heap.aboveMB)) },
    };
    const baselineSummary = {
      totalMs: med(baseline, (entry) => entry.totalMs),
      heapPeakMB: med(baseline, (entry) => entry.heap.peakMB),
      heapAbovePageMB: med(baseline, (entry) => entry.heap.aboveMB),
      performanceMetricsPeakMB: med(baseline, (entry) => entry.heap.performanceMetricsPeakMB),
      maxFrameGapMs: med(baseline, (entry) => entry.maxFrameGapMs),
      rows: baseline[0].rows,
      heapSamplesPerRun: median(baseline.map((entry) => entry.heap.samples)),
      perRun: { totalMs: baseline.map((entry) => round(entry.totalMs)), heapAbovePageMB: baseline.map((entry) => round(entry.heap.aboveMB)) },
    };
    return {
      'kpi.csvImport': {
        rows: prepared.rows,
        fileBytes: prepared.bytes,
        runs: KPI_CSV_RUNS,
        app: appSummary,
        papaParseBaseline: baselineSummary,
        ratios: {
          time: ratio(appSummary.totalMs, baselineSummary.totalMs),
          heapPeak: ratio(appSummary.heapPeakMB, baselineSummary.heapPeakMB),
          heapAbovePage: ratio(appSummary.heapAbovePageMB, baselineSummary.heapAbovePageMB),
          longestFrame: ratio(appSummary.maxFrameGapMs, baselineSummary.maxFrameGapMs),
        },
      },
    };
  } finally {
    await page.close();
  }
}

async function durabilityFigures() {
  const runs = Number(process.env.BENCH_DURABILITY_RUNS ?? 15);
  const page = await context.newPage();
  try {
    await page.goto(`${url}durability.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const raw = await page.evaluate((count) => window.benchDurability(count), runs);
    const strict = median(raw.strictMs);
    const relaxed = median(raw.defaultMs);
    return {
      'durability.signature': {
        runs,
        strictMedianMs: round(strict),
        strictP95Ms: round(percentile(raw.strictMs, 95)),
        defaultMedianMs: round(relaxed),
        defaultP95Ms: round(percentile(raw.defaultMs, 95)),
        strictOverDefault: ratio(strict, relaxed),
      },
    };
  } finally {
    await page.close();
  }
}

const START_RUNS = Number(process.env.BENCH_RUNS ?? 7);
const START_DEFINITIONS = {
  readyMs:
    'ms from navigation start until the home page is drawn and the page is idle: an rAF loop (installed before any page script) sees the home page’s h1 and a button in #root, then a task posted from that frame records the time (after the frame was rendered). The app must also have its fonts loaded (document.fonts.status).',
  firstPaintMs: 'first-contentful-paint (PerformanceObserver “paint”).',
  jsBeforeFirstPaint:
    'the .js files the page had fetched by its first contentful paint (resource timing responseEnd ≤ FCP): their count, raw bytes and gzip -9 bytes (measured from the build on disk, as test/e2e/bundle.e2e.ts does).',
  method:
    'the app = the real web build (vite build --mode web into dist/bench-web) served by vite preview on 127.0.0.1; HTTP cache disabled per page (CDP Network.setCacheDisabled), so every run fetches and compiles its scripts; IndexedDB as a returning user has it (one warm-up run not counted). Medians over the runs, alternating which page goes first; English.',
};

/** An rAF loop installed before any page script: marks when the home page is drawn and idle. */
function installStartProbe() {
  const marks = {};
  window.startProbe = { marks, done: false };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') marks.firstPaint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const watch = () => {
    const app = document.getElementById('root');
    const drawn = app?.querySelector('h1') && app.querySelector('button') && document.fonts.status === 'loaded';
    if (drawn) {
      const channel = new MessageChannel();
      channel.port1.addEventListener('message', () => {
        marks.ready = performance.now();
        window.startProbe.done = true;
      });
      channel.port1.start();
      channel.port2.postMessage(null);
      return;
    }
    if (performance.now() < 60_000) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

async function coldStartFigures() {
  const webOut = join(root, 'dist/bench-web');
  process.env.ALIGNBOARD_WEB_OUT = 'dist/bench-web';
  await build({ ...quiet, configFile: join(root, 'vite.config.ts'), mode: 'web', build: { outDir: webOut, emptyOutDir: true } });
  assertProductionBuild(webOut);
  const webServer = await preview({ ...quiet, configFile: false, root: webOut, build: { outDir: webOut }, preview: { host: '127.0.0.1', port: 0 } });
  const webUrl = webServer.resolvedUrls.local[0];
  const gzipOf = (dir, pathname) => gzipSync(readFileSync(join(dir, pathname.replace(/^\//, ''))), { level: 9 }).length;
  const rawOf = (dir, pathname) => readFileSync(join(dir, pathname.replace(/^\//, ''))).length;
  const openCold = async (pageUrl, markup) => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(installStartProbe);
    if (markup !== undefined) await page.addInitScript((html) => (window.homeMarkup = html), markup);
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.startProbe?.done === true, undefined, { timeout: 120_000 });
    // The paint observer reports a moment after the frame: wait for it (bounded) before reading.
    await page.waitForFunction(() => window.startProbe.marks.firstPaint !== undefined, undefined, { timeout: 10_000 }).catch(() => {});
    const result = await page.evaluate(() => ({
      marks: window.startProbe.marks,
      scripts: performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => ({ path: new URL(entry.name).pathname, responseEnd: entry.responseEnd })),
      markup: document.getElementById('root').innerHTML,
    }));
    await page.close();
    return result;
  };
  try {
    // Warm-up (not counted): the app creates its database; its home markup is what the bare page draws.
    const warm = await openCold(`${webUrl}#/`);
    const markup = warm.markup;
    const app = [];
    const bare = [];
    for (let run = 0; run < START_RUNS; run++) {
      const order = run % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
      for (const which of order) {
        if (which === 'app') app.push(await openCold(`${webUrl}#/`));
        else bare.push(await openCold(`${url}starthome.html`, markup));
      }
      log(`start.home run ${run + 1}/${START_RUNS}: app ${round(app.at(-1).marks.ready)} ms, bare ${round(bare.at(-1).marks.ready)} ms`);
    }
    const jsBefore = (entry, dir) => {
      const files = [...new Set(entry.scripts.filter((script) => script.responseEnd <= entry.marks.firstPaint).map((script) => script.path))];
      return { files: files.length, rawKB: round(files.reduce((sum, file) => sum + rawOf(dir, file), 0) / 1024), gzipKB: round(files.reduce((sum, file) => sum + gzipOf(dir, file), 0) / 1024) };
    };
    const summary = (runs, dir) => ({
      readyMs: round(median(runs.map((entry) => entry.marks.ready))),
      firstPaintMs: round(median(runs.map((entry) => entry.marks.firstPaint).filter((value) => value !== undefined))),
      perRun: { readyMs: runs.map((entry) => round(entry.marks.ready)) },
      jsBeforeFirstPaint: jsBefore(runs.findLast((entry) => entry.marks.firstPaint !== undefined) ?? runs.at(-1), dir),
    });
    const appSummary = summary(app, webOut);
    const bareSummary = summary(bare, outDir);
    return {
      'start.home': {
        runs: START_RUNS,
        app: appSummary,
        bareReact: bareSummary,
        ratios: { ready: ratio(appSummary.readyMs, bareSummary.readyMs), firstPaint: ratio(appSummary.firstPaintMs, bareSummary.firstPaintMs) },
      },
    };
  } finally {
    await webServer.close();
  }
}

try {
  const benchStart = performance.now();
  const figures = {};
  if (benchSelected('workspaceFile')) {
    Object.assign(figures, await workspaceFileFigures());
    log(`workspace file figures in ${Math.round(performance.now() - benchStart)} ms`);
  }
  if (benchSelected('board')) Object.assign(figures, await boardFigures());
  if (benchSelected('sla')) Object.assign(figures, await slaFigures());
  if (benchSelected('diagrams')) Object.assign(figures, await diagramFigures());
  if (benchSelected('kpi')) {
    Object.assign(figures, await kpiDashboardFigures());
    Object.assign(figures, await kpiCsvFigures());
  }
  let roomsDefinitions;
  if (benchSelected('rooms')) {
    const rooms = await import(pathToFileURL(join(roomsOutDir, 'roomsNode.mjs')).href);
    roomsDefinitions = rooms.ROOMS_DEFINITIONS;
    Object.assign(figures, await rooms.roomsFigures(join(roomsOutDir, 'roomsServer.mjs'), log));
  }
  if (benchSelected('durability')) Object.assign(figures, await durabilityFigures());
  if (benchSelected('start')) Object.assign(figures, await coldStartFigures());
  const result = {
    date: new Date().toISOString(),
    chromium: context.browser()?.version() ?? 'unknown',
    benchMs: Math.round(performance.now() - benchStart),
    definitions: {
      board: DEFINITIONS,
      sla: SLA_DEFINITIONS,
      kpi: KPI_DEFINITIONS,
      rooms: roomsDefinitions,
      durability: {
        signature:
          'ms per signature write of a fresh in-review SLA version (one readwrite transaction: read, put, workspace touch): strict = the app’s signVersion through its strict-durability connection (committed once flushed to disk); default = the same addSignature update through the ordinary connection (Chromium’s default durability, relaxed since Chromium 121). Medians and p95 over the runs, alternating which goes first; the profile is on the machine’s disk (tmpdir).',
      },
      diagrams: DIAGRAM_DEFINITIONS,
      start: START_DEFINITIONS,
    },
    figures,
  };
  const json = JSON.stringify(result, null, 2);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/latest.json'), `${json}\n`);
  console.log(json);
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
