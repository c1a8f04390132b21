import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startWebApp } from '../../server/web/start';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production web build (dist/web) is served, ending with a slash. */
    baseUrl: string;
  }
}

const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * Serves the web build for the whole e2e run with the browser version's own server (server/web,
 * what `npm run web` runs), which also hosts rooms (on a free port here, so two checkouts' runs do
 * not collide). `npm run test:e2e` builds it first; running vitest directly needs
 * `npx vite build --mode web` beforehand.
 */
export default async function setup(project: TestProject) {
  const outDir = process.env.ALIGNBOARD_WEB_OUT ?? 'dist/web';
  const root = resolve(repoRoot, outDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`${outDir} is missing: run \`npm run test:e2e\` (or \`npx vite build --mode web\` first).`);
  }
  const quiet = { info: () => {}, warn: (message: string) => console.warn(message) };
  const server = await startWebApp({ root, port: 0, roomPort: 0, logger: quiet });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
