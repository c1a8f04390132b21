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
const workspaceFile = (id: string, name: string, extra = '', updatedAt = '2026-11-01T00:00:00.000Z') =>
  JSON.stringify({ format: 'alignboard-workspace', version: 1, workspace: { id, name, updatedAt }, note: extra });

/** One snapshot as the renderer sends it: one workspace per call. */
const snapshot = (workspaceId: string, workspaceName = workspaceId, extra = '', workspaceUpdatedAt: string | null = null) => ({
  workspaceId,
  workspaceName,
  workspaceUpdatedAt,
  content: workspaceFile(workspaceId, workspaceName, extra),
});

function clock(start = '2026-11-30T04:43:10.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    set: (iso: string) => {
      now = new Date(iso).getTime();
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

async function setup(fs: BackupFs = fsp, start?: string) {
  const dir = path.join(await tempDir(), 'backups');
  const time = clock(start);
  return { dir, time, store: createBackupStore({ dir, fs, now: time.now }) };
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('backup store', () => {
  it('writes one file per snapshot, lists them newest first and reads them back', async () => {
    const { dir, time, store } = await setup();
    const alpha = snapshot('w-alpha', 'Alpha', '', '2026-11-30T04:00:00.000Z');
    const saved = await store.save(alpha);
    expect(saved).toEqual({
      id: '0000000001_20261130T044310Z_w-alpha.alignboard',
      seq: 1,
      workspaceId: 'w-alpha',
      workspaceName: 'Alpha',
      createdAt: '2026-11-30T04:43:10.000Z',
      size: Buffer.byteLength(alpha.content, 'utf8'),
      workspaceUpdatedAt: '2026-11-30T04:00:00.000Z',
    });
    time.advance(HOUR);
    const beta = snapshot('w-beta', 'ベータ');
    await store.save(beta);

    const list = await store.list();
    expect(list).toEqual([
      {
        id: '0000000002_20261130T054310Z_w-beta.alignboard',
        seq: 2,
        workspaceId: 'w-beta',
        workspaceName: 'ベータ',
        createdAt: '2026-11-30T05:43:10.000Z',
        size: Buffer.byteLength(beta.content, 'utf8'),
        workspaceUpdatedAt: null,
      },
      saved,
    ]);
    for (const entry of list) expect(BackupId.safeParse(entry.id).success).toBe(true);
    expect(await store.read(list[0]!.id)).toEqual({ content: beta.content });
    expect(await fsp.readFile(path.join(dir, list[1]!.id), 'utf8')).toBe(alpha.content);
    expect((await fsp.readdir(dir)).sort()).toEqual([...list.map((e) => e.id), MANIFEST_NAME].sort());
  });

  it(`keeps the newest ${KEEP_PER_WORKSPACE} backups of each workspace and deletes older ones`, async () => {
    const { dir, time, store } = await setup();
    for (let day = 0; day < 13; day++) {
      await store.save(snapshot('busy', 'Busy', `day ${day}`));
      if (day < 3) await store.save(snapshot('quiet', 'Quiet', `day ${day}`));
      time.advance(DAY);
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
    expect(JSON.parse((await store.read(busy[0]!.id)).content).note).toBe('day 12');
  });

  it('keeps and lists first the backup just written when the last ten are dated in the future', async () => {
    // The clock was once two years ahead; ten backups were made then.
    const { dir, time, store } = await setup(fsp, '2028-06-01T09:00:00.000Z');
    for (let i = 0; i < KEEP_PER_WORKSPACE; i++) {
      await store.save(snapshot('ws', 'Plan', `future ${i}`));
      time.advance(DAY);
    }
    time.set('2026-11-30T04:43:10.000Z');

    const saved = await store.save(snapshot('ws', 'Plan', 'today'));

    const list = await store.list();
    expect(list).toHaveLength(KEEP_PER_WORKSPACE);
    expect(list[0]).toEqual(saved);
    expect(saved.createdAt).toBe('2026-11-30T04:43:10.000Z');
    expect(JSON.parse((await store.read(list[0]!.id)).content).note).toBe('today');
    // The oldest of the future ones made room, not the new one.
    const notes = await Promise.all(list.map(async (e) => JSON.parse((await store.read(e.id)).content).note as string));
    expect(notes).toEqual(['today', ...Array.from({ length: KEEP_PER_WORKSPACE - 1 }, (_, i) => `future ${9 - i}`)]);
    expect(await fsp.readdir(dir)).toContain(saved.id);
  });

  it('keeps the new backup when ten backups of an earlier version are dated in the future', async () => {
    const { dir, store } = await setup();
    await fsp.mkdir(dir, { recursive: true });
    // Earlier versions named files by time alone and kept no sequence.
    for (let day = 1; day <= KEEP_PER_WORKSPACE; day++) {
      const stamp = `202806${String(day).padStart(2, '0')}T090000Z`;
      await fsp.writeFile(path.join(dir, `${stamp}_ws.alignboard`), workspaceFile('ws', 'Plan', `old ${day}`));
    }
    const saved = await store.save(snapshot('ws', 'Plan', 'today'));
    const list = await store.list();
    expect(list[0]).toEqual(saved);
    expect(list).toHaveLength(KEEP_PER_WORKSPACE);
    // The oldest old one (by its own date) went; the nine others are listed newest first.
    expect(list.slice(1).map((e) => e.createdAt)).toEqual(
      Array.from({ length: 9 }, (_, i) => `2028-06-${String(10 - i).padStart(2, '0')}T09:00:00.000Z`),
    );
    expect(await fsp.readdir(dir)).not.toContain('20280601T090000Z_ws.alignboard');
  });

  it('orders by sequence even after the manifest is lost, and numbers on from the highest', async () => {
    const { dir, time, store } = await setup(fsp, '2030-01-01T00:00:00.000Z');
    const first = await store.save(snapshot('a', 'A', 'first'));
    time.set('2026-01-01T00:00:00.000Z');
    const second = await store.save(snapshot('a', 'A', 'second'));
    await fsp.rm(path.join(dir, MANIFEST_NAME));

    const again = createBackupStore({ dir, fs: fsp, now: time.now });
    expect((await again.list()).map((e) => e.id)).toEqual([second.id, first.id]);
    expect((await again.save(snapshot('b'))).seq).toBe(3);
  });

  it('reads a manifest of an earlier version (no sequence) and keeps its backups', async () => {
    const { dir, store } = await setup();
    await fsp.mkdir(dir, { recursive: true });
    const content = workspaceFile('ws-1', 'Kickoff');
    await fsp.writeFile(path.join(dir, '20261101T000000Z_ws-1.alignboard'), content);
    const v1 = {
      version: 1,
      entries: [
        { id: '20261101T000000Z_ws-1.alignboard', workspaceId: 'ws-1', workspaceName: 'Kickoff', createdAt: '2026-11-01T00:00:00.000Z', size: 5 },
      ],
    };
    await fsp.writeFile(path.join(dir, MANIFEST_NAME), JSON.stringify(v1));
    expect(await store.list()).toEqual([{ ...v1.entries[0], seq: 0, workspaceUpdatedAt: null }]);
    const saved = await store.save(snapshot('ws-1', 'Kickoff'));
    expect((await store.list()).map((e) => e.id)).toEqual([saved.id, v1.entries[0]!.id]);
    expect(Manifest.parse(JSON.parse(await fsp.readFile(path.join(dir, MANIFEST_NAME), 'utf8'))).version).toBe(2);
  });

  it('makes file names safe whatever the workspace id, and unique', async () => {
    const { dir, store } = await setup();
    const id = '../../évil/..\\id:with*stuff';
    await store.save({ ...snapshot(id, 'One', '1') });
    await store.save({ ...snapshot(id, 'One', '2') });
    await store.save({ workspaceId: ' ', workspaceName: 'Blank', workspaceUpdatedAt: null, content: '{}' });
    const ids = (await store.list()).map((e) => e.id).sort();
    expect(ids).toEqual([
      '0000000001_20261130T044310Z_-------vil----id-with-stuff.alignboard',
      '0000000002_20261130T044310Z_-------vil----id-with-stuff.alignboard',
      '0000000003_20261130T044310Z_-.alignboard',
    ]);
    expect((await fsp.readdir(dir)).sort()).toEqual([...ids, MANIFEST_NAME].sort());
    expect(sanitizeWorkspaceId('x'.repeat(500))).toHaveLength(100);
    expect(sanitizeWorkspaceId('')).toBe('workspace');
  });

  it('lists from the manifest without opening the backups', async () => {
    const { fs, reads } = countingFs();
    const { store } = await setup(fs);
    await store.save(snapshot('a', 'A'));
    await store.save(snapshot('b', 'B'));
    reads.length = 0;
    expect(await store.list()).toHaveLength(2);
    expect(reads).toEqual([]);
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"version":2,"entr'],
    ['of the wrong shape', JSON.stringify({ version: 2, entries: [{ id: '../x' }] })],
    ['of an unknown version', JSON.stringify({ version: 9, entries: [] })],
  ])('rebuilds a manifest that is %s from the files', async (_label, manifest) => {
    const { dir, store } = await setup();
    await store.save(snapshot('ws-1', 'Kickoff', '', '2026-11-01T00:00:00.000Z'));
    const expected = await store.list();
    const manifestPath = path.join(dir, MANIFEST_NAME);
    if (manifest === null) await fsp.rm(manifestPath);
    else await fsp.writeFile(manifestPath, manifest);

    // Rebuilt from the file: the workspace's updatedAt comes from inside it.
    expect(await store.list()).toEqual(expected);
    expect(Manifest.parse(JSON.parse(await fsp.readFile(manifestPath, 'utf8'))).entries).toHaveLength(1);
  });

  it('agrees with the disk: forgets deleted backups, adopts unlisted ones, ignores other files', async () => {
    const { dir, store } = await setup();
    const a = await store.save(snapshot('a', 'A'));
    await store.save(snapshot('b', 'B'));
    await fsp.rm(path.join(dir, a.id));
    // As if the app had died between writing a backup and updating the manifest:
    await fsp.writeFile(path.join(dir, '0000000007_20261201T000000Z_c.alignboard'), workspaceFile('c-real-id', 'Crashed'));
    // A damaged backup of an earlier version is still listed, by its file name.
    await fsp.writeFile(path.join(dir, '20261202T000000Z_d.alignboard'), '{ cut off');
    await fsp.writeFile(path.join(dir, 'notes.txt'), 'not a backup');

    expect(await store.list()).toEqual([
      expect.objectContaining({ id: '0000000007_20261201T000000Z_c.alignboard', seq: 7, workspaceId: 'c-real-id', workspaceName: 'Crashed' }),
      expect.objectContaining({ id: '0000000002_20261130T044310Z_b.alignboard', workspaceName: 'B' }),
      {
        id: '20261202T000000Z_d.alignboard',
        seq: 0,
        workspaceId: 'd',
        workspaceName: 'd',
        createdAt: '2026-12-02T00:00:00.000Z',
        size: 9,
        workspaceUpdatedAt: null,
      },
    ]);
    expect((await store.save(snapshot('e'))).seq).toBe(8);
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
    await expect(store.read('0000000001_20261130T044310Z_gone.alignboard')).rejects.toThrow(
      'The backup 0000000001_20261130T044310Z_gone.alignboard no longer exists.',
    );
  });

  it('leaves no partial backup and no temporary file when a write fails, and the next save works', async () => {
    let full = true;
    const failing: BackupFs = {
      ...fsp,
      rename: async (from, to) => {
        if (full && to.endsWith('.alignboard')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fsp.rename(from, to);
      },
    };
    const { dir, store } = await setup(failing);
    await expect(store.save(snapshot('a', 'A'))).rejects.toMatchObject({
      problem: { kind: 'backup-not-saved', workspaceName: 'A', reason: 'disk-full', detail: 'ENOSPC: no space left on device' },
      message: 'The backup of “A” could not be saved: the disk is full.',
    });
    expect((await fsp.readdir(dir)).filter((f) => f !== MANIFEST_NAME)).toEqual([]);
    expect(await store.list()).toEqual([]);
    full = false;
    await store.save(snapshot('b', 'B'));
    expect((await store.list()).map((e) => e.workspaceId)).toEqual(['b']);
  });

  it('runs overlapping saves one after the other, losing none', async () => {
    const { store } = await setup();
    const saves = ['a', 'b', 'c', 'd'].map((id) => store.save(snapshot(id, id.toUpperCase())));
    expect((await Promise.all(saves)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await store.list()).map((e) => e.workspaceId)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('creates backups readable by their owner only, in a folder only its owner can open', async () => {
    const { dir, store } = await setup();
    const saved = await store.save(snapshot('a', 'A'));
    expect((await fsp.stat(dir)).mode & 0o777).toBe(0o700);
    expect((await fsp.stat(path.join(dir, saved.id))).mode & 0o777).toBe(0o600);
    expect((await fsp.stat(path.join(dir, MANIFEST_NAME))).mode & 0o777).toBe(0o600);
  });

  it('makes the folder of an earlier version (0755) private when it starts', async () => {
    const { dir, store } = await setup();
    await fsp.mkdir(dir, { recursive: true, mode: 0o755 });
    await fsp.chmod(dir, 0o755);
    await store.prepare();
    expect((await fsp.stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('removes temporary files a crash left behind when it starts, and nothing else', async () => {
    const { dir, store } = await setup();
    await fsp.mkdir(dir, { recursive: true });
    const left = ['.alignboard-0123456789ab.tmp', '.20261203T000000Z_e.alignboard.2b6f0cc9-04d6-4b3e-9c1e-2f1a3c4d5e6f.tmp'];
    const others = ['notes.txt', '.hidden', '.alignboard-short.tmp'];
    for (const name of [...left, ...others]) await fsp.writeFile(path.join(dir, name), 'x');
    await store.prepare();
    expect((await fsp.readdir(dir)).sort()).toEqual(others.sort());
  });

  it('refuses a snapshot over the size limit, counted in bytes, without writing anything', async () => {
    const dir = path.join(await tempDir(), 'backups');
    // A 3 MB limit stands in for 200 MB: 1.1 M characters of 3 bytes are within it in characters only.
    const store = createBackupStore({ dir, fs: fsp, now: clock().now, maxBytes: 3 * 1024 * 1024 });
    const content = '日'.repeat(1.1 * 1024 * 1024);
    await expect(store.save({ workspaceId: 'big', workspaceName: 'Big', workspaceUpdatedAt: null, content })).rejects.toThrow(
      'The backup of “Big” is too large (3.3 MB; the limit is 3 MB).',
    );
    expect(await fsp.readdir(dir).catch(() => [])).toEqual([]);
    await store.save({ workspaceId: 'fits', workspaceName: 'Fits', workspaceUpdatedAt: null, content: '日'.repeat(1024 * 1024) });
    expect((await store.list()).map((e) => e.workspaceId)).toEqual(['fits']);
  });
});
