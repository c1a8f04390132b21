import type { EventPayload } from '../../shared/ipc';

export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How often the wall clock is checked. A 24 h timer alone would drift across sleep/hibernation. */
export const BACKUP_CHECK_MS = 15 * 60 * 1000;

export type BackupScheduleDeps = {
  /** Sends `backup:due`; returns false if no page could receive it (then it is retried later). */
  send: (payload: EventPayload<'backup:due'>) => boolean;
  now: () => number;
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  intervalMs?: number;
  checkMs?: number;
};

/**
 * Asks the renderer for snapshots once the page has loaded (`reason: 'startup'`), then whenever
 * 24 h of wall-clock time have passed since the last request that reached a page
 * (`reason: 'interval'`). Call `pageLoaded()` from the window's `did-finish-load`; only the first
 * successful call of a run counts as the startup backup (a reload does not trigger another).
 */
export function createBackupSchedule(deps: BackupScheduleDeps) {
  const intervalMs = deps.intervalMs ?? BACKUP_INTERVAL_MS;
  let lastSentAt: number | null = null;
  let timer: unknown = null;

  const tick = () => {
    if (lastSentAt === null) return;
    const elapsed = deps.now() - lastSentAt;
    // A clock set back (it was ahead at the last backup) makes `elapsed` negative, and waiting for
    // it to reach 24 h again would stop daily backups for as long as the clock had been ahead.
    // How much time really passed is unknowable then: ask now (unchanged workspaces are skipped).
    if (elapsed >= 0 && elapsed < intervalMs) return;
    if (deps.send({ reason: 'interval' })) lastSentAt = deps.now();
  };

  return {
    pageLoaded(): void {
      if (lastSentAt !== null) return;
      if (!deps.send({ reason: 'startup' })) return;
      lastSentAt = deps.now();
      timer ??= deps.setInterval(tick, deps.checkMs ?? BACKUP_CHECK_MS);
    },
    stop(): void {
      if (timer !== null) deps.clearInterval(timer);
      timer = null;
    },
  };
}
