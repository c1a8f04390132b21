import { isAudiencePath, isPrintPath } from '@shared/windowPaths';
import { moduleLoader, type ModuleLoader } from '../ui/moduleLoader';

/*
 * The code of every page and where each is routed: no imports but the two above (no React, no
 * data layer), as the window's first module (boot/app.ts) starts the code of the page it opens on
 * from here before the rest of the app's code is evaluated (issue 12). pages.tsx makes the
 * pages' lazy components of these loaders.
 */

/**
 * Every page but the home page, loaded when first opened: the first screen carries only what it
 * draws, and each feature (React Flow, uPlot, pdf-lib, signature_pad, papaparse…) arrives with
 * the page that uses it. Everything is still in the app bundle — nothing is fetched from outside.
 */
export const pageModules = {
  workspace: moduleLoader(() => import('../features/workspace/WorkspacePage')),
  places: moduleLoader(() => import('../features/workspace/PlacePage')),
  sla: moduleLoader(() => import('../features/sla/SlaPage')),
  verify: moduleLoader(() => import('../features/sla/VerifyPage')),
  board: moduleLoader(() => import('../features/personas/PersonaBoardPage')),
  funnel: moduleLoader(() => import('../features/funnel/FunnelPage')),
  meetings: moduleLoader(() => import('../features/meetings/MeetingsPage')),
  meeting: moduleLoader(() => import('../features/meetings/MeetingPage')),
  runMeeting: moduleLoader(() => import('../features/meetings/RunMeetingPage')),
  kpis: moduleLoader(() => import('../features/kpis/KpiPage')),
  calendar: moduleLoader(() => import('../features/calendar/CalendarPage')),
  settings: moduleLoader(() => import('../features/settings/SettingsPage')),
  backups: moduleLoader(() => import('../features/backups/BackupsPage')),
};

/**
 * The app's page routes (App.tsx's `<Route path>`s, matched in this order as its Switch does) and
 * the code of each: one list, so the page a link leads to can load before it is clicked
 * (usePreloadOnIntent).
 */
export const PAGE_ROUTES = {
  workspace: '/w/:id',
  sla: '/w/:id/sla',
  verify: '/w/:id/sla/verify',
  slaStep: '/w/:id/sla/:step',
  board: '/w/:id/b/:boardId',
  funnel: '/w/:id/funnel/:boardId',
  meetings: '/w/:id/meetings',
  meeting: '/w/:id/meetings/:meetingId',
  runMeeting: '/w/:id/meetings/:meetingId/run',
  kpis: '/w/:id/kpis',
  calendar: '/w/:id/calendar',
  personas: '/w/:id/personas',
  funnels: '/w/:id/funnel',
  members: '/w/:id/members',
  settings: '/settings',
  backups: '/backups',
} as const;
const routeModules: Record<keyof typeof PAGE_ROUTES, ModuleLoader<unknown>> = {
  workspace: pageModules.workspace,
  sla: pageModules.sla,
  verify: pageModules.verify,
  slaStep: pageModules.sla,
  board: pageModules.board,
  funnel: pageModules.funnel,
  meetings: pageModules.meetings,
  meeting: pageModules.meeting,
  runMeeting: pageModules.runMeeting,
  kpis: pageModules.kpis,
  calendar: pageModules.calendar,
  personas: pageModules.places,
  funnels: pageModules.places,
  members: pageModules.places,
  settings: pageModules.settings,
  backups: pageModules.backups,
};

/**
 * Whether an app path matches one of PAGE_ROUTES's patterns, as App.tsx's router matches it: the
 * same segments, a `:name` segment standing for any non-empty one; a trailing slash is ignored.
 */
export function routeMatches(pattern: string, path: string): boolean {
  return routeParams(pattern, path) !== null;
}

/** The `:name` segments of an app path that matches `pattern` (see routeMatches), null when it does not match. */
export function routeParams(pattern: string, path: string): Record<string, string> | null {
  const segments = (value: string) => (value.length > 1 ? value.replace(/\/$/, '') : value).split('/');
  const wanted = segments(pattern);
  const given = segments(path);
  if (wanted.length !== given.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const value = given[index]!;
    if (segment.startsWith(':')) {
      if (value === '') return null;
      params[segment.slice(1)] = value;
    } else if (segment !== value) return null;
  }
  return params;
}

/** The first of PAGE_ROUTES an app path matches, as App.tsx's Switch picks it. */
export function routeAt(path: string): keyof typeof PAGE_ROUTES | undefined {
  return (Object.keys(PAGE_ROUTES) as (keyof typeof PAGE_ROUTES)[]).find((key) => routeMatches(PAGE_ROUTES[key], path));
}

/**
 * Starts loading the code of the page at `path` (an app path, `/w/…`), if any and not loaded yet.
 * Resolves when it is here (at once when there is none; a failure to load is left to the page's
 * own load, which reports it).
 */
export function preloadPageAt(path: string): Promise<void> {
  const route = routeAt(path);
  const loader = route ? routeModules[route] : undefined;
  return loader && !loader.loaded ? settled(loader()) : Promise.resolve();
}

export const settled = (promise: Promise<unknown>): Promise<void> =>
  promise.then(
    () => undefined,
    () => undefined,
  );

// The audience window (the projector's view, issue 10), and the print views in the app's window
// (printView.tsx; print windows load the print entry, print.tsx).
export const audienceModule = moduleLoader(() => import('../features/audience/AudiencePage'));
export const printViewModule = moduleLoader(() => import('./printView'));

/**
 * Starts loading the code of the page the app opens on (main.tsx calls it first thing): a print
 * view or the audience window's page, or the app page a reload (or a restart on a page) returns to. It
 * then arrives while the settings and the language load, not after them (issue 12). Resolves
 * when it is here (at once for the home page; a failure to load is left to the page's own load,
 * which reports it): main.tsx renders after that, so the page renders at once (lazyPage).
 */
export function preloadStartPage(path: string): Promise<void> {
  if (isPrintPath(path)) return settled(printViewModule().then((module) => module.preloadPrintModule(path)));
  if (isAudiencePath(path)) return settled(audienceModule());
  return preloadPageAt(path.split('?')[0]!);
}

