/**
 * Rolldown's `output.codeSplitting` for the renderer (vite.config.ts; test/bench/run.mjs builds its
 * pages with the same): each window's first module (renderer/src/boot/) in a chunk of its own, and
 * what they need in one more, imported by the entry before any other chunk, so they run before the
 * rest of the window's code is evaluated and can start the loads the first render waits for (issue
 * 12). Left to the default chunking, a module an entry imports first still runs after every chunk
 * the entry imports. Nothing in these chunks imports more than the preload helper: the
 * `bundle` e2e test checks it.
 */
const bootShared = [
  'shared/windowPaths.ts',
  'renderer/src/ui/moduleLoader.ts',
  'renderer/src/i18n/messages.ts',
  'renderer/src/app/pageModules.ts',
  'renderer/src/app/printModules.ts',
];

const matches = (files: readonly string[]) => (id: string) => files.some((file) => id.replaceAll('\\', '/').endsWith(`/${file}`));

export const bootChunks = {
  groups: [
    // The modules both boots use, and the app's too (no side effects: any entry may import them).
    { name: 'boot', test: matches(bootShared), priority: 30 },
    { name: 'boot-app', test: matches(['renderer/src/boot/app.ts']), priority: 20 },
    { name: 'boot-print', test: matches(['renderer/src/boot/print.ts']), priority: 20 },
  ],
};
