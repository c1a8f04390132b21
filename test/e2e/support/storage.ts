import type { Page } from 'playwright-core';

/**
 * Read-only look into the app's IndexedDB, for the few assertions that are about storage itself
 * (e.g. "a purged workspace leaves nothing behind"). Tests never write through here.
 */
export type StoredWorkspace = { exists: boolean; deletedAt: string | null; members: number; boards: number };

export async function readStoredWorkspace(page: Page, workspaceId: string): Promise<StoredWorkspace> {
  return page.evaluate(
    (id) =>
      new Promise<StoredWorkspace>((resolve, reject) => {
        const open = indexedDB.open('alignboard');
        open.addEventListener('error', () => reject(open.error));
        open.addEventListener('success', () => {
          const db = open.result;
          const tx = db.transaction(['workspaces', 'members', 'boards'], 'readonly');
          const workspace = tx.objectStore('workspaces').get(id);
          const members = tx.objectStore('members').index('workspaceId').count(id);
          const boards = tx.objectStore('boards').index('workspaceId').count(id);
          tx.addEventListener('complete', () => {
            const record = workspace.result as { deletedAt?: string | null } | undefined;
            resolve({
              exists: record !== undefined,
              deletedAt: record?.deletedAt ?? null,
              members: members.result,
              boards: boards.result,
            });
            db.close();
          });
          tx.addEventListener('error', () => reject(tx.error));
        });
      }),
    workspaceId,
  );
}
