import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupId } from '../../shared/ipc';
import {
  createBackupStore,
  isBackupFileName,
  KEEP_PER_WORKSPACE,
  Manifest,
  MANIFEST_NAME,
  sanitizeWorkspaceId,
  type BackupFs,
} from '../../electron/main/backup';
import { createTempDirs } from './helpers';

const tempDir = createTempDirs();

/** A workspace file as the renderer would send it (only the fields backups look at matter). */
const workspaceFile = (id: string, name: string, extra = '') =>
  JSON.stringify({ format: 'alignboard-workspace', version: 1, workspace: { id, name }, note: extra });

function clock(start = '2026-11-30T04:43:10.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Real fs/promises, counting reads of backup files (not the manifest). */
function countingFs() {
  const reads: string[] = [];
  const fs: BackupFs = {
    ...fsp,
    readFile: (async (file: string, encoding: 'utf8') => {
      if (file.endsWith('.alignboard')) reads.push(path.basename(file));
      return fsp.readFile(file, encoding);
    }) as BackupFs['readFile'],
  };
  return { fs, reads };
}

async function setup(fs: BackupFs = fsp) {
  const dir = path.join(await tempDir(), 'backups');
  const time = clock();
  return { dir, time, store: createBackupStore({ dir, fs, now: time.now }) };
}

const HOUR = 60 * 60 * 1000;

describe('backup store', () => {
  it('writes one file per snapshot, lists them newest first and reads them back', async () => {
    const { dir, time, store } = await setup();
    const alpha = workspaceFile('w-alpha', 'Alpha');
    expect(await store.save([{ workspaceId: 'w-alpha', workspaceName: 'Alpha', content: alpha }])).toEqual({ written: 1 });
    time.advance(HOUR);
    const beta = workspaceFile('w-beta', 'ベータ');
    await store.save([{ workspaceId: 'w-beta', workspaceName: 'ベータ', content: beta }]);

    const list = await store.list();
    expect(list).toEqual([
      {
        id: '20261130T054310Z_w-beta.alignboard',
        workspaceId: 'w-beta',
        workspaceName: 'ベータ',
        createdAt: '2026-11-30T05:43:10.000Z',
        size: Buffer.byteLength(beta, 'utf8'),
      },
      {
        id: '20261130T044310Z_w-alpha.alignboard',
        workspaceId: 'w-alpha',
        workspaceName: 'Alpha',
        createdAt: '2026-11-30T04:43:10.000Z',
        size: Buffer.byteLength(alpha, 'utf8'),
      },
    ]);
    for (const entry of list) expect(BackupId.safeParse(entry.id).success).toBe(true);
    expect(await store.read(list[0]!.id)).toEqual({ content: beta });
    expect(await fsp.readFile(path.join(dir, list[1]!.id), 'utf8')).toBe(alpha);
    expect((await fsp.readdir(dir)).sort()).toEqual([...list.map((e) => e.id), MANIFEST_NAME].sort());
  });

  it(`keeps the newest ${KEEP_PER_WORKSPACE} backups of each workspace and deletes older ones`, async () => {
    const { dir, time, store } = await setup();
    for (let day = 0; day < 13; day++) {
      const snapshots = [{ workspaceId: 'busy', workspaceName: 'Busy', content: workspaceFile('busy', 'Busy', `day ${day}`) }];
      if (day < 3) snapshots.push({ workspaceId: 'quiet', workspaceName: 'Quiet', content: workspaceFile('quiet', 'Quiet', `day ${day}`) });
      await store.save(snapshots);
      time.advance(24 * HOUR);
    }
    const list = await store.list();
    const busy = list.filter((e) => e.workspaceId === 'busy');
    expect(busy).toHaveLength(KEEP_PER_WORKSPACE);
    expect(list.filter((e) => e.workspaceId === 'quiet')).toHaveLength(3);
    // The three oldest busy backups (days 0–2) are gone from the list and from the disk.
    expect(busy.at(-1)!.createdAt).toBe('2026-12-03T04:43:10.000Z');
    expect(busy[0]!.createdAt).toBe('2026-12-12T04:43:10.000Z');
    const files = (await fsp.readdir(dir)).filter(isBackupFileName);
    expect(files.sort()).toEqual(list.map((e) => e.id).sort());
    expect(files).not.toContain('20261130T044310Z_busy.alignboard');
    expect(JSON.parse((await store.read(busy[0]!.id)).content).note).toBe('day 12');
  });

  it('makes file names safe whatever the workspace id, and unique within a second', async () => {
    const { dir, store } = await setup();
    const id = '../../évil/..\\id:with*stuff';
    await store.save([
      { workspaceId: id, workspaceName: 'One', content: workspaceFile(id, 'One', '1') },
      { workspaceId: id, workspaceName: 'One', content: workspaceFile(id, 'One', '2') },
      { workspaceId: '', workspaceName: 'Empty', content: '{}' },
    ]);
    const ids = (await store.list()).map((e) => e.id).sort();
    expect(ids).toEqual([
      '20261130T044310Z_-------vil----id-with-stuff-2.alignboard',
      '20261130T044310Z_-------vil----id-with-stuff.alignboard',
      '20261130T044310Z_workspace.alignboard',
    ]);
    expect((await fsp.readdir(dir)).sort()).toEqual([...ids, MANIFEST_NAME].sort());
    expect(sanitizeWorkspaceId('x'.repeat(500))).toHaveLength(100);
  });

  it('lists from the manifest without opening the backups', async () => {
    const { fs, reads } = countingFs();
    const { store } = await setup(fs);
    await store.save([
      { workspaceId: 'a', workspaceName: 'A', content: workspaceFile('a', 'A') },
      { workspaceId: 'b', workspaceName: 'B', content: workspaceFile('b', 'B') },
    ]);
    reads.length = 0;
    expect(await store.list()).toHaveLength(2);
    expect(reads).toEqual([]);
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"version":1,"entr'],
    ['of the wrong shape', JSON.stringify({ version: 1, entries: [{ id: '../x' }] })],
  ])('rebuilds a manifest that is %s from the files', async (_label, manifest) => {
    const { dir, store } = await setup();
    await store.save([{ workspaceId: 'ws-1', workspaceName: 'Kickoff', content: workspaceFile('ws-1', 'Kickoff') }]);
    const expected = await store.list();
    const manifestPath = path.join(dir, MANIFEST_NAME);
    if (manifest === null) await fsp.rm(manifestPath);
    else await fsp.writeFile(manifestPath, manifest);

    expect(await store.list()).toEqual(expected);
    expect(Manifest.parse(JSON.parse(await fsp.readFile(manifestPath, 'utf8'))).entries).toHaveLength(1);
  });

  it('agrees with the disk: forgets deleted backups, adopts unlisted ones, ignores other files', async () => {
    const { dir, store } = await setup();
    await store.save([
      { workspaceId: 'a', workspaceName: 'A', content: workspaceFile('a', 'A') },
      { workspaceId: 'b', workspaceName: 'B', content: workspaceFile('b', 'B') },
    ]);
    await fsp.rm(path.join(dir, '20261130T044310Z_a.alignboard'));
    // As if the app had died between writing a backup and updating the manifest:
    await fsp.writeFile(path.join(dir, '20261201T000000Z_c.alignboard'), workspaceFile('c-real-id', 'Crashed'));
    // A damaged backup is still listed, by its file name.
    await fsp.writeFile(path.join(dir, '20261202T000000Z_d.alignboard'), '{ cut off');
    await fsp.writeFile(path.join(dir, '.20261203T000000Z_e.alignboard.1234.tmp'), 'temp');
    await fsp.writeFile(path.join(dir, 'notes.txt'), 'not a backup');

    expect(await store.list()).toEqual([
      { id: '20261202T000000Z_d.alignboard', workspaceId: 'd', workspaceName: 'd', createdAt: '2026-12-02T00:00:00.000Z', size: 9 },
      expect.objectContaining({ id: '20261201T000000Z_c.alignboard', workspaceId: 'c-real-id', workspaceName: 'Crashed' }),
      expect.objectContaining({ id: '20261130T044310Z_b.alignboard', workspaceName: 'B' }),
    ]);
  });

  it.each(['../settings.json', 'manifest.json', '..\\x.alignboard', '/etc/passwd', '.alignboard', 'a/b.alignboard', ''])(
    'refuses to read %j',
    async (id) => {
      const { fs, reads } = countingFs();
      const { store } = await setup(fs);
      await expect(store.read(id)).rejects.toThrow(/is not a backup id/);
      expect(reads).toEqual([]);
    },
  );

  it('says clearly when a listed backup has gone', async () => {
    const { store } = await setup();
    await expect(store.read('20261130T044310Z_gone.alignboard')).rejects.toThrow(
      'The backup 20261130T044310Z_gone.alignboard no longer exists.',
    );
  });

  it('leaves no partial backup and no temporary file when a write fails', async () => {
    const failing: BackupFs = {
      ...fsp,
      rename: async (from, to) => {
        if (to.endsWith('.alignboard')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fsp.rename(from, to);
      },
    };
    const { dir, store } = await setup(failing);
    await expect(
      store.save([{ workspaceId: 'a', workspaceName: 'A', content: workspaceFile('a', 'A') }]),
    ).rejects.toThrow(/ENOSPC/);
    expect((await fsp.readdir(dir)).filter((f) => f !== MANIFEST_NAME)).toEqual([]);
    expect(await store.list()).toEqual([]);
  });

  it('runs overlapping saves one after the other, losing none', async () => {
    const { store } = await setup();
    const saves = ['a', 'b', 'c', 'd'].map((id) =>
      store.save([{ workspaceId: id, workspaceName: id.toUpperCase(), content: workspaceFile(id, id) }]),
    );
    expect(await Promise.all(saves)).toEqual(saves.map(() => ({ written: 1 })));
    expect((await store.list()).map((e) => e.workspaceId).sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
