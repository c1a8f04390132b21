import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_EXTENSION } from '../../shared/workspaceFile';

const root = path.join(import.meta.dirname, '../..');
const builderConfig = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

describe('packaging', () => {
  it('ships a 512×512 RGBA PNG icon', () => {
    const png = readFileSync(path.join(root, 'electron/resources/icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
  });

  it('packages what vite builds and starts the entry package.json names', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.js');
    expect(builderConfig).toMatch(/^\s+- dist-electron\/\*\*\/\*$/m);
    expect(builderConfig).toMatch(/^\s+- dist\/renderer\/\*\*\/\*$/m);
    expect(builderConfig).toMatch(/^appId: com\.alignboard\.app$/m);
  });

  it('associates the workspace file extension the app reads', () => {
    expect(builderConfig).toMatch(new RegExp(`^\\s+- ext: ${FILE_EXTENSION.slice(1)}$`, 'm'));
    expect(builderConfig).toMatch(/^\s+mimeType: application\/x-alignboard$/m);
  });
});

/** electron-builder loads a few hundred modules and compiles its schema: a guard on 2 busy cores. */
const BUILDER_TIMEOUT_MS = 60_000;

/** The fuses the packaged app must carry (electron-builder's `electronFuses` names). */
const FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

describe('electron fuses', () => {
  /** electron-builder.yml as electron-builder reads it (its own loader, extends and defaults). */
  let config: Awaited<ReturnType<typeof getConfig>>;
  beforeAll(async () => {
    config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  }, BUILDER_TIMEOUT_MS);

  it.each(Object.entries(FUSES))('packages the app with %s: %s', (fuse, value) => {
    expect((config.electronFuses as Record<string, unknown> | null | undefined)?.[fuse]).toBe(value);
  });

  it('uses fuse names electron-builder knows (a misspelt one would be silently left as it is)', () => {
    const scheme = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(known).toEqual(expect.arrayContaining(Object.keys(FUSES)));
    expect(Object.keys(config.electronFuses ?? {}).filter((name) => !known.includes(name))).toEqual([]);
  });

  it(
    'is a configuration electron-builder itself accepts (its schema refuses unknown keys)',
    async () => {
      await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    },
    BUILDER_TIMEOUT_MS,
  );

  it('has electron-builder pinned in devDependencies, so `npm run dist` runs as written', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.dist).toBe('vite build && electron-builder');
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
