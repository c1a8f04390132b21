import { afterEach, describe, expect, test } from 'vitest';
import {
  addMember,
  createWorkspace,
  goHome,
  membersTable,
  poll,
  readMembers,
  readWorkspaces,
  rowNamed,
  toasts,
  workspaceAction,
  workspaceIdFromUrl,
  workspacesTable,
} from './support/app';
import { cleanUpBrowsers, launchBrowser } from './support/browser';
import { readStoredWorkspace } from './support/storage';

afterEach(cleanUpBrowsers);

const HANA = { name: 'Hana Sato', department: 'Marketing', title: 'Demand Generation Lead' } as const;

describe('workspaces', () => {
  test('a new workspace and its member are still there after a reload', async () => {
    const app = await launchBrowser();
    const { page } = app;
    await page.getByRole('heading', { name: 'No workspaces yet' }).waitFor();

    const id = await createWorkspace(page, 'Q3 Alignment');
    await toasts(page).getByText('Workspace “Q3 Alignment” created').waitFor();
    await membersTable(page).waitFor({ state: 'detached' });
    await page.getByText('No members yet.', { exact: false }).waitFor();

    await addMember(page, HANA);
    expect(await readMembers(page)).toEqual([HANA]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Q3 Alignment' }).waitFor();
    expect(workspaceIdFromUrl(page)).toBe(id);
    expect(await readMembers(page)).toEqual([HANA]);

    await goHome(page);
    expect(await readWorkspaces(page)).toEqual([{ name: 'Q3 Alignment', members: '1', boards: '0' }]);
    expect(app.pageErrors).toEqual([]);
  });

  test('rename, duplicate, delete with confirmation and undo, then purge', async () => {
    const app = await launchBrowser();
    const { page } = app;
    await createWorkspace(page, 'Q3 Alignment');
    await addMember(page, HANA);
    await goHome(page);

    // Rename: the dialog starts with the current name.
    await workspaceAction(page, 'Q3 Alignment', 'Rename');
    const rename = page.getByRole('dialog', { name: 'Rename workspace' });
    expect(await rename.getByLabel('Name').inputValue()).toBe('Q3 Alignment');
    await rename.getByLabel('Name').fill('Q4 Alignment');
    await rename.getByRole('button', { name: 'Save' }).click();
    await rename.waitFor({ state: 'detached' });
    await poll(() => readWorkspaces(page)).toEqual([{ name: 'Q4 Alignment', members: '1', boards: '0' }]);

    // Duplicate: a copy with the same members.
    await workspaceAction(page, 'Q4 Alignment', 'Duplicate');
    await toasts(page).getByText('Duplicated as “Q4 Alignment (copy)”').waitFor();
    await poll(async () => (await readWorkspaces(page)).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Q4 Alignment', members: '1', boards: '0' },
      { name: 'Q4 Alignment (copy)', members: '1', boards: '0' },
    ]);
    await workspacesTable(page).getByRole('link', { name: 'Q4 Alignment (copy)', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Q4 Alignment (copy)' }).waitFor();
    const copyId = workspaceIdFromUrl(page);
    expect(await readMembers(page)).toEqual([HANA]);
    await goHome(page);

    // Delete asks first; Cancel keeps the workspace.
    await workspaceAction(page, 'Q4 Alignment (copy)', 'Delete');
    let confirm = page.getByRole('alertdialog', { name: 'Delete “Q4 Alignment (copy)”?' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(/members: 1\b/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await rowNamed(workspacesTable(page), 'Q4 Alignment (copy)').count()).toBe(1);

    // Delete → gone at once → Undo brings it back, members included.
    await workspaceAction(page, 'Q4 Alignment (copy)', 'Delete');
    confirm = page.getByRole('alertdialog', { name: 'Delete “Q4 Alignment (copy)”?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await poll(() => readWorkspaces(page)).toEqual([{ name: 'Q4 Alignment', members: '1', boards: '0' }]);
    const deletedToast = toasts(page).getByRole('listitem').filter({ hasText: 'Workspace “Q4 Alignment (copy)” deleted' });
    await deletedToast.getByRole('button', { name: 'Undo' }).click();
    await toasts(page).getByText('Workspace “Q4 Alignment (copy)” restored').waitFor();
    await poll(async () => (await readWorkspaces(page)).map((w) => `${w.name}:${w.members}`).sort()).toEqual([
      'Q4 Alignment (copy):1',
      'Q4 Alignment:1',
    ]);

    // Delete again and let the undo toast run out: the workspace and its members are purged.
    await workspaceAction(page, 'Q4 Alignment (copy)', 'Delete');
    await page.getByRole('alertdialog', { name: 'Delete “Q4 Alignment (copy)”?' }).getByRole('button', { name: 'Delete' }).click();
    await poll(() => readWorkspaces(page)).toEqual([{ name: 'Q4 Alignment', members: '1', boards: '0' }]);
    const toast = toasts(page).getByRole('listitem').filter({ hasText: 'Workspace “Q4 Alignment (copy)” deleted' });
    await toast.waitFor();
    expect((await readStoredWorkspace(page, copyId)).deletedAt).not.toBeNull(); // hidden, not yet purged
    await toast.waitFor({ state: 'detached', timeout: 20_000 }); // the undo window is 8 s
    await poll(() => readStoredWorkspace(page, copyId)).toEqual({ exists: false, deletedAt: null, members: 0, boards: 0 });

    await page.reload();
    await workspacesTable(page).waitFor();
    expect(await readWorkspaces(page)).toEqual([{ name: 'Q4 Alignment', members: '1', boards: '0' }]);
    expect(app.pageErrors).toEqual([]);
  });
});
