/**
 * A module's loader that remembers the module once it has arrived (`loaded`): the same module
 * either way, whoever asks first (a page's lazy component, a preload, a component on first use).
 * No imports: a window's first module (boot/) starts its page's code with these.
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
