import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { en } from '../../shared/locales/en';
import {
  addMember,
  expectWorkspacePage,
  goHome,
  goToBackups,
  openSample,
  readBoards,
  readMembers,
  readTable,
  readWorkspaces,
  toasts,
  workspacesTable,
} from './support/app';
import { cleanUpBrowsers, expectNoSeriousA11yViolations, launchBrowser } from './support/browser';

afterEach(cleanUpBrowsers);

const SAMPLE = 'Sample: Northwind Cloud';

type BackupRow = { workspace: string; saved: string; size: string };

async function readBackups(page: Page): Promise<BackupRow[]> {
  const table = page.getByRole('table', { name: 'Restore from backup' });
  if ((await table.count()) === 0) return [];
  return (await readTable(table)).map(([workspace = '', saved = '', size = '']) => ({ workspace, saved, size }));
}

/**
 * The Backups page reads the list when it opens, so come back to it until the automatic backup
 * (3 s after the app starts) shows up.
 */
async function waitForBackupOf(page: Page, workspace: string, timeoutMs = 20_000): Promise<BackupRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await goToBackups(page);
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    const rows = await readBackups(page);
    if (rows.some((row) => row.workspace === workspace)) return rows;
    if (Date.now() > deadline) throw new Error(`no backup of “${workspace}” listed after ${timeoutMs} ms: ${JSON.stringify(rows)}`);
    await goHome(page);
    await page.waitForTimeout(500);
  }
}

test('the automatic backup lists the sample, and restoring it makes a new workspace with its members', async () => {
  const { page, pageErrors } = await launchBrowser();
  await openSample(page);
  const sampleMembers = await readMembers(page);
  expect(sampleMembers).toHaveLength(en.sample.members.length);
  const sampleBoards = await readBoards(page);

  // Start the app again: the browser host backs up changed workspaces 3 s after start.
  await page.reload();
  await expectWorkspacePage(page, SAMPLE);
  const backups = await waitForBackupOf(page, SAMPLE);
  expect(backups).toHaveLength(1);
  const [backup] = backups as [BackupRow];
  expect(backup.workspace).toBe(SAMPLE);
  expect(backup.saved).not.toBe('');
  expect(backup.size).toMatch(/\d/);

  // Change the workspace after the backup: the backup keeps the earlier state.
  await goHome(page);
  await workspacesTable(page).getByRole('link', { name: SAMPLE, exact: true }).click();
  await expectWorkspacePage(page, SAMPLE);
  await addMember(page, { name: 'Late Joiner', department: 'Other', title: 'Partner Manager' });

  await goToBackups(page);
  await page.getByRole('button', { name: `Restore ${SAMPLE} from ${backup.saved}`, exact: true }).click();
  const restoredName = `${SAMPLE} (restored ${backup.saved})`;
  await expectWorkspacePage(page, restoredName);
  await toasts(page).getByText(`Restored “${restoredName}” as a new workspace`).waitFor();
  expect(await readMembers(page)).toEqual(sampleMembers);
  expect(await readBoards(page)).toEqual(sampleBoards);

  await goHome(page);
  const [original, restored] = (await readWorkspaces(page)).sort((a, b) => a.name.localeCompare(b.name));
  expect(original).toMatchObject({ name: SAMPLE, members: String(sampleMembers.length + 1) });
  expect(restored).toEqual({ name: restoredName, members: String(sampleMembers.length), boards: original!.boards });

  // "Back up now" snapshots every workspace at once.
  await goToBackups(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await toasts(page).getByText('2 workspaces backed up').waitFor();
  await page.getByRole('row').filter({ hasText: restoredName }).waitFor();
  const after = await readBackups(page);
  expect(after.map((row) => row.workspace).sort()).toEqual([SAMPLE, SAMPLE, restoredName]);
  expect(pageErrors).toEqual([]);
});

test('the Backups page says what the last backup did, and a backup that cannot run is said there and in a notification', async () => {
  const { page, pageErrors } = await launchBrowser();
  await openSample(page);
  await page.reload();
  await expectWorkspacePage(page, SAMPLE);
  await waitForBackupOf(page, SAMPLE);
  const status = page.getByRole('region', { name: 'Last backup' });
  await status.getByText('1 workspace backed up').waitFor();
  await expect(status.textContent()).resolves.toContain('when Alignboard started');

  // The backups database breaks under the app (as a damaged browser profile would): another
  // connection replaces it with one the app cannot open.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('alignboard-backups', 1000);
        request.addEventListener('upgradeneeded', () => {
          for (const name of Array.from(request.result.objectStoreNames)) request.result.deleteObjectStore(name);
        });
        request.addEventListener('success', () => {
          request.result.close();
          resolve();
        });
        request.addEventListener('error', () => reject(request.error));
      }),
  );
  await page.getByRole('button', { name: 'Back up now' }).click();
  const notice = toasts(page).getByText(/^(The backup could not run|1 workspace was not backed up)$/);
  await notice.waitFor({ timeout: 20_000 });
  await status.getByText(/^(The backup could not run: .+|“.+” could not be backed up: .+)$/).waitFor();
  // The list cannot be read either: the page says so where the list would be, not in a second toast.
  await page.getByText(/^The backups could not be listed: .+$/).waitFor();
  expect(await toasts(page).getByText(/^Something went wrong/).count()).toBe(0);
  await expectNoSeriousA11yViolations(page, 'backups page with a failed backup');
  // The notification leads to the page that explains it.
  await toasts(page).getByRole('button', { name: 'Open Backups' }).click();
  await page.getByRole('heading', { level: 1, name: 'Restore from backup' }).waitFor();
  expect(pageErrors).toEqual([]);
});
