import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { PluginOption } from 'vite';
import { defineConfig } from 'vitest/config';
import electron from 'vite-plugin-electron/simple';
import pkg from './package.json' with { type: 'json' };
import { publicHolidays } from './tools/publicHolidays.ts';

/**
 * One config for everything:
 * - default mode: renderer (dist/renderer) + Electron main (dist-electron/main.js) and sandboxed
 *   preload (dist-electron/preload.cjs, CommonJS as a sandboxed preload must be);
 * - `--mode web`: the same renderer for a browser (dist/web), no Electron plugin;
 * - vitest: unit/electron tests in Node, component tests in jsdom (two projects).
 */
export default defineConfig(async ({ mode }) => {
  const web = mode === 'web' || process.env.VITEST === 'true';
  // publicHolidays: `virtual:public-holidays`, the public holiday tables generated from date-holidays.
  const plugins: PluginOption[] = [react(), publicHolidays(import.meta.dirname)];
  if (!web) {
    plugins.push(
      await electron({
        main: {
          entry: resolve(import.meta.dirname, 'electron/main/index.ts'),
          vite: {
            build: {
              outDir: resolve(import.meta.dirname, 'dist-electron'),
              emptyOutDir: false,
              lib: { entry: resolve(import.meta.dirname, 'electron/main/index.ts'), formats: ['es'], fileName: () => 'main.js' },
            },
          },
        },
        preload: {
          input: resolve(import.meta.dirname, 'electron/preload/index.ts'),
          vite: {
            build: {
              outDir: resolve(import.meta.dirname, 'dist-electron'),
              emptyOutDir: false,
              rollupOptions: { output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
            },
          },
        },
      }),
    );
  }
  return {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    publicDir: false as const,
    plugins,
    // Web Workers are bundled with their own plugins. None of the three (CSV import, workspace file,
    // PDF) reads the holiday tables today (business hours are measured on the page); one that does builds.
    worker: { plugins: () => [publicHolidays(import.meta.dirname)] },
    // Renderer code reaches the pure domain code as `@shared/…` (also in tsconfig.web.json).
    resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
    build: {
      // ALIGNBOARD_WEB_OUT lets two checkouts' e2e runs build side by side (default dist/web).
      outDir: resolve(import.meta.dirname, web ? (process.env.ALIGNBOARD_WEB_OUT ?? 'dist/web') : 'dist/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      // Three pages: the app; its print entry, which print windows load (renderer/src/print.tsx);
      // and the participant page a room serves to phones (server/rooms reads the manifest to
      // serve exactly that page's files and nothing else of the build).
      manifest: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'renderer/index.html'),
          print: resolve(import.meta.dirname, 'renderer/print.html'),
          participant: resolve(import.meta.dirname, 'renderer/participant.html'),
        },
      },
    },
    preview: { host: '127.0.0.1', port: 5173, strictPort: false },
    test: {
      root: import.meta.dirname,
      projects: [
        {
          extends: true as const,
          test: {
            name: 'node',
            environment: 'node',
            include: ['test/unit/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/server/**/*.test.ts'],
          },
        },
        {
          extends: true as const,
          test: {
            name: 'component',
            environment: 'jsdom',
            include: ['test/component/**/*.test.{ts,tsx}'],
            setupFiles: ['test/component/setup.ts'],
            // Whole pages render in jsdom: a guard against hangs, not a speed target (2 cores).
            testTimeout: 20_000,
          },
        },
        {
          // Real Chromium against the production web build (built and served by globalSetup).
          extends: true as const,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['test/e2e/**/*.e2e.ts'],
            globalSetup: ['test/e2e/globalSetup.ts'],
            testTimeout: 90_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
