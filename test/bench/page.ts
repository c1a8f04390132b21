/**
 * Runs inside headless Chromium. Each measurement pairs the app's own code path with a baseline
 * that does the same amount of raw work (JSON + one IndexedDB transaction), so the ratio says how
 * much the app adds on top of the browser's floor, whatever the machine's speed today.
 */
import * as Y from 'yjs';
import { bytesToBase64 } from '../../shared/base64';
import { BOARD_NODES } from '../../shared/records/board';
import { FILE_FORMAT, FILE_VERSION, parseWorkspaceFile, type WorkspaceFile } from '../../shared/workspaceFile';
import { openDb } from '../../renderer/src/db/db';
import { exportWorkspace, importWorkspace } from '../../renderer/src/db/workspaceFiles';
import { numbered } from '../component/helpers';
import { parseWorkspaceFileOffThread, prepareFileReader } from '../../renderer/src/features/workspace/fileClient';

function makeFile(members: number, boards: number, nodesPerBoard: number): string {
  const now = new Date().toISOString();
  const file: WorkspaceFile = {
    assets: [],
    slaVersions: [],
    meetingSeries: [],
    meetings: [],
    actionItems: [],
    kpis: [],
    kpiValues: [],
    calendar: null,
    leadMonths: [],
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exportedAt: now,
    appVersion: 'bench',
    workspace: { id: 'w', name: 'Bench', createdAt: now, updatedAt: now },
    members: Array.from({ length: members }, (_, i) => ({
      id: `m${i}`,
      name: `メンバー ${i}`,
      department: (['sales', 'marketing', 'other'] as const)[i % 3]!,
      title: 'Inside Sales',
      createdAt: now,
      updatedAt: now,
    })),
    boards: Array.from({ length: boards }, (_, b) => {
      const doc = new Y.Doc();
      const nodes = doc.getMap<Y.Map<unknown>>(BOARD_NODES);
      doc.transact(() => {
        for (let n = 0; n < nodesPerBoard; n++) {
          const node = new Y.Map<unknown>();
          node.set('type', 'sticky');
          node.set('x', (n % 40) * 220);
          node.set('y', Math.floor(n / 40) * 160);
          node.set('text', `付箋 ${n}: 予算は第4四半期に決まる`);
          node.set('department', n % 2 ? 'sales' : 'marketing');
          nodes.set(`n${n}`, node);
        }
      });
      return { id: `b${b}`, kind: 'persona' as const, name: `Board ${b}`, createdAt: now, updatedAt: now, agreement: null, docV2: bytesToBase64(Y.encodeStateAsUpdateV2(doc)) };
    }),
  };
  return JSON.stringify(file);
}

async function rawIdbRoundTrip(text: string, name: string): Promise<{ write: number; read: number }> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.addEventListener('upgradeneeded', () => {
      request.result.createObjectStore('members');
      request.result.createObjectStore('boards');
    });
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error));
  });
  const started = performance.now();
  const parsed = JSON.parse(text) as WorkspaceFile;
  await new Promise<void>((resolve, reject) => {
    const tx = database.transaction(['members', 'boards'], 'readwrite');
    for (const member of parsed.members) tx.objectStore('members').put(member, member.id);
    for (const board of parsed.boards) tx.objectStore('boards').put(board, board.id);
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('error', () => reject(tx.error));
  });
  const write = performance.now() - started;
  const readStart = performance.now();
  const all = await new Promise<unknown[][]>((resolve, reject) => {
    const tx = database.transaction(['members', 'boards']);
    const out: unknown[][] = [];
    for (const store of ['members', 'boards']) {
      const request = tx.objectStore(store).getAll();
      request.addEventListener('success', () => out.push(request.result));
    }
    tx.addEventListener('complete', () => resolve(out));
    tx.addEventListener('error', () => reject(tx.error));
  });
  JSON.stringify(all);
  const read = performance.now() - readStart;
  database.close();
  return { write, read };
}

async function runBench(config: { members: number; boards: number; nodesPerBoard: number; runs: number }) {
  const text = makeFile(config.members, config.boards, config.nodesPerBoard);
  const results = { importMs: [] as number[], importReadMs: [] as number[], exportMs: [] as number[], baselineWriteMs: [] as number[], baselineReadMs: [] as number[] };
  for (let run = 0; run < config.runs; run++) {
    const db = openDb(`bench-app-${run}-${Math.random()}`);
    // Opened before the clock starts, as the baseline's database is: the app's is open long before
    // a user imports anything.
    await db.open();
    // As the import's file chooser does while the user picks a file: the reader's worker (for a
    // file over a megabyte) starts before the file is known.
    const reader = prepareFileReader();
    await new Promise((resolve) => setTimeout(resolve, 500));
    let started = performance.now();
    const parsed = await parseWorkspaceFileOffThread(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    results.importReadMs.push(performance.now() - started);
    const id = (await importWorkspace(parsed.file, { numbered }, db)).id;
    results.importMs.push(performance.now() - started);
    reader.release();
    started = performance.now();
    await exportWorkspace(id, db);
    results.exportMs.push(performance.now() - started);
    db.close();
    const baseline = await rawIdbRoundTrip(text, `bench-raw-${run}-${Math.random()}`);
    results.baselineWriteMs.push(baseline.write);
    results.baselineReadMs.push(baseline.read);
  }
  return { fileBytes: new Blob([text]).size, ...results };
}

/**
 * The same import and export one step at a time, for `BENCH_PROFILE` (run.mjs records a CPU profile
 * around each step): prepare a file, then import it, then export what was imported.
 */
const steps = {
  text: '',
  db: null as ReturnType<typeof openDb> | null,
  workspaceId: '',
  async prepare(config: { members: number; boards: number; nodesPerBoard: number }) {
    steps.text = makeFile(config.members, config.boards, config.nodesPerBoard);
    steps.db?.close();
    steps.db = openDb(`bench-profile-${Math.random()}`);
    await steps.db.open();
  },
  async import() {
    const parsed = parseWorkspaceFile(steps.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    steps.workspaceId = (await importWorkspace(parsed.file, { numbered }, steps.db!)).id;
  },
  async export() {
    await exportWorkspace(steps.workspaceId, steps.db!);
  },
};

(window as unknown as { bench: typeof runBench }).bench = runBench;
(window as unknown as { benchSteps: typeof steps }).benchSteps = steps;
document.title = 'ready';
