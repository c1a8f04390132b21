import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  goHome,
  goToBackups,
  goToSettings,
  expectWorkspacePage,
  importFile,
  membersTable,
  theme,
  workspacesTable,
} from './support/app';
import { cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser, type AppBrowser } from './support/browser';

/**
 * axe-core on every screen and dialog, in every theme. One browser for the whole file: the
 * tests run in order, from the empty app to one with the sample workspace and a backup.
 */

const SAMPLE = 'Sample: Northwind Cloud';
const BAD_FILE = resolve(import.meta.dirname, '../fixtures/e2e/newer-version.alignboard');

let app: AppBrowser;
beforeAll(async () => {
  app = await launchBrowser();
});
afterAll(cleanUpBrowsers);

/** Goes to the sample workspace's page, creating it on first use. */
async function openSampleWorkspace(page: Page): Promise<void> {
  await goHome(page);
  const sampleButton = page.getByRole('button', { name: 'Open the sample workspace' });
  const sampleLink = workspacesTable(page).getByRole('link', { name: SAMPLE, exact: true });
  await sampleButton.or(sampleLink).first().waitFor();
  await ((await sampleButton.isVisible()) ? sampleButton : sampleLink).click();
  await expectWorkspacePage(page, SAMPLE);
  await membersTable(page).waitFor();
}

async function expectAccessibleImportError(page: Page, label: string): Promise<void> {
  await goHome(page);
  await importFile(page, BAD_FILE);
  const dialog = page.getByRole('alertdialog', { name: 'This file could not be imported' });
  await dialog.waitFor();
  await expectNoSeriousA11yViolations(page, label);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

async function expectAccessibleMemberDialog(page: Page, label: string): Promise<void> {
  await openSampleWorkspace(page);
  await page.getByRole('button', { name: 'Add member', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a member' });
  await dialog.waitFor();
  await expectNoSeriousA11yViolations(page, label);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

async function switchTheme(page: Page, target: string): Promise<void> {
  for (let i = 0; i < 3 && (await theme(page)) !== target; i++) await page.keyboard.press('Alt+Shift+T');
  expect(await theme(page)).toBe(target);
}

describe('accessibility: no serious or critical axe violations', () => {
  test('empty home page', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'No workspaces yet' }).waitFor();
    expect(await theme(page)).toBe('light');
    await expectNoSeriousA11yViolations(page, 'empty home');
  });

  test('import error dialog', async () => {
    await expectAccessibleImportError(app.page, 'import error dialog');
  });

  test('workspace page (the sample)', async () => {
    await openSampleWorkspace(app.page);
    await expectNoSeriousA11yViolations(app.page, 'workspace page');
  });

  test('add member dialog', async () => {
    await expectAccessibleMemberDialog(app.page, 'add member dialog');
  });

  test('edit member dialog with a validation error', async () => {
    const { page } = app;
    await openSampleWorkspace(page);
    await membersTable(page).getByRole('button', { name: 'Edit Emma Clark' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit member' });
    await dialog.getByLabel('Name').fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Name is required.' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'edit member dialog, name missing');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  test('home page with the sample workspace', async () => {
    await goHome(app.page);
    await workspacesTable(app.page).waitFor();
    await expectNoSeriousA11yViolations(app.page, 'home with the sample');
  });

  test('delete confirmation dialog', async () => {
    const { page } = app;
    await goHome(page);
    await page.getByRole('button', { name: `Actions for ${SAMPLE}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete “${SAMPLE}”?` });
    await dialog.waitFor();
    await expectNoSeriousA11yViolations(page, 'delete confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  test('keyboard shortcuts dialog', async () => {
    const { page } = app;
    await goHome(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await expectNoSeriousA11yViolations(page, 'shortcuts dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  test('settings page', async () => {
    await goToSettings(app.page);
    await expectNoSeriousA11yViolations(app.page, 'settings');
  });

  test('backups page with a backup listed', async () => {
    const { page } = app;
    await goToBackups(page);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('table', { name: 'Restore from backup' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'backups');
  });

  test('open workspace actions menu', async () => {
    const { page } = app;
    await goHome(page);
    await page.getByRole('button', { name: `Actions for ${SAMPLE}` }).click();
    await page.getByRole('menu').waitFor();
    try {
      await expectNoSeriousA11yViolations(page, 'actions menu open');
    } finally {
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });
    }
  });

  test.for(['dark', 'projector'])('%s theme: home, workspace page, dialogs, settings and backups', async (target) => {
    const { page } = app;
    await goHome(page);
    await switchTheme(page, target);
    await workspacesTable(page).waitFor();
    await expectNoSeriousA11yViolations(page, `home (${target})`);
    await openSampleWorkspace(page);
    await expectNoSeriousA11yViolations(page, `workspace page (${target})`);
    await expectAccessibleMemberDialog(page, `add member dialog (${target})`);
    await expectAccessibleImportError(page, `import error dialog (${target})`);
    await goToSettings(page);
    await expectNoSeriousA11yViolations(page, `settings (${target})`);
    await goToBackups(page);
    await page.getByRole('table', { name: 'Restore from backup' }).waitFor();
    await expectNoSeriousA11yViolations(page, `backups (${target})`);
  });

  test('Japanese UI: home and workspace page', async () => {
    const { page } = app;
    await switchTheme(page, 'light');
    await goToSettings(page);
    await page.getByLabel('Language', { exact: true }).selectOption({ label: '日本語' });
    await page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'ワークスペース' }).click();
    await page.getByRole('table', { name: 'ワークスペース一覧' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'home (ja)');
    await page.getByRole('link', { name: SAMPLE, exact: true }).click();
    await page.getByRole('table', { name: 'メンバー' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'workspace page (ja)');
    expect(app.pageErrors).toEqual([]);
  });
});
