import { describe, expect, it } from 'vitest';
import { BACKUP_CHECK_MS, BACKUP_INTERVAL_MS, createBackupSchedule } from '../../electron/main/backupSchedule';

const HOUR = 60 * 60 * 1000;

function setup({ pageAvailable = true } = {}) {
  let now = 0;
  let tick: (() => void) | null = null;
  let tickEvery: number | null = null;
  const sent: string[] = [];
  const state = { pageAvailable };
  const schedule = createBackupSchedule({
    send: (payload) => {
      if (!state.pageAvailable) return false;
      sent.push(payload.reason);
      return true;
    },
    now: () => now,
    setInterval: (callback, ms) => {
      tick = callback;
      tickEvery = ms;
      return 'timer';
    },
    clearInterval: (handle) => {
      if (handle === 'timer') tick = null;
    },
  });
  /** Lets wall-clock time pass, with the checks the timer would run on the way. */
  const pass = (ms: number) => {
    for (let elapsed = 0; elapsed < ms; elapsed += BACKUP_CHECK_MS) {
      now += BACKUP_CHECK_MS;
      tick?.();
    }
  };
  return { schedule, sent, state, pass, jump: (ms: number) => (now += ms), tick: () => tick?.(), every: () => tickEvery };
}

describe('backup schedule', () => {
  it('asks for a backup once the page has loaded, and not before', () => {
    const { schedule, sent, pass } = setup();
    pass(48 * HOUR);
    expect(sent).toEqual([]);
    schedule.pageLoaded();
    expect(sent).toEqual(['startup']);
  });

  it('asks again every 24 hours of wall-clock time', () => {
    const { schedule, sent, pass, every } = setup();
    schedule.pageLoaded();
    expect(every()).toBe(BACKUP_CHECK_MS);
    pass(BACKUP_INTERVAL_MS - BACKUP_CHECK_MS);
    expect(sent).toEqual(['startup']);
    pass(BACKUP_CHECK_MS);
    expect(sent).toEqual(['startup', 'interval']);
    pass(BACKUP_INTERVAL_MS);
    expect(sent).toEqual(['startup', 'interval', 'interval']);
  });

  it('does not stop asking when the clock is set back (it was ahead when the last backup was made)', () => {
    const { schedule, sent, jump, tick, pass } = setup();
    schedule.pageLoaded();
    jump(-3 * 24 * HOUR);
    tick();
    // Elapsed time is unknowable after a jump back: ask now (unchanged workspaces are skipped).
    expect(sent).toEqual(['startup', 'interval']);
    pass(BACKUP_INTERVAL_MS);
    expect(sent).toEqual(['startup', 'interval', 'interval']);
  });

  it('catches up at the first check after the computer slept through the due time', () => {
    const { schedule, sent, jump, tick } = setup();
    schedule.pageLoaded();
    jump(3 * 24 * HOUR); // asleep: no timer ran
    tick();
    tick();
    expect(sent).toEqual(['startup', 'interval']);
  });

  it('does not treat a reload of the page as a new startup', () => {
    const { schedule, sent } = setup();
    schedule.pageLoaded();
    schedule.pageLoaded();
    expect(sent).toEqual(['startup']);
  });

  it('retries when no page could receive the request', () => {
    const { schedule, sent, state, pass } = setup({ pageAvailable: false });
    schedule.pageLoaded();
    expect(sent).toEqual([]);
    state.pageAvailable = true;
    schedule.pageLoaded();
    expect(sent).toEqual(['startup']);
    state.pageAvailable = false;
    pass(BACKUP_INTERVAL_MS);
    state.pageAvailable = true;
    pass(BACKUP_CHECK_MS);
    expect(sent).toEqual(['startup', 'interval']);
  });

  it('stops asking after stop()', () => {
    const { schedule, sent, pass } = setup();
    schedule.pageLoaded();
    schedule.stop();
    pass(3 * BACKUP_INTERVAL_MS);
    expect(sent).toEqual(['startup']);
  });
});
