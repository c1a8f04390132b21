import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DexieYProvider } from 'y-dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNodes } from '../../shared/board/doc';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import { printRoute } from '../../shared/pdf';
import { db } from '../../renderer/src/db/db';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { loadBoard } from '../../renderer/src/features/diagrams/content';
import { boardImage } from '../../renderer/src/features/diagrams/figures';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import { initI18n } from '../../renderer/src/i18n';
import { sceneTexts, textsOutside } from '../../shared/diagrams/scene';
import { writePlan } from '../../renderer/src/features/funnel/funnelDoc';
import { createPersonaBoard } from '../../renderer/src/features/personas/personaBoards';
import type { Host } from '../../renderer/src/host';
import { noteBoard } from '../fixtures/diagrams';
import { renderApp, resetDb } from './renderApp';

beforeEach(resetDb);
afterEach(() => {
  window.location.hash = '#/';
  const root = document.documentElement;
  delete root.dataset.printReady;
  delete root.dataset.printProblem;
  delete root.dataset.printOrientation;
});

/** Writes to a board's document through y-dexie, as the app does, and lets it reach IndexedDB. */
async function withDoc(workspaceId: string, boardId: string, write: (doc: import('yjs').Doc) => void) {
  const board = (await db.boards.get([workspaceId, boardId]))!;
  const provider = DexieYProvider.load(board.doc);
  await provider.whenLoaded;
  write(board.doc);
  await new Promise((resolve) => setTimeout(resolve, 100));
  DexieYProvider.release(board.doc);
}

function printHost() {
  return {
    printReady: vi.fn<Host['printReady']>(async () => {}),
    printFailed: vi.fn<Host['printFailed']>(async () => {}),
    exportPdf: vi.fn<Host['exportPdf']>(async () => ({ saved: true })),
  };
}

describe('the funnel sheet print route', () => {
  it('draws every stage and the reverse-funnel table as SVG text, and reports the orientation it laid out', async () => {
    const workspaceId = await createWorkspace('Diagrams Co');
    const boardId = await createFunnelBoard(workspaceId, 'Our funnel', 'ja');
    await withDoc(workspaceId, boardId, (doc) => writePlan(doc, { revenueTarget: 30_000_000, averageDealSize: 1_000_000 }, null));
    const host = printHost();
    renderApp({ host, settings: { language: 'ja' }, hash: `#${printRoute('funnel', workspaceId, boardId)}?paper=Letter` });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'), { timeout: 5_000 });
    const orientation = document.documentElement.dataset.printOrientation;
    expect(['portrait', 'landscape']).toContain(orientation);
    expect(host.printReady).toHaveBeenCalledWith({ orientation });
    expect(screen.getByRole('heading', { level: 1, name: 'Our funnel' })).toBeInTheDocument();
    const figure = screen.getByRole('img', { name: ja.diagrams.funnelSheet.figureLabel.replace('{{count}}', '7') });
    const text = figure.textContent ?? '';
    for (const name of ['潜在顧客', 'リード', 'MQL', 'SAL', 'SQL', '商談', '受注', '失注', 'リサイクル', '引き渡し', ja.diagrams.funnelSheet.table.needed]) expect(text).toContain(name);
    // 30,000,000 / 1,000,000: 30 deals a month.
    expect(text).toContain('必要な受注は月あたり 30 件');
    // Letter, in the orientation reported: the @page rule says the same.
    const size = orientation === 'landscape' ? '279.4mm 215.9mm' : '215.9mm 279.4mm';
    expect([...document.querySelectorAll('style')].some((style) => style.textContent?.includes(`size: ${size}`))).toBe(true);
  });

  it('reports at once that a missing or non-funnel board cannot be printed', async () => {
    const workspaceId = await createWorkspace('Diagrams Co');
    const personaId = await createPersonaBoard(workspaceId, 'A persona');
    for (const boardId of ['gone', personaId]) {
      const host = printHost();
      const view = renderApp({ host, hash: `#${printRoute('funnel', workspaceId, boardId)}` });
      await waitFor(() => expect(host.printFailed).toHaveBeenCalledWith('the funnel board does not exist'));
      expect(document.documentElement.dataset.printReady).toBe('error');
      expect(host.printReady).not.toHaveBeenCalled();
      view.unmount();
    }
  });
});

describe('the whole-board print route', () => {
  it('splits a 120-note board on A4 into labelled tiles, every note once', async () => {
    const workspaceId = await createWorkspace('Diagrams Co');
    const boardId = await createPersonaBoard(workspaceId, 'Workshop');
    const notes = noteBoard(120, 'en').filter((node) => node.data.type === 'sticky');
    await withDoc(workspaceId, boardId, (doc) => addNodes(doc, notes, null));
    const host = printHost();
    renderApp({ host, hash: `#${printRoute('board', workspaceId, boardId)}?paper=A4` });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'), { timeout: 10_000 });
    expect(host.printReady).toHaveBeenCalledWith({ orientation: document.documentElement.dataset.printOrientation });
    const pages = screen.getAllByRole('region', { name: /^Workshop: page \d+ of \d+$/ });
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, page] of pages.entries()) {
      expect(within(page).getByText(new RegExp(`^Workshop: tile ${index + 1} of ${pages.length} \\(row \\d+, column \\d+\\)$`))).toBeInTheDocument();
    }
    const drawn = pages.map((page) => within(page).getByRole('img').textContent ?? '');
    for (const note of notes) {
      const text = note.data.type === 'sticky' ? note.data.text : '';
      // Text wraps over tspans; the note's number closes it and is on one line.
      const number = /#\d+$/.exec(text)![0];
      expect(drawn.filter((page) => new RegExp(`${number}(?!\\d)`).test(page))).toHaveLength(1);
    }
  });
});

describe('the whole-board print route on A3', () => {
  it('draws the same 120-note board whole on one A3 page, every note on it, no tiles', async () => {
    const workspaceId = await createWorkspace('Diagrams Co');
    const boardId = await createPersonaBoard(workspaceId, 'Workshop');
    const notes = noteBoard(120, 'en').filter((node) => node.data.type === 'sticky');
    await withDoc(workspaceId, boardId, (doc) => addNodes(doc, notes, null));
    const host = printHost();
    renderApp({ host, hash: `#${printRoute('board', workspaceId, boardId)}?paper=A3` });
    await waitFor(() => expect(document.documentElement.dataset.printReady).toBe('true'), { timeout: 10_000 });
    const orientation = document.documentElement.dataset.printOrientation;
    expect(host.printReady).toHaveBeenCalledWith({ orientation });
    // One page, named after the board, no tile or page numbers.
    const page = screen.getByRole('region', { name: 'Workshop' });
    expect(screen.queryAllByRole('region', { name: /^Workshop: page/ })).toEqual([]);
    expect(within(page).queryByText(/tile/)).toBeNull();
    const drawn = within(page).getByRole('img').textContent ?? '';
    const numbers = notes.map((note) => /#\d+$/.exec(note.data.type === 'sticky' ? note.data.text : '')![0]);
    expect(numbers.filter((number) => !new RegExp(`${number}(?!\\d)`).test(drawn))).toEqual([]);
    // The A3 @page rule in the orientation reported.
    const size = orientation === 'landscape' ? '420mm 297mm' : '297mm 420mm';
    expect([...document.querySelectorAll('style')].some((style) => style.textContent?.includes(`size: ${size}`))).toBe(true);
  });
});

describe('the funnel board as an image', () => {
  it('draws the funnel whole with a white margin, every stage, its owner and the hand-off, at 1.5 × for slides', async () => {
    const workspaceId = await createWorkspace('Diagrams Co');
    const boardId = await createFunnelBoard(workspaceId, 'Our funnel', 'ja');
    await withDoc(workspaceId, boardId, (doc) => writePlan(doc, { revenueTarget: 30_000_000, averageDealSize: 1_000_000 }, null));
    const loaded = (await loadBoard(workspaceId, boardId))!;
    expect(loaded.content.kind).toBe('funnel');
    const { scene, scale } = boardImage(loaded.content, { t: initI18n('ja').t, language: 'ja', members: [], agreement: null });
    // The funnel figure 960 wide in a 32 px margin; notes and stage text at 1.5 × on the PNG.
    expect(scene.width).toBe(1024);
    expect(scale).toBe(1.5);
    expect(textsOutside(scene, { x: 32, y: 32, width: scene.width - 64, height: scene.height - 64 })).toEqual([]);
    const text = sceneTexts(scene).join('').replace(/\s+/g, '');
    for (const name of ['潜在顧客', 'リード', 'MQL', 'SAL', 'SQL', '商談', '受注', '失注', 'リサイクル', ja.funnel.owners.marketing, ja.funnel.owners.sales]) expect(text).toContain(name);
    expect(text).toContain(ja.funnel.handOffEdge.replace('{{from}}', ja.funnel.owners.marketing).replace('{{to}}', ja.funnel.owners.sales).replace(/\s+/g, ''));
  });
});

describe('board exports from the funnel board', () => {
  it('exports the sheet by its button and the whole board on the paper chosen in the dialog (Alt+Shift+B)', async () => {
    const workspaceId = await createWorkspace('Diagrams Co');
    const boardId = await createFunnelBoard(workspaceId, 'Funnel', 'en');
    const host = printHost();
    const user = userEvent.setup();
    renderApp({ host, hash: `#/w/${workspaceId}/funnel/${boardId}` });
    const toolbar = await screen.findByRole('toolbar', { name: en.diagrams.exportsToolbar }, { timeout: 5_000 });
    await user.click(within(toolbar).getByRole('button', { name: en.diagrams.funnelSheet.export }));
    expect(host.exportPdf).toHaveBeenLastCalledWith({ kind: 'funnel-sheet', route: printRoute('funnel', workspaceId, boardId), suggestedName: 'Funnel.pdf' });

    await user.keyboard('{Alt>}{Shift>}B{/Shift}{/Alt}');
    const dialog = await screen.findByRole('dialog', { name: en.diagrams.board.dialogTitle });
    expect(within(dialog).getByRole('radio', { name: en.diagrams.board.papers.A3 })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: en.diagrams.board.papers.Letter }));
    await user.click(within(dialog).getByRole('button', { name: en.diagrams.board.submit }));
    expect(host.exportPdf).toHaveBeenLastCalledWith({ kind: 'board', route: printRoute('board', workspaceId, boardId), suggestedName: 'Funnel.pdf', paper: 'Letter' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('on a persona board: the persona sheet and the whole board from the toolbar (its More menu on a narrow window), and the whole board by Alt+Shift+B, on the paper chosen', async () => {
    const workspaceId = await createWorkspace('Diagrams Co');
    const boardId = await createPersonaBoard(workspaceId, 'Workshop');
    const host = printHost();
    const user = userEvent.setup();
    renderApp({ host, hash: `#/w/${workspaceId}/b/${boardId}` });
    // jsdom's window is narrower than 1600 px: the board's chrome is compact, its tools in More.
    const menuItem = async (label: string) => {
      await user.click(await screen.findByRole('button', { name: en.layout.more }, { timeout: 10_000 }));
      return screen.findByRole('menuitem', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    };
    await user.click(await menuItem(en.persona.exportSheet));
    expect(host.exportPdf).toHaveBeenLastCalledWith({ kind: 'persona-sheet', route: printRoute('persona', workspaceId, boardId), suggestedName: 'Workshop.pdf' });

    await user.click(await menuItem(en.diagrams.board.exportPdf));
    let dialog = await screen.findByRole('dialog', { name: en.diagrams.board.dialogTitle });
    await user.click(within(dialog).getByRole('radio', { name: en.diagrams.board.papers.A4 }));
    await user.click(within(dialog).getByRole('button', { name: en.diagrams.board.submit }));
    expect(host.exportPdf).toHaveBeenLastCalledWith({ kind: 'board', route: printRoute('board', workspaceId, boardId), suggestedName: 'Workshop.pdf', paper: 'A4' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.keyboard('{Alt>}{Shift>}B{/Shift}{/Alt}');
    dialog = await screen.findByRole('dialog', { name: en.diagrams.board.dialogTitle });
    await user.click(within(dialog).getByRole('radio', { name: en.diagrams.board.papers.A3 }));
    await user.click(within(dialog).getByRole('button', { name: en.diagrams.board.submit }));
    expect(host.exportPdf).toHaveBeenLastCalledWith({ kind: 'board', route: printRoute('board', workspaceId, boardId), suggestedName: 'Workshop.pdf', paper: 'A3' });
  });
});
