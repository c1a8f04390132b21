import type { Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import { readingOrder } from '../../../renderer/src/features/board/mapping';
import { openSample, poll } from './app';
import { describeFocus, pressUntilFocused, settle } from './keyboard';

/**
 * Helpers for the board (persona canvas). Like the app helpers, they find things by role and
 * accessible name; reading helpers may look at the canvas's node elements for positions.
 */

export const SAMPLE_BOARD = 'Persona: IT manager at a mid-size manufacturer';

/** From a fresh app: the sample workspace, then its persona board opened by keyboard (Tab to the link, Enter). */
export async function openSampleBoardByKeyboard(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'No workspaces yet' }).waitFor();
  await openSample(page);
  // The persona gallery names the link "Open <board>".
  const link = page.getByRole('link', { name: new RegExp(`${escapeRegExp(SAMPLE_BOARD)}$`) });
  await pressUntilFocused(page, link);
  await page.keyboard.press('Enter');
  await waitForBoard(page);
}

export function boardHeading(page: Page, name = SAMPLE_BOARD): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** `{ workspaceId, boardId }` from a `#/w/:id/b/:boardId` URL. */
export function boardIdsFromUrl(page: Page): { workspaceId: string; boardId: string } {
  const match = /#\/w\/([^/?#]+)\/b\/([^/?#]+)/.exec(page.url());
  if (!match) throw new Error(`not on a board page: ${page.url()}`);
  return { workspaceId: decodeURIComponent(match[1]!), boardId: decodeURIComponent(match[2]!) };
}

/** Every sticky note on the canvas (React Flow's focusable node wrappers, named by the app). */
export function stickies(page: Page): Locator {
  return page.locator('.react-flow__node-sticky');
}

/** A sticky note by its accessible name (or a pattern of it). */
export function sticky(page: Page, name: string | RegExp): Locator {
  return page.getByRole('group', { name, exact: typeof name === 'string' });
}

export function writerRadio(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'Who is writing' }).getByRole('radio', { name: new RegExp(`^${name} \\(`) });
}

/** The compact chrome's writer picker (one select; the e2e window, 1280 px, is compact). */
export function writerSelect(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Who is writing' });
}

/** The writer chosen now, as the select shows it ("4 · Emma Clark (Marketing)"). */
export async function currentWriter(page: Page): Promise<string> {
  return writerSelect(page).evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text ?? '');
}

/** Picks a writer in the select by name. */
export async function chooseWriter(page: Page, name: string): Promise<void> {
  const label = await writerSelect(page).locator('option').filter({ hasText: name }).first().textContent();
  await writerSelect(page).selectOption({ label: label ?? name });
}

/**
 * A tool inside the toolbar's "More" menu (compact chrome), found whether the menu is open or not
 * (a closed menu's item's name, computed with hidden content, ends with its key).
 */
export function moreTool(page: Page, name: string, role: 'menuitem' | 'menuitemcheckbox' = 'menuitem'): Locator {
  return toolbar(page)
    .getByRole('menu', { name: 'More tools', includeHidden: true })
    .getByRole(role, { name: new RegExp(`^${escapeRegExp(name)}( |$)`), includeHidden: true });
}

export function toolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Board tools' });
}

/** The board says every edit is on disk (IndexedDB committed it). */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.getByText('Saved on this computer', { exact: true }).waitFor();
}

/** Opens the board from its workspace page with the keyboard (Tab to its link, Enter). */
export async function waitForBoard(page: Page, name = SAMPLE_BOARD): Promise<void> {
  await boardHeading(page, name).waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  await settle(page);
}

export type NodeView = { id: string; type: string; label: string; x: number; y: number };

/** Every node as shown: its type, accessible name and position on the canvas (flow coordinates). */
export async function readNodes(page: Page): Promise<NodeView[]> {
  const nodes = await page.locator('.react-flow__node').evaluateAll((elements) =>
    elements.map((element) => {
      const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec((element as HTMLElement).style.transform);
      const type = [...element.classList].find((name) => name.startsWith('react-flow__node-'))?.slice('react-flow__node-'.length) ?? '';
      return {
        id: element.getAttribute('data-id') ?? '',
        type,
        label: element.getAttribute('aria-label') ?? '',
        x: match ? Number(match[1]) : Number.NaN,
        y: match ? Number(match[2]) : Number.NaN,
      };
    }),
  );
  return nodes.sort((a, b) => a.id.localeCompare(b.id));
}

/** The accessible name of the focused element (or its tag). */
export async function focusedName(page: Page): Promise<string> {
  await settle(page);
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '<body>';
    return element.getAttribute('aria-label') ?? `<${element.tagName.toLowerCase()}>`;
  });
}

/** Waits until the focused element has this accessible name. */
export async function expectFocusedName(page: Page, name: string | RegExp): Promise<void> {
  await poll(() => focusedName(page)).toMatch(typeof name === 'string' ? new RegExp(`^${escapeRegExp(name)}$`) : name);
}

/** The nodes' accessible names in visual reading order (the order Tab follows on the canvas). */
export async function labelsInReadingOrder(page: Page): Promise<string[]> {
  const nodes = await readNodes(page);
  return readingOrder(nodes.map((node) => ({ ...node, position: { x: node.x, y: node.y } }))).map((node) => node.label);
}

/**
 * Moves keyboard focus to a node with Tab or Shift+Tab, whichever way it lies in reading order
 * (the canvas is one Tab stop that remembers its last node, so going back takes Shift+Tab).
 */
export async function tabToNode(page: Page, name: string | RegExp, max = 80): Promise<void> {
  const matches = (label: string) => (typeof name === 'string' ? label === name : name.test(label));
  await page.getByRole('group', { name, exact: typeof name === 'string' }).first().waitFor();
  for (let presses = 0; presses <= max; presses++) {
    const current = await focusedName(page);
    if (matches(current)) return;
    const order = await labelsInReadingOrder(page);
    const from = order.indexOf(current);
    const to = order.findIndex(matches);
    await page.keyboard.press(from >= 0 && to >= 0 && to < from ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached the node ${name}; focus is on ${await describeFocus(page)}`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The board's Y.Doc as stored in IndexedDB: the raw updates y-dexie appended for this board,
 * merged into a fresh doc here in Node. This reads what is on disk, not what the page holds.
 */
export async function readStoredBoardDoc(page: Page, workspaceId: string, boardId: string): Promise<Y.Doc> {
  const updates = await page.evaluate(
    ([workspace, board]) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open('alignboard');
        open.addEventListener('error', () => reject(open.error));
        open.addEventListener('success', () => {
          const db = open.result;
          const tx = db.transaction('$boards.doc_updates', 'readonly');
          const request = tx.objectStore('$boards.doc_updates').index('k').getAll(IDBKeyRange.only([workspace, board]));
          request.addEventListener('success', () => {
            resolve((request.result as { u: Uint8Array }[]).map((row) => [...row.u]));
            db.close();
          });
          request.addEventListener('error', () => reject(request.error));
        });
      }),
    [workspaceId, boardId] as const,
  );
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdateV2(doc, new Uint8Array(update));
  return doc;
}

/** A persona field's text in a stored board doc (plain string or Y.Text). */
export function storedPersonaField(doc: Y.Doc, field: string): string {
  let text = '';
  doc.getMap<Y.Map<unknown>>('nodes').forEach((node) => {
    if (node.get('type') === 'persona') text = String(node.get(field) ?? '');
  });
  return text;
}
