import { isAudiencePath } from '@shared/audience/presentation';
import { isPrintPath } from '@shared/pdf';
import type { Language } from '@shared/settings';
import { prefetchBoardDoc } from '../features/board/boardDoc';
import { prefetchKpiData } from '../features/kpis/useKpiData';
import { prefetchWorkspace } from '../ui/WorkspaceGate';
import { lazyPage, moduleLoader, type ModuleLoader } from './lazyPage';

/**
 * Every page but the home page, loaded when first opened: the first screen carries only what it
 * draws, and each feature (React Flow, uPlot, pdf-lib, signature_pad, papaparse…) arrives with
 * the page that uses it. Everything is still in the app bundle — nothing is fetched from outside.
 */
const modules = {
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

export const WorkspacePage = lazyPage(modules.workspace, (m) => m.WorkspacePage);
export const PersonasPage = lazyPage(modules.places, (m) => m.PersonasPage);
export const FunnelsPage = lazyPage(modules.places, (m) => m.FunnelsPage);
export const MembersPage = lazyPage(modules.places, (m) => m.MembersPage);
export const SlaPage = lazyPage(modules.sla, (m) => m.SlaPage);
export const VerifyPage = lazyPage(modules.verify, (m) => m.VerifyPage);
export const BoardPage = lazyPage(modules.board, (m) => m.BoardPage);
export const FunnelPage = lazyPage(modules.funnel, (m) => m.FunnelPage);
export const MeetingsPage = lazyPage(modules.meetings, (m) => m.MeetingsPage);
export const MeetingPage = lazyPage(modules.meeting, (m) => m.MeetingPage);
export const RunMeetingPage = lazyPage(modules.runMeeting, (m) => m.RunMeetingPage);
export const KpiPage = lazyPage(modules.kpis, (m) => m.KpiPage);
export const CalendarPage = lazyPage(modules.calendar, (m) => m.CalendarPage);
export const SettingsPage = lazyPage(modules.settings, (m) => m.SettingsPage);
export const BackupsPage = lazyPage(modules.backups, (m) => m.BackupsPage);

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
  workspace: modules.workspace,
  sla: modules.sla,
  verify: modules.verify,
  slaStep: modules.sla,
  board: modules.board,
  funnel: modules.funnel,
  meetings: modules.meetings,
  meeting: modules.meeting,
  runMeeting: modules.runMeeting,
  kpis: modules.kpis,
  calendar: modules.calendar,
  personas: modules.places,
  funnels: modules.places,
  members: modules.places,
  settings: modules.settings,
  backups: modules.backups,
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
function routeAt(path: string): keyof typeof PAGE_ROUTES | undefined {
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

const settled = (promise: Promise<unknown>): Promise<void> =>
  promise.then(
    () => undefined,
    () => undefined,
  );

// The audience window (the projector's view, issue 10), and the print views in the app's window
// (printView.tsx; print windows load the print entry, print.tsx).
const audienceModule = moduleLoader(() => import('../features/audience/AudiencePage'));
const printViewModule = moduleLoader(() => import('./printView'));

export const AudiencePage = lazyPage(audienceModule, (m) => m.AudiencePage);
export const PrintView = lazyPage(printViewModule, (m) => m.PrintView);

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

/** A board page's data: its doc (and then the fonts of its text) loads while the page's code and the language do. */
async function boardData({ id, boardId }: Record<string, string>, language: Language): Promise<void> {
  await Promise.all([prefetchWorkspace(id!), prefetchBoardDoc(id!, boardId!, language)]);
}

/**
 * What a page reads as it opens, started early when the app opens on it (issue 12): main.tsx calls
 * prefetchStartData once it knows the language, so the reads run while the page's code and the
 * language load, and the page's first render has its data. The read functions are part of the
 * start code (small; their data layer is loaded at start anyway), not of the page's chunk, whose
 * arrival would come too late; a read nobody takes over closes by itself.
 */
const routeData: Partial<Record<keyof typeof PAGE_ROUTES, (params: Record<string, string>, language: Language) => Promise<void>>> = {
  kpis: async ({ id }, language) => {
    await Promise.all([prefetchWorkspace(id!), prefetchKpiData(id!, language)]);
  },
  board: boardData,
  funnel: boardData,
};

/**
 * Starts the reads of the page at `path` (an app path) in `language`, where the page has any
 * (routeData). Resolves when they have their first result (at once where there are none); never
 * fails (the page's own read reports a failure).
 */
export function prefetchStartData(path: string, language: Language): Promise<void> {
  if (isPrintPath(path) || isAudiencePath(path)) return Promise.resolve();
  const bare = path.split('?')[0]!;
  const route = routeAt(bare);
  const prefetch = route ? routeData[route] : undefined;
  return route && prefetch ? settled(prefetch(routeParams(PAGE_ROUTES[route], bare)!, language)) : Promise.resolve();
}
