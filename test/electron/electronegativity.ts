import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs Electronegativity (Doyensec's Electron security scanner) in this process, offline, over the
 * app's sources, and compares what it finds with the accepted findings in electronegativity.json.
 *
 * Two shims, both scoped to this run and undone after it:
 * - Electronegativity fetches translations (and, in one check, Electron's release list) with `got`
 *   from the internet on every run. Tests may not reach the internet, so `got` is replaced by a
 *   function that fails at once; the tool then falls back to its bundled English strings.
 * - Its TypeScript parser (@typescript-eslint/typescript-estree 4) is hoisted beside this project's
 *   TypeScript 7, whose JavaScript API it cannot use; it is pointed at the TypeScript 4.2 that
 *   Electronegativity ships for it.
 */

export type AcceptedFinding = { check: string; file: string; code: string; reason: string };
export type ScanConfig = {
  electronVersion: string;
  excludedChecks: { check: string; reason: string }[];
  accepted: AcceptedFinding[];
};
export type Finding = { check: string; file: string; line: number; column: number; code: string; description: string };
export type ScanResult = {
  findings: Finding[];
  /** Findings no accepted entry explains: each fails the run. */
  unexpected: Finding[];
  /** Accepted entries that match no finding any more: remove them (or the finding moved). */
  stale: AcceptedFinding[];
  /** Files the tool could not parse, so did not check. */
  unreadable: { file: string; message: string }[];
};

type RawIssue = {
  id: string;
  file: string;
  sample?: string;
  description: string;
  location: { line: number; column: number };
};
type RunResult = { issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] };
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RunResult>;

/** The folders that make up the app; tests, builds and node_modules are not part of it. */
export const SCANNED = ['electron', 'renderer', 'shared'] as const;
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|html?)$/;

type ModuleInternals = typeof Module & {
  _resolveFilename(request: string, parent: { filename?: string } | undefined, ...rest: unknown[]): string;
};

async function withShims<T>(task: (run: Runner) => Promise<T>): Promise<T> {
  const internals = Module as ModuleInternals;
  const projectRequire = createRequire(import.meta.url);
  const toolRequire = createRequire(projectRequire.resolve('@doyensec/electronegativity/package.json'));

  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('Electronegativity may not reach the internet in tests.'));
  offline.head = offline;
  const previousGot = projectRequire.cache[gotPath];
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  projectRequire.cache[gotPath] = stub;

  const typescript42 = toolRequire.resolve('typescript');
  const resolve = internals._resolveFilename;
  internals._resolveFilename = function (request, parent, ...rest) {
    if (request === 'typescript' && parent?.filename?.includes(`${path.sep}@typescript-eslint${path.sep}`)) return typescript42;
    return resolve.call(this, request, parent, ...rest);
  };

  // The tool prints its progress and the failed translation download with console.log.
  const log = console.log;
  console.log = () => {};
  try {
    const runner = toolRequire('./dist/runner.js') as Runner | { default: Runner };
    return await task(typeof runner === 'function' ? runner : runner.default);
  } finally {
    console.log = log;
    internals._resolveFilename = resolve;
    if (previousGot) projectRequire.cache[gotPath] = previousGot;
    else delete projectRequire.cache[gotPath];
  }
}

const matches = (finding: Finding, accepted: AcceptedFinding) =>
  finding.check === accepted.check && finding.file === accepted.file && finding.code.includes(accepted.code);

/**
 * Scans a copy of the app's source folders (and package.json) as one tree, so that checks spanning
 * files (navigation limits, permission handlers, CSP) see main and renderer together. `extraFiles`
 * are added to the copy (the test's own proof that a new finding fails).
 */
export async function scanApp(root: string, config: ScanConfig, extraFiles: Record<string, string> = {}): Promise<ScanResult> {
  const copy = await mkdtemp(path.join(tmpdir(), 'alignboard-electronegativity-'));
  try {
    for (const folder of SCANNED) {
      await cp(path.join(root, folder), path.join(copy, folder), {
        recursive: true,
        filter: (source) => !source.includes(`${path.sep}node_modules`) && (!path.extname(source) || SOURCE_FILE.test(source)),
      });
    }
    await cp(path.join(root, 'package.json'), path.join(copy, 'package.json'));
    for (const [file, text] of Object.entries(extraFiles)) {
      await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
      await writeFile(path.join(copy, file), text);
    }

    const result = await withShims((run) =>
      run(
        {
          input: copy,
          electronVersionOverride: config.electronVersion,
          excludeFromScan: config.excludedChecks.map((excluded) => excluded.check),
          isRelative: true,
          parserPlugins: [],
        },
        false,
      ),
    );
    const findings = result.issues.map((issue) => ({
      check: issue.id,
      file: issue.file.split(path.sep).join('/'),
      line: issue.location.line,
      column: issue.location.column,
      code: (issue.sample ?? '').trim(),
      description: issue.description,
    }));
    return {
      findings,
      unexpected: findings.filter((finding) => !config.accepted.some((accepted) => matches(finding, accepted))),
      stale: config.accepted.filter((accepted) => !findings.some((finding) => matches(finding, accepted))),
      unreadable: result.errors
        .filter((error) => !error.tolerable)
        .map((error) => ({ file: path.relative(copy, error.file), message: error.message })),
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

export function describeFinding(finding: Finding): string {
  return `${finding.check} at ${finding.file}:${finding.line}:${finding.column} (${finding.code.slice(0, 80) || 'no code'}): ${finding.description}`;
}
