import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { publicHolidays } from './tools/publicHolidays.ts';

/**
 * The browser version's Node server (server/web/main.ts, with the room server) as one ES module,
 * dist-server/web.mjs, for `npm run web`. Dependencies stay external (node_modules); our
 * TypeScript from server/ and shared/ is bundled, as vite-plugin-electron does for Electron main.
 */
export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  // Nothing the server bundles reads the holiday tables today; the plugin costs nothing until something does.
  plugins: [publicHolidays(import.meta.dirname)],
  logLevel: 'warn',
  build: {
    ssr: resolve(import.meta.dirname, 'server/web/main.ts'),
    outDir: resolve(import.meta.dirname, 'dist-server'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'web.mjs' } },
  },
});
