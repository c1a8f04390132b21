import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
