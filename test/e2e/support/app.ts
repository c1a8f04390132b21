import { readFile, stat } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { en } from '../../../shared/locales/en';
import type { ja } from '../../../shared/locales/ja';

/**
 * Helpers that drive Alignboard the way a person does: by role, label and visible text. Reading
 * helpers may look inside a table found by its role and name, but nothing here clicks by CSS.
 */

export type Department = 'Sales' | 'Marketing' | 'Other';
export type MemberRow = { name: string; department: string; title: string };
export type WorkspaceRow = { name: string; members: string; boards: string };

/** expect.poll with a timeout that suits a real browser on a slow machine. */
export function poll<T>(fn: () => Promise<T> | T, timeout = 10_000) {
  return expect.poll(fn, { timeout, interval: 100 });
}

/** The app header's navigation (the breadcrumb on workspace pages is a second nav). */
export function headerNav(page: Page): Locator {
  return page.getByRole('banner').getByRole('navigation');
}

export async function goHome(page: Page): Promise<void> {
  await headerNav(page).getByRole('link', { name: 'Workspaces', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Workspaces', exact: true }).waitFor();
}

export async function goToSettings(page: Page): Promise<void> {
  await headerNav(page).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
}

export async function goToBackups(page: Page): Promise<void> {
  await headerNav(page).getByRole('link', { name: 'Backups', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Restore from backup', exact: true }).waitFor();
}

/** The workspace id from a `#/w/:id` URL. */
export function workspaceIdFromUrl(page: Page): string {
  const match = /#\/w\/([^/?#]+)/.exec(page.url());
  if (!match) throw new Error(`not on a workspace page: ${page.url()}`);
  return decodeURIComponent(match[1]!);
}

export async function expectWorkspacePage(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await page.waitForURL(/#\/w\/[^/]+$/);
}

/** "Open the sample workspace" on the empty home page; resolves on the sample's page. */
export async function openSample(page: Page, name = 'Sample: Northwind Cloud'): Promise<string> {
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectWorkspacePage(page, name);
  return workspaceIdFromUrl(page);
}

/**
 * A new workspace with the sample's people and nothing else (no regular meeting, KPIs or values:
 * the sample comes with those filled in), made through the UI in the page's language (`messages`).
 * For tests that set a feature up from scratch. Resolves on the workspace's page with its id.
 */
export async function createWorkspaceWithSamplePeople(page: Page, messages: typeof en | typeof ja, name: string): Promise<string> {
  await page.getByRole('button', { name: messages.home.newWorkspace, exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: messages.home.createTitle });
  await dialog.getByLabel(messages.common.name).fill(name);
  await dialog.getByRole('button', { name: messages.common.create }).click();
  await expectWorkspacePage(page, name);
  await dialog.waitFor({ state: 'detached' });
  const members = page.getByRole('table', { name: messages.members.title });
  for (const member of messages.sample.members) {
    await page.getByRole('button', { name: messages.members.add, exact: true }).click();
    const add = page.getByRole('dialog', { name: messages.members.addTitle });
    await add.getByLabel(messages.members.name).fill(member.name);
    await add.getByLabel(messages.members.department).selectOption({ label: messages.department[member.department as keyof typeof messages.department] });
    await add.getByLabel(messages.members.titleField).fill(member.title);
    await add.getByRole('button', { name: messages.members.add }).click();
    await add.waitFor({ state: 'detached' });
    await rowNamed(members, member.name).waitFor();
  }
  return workspaceIdFromUrl(page);
}

/** Creates a workspace with the home page's "New workspace" button; resolves on its page. */
export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'New workspace', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expectWorkspacePage(page, name);
  await dialog.waitFor({ state: 'detached' });
  return workspaceIdFromUrl(page);
}

export function membersTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Members' });
}

export function workspacesTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Your workspaces' });
}

/** The row of a table whose row header is exactly `name`. */
export function rowNamed(table: Locator, name: string): Locator {
  // A `has` locator is resolved inside each row, so it must start from the page, not the table.
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
}

/** Adds a member through the "Add member" dialog and waits for its row. */
export async function addMember(page: Page, member: { name: string; department: Department; title: string }): Promise<void> {
  await page.getByRole('button', { name: 'Add member', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a member' });
  await dialog.getByLabel('Name').fill(member.name);
  await dialog.getByLabel('Department').selectOption({ label: member.department });
  await dialog.getByLabel('Title').fill(member.title);
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await dialog.waitFor({ state: 'detached' });
  await rowNamed(membersTable(page), member.name).waitFor();
}

/**
 * The text a person (or a screen reader) gets from each body row of a table: aria-hidden parts
 * (like the department badge's letter mark) are left out, whitespace collapsed.
 */
export async function readTable(table: Locator): Promise<string[][]> {
  await table.waitFor();
  return table.evaluate((element) => {
    const text = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
      return [...node.childNodes].map(text).join('');
    };
    const rows = [...(element as HTMLTableElement).tBodies].flatMap((body) => [...body.rows]);
    return rows.map((row) => [...row.cells].map((cell) => text(cell).replace(/\s+/g, ' ').trim()));
  });
}

/** Members of the open workspace page as shown, sorted by name (the page sorts by department). */
export async function readMembers(page: Page): Promise<MemberRow[]> {
  const rows = await readTable(membersTable(page));
  return rows
    .map(([name = '', department = '', title = '']) => ({ name, department, title }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The home page's workspace list as shown (most recently edited first). */
export async function readWorkspaces(page: Page): Promise<WorkspaceRow[]> {
  const rows = await readTable(workspacesTable(page));
  return rows.map(([name = '', , members = '', boards = '']) => ({ name, members, boards }));
}

/** Names of the persona boards shown in the workspace page's "Personas" gallery. */
export async function readBoards(page: Page, gallery = 'Personas'): Promise<string[]> {
  const region = page.getByRole('region', { name: gallery, exact: true });
  await region.waitFor();
  return (await region.getByRole('heading', { level: 3 }).allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Opens the "Actions for {name}" menu on the home page and picks an item. */
export async function workspaceAction(page: Page, workspace: string, item: 'Rename' | 'Duplicate' | 'Export…' | 'Delete'): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${workspace}`, exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** The toast region (sonner): toasts are list items inside it. */
export function toasts(page: Page): Locator {
  return page.getByRole('region', { name: /^Alignboard/ });
}

export type SavedFile = { suggestedFilename: string; path: string; text: string };

/** Runs `trigger` and returns the file the browser downloaded because of it. */
export async function captureDownload(page: Page, trigger: () => Promise<void>): Promise<SavedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return readDownload(download);
}

async function readDownload(download: Download): Promise<SavedFile> {
  const failure = await download.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  const path = await download.path();
  return { suggestedFilename: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

/** Picks `filePath` in the file chooser that `trigger` opens (the browser host's hidden input). */
export async function chooseFile(page: Page, filePath: string, trigger: () => Promise<void>): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger()]);
  // The browser runs on this machine (launchBrowser connects with isLocal), so Playwright hands it
  // the file's path, not its bytes base64-encoded through the protocol (that took about 2 s a
  // megabyte: 12 s for the 6.5 MB CSV). The browser still reads the file as the input takes it:
  // the wait grows with the file, so a loaded machine does not fail the step.
  const { size } = await stat(filePath);
  await chooser.setFiles(filePath, { timeout: 30_000 + Math.ceil(size / 1_000_000) * 10_000 });
}

/** "Import…" on the home page, picking `filePath`. */
export async function importFile(page: Page, filePath: string): Promise<void> {
  await chooseFile(page, filePath, () => page.getByRole('button', { name: 'Import…' }).click());
}

export async function theme(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.theme);
}

export async function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

export type SlaStepName = keyof (typeof en)['slaSteps']['steps'];

/** The SLA page's step navigation's link to `step` (its text is "N. Step"). */
export function slaStepLink(page: Page, messages: typeof en | typeof ja, step: SlaStepName): Locator {
  const name = messages.slaSteps.steps[step].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('navigation', { name: messages.slaSteps.nav }).getByRole('link', { name: new RegExp(`^\\d\\. ${name}$`) });
}

/** Opens a step of the SLA page from its step navigation (a click) and waits until it is the current one. */
export async function goToSlaStep(page: Page, messages: typeof en | typeof ja, step: SlaStepName): Promise<void> {
  const link = slaStepLink(page, messages, step);
  await link.click();
  await poll(() => link.getAttribute('aria-current')).toBe('step');
  await poll(() => page.url()).toMatch(new RegExp(`/sla/${step}$`));
}

/** Submits the SLA draft on Review & sign and signs it by every signer, each typing the name. */
export async function signSlaByTyping(page: Page, messages: typeof en | typeof ja, revision: number): Promise<void> {
  await goToSlaStep(page, messages, 'review');
  await page.getByRole('button', { name: messages.sla.actions.submit }).click();
  const waiting = page.getByRole('button', { name: messages.sla.actions.sign });
  await waiting.waitFor();
  for (let signer = 0; signer < 2; signer++) {
    await waiting.click();
    const dialog = page.getByRole('dialog', { name: messages.sla.sign.title });
    await dialog.getByLabel(messages.sla.sign.type).check();
    await dialog.getByRole('button', { name: messages.sla.sign.submit, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  const state = messages.sla.summary.replace('{{revision}}', String(revision)).replace('{{state}}', messages.sla.states.signed);
  await page.getByText(state, { exact: true }).waitFor();
}

/** Types a date or month into a date field and presses Enter: the field stores it only once the person is done (Enter or leaving it). */
export async function enterDate(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Enter');
}
