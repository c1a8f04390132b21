import { afterEach, expect, test } from 'vitest';
import {
  addMember,
  createWorkspace,
  expectWorkspacePage,
  membersTable,
  readMembers,
  readWorkspaces,
  rowNamed,
} from './support/app';
import { appUrl, cleanUpBrowsers, launchBrowser, type AppBrowser } from './support/browser';

afterEach(cleanUpBrowsers);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILLs the browser (no shutdown, no flush) and starts a new one on the same profile. */
async function crashAndRelaunch(app: AppBrowser, route: string): Promise<AppBrowser> {
  await app.kill();
  expect(isAlive(app.pid)).toBe(false);
  const next = await launchBrowser({ profileDir: app.profileDir, route });
  expect(next.pid).not.toBe(app.pid);
  return next;
}

test('edits survive the browser being killed right after they show on screen', async () => {
  let app = await launchBrowser();

  // 1. A new workspace: kill as soon as its page shows.
  const id = await createWorkspace(app.page, 'Crash Test Workshop');
  app = await crashAndRelaunch(app, '/');
  expect(await readWorkspaces(app.page)).toEqual([{ name: 'Crash Test Workshop', members: '0', boards: '0' }]);

  // 2. A new member: kill the moment its row is visible.
  await app.page.goto(appUrl(`/w/${id}`));
  await expectWorkspacePage(app.page, 'Crash Test Workshop');
  await addMember(app.page, { name: 'Kenji Mori', department: 'Sales', title: 'Account Executive' });
  app = await crashAndRelaunch(app, `/w/${id}`);
  await expectWorkspacePage(app.page, 'Crash Test Workshop');
  expect(await readMembers(app.page)).toEqual([{ name: 'Kenji Mori', department: 'Sales', title: 'Account Executive' }]);

  // 3. An edit of that member: kill the moment the edited row is visible.
  await membersTable(app.page).getByRole('button', { name: 'Edit Kenji Mori' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Edit member' });
  await dialog.getByLabel('Department').selectOption({ label: 'Marketing' });
  await dialog.getByLabel('Title').fill('Field Marketing Manager');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await rowNamed(membersTable(app.page), 'Kenji Mori').getByText('Field Marketing Manager').waitFor();
  app = await crashAndRelaunch(app, `/w/${id}`);
  await expectWorkspacePage(app.page, 'Crash Test Workshop');
  expect(await readMembers(app.page)).toEqual([{ name: 'Kenji Mori', department: 'Marketing', title: 'Field Marketing Manager' }]);

  expect(app.pageErrors).toEqual([]);
});
