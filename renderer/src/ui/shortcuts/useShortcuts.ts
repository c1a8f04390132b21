import { useEffect, useLayoutEffect, useRef } from 'react';
import { bindShortcuts, type Handlers, type ShortcutEvent, type ShortcutHandler } from './registry';
import type { Scope } from './table';

/**
 * Binds a scope's shortcuts while the component is mounted (and `enabled`). The handlers may be
 * new functions on every render: the binding calls the latest ones.
 */
export function useShortcuts<S extends Scope>(scope: S, handlers: Handlers<S>, enabled = true): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const ids = Object.keys(handlers).sort().join(' ');
  useEffect(() => {
    if (!enabled) return;
    const bound = Object.fromEntries(
      ids
        .split(' ')
        .filter(Boolean)
        .map((id) => [
          id,
          (event: ShortcutEvent) => {
            const handler = latest.current[id as keyof Handlers<S>] as ShortcutHandler | undefined;
            return handler ? handler(event) : false;
          },
        ]),
    ) as Handlers<S>;
    return bindShortcuts(scope, bound);
  }, [scope, ids, enabled]);
}
