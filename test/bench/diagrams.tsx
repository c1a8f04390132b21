/**
 * The seed side of the diagrams PDF benchmark (diagrams.html?notes=…): imports, through the app's
 * own file import (parseWorkspaceFile, importWorkspace), a workspace holding the 12-stage funnel
 * with its revenue plan and a persona board of N notes (test/fixtures/diagrams.ts), and puts the
 * workspace id on window.benchDiagrams. The print routes are the app's (slaapp.html, same origin).
 * A .tsx file so that only test/bench/tsconfig.json (renderer settings) checks it.
 */
import { parseWorkspaceFile } from '../../shared/workspaceFile';
import { db } from '../../renderer/src/db/db';
import { importWorkspace } from '../../renderer/src/db/workspaceFiles';
import { numbered } from '../component/helpers';
import { diagramsWorkspaceFile } from '../fixtures/diagrams';

declare global {
  interface Window {
    benchDiagrams?: { done: boolean; ms: number; error: string | null; workspaceId?: string; funnelBoardId?: string; noteBoardId?: string; notes?: number };
  }
}

const notes = Number(new URLSearchParams(window.location.search).get('notes') ?? '300');

async function seed(): Promise<void> {
  const started = performance.now();
  const parsed = parseWorkspaceFile(diagramsWorkspaceFile({ language: 'en', notes, name: 'Diagrams bench' }));
  if (!parsed.ok) throw new Error(`the fixture file does not parse: ${JSON.stringify(parsed.problem)}`);
  const workspaceId = (await importWorkspace(parsed.file, { numbered })).id;
  db.close();
  window.benchDiagrams = { done: true, ms: performance.now() - started, error: null, workspaceId, funnelBoardId: 'funnel-board', noteBoardId: 'note-board', notes };
}

seed().catch((error: unknown) => {
  window.benchDiagrams = { done: true, ms: 0, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
});
