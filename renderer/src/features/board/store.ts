/** A minimal external store (for useSyncExternalStore): the board's state lives outside React. */
export type Store<T> = {
  get(): T;
  set(next: T): void;
  update(change: (current: T) => T): void;
  subscribe(listener: () => void): () => void;
};

export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  const store: Store<T> = {
    get: () => state,
    set(next) {
      if (Object.is(next, state)) return;
      state = next;
      listeners.forEach((listener) => listener());
    },
    update(change) {
      store.set(change(state));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return store;
}

/** Sets some fields of an object store; a no-op (no notification) when none of them changes. */
export function patchStore<T extends object>(store: Store<T>, patch: Partial<T>): void {
  const current = store.get();
  const keys = Object.keys(patch) as (keyof T)[];
  if (keys.every((key) => Object.is(current[key], patch[key]))) return;
  store.set({ ...current, ...patch });
}
