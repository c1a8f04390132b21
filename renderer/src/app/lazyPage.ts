import { lazy, type ComponentType } from 'react';
import type { ModuleLoader } from '../ui/lazyModule';

export { moduleLoader, type ModuleLoader } from '../ui/lazyModule';

/**
 * A page loaded on first use (React.lazy) that renders at once when its code is here already
 * (preloaded): React.lazy reads a thenable that answers at once, so nothing suspends. A page
 * that suspends shows its Suspense fallback, and React then holds the page itself back until
 * 300 ms after that fallback appeared (its Suspense throttle) even when the code arrives in 20 ms:
 * that was a third of a print window's open time (issue 12).
 */
export function lazyPage<Module, Page extends ComponentType<any>>(loader: ModuleLoader<Module>, pick: (module: Module) => Page) {
  return lazy<Page>(() => {
    const loaded = loader.loaded;
    if (!loaded) return loader().then((module) => ({ default: pick(module) }));
    const module = { default: pick(loaded) };
    // A thenable on purpose: React.lazy takes the page at once from one that answers at once.
    // oxlint-disable-next-line unicorn/no-thenable
    return { then: (resolve: (value: typeof module) => unknown) => resolve(module) } as Promise<typeof module>;
  });
}
