import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FILE_STEPS, type FileStep, migrateFile } from '../../shared/migrateFile';
import { BOARD_NODES } from '../../shared/records/board';
import { FILE_VERSION, parseWorkspaceFile } from '../../shared/workspaceFile';

const dir = fileURLToPath(new URL('../fixtures/migrations/', import.meta.url));
const fixture = (version: number) => `${dir}file-v${version}.alignboard`;
const readFixture = (version: number): Record<string, unknown> => JSON.parse(readFileSync(fixture(version), 'utf8'));

describe('the chain of file steps (shared/migrateFile.ts)', () => {
  it('has one named step from every older version, in order, each with a frozen file of that version', () => {
    expect(FILE_STEPS.map((step) => step.from)).toEqual(Array.from({ length: FILE_VERSION - 1 }, (_, i) => i + 1));
    expect(new Set(FILE_STEPS.map((step) => step.name)).size).toBe(FILE_STEPS.length);
    expect(FILE_STEPS.filter((step) => !existsSync(fixture(step.from))).map((step) => step.name)).toEqual([]);
  });

  it.each(Array.from({ length: FILE_VERSION }, (_, i) => i + 1))('reads the frozen file of version %i with the steps from there on', (version) => {
    const raw = readFixture(version);
    expect(raw.version).toBe(version);
    const migrated = migrateFile(raw, FILE_VERSION);
    expect(migrated).toMatchObject({ ok: true, applied: FILE_STEPS.filter((step) => step.from >= version).map((step) => step.name) });
    const parsed = parseWorkspaceFile(readFileSync(fixture(version), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.file.version).toBe(FILE_VERSION);
  });

  it('reads version 1 (every table, one entry each) to what it holds', () => {
    const parsed = parseWorkspaceFile(readFileSync(fixture(1), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const { file } = parsed;
    expect(file.workspace.name).toBe('全テーブル');
    expect(file.members.map((member) => member.name)).toEqual(['田中 一郎']);
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, file.boards[0]!.updateV2);
    expect(doc.getMap(BOARD_NODES).toJSON()).toEqual({ n1: { type: 'sticky', x: 10, y: 20, text: '予算は第4四半期に決まる' } });
    expect([file.assets.length, file.slaVersions.length, file.meetings.length, file.actionItems.length, file.kpis.length, file.kpiValues.length, file.leadMonths.length]).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(file.calendar?.timeZone).toBe('Asia/Tokyo');
  });
});

describe('migrateFile', () => {
  // Two made-up steps over the frozen version-1 file: what a real chain does.
  const steps: FileStep[] = [
    { name: 'members become people', from: 1, migrate: ({ members, ...rest }) => ({ ...rest, people: members }) },
    { name: 'people get a count', from: 2, migrate: (file) => ({ ...file, peopleCount: (file.people as unknown[]).length }) },
  ];

  it('runs the steps from the file’s version in order, each writing the next version', () => {
    const raw = readFixture(1);
    const before = structuredClone(raw);
    const migrated = migrateFile(raw, 3, steps);
    if (!migrated.ok) throw new Error('expected ok');
    expect(migrated.applied).toEqual(['members become people', 'people get a count']);
    expect(migrated.file.version).toBe(3);
    expect(migrated.file.members).toBeUndefined();
    expect(migrated.file.people).toEqual(before.members);
    expect(migrated.file.peopleCount).toBe(1);
    // The file read from disk is left as it was.
    expect(raw).toEqual(before);
  });

  it('starts at the file’s own version', () => {
    const migrated = migrateFile({ ...readFixture(1), version: 2, people: [] }, 3, steps);
    expect(migrated).toMatchObject({ ok: true, applied: ['people get a count'], file: { version: 3, peopleCount: 0 } });
  });

  it('runs nothing for a file of the current version', () => {
    const raw = readFixture(1);
    expect(migrateFile(raw, 1, steps)).toEqual({ ok: true, applied: [], file: raw });
  });

  it('names a file from a newer version, and one whose version is not a whole number ≥ 1', () => {
    expect(migrateFile({ ...readFixture(1), version: 4 }, 3, steps)).toEqual({ ok: false, problem: { kind: 'newer-version', version: 4 } });
    for (const version of [0, -1, 1.5, '1', null, undefined]) {
      expect(migrateFile({ ...readFixture(1), version }, 3, steps)).toEqual({ ok: false, problem: { kind: 'unsupported-version', version } });
    }
  });

  it('refuses to skip a version it has no step from (a mistake in the app, not the file)', () => {
    expect(() => migrateFile(readFixture(1), 3, [steps[1]!])).toThrow('no migration step from workspace file version 1');
  });

  it('is what the parser uses: a newer file is refused with its version', () => {
    const text = JSON.stringify({ ...readFixture(1), version: FILE_VERSION + 1 });
    expect(parseWorkspaceFile(text)).toEqual({ ok: false, problem: { kind: 'newer-version', version: FILE_VERSION + 1 } });
  });
});
