import { describe, expect, it } from 'vitest';
import { createBrowserHost } from '../../renderer/src/host/browserHost';

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

describe('browser host backups', () => {
  it('keeps the last 10 backups of each workspace, newest first', async () => {
    const host = createBrowserHost(localStorage);
    for (let i = 0; i < 12; i++) {
      await host.backups.save([
        { workspaceId: 'a', workspaceName: 'A', content: `a${i}` },
        ...(i < 2 ? [{ workspaceId: 'b', workspaceName: 'B', content: `b${i}` }] : []),
      ]);
      await new Promise((r) => setTimeout(r, 2));
    }
    const list = await host.backups.list();
    const ofA = list.filter((entry) => entry.workspaceId === 'a');
    expect(ofA).toHaveLength(10);
    expect(list.filter((entry) => entry.workspaceId === 'b')).toHaveLength(2);
    expect(await host.backups.read(ofA[0]!.id)).toBe('a11');
    expect(await host.backups.read(ofA[9]!.id)).toBe('a2');
    await expect(host.backups.read('nope.alignboard')).rejects.toThrow(/not found/);
  });
});
