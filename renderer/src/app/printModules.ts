import { isPrintPath, PRINT_ROUTE_PREFIX } from '@shared/pdf';
import { moduleLoader } from './lazyPage';

/**
 * The code of each print view, loaded on first use (printPages.tsx has their routes): one module
 * either way, whether a view's lazy component or a preload asks first.
 */
export const printModules = {
  persona: moduleLoader(() => import('../features/personas/PersonaSheet')),
  minutes: moduleLoader(() => import('../features/meetings/MinutesPrint')),
  sla: moduleLoader(() => import('../features/sla/SlaPrint')),
  funnel: moduleLoader(() => import('../features/diagrams/FunnelSheetPrint')),
  board: moduleLoader(() => import('../features/diagrams/BoardPrint')),
};
export type PrintKind = keyof typeof printModules;

/**
 * The segments of a print path after the prefix (`/print/sla/w/v?paper=A4` → `['sla', 'w', 'v']`),
 * decoded as the router decodes the path (wouter: decodeURI); null for another path.
 */
function printSegments(path: string): string[] | null {
  if (!isPrintPath(path)) return null;
  let route = path.split('?')[0]!;
  try {
    route = route.includes('%') ? decodeURI(route) : route;
  } catch {
    // Not decodable: the router keeps it as it is too.
  }
  return route.slice(PRINT_ROUTE_PREFIX.length).split('/');
}

/** The print view at `path` (an app path): its kind and the route's parameters; null for another path or an unknown view. */
export function printViewAt(path: string): { kind: PrintKind; params: string[] } | null {
  const [kind = '', ...params] = printSegments(path) ?? [];
  return Object.hasOwn(printModules, kind) ? { kind: kind as PrintKind, params } : null;
}

/**
 * Starts loading the code of the print view at `path`, if any and not here yet. Resolves when it
 * is here (at once when there is none; a failure to load is left to the view's own load, which
 * reports it).
 */
export function preloadPrintModule(path: string): Promise<void> {
  const view = printViewAt(path);
  if (!view || printModules[view.kind].loaded) return Promise.resolve();
  // The browser imports a module once, whoever asks: a second call waits for the same one.
  return printModules[view.kind]().then(
    () => undefined,
    () => undefined,
  );
}
