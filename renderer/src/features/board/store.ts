import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';

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

/**
 * A value derived from a store: the component re-renders only when the derived value changes
 * (`equal`, Object.is by default), not on every change of the store — so a toolbar that needs
 * "how many notes are selected" does not re-render on each frame of a drag (issue 12).
 * `select` may change between renders (a new closure); it is then applied afresh.
 */
export function useStoreSelector<T, S>(store: Store<T>, select: (state: T) => S, equal: (a: S, b: S) => boolean = Object.is): S {
  const cache = useRef<{ state: T; select: (state: T) => S; value: S } | null>(null);
  const getSnapshot = () => {
    const state = store.get();
    const cached = cache.current;
    if (cached && cached.state === state && cached.select === select) return cached.value;
    const value = select(state);
    const kept = cached && equal(cached.value, value) ? cached.value : value;
    cache.current = { state, select, value: kept };
    return kept;
  };
  return useSyncExternalStore(store.subscribe, getSnapshot);
}

/**
 * A store's value as React state: like useSyncExternalStore, except that a change is an ordinary
 * state update, rendered at the priority of the event that made it. useSyncExternalStore renders
 * every change synchronously and then runs the passive effects of that render synchronously too;
 * for the canvas that meant each pointer move of a drag rendered the board, ran React Flow's
 * StoreUpdater (which adopts all N nodes) and rendered the moved node wrappers in one task, before
 * the browser could draw a frame (issue 12). As an ordinary update (a pointer move's continuous
 * priority, as React Flow's own useNodesState has it) the effects run after the frame is drawn.
 * `get` must return the same value while nothing changed, and never a function.
 */
export function useStoreState<T>(subscribe: (listener: () => void) => () => void, get: () => T): T {
  const [value, setValue] = useState(get);
  useLayoutEffect(() => {
    const update = () => setValue(get());
    // What changed between the render and the subscription.
    update();
    return subscribe(update);
  }, [subscribe, get]);
  return value;
}
