import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renameWorkspace, createWorkspace, listWorkspaces } from '../../renderer/src/db/workspaces';
import { backUpWorkspaces, runBackups, type BackupDeps } from '../../renderer/src/features/backups/backupService';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import type { Host } from '../../renderer/src/host';
import { utf8ByteLength } from '../../shared/fileLimits';
import { formatDateTime } from '../../renderer/src/i18n';
import { exportWorkspace } from '../../renderer/src/db/workspaceFiles';
import { parseWorkspaceFile } from '../../shared/workspaceFile';
import { clearBrowserBackups, renderApp, resetDb } from './renderApp';

beforeEach(async () => {
  await resetDb();
  await clearBrowserBackups();
});

const MB = 1024 * 1024;

/** Stands in a 250 MB workspace (by its size, without allocating it) for the workspace named `big`. */
function sizeOfWith(bigId: string): BackupDeps['sizeOf'] {
  return (workspaceId, content) => (workspaceId === bigId ? 250 * MB : utf8ByteLength(content));
}

async function threeWorkspaces() {
  const alpha = await createWorkspace('Alpha');
  const big = await createWorkspace('Big plan');
  const gamma = await createWorkspace('Gamma');
  return { alpha, big, gamma };
}

describe('backing up workspaces one by one', () => {
  it('backs up every other workspace when one is over the size limit, and says which and why', async () => {
    const { alpha, big, gamma } = await threeWorkspaces();
    const host = createBrowserHost(localStorage);
    const run = await backUpWorkspaces(host, { reason: 'startup' }, { sizeOf: sizeOfWith(big) });

    expect(run.problem).toBeNull();
    const byId = new Map(run.outcomes.map((o) => [o.workspaceId, o]));
    expect(byId.get(big)).toEqual({ workspaceId: big, workspaceName: 'Big plan', status: 'too-large', bytes: 250 * MB });
    expect(byId.get(alpha)?.status).toBe('saved');
    expect(byId.get(gamma)?.status).toBe('saved');
    expect((await host.backups.list()).map((e) => e.workspaceName).sort()).toEqual(['Alpha', 'Gamma']);
  });

  it('backs up the others when saving one fails, with the reason the host gave', async () => {
    const { alpha, big, gamma } = await threeWorkspaces();
    const real = createBrowserHost(localStorage);
    const host: Host = {
      ...real,
      backups: {
        ...real.backups,
        save: async (snapshot) => {
          if (snapshot.workspaceId === big) {
            throw new Error("Error invoking remote method 'backup:save': Error: ENOSPC: no space left on device, write");
          }
          return real.backups.save(snapshot);
        },
      },
    };
    const run = await backUpWorkspaces(host, { reason: 'interval' });
    expect(run.outcomes.find((o) => o.workspaceId === big)).toEqual({
      workspaceId: big,
      workspaceName: 'Big plan',
      status: 'failed',
      message: 'ENOSPC: no space left on device, write',
    });
    expect((await real.backups.list()).map((e) => e.workspaceId).sort()).toEqual([alpha, gamma].sort());
  });

  it('skips a workspace unchanged since its newest backup, and backs it up again once it changes', async () => {
    const { alpha } = await threeWorkspaces();
    const host = createBrowserHost(localStorage);
    await backUpWorkspaces(host, { reason: 'startup' });
    let run = await backUpWorkspaces(host, { reason: 'startup' });
    expect(run.outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);

    await renameWorkspace(alpha, 'Alpha 2');
    run = await backUpWorkspaces(host, { reason: 'interval' });
    expect(run.outcomes.filter((o) => o.status === 'saved').map((o) => o.workspaceName)).toEqual(['Alpha 2']);
  });

  it('does not skip a changed workspace because its last backup is dated in the future', async () => {
    const id = await createWorkspace('Plan');
    const host = createBrowserHost(localStorage);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // Ten backups made while the clock was two years ahead.
      vi.setSystemTime(new Date('2028-06-01T00:00:00Z'));
      for (let i = 0; i < 10; i++) await backUpWorkspaces(host, { reason: 'startup', force: true });
      vi.setSystemTime(new Date('2026-11-30T04:43:10Z'));
      await renameWorkspace(id, 'Plan, revised');

      const run = await backUpWorkspaces(host, { reason: 'startup' });
      expect(run.outcomes).toEqual([expect.objectContaining({ status: 'saved', workspaceName: 'Plan, revised' })]);
      const list = await host.backups.list();
      expect(list).toHaveLength(10);
      expect(list[0]).toMatchObject({ workspaceName: 'Plan, revised', createdAt: '2026-11-30T04:43:10.000Z' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a run that cannot start at all', async () => {
    await createWorkspace('Alpha');
    const real = createBrowserHost(localStorage);
    const host: Host = { ...real, backups: { ...real.backups, list: async () => Promise.reject(new Error('The backups folder is not readable')) } };
    const run = await runBackups(host, { reason: 'startup' });
    expect(run).toMatchObject({ problem: 'The backups folder is not readable', outcomes: [] });
  });
});

describe('the failure is shown', () => {
  it('toasts a workspace the startup backup could not save and shows why on the Backups page, with the others listed', async () => {
    const user = userEvent.setup();
    const { big } = await threeWorkspaces();
    const { host } = renderApp();
    await screen.findByRole('table', { name: 'Your workspaces' });

    await act(() => runBackups(host, { reason: 'startup' }, { sizeOf: sizeOfWith(big) }));

    const toast = (await screen.findByText('1 workspace was not backed up')).closest('li')!;
    expect(toast).toHaveTextContent('“Big plan” is too large to back up (250 MB; a workspace file can be at most 200 MB).');
    await user.click(within(toast).getByRole('button', { name: 'Open Backups' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Restore from backup' })).toBeInTheDocument();
    const status = screen.getByRole('region', { name: 'Last backup' });
    expect(status).toHaveTextContent('when Alignboard started');
    expect(status).toHaveTextContent('2 workspaces backed up');
    expect(status).toHaveTextContent('1 workspace not backed up');
    const problems = within(status).getByRole('list', { name: 'Not backed up' });
    expect(within(problems).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '“Big plan” is too large to back up (250 MB; a workspace file can be at most 200 MB). Remove large photos from it, or move part of it to another workspace.',
    ]);
    const table = await screen.findByRole('table', { name: 'Restore from backup' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent).sort()).toEqual(['Alpha', 'Gamma']);
  });

  it('says so in Japanese, and “Back up now” reports its own result', async () => {
    const user = userEvent.setup();
    await createWorkspace('アルファ');
    const { host } = renderApp({ settings: { language: 'ja' }, hash: '#/backups' });
    const status = await screen.findByRole('region', { name: '前回のバックアップ' });
    expect(status).toHaveTextContent('Alignboard の起動後、バックアップはまだ実行されていません。');

    await user.click(screen.getByRole('button', { name: '今すぐバックアップ' }));
    expect(await screen.findByText('1件のワークスペースをバックアップしました', { selector: '[data-title]' })).toBeInTheDocument();
    expect(status).toHaveTextContent('今すぐバックアップ');
    const table = await screen.findByRole('table', { name: 'バックアップから復元' });
    expect(within(table).getByRole('rowheader', { name: 'アルファ' })).toBeInTheDocument();

    // A run that cannot start: the toast and the page both say it.
    host.backups.list = async () => Promise.reject(new Error('読み取れません'));
    await act(() => runBackups(host, { reason: 'interval' }));
    expect(await screen.findByText('バックアップを実行できませんでした', { selector: '[data-title]' })).toBeInTheDocument();
    expect(status).toHaveTextContent('バックアップを実行できませんでした: 読み取れません');
  });
});

describe('restoring a backup', () => {
  it('restores the same backup twice as two workspaces the list tells apart, each named in one message', async () => {
    const user = userEvent.setup();
    await createWorkspace('Alpha');
    const { host } = renderApp({ hash: '#/backups' });
    await act(() => runBackups(host, { reason: 'manual', force: true }));
    const [entry] = await host.backups.list();
    const first = `Alpha (restored ${formatDateTime(entry!.createdAt, 'en')})`;
    for (const name of [first, `${first} (2)`]) {
      await user.click(await screen.findByRole('button', { name: /^Restore Alpha from / }));
      expect(await screen.findByRole('heading', { level: 1, name })).toBeInTheDocument();
      expect(await screen.findByText(`Restored “${name}” as a new workspace`)).toBeInTheDocument();
      window.location.hash = '#/backups';
    }
    // One message per restore: not also “Imported …”.
    expect(screen.queryByText(/^Imported /)).not.toBeInTheDocument();
    expect((await listWorkspaces()).map((w) => w.name).sort()).toEqual(['Alpha', first, `${first} (2)`]);
  });


  it('restores a workspace named at the limit under a name within it, whose file imports again', async () => {
    const user = userEvent.setup();
    const long = 'x'.repeat(200);
    await createWorkspace(long);
    const { host } = renderApp({ hash: '#/backups' });
    await act(() => runBackups(host, { reason: 'manual', force: true }));
    await user.click(await screen.findByRole('button', { name: new RegExp(`^Restore ${long} from `) }));
    expect(await screen.findByText(/^Restored “x+… \(restored .+\)” as a new workspace$/)).toBeInTheDocument();
    const restored = (await listWorkspaces()).find((w) => w.name !== long)!;
    expect(restored.name).toHaveLength(200);
    expect(parseWorkspaceFile(await exportWorkspace(restored.id)).ok).toBe(true);
  });

  it('makes one workspace when Restore is pressed twice before the first restore ends (a double click or tap)', async () => {
    const user = userEvent.setup();
    await createWorkspace('Alpha');
    const { host } = renderApp({ hash: '#/backups' });
    await act(() => runBackups(host, { reason: 'manual', force: true }));
    const restore = await screen.findByRole('button', { name: /^Restore Alpha from / });
    await user.dblClick(restore);
    expect(await screen.findByText(/^Restored “Alpha \(restored /)).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect((await listWorkspaces()).filter((w) => w.name.startsWith('Alpha (restored'))).toHaveLength(1);
    // The restored workspace is opened.
    expect(await screen.findByRole('heading', { level: 1, name: /^Alpha \(restored / })).toBeInTheDocument();
  });
});
