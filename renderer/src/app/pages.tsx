import type { Language } from '@shared/settings';
import { isAudiencePath, isPrintPath } from '@shared/windowPaths';
import { prefetchBoardDoc } from '../features/board/boardDoc';
import { prefetchKpiData } from '../features/kpis/useKpiData';
import { prefetchWorkspace } from '../ui/WorkspaceGate';
import { lazyPage } from './lazyPage';
import { audienceModule, PAGE_ROUTES, pageModules, printViewModule, routeAt, routeParams, settled } from './pageModules';

/** The pages' lazy components (their code: pageModules.ts). */
export const WorkspacePage = lazyPage(pageModules.workspace, (m) => m.WorkspacePage);
export const PersonasPage = lazyPage(pageModules.places, (m) => m.PersonasPage);
export const FunnelsPage = lazyPage(pageModules.places, (m) => m.FunnelsPage);
export const MembersPage = lazyPage(pageModules.places, (m) => m.MembersPage);
export const SlaPage = lazyPage(pageModules.sla, (m) => m.SlaPage);
export const VerifyPage = lazyPage(pageModules.verify, (m) => m.VerifyPage);
export const BoardPage = lazyPage(pageModules.board, (m) => m.BoardPage);
export const FunnelPage = lazyPage(pageModules.funnel, (m) => m.FunnelPage);
export const MeetingsPage = lazyPage(pageModules.meetings, (m) => m.MeetingsPage);
export const MeetingPage = lazyPage(pageModules.meeting, (m) => m.MeetingPage);
export const RunMeetingPage = lazyPage(pageModules.runMeeting, (m) => m.RunMeetingPage);
export const KpiPage = lazyPage(pageModules.kpis, (m) => m.KpiPage);
export const CalendarPage = lazyPage(pageModules.calendar, (m) => m.CalendarPage);
export const SettingsPage = lazyPage(pageModules.settings, (m) => m.SettingsPage);
export const BackupsPage = lazyPage(pageModules.backups, (m) => m.BackupsPage);

export const AudiencePage = lazyPage(audienceModule, (m) => m.AudiencePage);
export const PrintView = lazyPage(printViewModule, (m) => m.PrintView);

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
