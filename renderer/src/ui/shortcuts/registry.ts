import { dialogOpen, keyTargetOf, matches, parseKey, type KeyInput, type KeySpec, type KeyTarget } from './keys';
import { DEFAULT_TARGETS, SCOPES, SHORTCUTS, type Scope, type Shortcut, type ShortcutId } from './table';

/** What a handler is told: the press, the key of the shortcut it matched (as written in the table) and where focus is. */
export type ShortcutEvent = { input: KeyInput; key: string; target: KeyTarget; element: Element | null };

/** Runs a shortcut; false when it did not apply here (the key then keeps its usual meaning). */
export type ShortcutHandler = (event: ShortcutEvent) => boolean | void;

export type Handlers<S extends Scope> = Partial<Record<ScopeIds<S>, ShortcutHandler>>;
type ScopeIds<S extends Scope> = { [K in ShortcutId]: (typeof SHORTCUTS)[K]['scope'] extends S ? K : never }[ShortcutId];

type Compiled = { id: ShortcutId; entry: Shortcut; keys: { spec: KeySpec; targets: readonly KeyTarget[] }[] };

const COMPILED: Compiled[] = (Object.entries(SHORTCUTS) as [ShortcutId, Shortcut][])
  .filter(([, entry]) => !entry.external)
  .map(([id, entry]) => ({
    id,
    entry,
    keys: entry.keys.map((key) =>
      typeof key === 'string' ? { spec: parseKey(key), targets: entry.targets ?? DEFAULT_TARGETS } : { spec: parseKey(key.key), targets: key.targets },
    ),
  }));

type Binding = { scope: Scope; handlers: Partial<Record<ShortcutId, ShortcutHandler>>; order: number };

/**
 * The active bindings: a page's scopes come before the app's global ones (run mode's N before the
 * app's N), and among equals the one bound last first.
 */
const bindings: Binding[] = [];
let counter = 0;
let listening: ((event: KeyboardEvent) => void) | null = null;

function level(scope: Scope): number {
  return scope === 'global' ? 0 : 1;
}

/**
 * Finds and runs the shortcut a press means. Exported for tests; in the app the one listener
 * below calls it. Returns whether a shortcut took the press.
 */
export function dispatch(input: KeyInput, element: Element | null, context: { dialog: boolean }): boolean {
  const target = keyTargetOf(element);
  const ordered = [...bindings].sort((a, b) => level(b.scope) - level(a.scope) || b.order - a.order);
  for (const binding of ordered) {
    for (const compiled of COMPILED) {
      if (compiled.entry.scope !== binding.scope) continue;
      const handler = binding.handlers[compiled.id];
      if (!handler) continue;
      if (context.dialog && !compiled.entry.inDialogs) continue;
      const offWhile: readonly Scope[] | undefined = compiled.entry.offWhile;
      if (offWhile && bindings.some((other) => offWhile.includes(other.scope))) continue;
      const key = compiled.keys.find((candidate) => candidate.targets.includes(target) && matches(candidate.spec, input));
      if (!key) continue;
      if (handler({ input, key: key.spec.written, target, element }) !== false) return true;
    }
  }
  return false;
}

function onKeyDown(event: KeyboardEvent): void {
  // Bubble phase: a field that keeps a key to itself (stopPropagation) keeps it from shortcuts too.
  if (dispatch(event, event.target instanceof Element ? event.target : null, { dialog: dialogOpen() })) event.preventDefault();
}

/**
 * Binds what some shortcuts of a scope do while the caller wants them (a mounted page); returns
 * the unbind. The first binding starts the app's one keydown listener, the last one stops it.
 */
export function bindShortcuts<S extends Scope>(scope: S, handlers: Handlers<S>): () => void {
  if (!SCOPES.includes(scope)) throw new Error(`unknown shortcut scope ${scope}`);
  const binding: Binding = { scope, handlers: handlers as Binding['handlers'], order: ++counter };
  bindings.push(binding);
  if (!listening && typeof window !== 'undefined') {
    listening = onKeyDown;
    window.addEventListener('keydown', listening);
  }
  return () => {
    const index = bindings.indexOf(binding);
    if (index >= 0) bindings.splice(index, 1);
    if (bindings.length === 0 && listening) {
      window.removeEventListener('keydown', listening);
      listening = null;
    }
  };
}
