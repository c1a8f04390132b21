import { useEffect } from 'react';
import type { Host } from '../../host';
import { exportWorkspace, listWorkspaces } from '../../db/workspaces';

/**
 * Snapshots every workspace that changed since its newest backup. Unchanged workspaces are skipped
 * so restarting the app many times a day does not push real history out of the last-10 window.
 */
export async function backUpChangedWorkspaces(host: Host, options: { force?: boolean } = {}): Promise<number> {
  const [workspaces, existing] = await Promise.all([listWorkspaces(), host.backups.list()]);
  const newest = new Map<string, string>();
  for (const entry of existing) {
    const last = newest.get(entry.workspaceId);
    if (!last || last < entry.createdAt) newest.set(entry.workspaceId, entry.createdAt);
  }
  const snapshots = [];
  for (const workspace of workspaces) {
    const last = newest.get(workspace.id);
    if (!options.force && last && last >= workspace.updatedAt) continue;
    snapshots.push({ workspaceId: workspace.id, workspaceName: workspace.name, content: await exportWorkspace(workspace.id) });
  }
  if (snapshots.length === 0) return 0;
  return (await host.backups.save(snapshots)).written;
}

export function useAutomaticBackups(host: Host) {
  useEffect(
    () =>
      host.onBackupDue(() => {
        backUpChangedWorkspaces(host).catch((error: unknown) => console.error('automatic backup failed', error));
      }),
    [host],
  );
}
