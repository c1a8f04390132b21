import { isAudiencePath } from '@shared/audience/presentation';
import { isPrintPath } from '@shared/pdf';
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
  const segments = (value: string) => (value.length > 1 ? value.replace(/\/$/, '') : value).split('/');
  const wanted = segments(pattern);
  const given = segments(path);
  return wanted.length === given.length && wanted.every((segment, index) => (segment.startsWith(':') ? given[index] !== '' : segment === given[index]));
}

/**
 * Starts loading the code of the page at `path` (an app path, `/w/…`), if any and not loaded yet.
 * Resolves when it is here (at once when there is none; a failure to load is left to the page's
 * own load, which reports it).
 */
export function preloadPageAt(path: string): Promise<void> {
  const route = (Object.keys(PAGE_ROUTES) as (keyof typeof PAGE_ROUTES)[]).find((key) => routeMatches(PAGE_ROUTES[key], path));
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
