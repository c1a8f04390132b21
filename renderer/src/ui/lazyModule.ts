import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * A module's loader that remembers the module once it has arrived (`loaded`): the same module
 * either way, whoever asks first (a page's lazy component, a preload, a component on first use).
 */
export type ModuleLoader<Module> = { (): Promise<Module>; loaded?: Module };
export function moduleLoader<Module>(load: () => Promise<Module>): ModuleLoader<Module> {
  const loader: ModuleLoader<Module> = () =>
    load().then((module) => {
      loader.loaded = module;
      return module;
    });
  return loader;
}

/**
 * A component whose code loads on first use (issue 12: the KPI page's CSV import, a date field's
 * calendar). `preload()` starts loading it (a pointer over, or focus on, what opens it), so it is
 * usually here by the click or the key; while `wanted` and its code is not here (a click without
 * pointing first, a shortcut) it is loaded and given on arrival. If it cannot be loaded, `onFailed`
 * is called (the caller closes what wanted it) and the error is logged, naming `what`.
 */
export function useLazyComponent<Module, Component>(
  loader: ModuleLoader<Module>,
  pick: (module: Module) => Component,
  options: { wanted: boolean; onFailed: () => void; what: string },
): { Component: Component | null; preload: () => void } {
  const [Loaded, setLoaded] = useState<Component | null>(() => (loader.loaded ? pick(loader.loaded) : null));
  const { wanted, what } = options;
  const onFailed = useRef(options.onFailed);
  useLayoutEffect(() => {
    onFailed.current = options.onFailed;
  });
  useEffect(() => {
    if (!wanted || Loaded) return;
    let live = true;
    loader().then(
      (module) => {
        if (live) setLoaded(() => pick(module));
      },
      (error: unknown) => {
        console.error(`${what} did not load`, error);
        if (live) onFailed.current();
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, Loaded, loader, pick, what]);
  const preload = useCallback(() => {
    if (!Loaded) loader().then((module) => setLoaded(() => pick(module)), () => undefined);
  }, [Loaded, loader, pick]);
  return { Component: Loaded, preload };
}
