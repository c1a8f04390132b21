/**
 * Brings an `.alignboard` file written in an older version of the format up to the current one,
 * before it is validated (workspaceFile.ts validates only the current shape).
 *
 * Changing the file's shape means: bump FILE_VERSION (workspaceFile.ts), add one named step here
 * from the version before, and freeze a file written in the old version as
 * test/fixtures/migrations/file-v<from>.alignboard. test/unit/migrateFile.test.ts fails for a
 * version without a step, a step without its fixture, or a fixture that no longer reads.
 *
 * A step works on the raw JSON object (already known to be an Alignboard file of its `from`
 * version) and returns the object of the next version; it must not change its argument.
 */

export type RawFile = Readonly<Record<string, unknown>>;

export type FileStep = {
  /** What the step changes, in a few words (shown in test names and kept in the fixture's name). */
  readonly name: string;
  /** The version the step reads; it writes `from + 1`. */
  readonly from: number;
  migrate(file: RawFile): Record<string, unknown>;
};

export const FILE_STEPS: readonly FileStep[] = [
  {
    // Version 2 boards carry `docV2` (the v2 encoding y-dexie stores, written and read as it is);
    // a board's v1 `doc` stays readable, so a version-1 file needs no change. The version says an
    // older app cannot read the file, instead of it failing on a board without `doc`.
    name: 'board documents may travel in the v2 encoding',
    from: 1,
    migrate: (file) => ({ ...file }),
  },
];

export type VersionProblem = { kind: 'newer-version'; version: number } | { kind: 'unsupported-version'; version: unknown };

export type Migrated = { ok: true; file: Record<string, unknown>; applied: string[] } | { ok: false; problem: VersionProblem };

/**
 * The file at version `current`, and the names of the steps that took it there. A file from a
 * newer version (written by a newer app) or with a version that is not a whole number ≥ 1 is a
 * problem: nothing is guessed.
 */
export function migrateFile(raw: RawFile, current: number, steps: readonly FileStep[] = FILE_STEPS): Migrated {
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: { kind: 'unsupported-version', version } };
  if (version > current) return { ok: false, problem: { kind: 'newer-version', version } };
  let file: Record<string, unknown> = { ...raw };
  const applied: string[] = [];
  for (let at = version; at < current; at++) {
    const step = steps.find((candidate) => candidate.from === at);
    // A missing step is a mistake in this app, not in the file: the tests keep the chain whole.
    if (!step) throw new Error(`no migration step from workspace file version ${at}`);
    file = { ...step.migrate(file), version: at + 1 };
    applied.push(step.name);
  }
  return { ok: true, file, applied };
}
