import { useEffect, useSyncExternalStore } from 'react';
import { newestFirst } from '@shared/backups';
import { MAX_FILE_BYTES, utf8ByteLength } from '@shared/fileLimits';
import type { BackupEntry } from '@shared/ipc';
import type { Host } from '../../host';
import { HostError } from '../../host/hostError';
import { listWorkspaces, loadWorkspaceFiles } from '../../db/workspaces';
import { errorMessage } from '../../db/errors';

/**
 * Backs up workspaces one by one: a workspace that cannot be saved (too large, a full disk) is
 * reported and the others are still saved. Unchanged workspaces are skipped, so restarting the app
 * many times a day does not push real history out of the last-10 window; "unchanged" means the
 * newest backup (by sequence, never by the clock) recorded the workspace's current `updatedAt`.
 *
 * Every run ends as a BackupRun in a small per-host store that the Backups page and the toasts
 * read: a backup that did not happen is always said, never only logged.
 */

export type BackupReason = 'startup' | 'interval' | 'manual';

type Named = { workspaceId: string; workspaceName: string };
export type BackupOutcome =
  | (Named & { status: 'saved'; entry: BackupEntry })
  | (Named & { status: 'unchanged' })
  /** Over the one size limit of a workspace file; nothing was sent. */
  | (Named & { status: 'too-large'; bytes: number })
  | (Named & { status: 'failed'; message: string });

export type BackupRun = {
  reason: BackupReason;
  finishedAt: string;
  outcomes: BackupOutcome[];
  /** Set when the run could not start at all (the workspaces or backups could not be listed). */
  problem: string | null;
};

export type BackupDeps = {
  listWorkspaces: () => Promise<{ id: string; name: string; updatedAt: string }[]>;
  exportWorkspace: (workspaceId: string) => Promise<string>;
  /** UTF-8 size of a snapshot. Tests stand a huge workspace in with it instead of allocating one. */
  sizeOf: (workspaceId: string, content: string) => number;
  now: () => Date;
};

const defaultDeps: BackupDeps = {
  listWorkspaces: () => listWorkspaces(),
  exportWorkspace: async (workspaceId) => (await loadWorkspaceFiles()).exportWorkspace(workspaceId),
  sizeOf: (_workspaceId, content) => utf8ByteLength(content),
  now: () => new Date(),
};

/**
 * What went wrong, for a sentence that already names the workspace: a host's reason alone ("the
 * disk is full"), else the message without the "Error invoking remote method '…': Error: " that
 * Electron puts in front of errors from main.
 */
export function cleanMessage(error: unknown): string {
  if (error instanceof HostError) return error.reason ?? error.message;
  return errorMessage(error)
    .replace(/^Error invoking remote method '[^']+': (?:\w*Error: )?/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function hasProblems(run: BackupRun): boolean {
  return run.problem !== null || run.outcomes.some((o) => o.status === 'too-large' || o.status === 'failed');
}

export async function backUpWorkspaces(
  host: Host,
  options: { reason: BackupReason; force?: boolean; onProgress?: (done: number, total: number) => void },
  overrides: Partial<BackupDeps> = {},
): Promise<BackupRun> {
  const deps = { ...defaultDeps, ...overrides };
  const finish = (outcomes: BackupOutcome[], problem: string | null = null): BackupRun => ({
    reason: options.reason,
    finishedAt: deps.now().toISOString(),
    outcomes,
    problem,
  });
  let workspaces: Awaited<ReturnType<BackupDeps['listWorkspaces']>>;
  let existing: BackupEntry[];
  try {
    [workspaces, existing] = await Promise.all([deps.listWorkspaces(), host.backups.list()]);
  } catch (error) {
    return finish([], cleanMessage(error));
  }
  const newest = new Map<string, BackupEntry>();
  for (const entry of newestFirst(existing)) if (!newest.has(entry.workspaceId)) newest.set(entry.workspaceId, entry);

  const outcomes: BackupOutcome[] = [];
  options.onProgress?.(0, workspaces.length);
  for (const workspace of workspaces) {
    const named = { workspaceId: workspace.id, workspaceName: workspace.name };
    try {
      if (!options.force && newest.get(workspace.id)?.workspaceUpdatedAt === workspace.updatedAt) {
        outcomes.push({ ...named, status: 'unchanged' });
        continue;
      }
      const content = await deps.exportWorkspace(workspace.id);
      const bytes = deps.sizeOf(workspace.id, content);
      if (bytes > MAX_FILE_BYTES) {
        outcomes.push({ ...named, status: 'too-large', bytes });
        continue;
      }
      const entry = await host.backups.save({ ...named, workspaceUpdatedAt: workspace.updatedAt, content });
      outcomes.push({ ...named, status: 'saved', entry });
    } catch (error) {
      outcomes.push({ ...named, status: 'failed', message: cleanMessage(error) });
    } finally {
      options.onProgress?.(outcomes.length, workspaces.length);
    }
  }
  return finish(outcomes);
}

export type BackupStatus = {
  running: { reason: BackupReason; done: number; total: number } | null;
  last: BackupRun | null;
};

type StatusStore = {
  get(): BackupStatus;
  set(next: BackupStatus): void;
  subscribe(listener: () => void): () => void;
  queue: Promise<unknown>;
};

/** One store per host: the desktop app has one host for its life, tests a new one each time. */
const stores = new WeakMap<Host, StatusStore>();
function storeFor(host: Host): StatusStore {
  let store = stores.get(host);
  if (!store) {
    let status: BackupStatus = { running: null, last: null };
    const listeners = new Set<() => void>();
    store = {
      get: () => status,
      set(next) {
        status = next;
        for (const listener of listeners) listener();
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      queue: Promise.resolve(),
    };
    stores.set(host, store);
  }
  return store;
}

/**
 * Runs a backup after any that is still running (a "Back up now" during the startup backup waits
 * for it), publishing progress and the result. Never rejects: failures are in the run.
 */
export function runBackups(
  host: Host,
  options: { reason: BackupReason; force?: boolean },
  overrides: Partial<BackupDeps> = {},
): Promise<BackupRun> {
  const store = storeFor(host);
  const task = async () => {
    store.set({ ...store.get(), running: { reason: options.reason, done: 0, total: 0 } });
    const run = await backUpWorkspaces(
      host,
      {
        ...options,
        onProgress: (done, total) => store.set({ ...store.get(), running: { reason: options.reason, done, total } }),
      },
      overrides,
    ).catch((error: unknown) => ({
      reason: options.reason,
      finishedAt: new Date().toISOString(),
      outcomes: [],
      problem: cleanMessage(error),
    }));
    store.set({ running: null, last: run });
    return run;
  };
  const result = store.queue.then(task, task);
  store.queue = result;
  return result;
}

export function useBackupStatus(host: Host): BackupStatus {
  const store = storeFor(host);
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Calls `listener` with each run that finishes from now on. */
export function onBackupRun(host: Host, listener: (run: BackupRun) => void): () => void {
  const store = storeFor(host);
  let seen = store.get().last;
  return store.subscribe(() => {
    const { last } = store.get();
    if (last && last !== seen) {
      seen = last;
      listener(last);
    }
  });
}

export function useAutomaticBackups(host: Host) {
  useEffect(() => host.onBackupDue((reason) => void runBackups(host, { reason })), [host]);
}
