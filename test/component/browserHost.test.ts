import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { clearBrowserBackups } from './renderApp';

describe('browser host settings', () => {
  it('persists settings in localStorage', async () => {
    const host = createBrowserHost(localStorage);
    expect((await host.getSettings()).settings.theme).toBe('light');
    await host.setSettings({ theme: 'projector', language: 'ja' });
    const again = createBrowserHost(localStorage);
    expect(await again.getSettings()).toEqual({ settings: { theme: 'projector', language: 'ja', lastExportFolder: null }, problem: null });
  });

  it.each([
    ['not JSON', '{theme: dark'],
    ['wrong theme', '{"theme":"neon","language":null}'],
    ['wrong language', '{"theme":"dark","language":"fr"}'],
  ])('falls back to defaults and reports a corrupt value (%s)', async (_, raw) => {
    localStorage.setItem('alignboard.settings', raw);
    const result = await createBrowserHost(localStorage).getSettings();
    expect(result.settings).toEqual({ theme: 'light', language: null, lastExportFolder: null });
    expect(result.problem).toEqual(expect.any(String));
    expect(result.problem!.length).toBeGreaterThan(3);
  });
});

const snapshot = (workspaceId: string, content: string, workspaceUpdatedAt: string | null = null) => ({
  workspaceId,
  workspaceName: workspaceId.toUpperCase(),
  workspaceUpdatedAt,
  content,
});

describe('browser host backups', () => {
  beforeEach(async () => {
    await clearBrowserBackups();
  });

  it('keeps the last 10 backups of each workspace, newest first', async () => {
    const host = createBrowserHost(localStorage);
    for (let i = 0; i < 12; i++) {
      await host.backups.save(snapshot('a', `a${i}`));
      if (i < 2) await host.backups.save(snapshot('b', `b${i}`));
    }
    const list = await host.backups.list();
    const ofA = list.filter((entry) => entry.workspaceId === 'a');
    expect(ofA).toHaveLength(10);
    expect(list.filter((entry) => entry.workspaceId === 'b')).toHaveLength(2);
    expect(await host.backups.read(ofA[0]!.id)).toBe('a11');
    expect(await host.backups.read(ofA[9]!.id)).toBe('a2');
    expect(list.map((entry) => entry.seq)).toEqual(list.map((entry) => entry.seq).sort((x, y) => y - x));
    await expect(host.backups.read('nope.alignboard')).rejects.toThrow('The backup nope.alignboard no longer exists.');
  });

  it('keeps the backup just saved when the last ten are dated in the future, and lists it first', async () => {
    const host = createBrowserHost(localStorage);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      for (let i = 0; i < 10; i++) await host.backups.save(snapshot('a', `future ${i}`));
      vi.setSystemTime(new Date('2026-11-30T04:43:10Z'));
      const saved = await host.backups.save(snapshot('a', 'today', '2026-11-30T04:00:00.000Z'));
      const list = await host.backups.list();
      expect(list).toHaveLength(10);
      expect(list[0]).toEqual(saved);
      expect(saved).toMatchObject({ createdAt: '2026-11-30T04:43:10.000Z', workspaceUpdatedAt: '2026-11-30T04:00:00.000Z', size: 5 });
      expect(await host.backups.read(list[0]!.id)).toBe('today');
      expect(await Promise.all(list.slice(1).map((entry) => host.backups.read(entry.id)))).toEqual(
        Array.from({ length: 9 }, (_, i) => `future ${9 - i}`),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the backups of the first version, as older than any new one', async () => {
    await Dexie.delete('alignboard-backups');
    const v1 = new Dexie('alignboard-backups');
    v1.version(1).stores({ backups: 'id, workspaceId, createdAt' });
    await v1.table('backups').bulkAdd([
      { id: '2030-01-01T00-00-00-000Z_a.alignboard', workspaceId: 'a', workspaceName: 'A', createdAt: '2030-01-01T00:00:00.000Z', size: 3, content: 'old' },
      { id: '2026-01-01T00-00-00-000Z_b.alignboard', workspaceId: 'b', workspaceName: 'B', createdAt: '2026-01-01T00:00:00.000Z', size: 4, content: 'old2' },
    ]);
    v1.close();

    const host = createBrowserHost(localStorage);
    const saved = await host.backups.save(snapshot('a', 'new'));
    const list = await host.backups.list();
    expect(list.map((entry) => [entry.id, entry.seq, entry.workspaceUpdatedAt])).toEqual([
      [saved.id, 1, null],
      ['2030-01-01T00-00-00-000Z_a.alignboard', 0, null],
      ['2026-01-01T00-00-00-000Z_b.alignboard', 0, null],
    ]);
    expect(await host.backups.read('2026-01-01T00-00-00-000Z_b.alignboard')).toBe('old2');
    // The text lives apart from the list now, so listing never loads it.
    expect(Object.keys(list[1]!)).not.toContain('content');
  });
});
