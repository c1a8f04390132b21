import fs from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
// electron-store is conf plus Electron's userData path; conf itself runs in plain Node, so these
// tests exercise the real file handling, schema validation and atomic writes.
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import {
  openSettings,
  restoreWindowBounds,
  settingsJsonSchema,
  type CreateStore,
  type DisplayArea,
  type SettingsFs,
} from '../../electron/main/settings';
import { createTempDirs } from './helpers';

const tempDir = createTempDirs();
const NOW = new Date('2026-11-30T04:43:10.123Z');

/** What electron-store does with our options: `name` becomes conf's `configName`. */
const createStore: CreateStore = ({ name, ...options }) =>
  new Conf<Record<string, unknown>>({ ...options, configName: name, projectName: 'alignboard-test' } as never);

function open(dir: string, fsImpl: SettingsFs = fs) {
  return openSettings({ dir, createStore, fs: fsImpl, now: () => NOW });
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe('settings', () => {
  it('starts with the defaults and no problem when there is no file', async () => {
    const dir = await tempDir();
    expect(open(dir).get()).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
    expect(await readJson(path.join(dir, 'settings.json'))).toMatchObject(DEFAULT_SETTINGS);
  });

  it('persists changes across restarts and applies a patch to the named fields only', async () => {
    const dir = await tempDir();
    const first = open(dir);
    expect(first.update({ language: 'ja', lastExportFolder: '/home/u/exports' })).toEqual({
      language: 'ja',
      theme: 'light',
      lastExportFolder: '/home/u/exports',
    });
    first.update({ theme: 'projector' });
    expect(open(dir).get()).toEqual({
      settings: { language: 'ja', theme: 'projector', lastExportFolder: '/home/u/exports' },
      problem: null,
    });
  });

  it('rejects an invalid patch and leaves the stored settings alone', async () => {
    const dir = await tempDir();
    const settings = open(dir);
    settings.update({ theme: 'dark' });
    expect(() => settings.update({ theme: 'neon' } as never)).toThrow(/theme/);
    expect(open(dir).get().settings.theme).toBe('dark');
  });

  it('keeps keys written by a newer version', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', recentFiles: ['/a.alignboard'] }));
    open(dir).update({ language: 'en' });
    expect(await readJson(path.join(dir, 'settings.json'))).toMatchObject({
      theme: 'dark',
      language: 'en',
      recentFiles: ['/a.alignboard'],
    });
  });

  it.each([
    ['not JSON', '{"theme": "dark",', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['a schema violation', JSON.stringify({ theme: 'neon', language: 'ja' }), /invalid values \(.*theme/],
    ['a wrong type', JSON.stringify({ lastExportFolder: 42 }), /invalid values/],
    ['bad window bounds', JSON.stringify({ windowBounds: { width: 10, height: 10 } }), /invalid values/],
    ['not an object', '[1,2,3]', /invalid values/],
  ])('falls back to defaults when the file is %s, keeps it aside and says why', async (_label, content, reason) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), content);
    const settings = open(dir);
    const { settings: values, problem } = settings.get();
    expect(values).toEqual(DEFAULT_SETTINGS);
    expect(problem).toMatch(reason);
    expect(problem).toContain('settings.corrupt-20261130T044310Z.json');
    // The bad file is kept verbatim for the user (or support) to look at…
    expect(await readFile(path.join(dir, 'settings.corrupt-20261130T044310Z.json'), 'utf8')).toBe(content);
    // …and a fresh, valid settings file takes its place and keeps working.
    settings.update({ theme: 'dark' });
    expect(open(dir).get()).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' }, problem: null });
  });

  it('never overwrites an earlier corrupt copy', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), 'first bad');
    open(dir);
    await writeFile(path.join(dir, 'settings.json'), 'second bad');
    expect(open(dir).get().problem).toContain('settings.corrupt-20261130T044310Z-2.json');
    const files = (await readdir(dir)).filter((f) => f.startsWith('settings.corrupt-')).sort();
    expect(files).toEqual(['settings.corrupt-20261130T044310Z-2.json', 'settings.corrupt-20261130T044310Z.json']);
  });

  it('still runs, on in-memory settings, when the bad file cannot be moved', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), '{oops');
    const stuck: SettingsFs = {
      existsSync: fs.existsSync,
      renameSync: () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    const settings = open(dir, stuck);
    expect(settings.get().settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.get().problem).toMatch(/could not be moved aside \(EACCES: permission denied\)\. Changes last only/);
    expect(settings.update({ theme: 'dark' }).theme).toBe('dark');
    expect(settings.get().settings.theme).toBe('dark');
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe('{oops');
  });

  it('remembers window bounds and ignores bounds that are out of range', async () => {
    const dir = await tempDir();
    const settings = open(dir);
    expect(settings.windowBounds()).toBeNull();
    settings.saveWindowBounds({ x: 100, y: 80, width: 1400, height: 900, maximized: true });
    settings.saveWindowBounds({ x: 0, y: 0, width: 12, height: 12, maximized: false });
    expect(open(dir).windowBounds()).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true });
    expect(open(dir).get().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('hands electron-store a draft-07 schema per key that rejects what zod rejects', () => {
    const schema = settingsJsonSchema();
    expect(Object.keys(schema).sort()).toEqual(['language', 'lastExportFolder', 'theme', 'windowBounds']);
    expect(schema.theme).toMatchObject({ enum: ['light', 'dark', 'projector'] });
    expect(schema.windowBounds).toMatchObject({ anyOf: [{ properties: { width: { minimum: 400 } } }, { type: 'null' }] });
    // ajv's strict mode (inside electron-store) refuses `default` under anyOf.
    expect(JSON.stringify(schema)).not.toContain('"default"');
  });
});

describe('restoreWindowBounds', () => {
  const primary: DisplayArea = { x: 0, y: 0, width: 1920, height: 1040 };
  const right: DisplayArea = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('uses the default size on the primary display when nothing was saved', () => {
    expect(restoreWindowBounds(null, [primary])).toEqual({ width: 1280, height: 800, maximized: false });
    expect(restoreWindowBounds(null, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({
      width: 1024,
      height: 700,
      maximized: false,
    });
  });

  it('restores a position that is on a current display', () => {
    const saved = { x: 2100, y: 100, width: 1600, height: 1000, maximized: false };
    expect(restoreWindowBounds(saved, [primary, right])).toEqual(saved);
  });

  it('drops a position on a display that is no longer connected, keeping size and maximized', () => {
    const saved = { x: 2100, y: 100, width: 1600, height: 1000, maximized: true };
    expect(restoreWindowBounds(saved, [primary])).toEqual({ width: 1600, height: 1000, maximized: true });
  });

  it.each([
    ['far off to the left', { x: -5000, y: 100 }],
    ['below every display', { x: 100, y: 3000 }],
    ['with only a sliver visible', { x: 1900, y: 100 }],
    ['with its title bar above the screen', { x: 100, y: -500 }],
  ])('drops a position %s', (_label, position) => {
    const saved = { ...position, width: 800, height: 600, maximized: false };
    expect(restoreWindowBounds(saved, [primary])).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('shrinks a window larger than the display it opens on', () => {
    const saved = { x: 10, y: 10, width: 3000, height: 2000, maximized: false };
    expect(restoreWindowBounds(saved, [primary])).toEqual({ x: 10, y: 10, width: 1920, height: 1040, maximized: false });
  });
});
