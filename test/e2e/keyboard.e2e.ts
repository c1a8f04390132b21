import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import {
  expectWorkspacePage,
  headerNav,
  htmlLang,
  membersTable,
  readMembers,
  readWorkspaces,
  rowNamed,
  theme,
  toasts,
  workspacesTable,
} from './support/app';
import { cleanUpBrowsers, launchBrowser, makeTempDir } from './support/browser';
import { expectFocused, expectFocusVisible, isFocused, pressUntilFocused } from './support/keyboard';

/**
 * Every journey here uses page.keyboard only: Tab / Shift+Tab / Enter / Space / arrows / Escape
 * and the app's own shortcuts. No clicks.
 */

afterEach(cleanUpBrowsers);

const BAD_FILE = resolve(import.meta.dirname, '../fixtures/e2e/newer-version.alignboard');

/** Tabs to `target` and activates it with `key`. */
async function tabAndPress(page: Page, target: Locator, key = 'Enter') {
  await pressUntilFocused(page, target);
  await page.keyboard.press(key);
}

/**
 * Follows a link of the app header with Shift+Tab and Enter: after a page change focus is at the
 * start of the new page's main region, and the header comes just before it.
 */
async function goByKeyboard(page: Page, link: 'Workspaces' | 'Settings' | 'Backups') {
  const target = headerNav(page).getByRole('link', { name: link, exact: true });
  await pressUntilFocused(page, target, 'Shift+Tab');
  await page.keyboard.press('Enter');
}

async function typeName(page: Page, text: string) {
  await page.keyboard.type(text);
}

describe('keyboard only', () => {
  test('open the sample, create a workspace, open it, add and edit a member', async () => {
    const { page, pageErrors } = await launchBrowser();
    await page.getByRole('heading', { name: 'No workspaces yet' }).waitFor();

    // The sample, from the empty home page.
    const sampleButton = page.getByRole('button', { name: 'Open the sample workspace' });
    await pressUntilFocused(page, sampleButton);
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expectWorkspacePage(page, 'Sample: Northwind Cloud');

    // `n` anywhere: the "New workspace" dialog, typing goes straight into its Name field.
    await page.keyboard.press('n');
    const create = page.getByRole('dialog', { name: 'New workspace' });
    await create.waitFor();
    expect(page.url()).toMatch(/#\/$/); // `n` goes home first
    expect(await isFocused(create.getByLabel('Name'))).toBe(true);
    await expectFocusVisible(page);
    await typeName(page, 'Keyboard Kickoff');
    await page.keyboard.press('Enter');
    await expectWorkspacePage(page, 'Keyboard Kickoff');
    await create.waitFor({ state: 'detached' });

    // Open it from the list.
    await goByKeyboard(page, 'Workspaces');
    await workspacesTable(page).waitFor();
    const link = workspacesTable(page).getByRole('link', { name: 'Keyboard Kickoff', exact: true });
    await pressUntilFocused(page, link);
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expectWorkspacePage(page, 'Keyboard Kickoff');

    // Add a member: Name, then the Department select with the arrow keys, then Title and Enter.
    const addButton = page.getByRole('button', { name: 'Add member', exact: true });
    await tabAndPress(page, addButton);
    const add = page.getByRole('dialog', { name: 'Add a member' });
    await add.waitFor();
    expect(await isFocused(add.getByLabel('Name'))).toBe(true);
    await typeName(page, 'Yuki Tanaka');
    await page.keyboard.press('Tab');
    expect(await isFocused(add.getByLabel('Department'))).toBe(true);
    await expectFocusVisible(page);
    await page.keyboard.press('ArrowDown'); // Sales → Marketing
    expect(await add.getByLabel('Department').inputValue()).toBe('marketing');
    await page.keyboard.press('Tab');
    expect(await isFocused(add.getByLabel('Title'))).toBe(true);
    await typeName(page, 'Field Marketing Manager');
    await page.keyboard.press('Enter');
    await add.waitFor({ state: 'detached' });
    // The table follows the database (a live query): it shows the save a moment after the dialog closes.
    await expect.poll(() => readMembers(page), { timeout: 15_000 }).toEqual([{ name: 'Yuki Tanaka', department: 'Marketing', title: 'Field Marketing Manager' }]);
    // Closing a dialog puts focus back on the control that opened it (WAI-ARIA dialog pattern).
    await expectFocused(page, addButton, { soft: true });

    // Edit that member.
    const editButton = membersTable(page).getByRole('button', { name: 'Edit Yuki Tanaka' });
    await tabAndPress(page, editButton);
    const edit = page.getByRole('dialog', { name: 'Edit member' });
    await edit.waitFor();
    expect(await isFocused(edit.getByLabel('Name'))).toBe(true);
    expect(await edit.getByLabel('Name').inputValue()).toBe('Yuki Tanaka');
    await pressUntilFocused(page, edit.getByLabel('Title'));
    await page.keyboard.press('ControlOrMeta+A');
    await typeName(page, 'Head of Sales Development');
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(edit.getByLabel('Department'))).toBe(true);
    await page.keyboard.press('ArrowUp'); // Marketing → Sales
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => readMembers(page), { timeout: 15_000 }).toEqual([{ name: 'Yuki Tanaka', department: 'Sales', title: 'Head of Sales Development' }]);
    await expectFocused(page, editButton, { soft: true });
    expect(pageErrors).toEqual([]);
  });

  test('skip to content, switch the language in Settings and cycle the theme', async () => {
    const { page, pageErrors } = await launchBrowser();
    await page.getByRole('heading', { name: 'No workspaces yet' }).waitFor();

    // The first Tab stop skips the header.
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('link', { name: 'Skip to content' }))).toBe(true);
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expectFocused(page, page.getByRole('main'));
    await page.keyboard.press('Tab');
    await expectFocused(page, page.getByRole('button', { name: 'New workspace', exact: true }).first());

    await goByKeyboard(page, 'Settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const language = page.getByLabel('Language', { exact: true });
    await pressUntilFocused(page, language);
    await expectFocusVisible(page);
    await page.keyboard.press('ArrowDown'); // Same as the system → 日本語
    await page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
    expect(await htmlLang(page)).toBe('ja');
    expect(await isFocused(page.getByLabel('言語', { exact: true }))).toBe(true);
    await page.keyboard.press('ArrowDown'); // 日本語 → English
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    // Alt+Shift+T cycles light → dark → projector → light, and the Theme radios follow.
    expect(await theme(page)).toBe('light');
    const cycle: [string, string][] = [
      ['dark', 'Dark'],
      ['projector', 'Projector (high contrast, large text)'],
      ['light', 'Light'],
    ];
    for (const [value, label] of cycle) {
      await page.keyboard.press('Alt+Shift+T');
      expect(await theme(page)).toBe(value);
      expect(await page.getByRole('radio', { name: label }).isChecked()).toBe(true);
    }

    // The Theme radios themselves: Tab to the checked one, arrow to the next.
    await pressUntilFocused(page, page.getByRole('radio', { name: 'Light' }));
    await expectFocusVisible(page);
    await page.keyboard.press('ArrowDown');
    expect(await theme(page)).toBe('dark');
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);

    // The theme was saved: it is still dark after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await theme(page)).toBe('dark');

    // `?` shows the shortcuts; Escape closes them.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const everywhere = help.getByRole('table', { name: 'Everywhere' });
    expect(await everywhere.getByRole('rowheader').allInnerTexts()).toEqual(['Alt+Shift+T', 'N', 'Ctrl+O', 'Ctrl+E', 'Alt+N', '?', 'Alt+Shift+A']);
    // Every page's keys are listed, from the one shortcut table: the KPI page's, the meeting's run mode…
    expect(await help.getByRole('table', { name: 'On the KPI page' }).getByRole('rowheader').allInnerTexts()).toEqual(['A', 'I']);
    expect(await help.getByRole('table', { name: 'Running a meeting' }).getByRole('rowheader').first().innerText()).toBe('Ctrl+Enter');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  test('delete a workspace from its actions menu and undo from the toast', async () => {
    const { page, pageErrors } = await launchBrowser();
    await page.getByRole('heading', { name: 'No workspaces yet' }).waitFor();
    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'New workspace' }).waitFor();
    await typeName(page, 'Doomed Workshop');
    await page.keyboard.press('Enter');
    await expectWorkspacePage(page, 'Doomed Workshop');
    await goByKeyboard(page, 'Workspaces');
    await workspacesTable(page).waitFor();

    // Actions menu: Enter opens it on its first item; arrows move to Delete.
    const trigger = page.getByRole('button', { name: 'Actions for Doomed Workshop' });
    await pressUntilFocused(page, trigger);
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await pressUntilFocused(page, page.getByRole('menuitem', { name: 'Delete' }), 'ArrowDown', 6);
    await page.keyboard.press('Enter');

    // The confirmation starts on the safe choice.
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Doomed Workshop”?' });
    await confirm.waitFor();
    expect(await isFocused(confirm.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await tabAndPress(page, confirm.getByRole('button', { name: 'Delete' }));
    await confirm.waitFor({ state: 'detached' });
    await rowNamed(workspacesTable(page), 'Doomed Workshop').waitFor({ state: 'detached' });

    // Alt+N lands on the Undo button of the newest toast, the "deleted" one, with no Tab to reach it.
    await page.keyboard.press('Alt+N');
    const deleted = toasts(page).getByRole('listitem').filter({ hasText: 'Workspace “Doomed Workshop” deleted' });
    const undo = deleted.getByRole('button', { name: 'Undo' });
    await expectFocused(page, undo);
    await expectFocusVisible(page, { soft: true });
    await page.keyboard.press('Enter');
    await toasts(page).getByText('Workspace “Doomed Workshop” restored').waitFor();
    await rowNamed(workspacesTable(page), 'Doomed Workshop').waitFor();
    expect(await readWorkspaces(page)).toEqual([{ name: 'Doomed Workshop', members: '0', boards: '0' }]);
    expect(pageErrors).toEqual([]);
  });

  test('Ctrl+E exports the open workspace and Ctrl+O imports a file; Escape closes the error dialog', async () => {
    const { page, pageErrors } = await launchBrowser();
    await page.getByRole('heading', { name: 'No workspaces yet' }).waitFor();
    await pressUntilFocused(page, page.getByRole('button', { name: 'Open the sample workspace' }));
    await page.keyboard.press('Enter');
    await expectWorkspacePage(page, 'Sample: Northwind Cloud');

    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('ControlOrMeta+E')]);
    expect(download.suggestedFilename()).toBe('Sample_ Northwind Cloud.alignboard');
    const dir = await makeTempDir();
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);

    // Ctrl+O: the picker opens; a bad file gets the error dialog, focused on Close.
    let [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('ControlOrMeta+O')]);
    await chooser.setFiles(BAD_FILE);
    const problem = page.getByRole('alertdialog', { name: 'This file could not be imported' });
    await problem.waitFor();
    expect(await isFocused(problem.getByRole('button', { name: 'Close' }).first())).toBe(true);
    await expectFocusVisible(page);
    await page.keyboard.press('Escape');
    await problem.waitFor({ state: 'detached' });

    // Ctrl+O with the exported file: a second copy of the sample, numbered apart from the first.
    [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('ControlOrMeta+O')]);
    await chooser.setFiles(exported);
    await toasts(page).getByText('Imported “Sample: Northwind Cloud (2)”').waitFor();
    await goByKeyboard(page, 'Workspaces');
    await workspacesTable(page).waitFor();
    const [copy, original] = await readWorkspaces(page);
    expect(original).toMatchObject({ name: 'Sample: Northwind Cloud', members: String(en.sample.members.length) });
    expect(copy).toEqual({ ...original, name: 'Sample: Northwind Cloud (2)' });
    expect(pageErrors).toEqual([]);
  });
});
