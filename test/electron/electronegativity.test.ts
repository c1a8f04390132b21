import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFinding, scanApp, type ScanConfig } from './electronegativity';

const root = path.join(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(path.join(import.meta.dirname, 'electronegativity.json'), 'utf8')) as ScanConfig;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

// The scan parses every source file on a shared 2-core machine: a guard against a hang, not a target.
const SCAN_TIMEOUT_MS = 120_000;

describe('Electronegativity', () => {
  it('is the pinned 1.10.3, scanning as the Electron version the app uses', () => {
    expect(pkg.devDependencies['@doyensec/electronegativity']).toBe('1.10.3');
    expect(config.electronVersion).toBe(pkg.devDependencies.electron);
    for (const entry of [...config.accepted, ...config.excludedChecks]) expect(entry.reason.length).toBeGreaterThan(40);
  });

  it(
    'finds nothing in the app beyond the accepted findings, each of which still exists',
    async () => {
      const result = await scanApp(root, config);
      expect(result.unreadable).toEqual([]);
      expect(result.unexpected.map(describeFinding)).toEqual([]);
      expect(result.stale).toEqual([]);
      // The scan did run: the accepted findings were found again.
      expect(result.findings.length).toBeGreaterThanOrEqual(config.accepted.length);
    },
    SCAN_TIMEOUT_MS,
  );

  it(
    'fails on a new finding: a window without context isolation or sandbox',
    async () => {
      const result = await scanApp(root, config, {
        'electron/main/careless.ts': [
          "import { BrowserWindow } from 'electron';",
          'export const careless = () =>',
          '  new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
          '',
        ].join('\n'),
      });
      const unexpected = result.unexpected.filter((finding) => finding.file === 'electron/main/careless.ts').map((finding) => finding.check);
      expect(unexpected).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
    },
    SCAN_TIMEOUT_MS,
  );
});
