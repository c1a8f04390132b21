import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production web build (dist/web) is served, ending with a slash. */
    baseUrl: string;
  }
}

const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * Serves the web build for the whole e2e run with vite's preview server. `npm run test:e2e` builds
 * it first; running vitest directly needs `npx vite build --mode web` beforehand.
 */
export default async function setup(project: TestProject) {
  const outDir = process.env.ALIGNBOARD_WEB_OUT ?? 'dist/web';
  if (!existsSync(resolve(repoRoot, outDir, 'index.html'))) {
    throw new Error(`${outDir} is missing: run \`npm run test:e2e\` (or \`npx vite build --mode web\` first).`);
  }
  const server = await preview({
    configFile: resolve(repoRoot, 'vite.config.ts'),
    mode: 'web',
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report a local URL');
  }
  project.provide('baseUrl', url.endsWith('/') ? url : `${url}/`);
  return async () => {
    await server.close();
  };
}
