import type { BackupEntry } from './ipc';

/** How many backups of each workspace are kept (desktop and browser). */
export const KEEP_PER_WORKSPACE = 10;

/**
 * Newest first: by seq, which only grows (never by the clock, which can jump back); backups made
 * before seq existed are all seq 0 and fall back to their time, then their id.
 */
export function newestFirst<T extends Pick<BackupEntry, 'seq' | 'createdAt' | 'id'>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.seq - a.seq || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** Backups of one workspace that fall outside the newest KEEP_PER_WORKSPACE, never `keepId`. */
export function backupsToDelete<T extends Pick<BackupEntry, 'seq' | 'createdAt' | 'id' | 'workspaceId'>>(
  entries: readonly T[],
  workspaceId: string,
  keepId: string,
): T[] {
  return newestFirst(entries.filter((entry) => entry.workspaceId === workspaceId))
    .slice(KEEP_PER_WORKSPACE)
    .filter((entry) => entry.id !== keepId);
}
