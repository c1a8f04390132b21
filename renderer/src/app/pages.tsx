import { lazy } from 'react';
import { isAudiencePath } from '@shared/audience/presentation';
import { isPrintPath, PRINT_ROUTE_PREFIX } from '@shared/pdf';

/**
 * Every page but the home page, loaded when first opened: the first screen carries only what it
 * draws, and each feature (React Flow, uPlot, pdf-lib, signature_pad, papaparse…) arrives with
 * the page that uses it. Everything is still in the app bundle — nothing is fetched from outside.
 */
export const WorkspacePage = lazy(() => import('../features/workspace/WorkspacePage').then((m) => ({ default: m.WorkspacePage })));
export const PersonasPage = lazy(() => import('../features/workspace/PlacePage').then((m) => ({ default: m.PersonasPage })));
export const FunnelsPage = lazy(() => import('../features/workspace/PlacePage').then((m) => ({ default: m.FunnelsPage })));
export const MembersPage = lazy(() => import('../features/workspace/PlacePage').then((m) => ({ default: m.MembersPage })));
export const SlaPage = lazy(() => import('../features/sla/SlaPage').then((m) => ({ default: m.SlaPage })));
export const VerifyPage = lazy(() => import('../features/sla/VerifyPage').then((m) => ({ default: m.VerifyPage })));
export const BoardPage = lazy(() => import('../features/personas/PersonaBoardPage').then((m) => ({ default: m.BoardPage })));
export const FunnelPage = lazy(() => import('../features/funnel/FunnelPage').then((m) => ({ default: m.FunnelPage })));
export const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
export const MeetingPage = lazy(() => import('../features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })));
export const RunMeetingPage = lazy(() => import('../features/meetings/RunMeetingPage').then((m) => ({ default: m.RunMeetingPage })));
export const KpiPage = lazy(() => import('../features/kpis/KpiPage').then((m) => ({ default: m.KpiPage })));
export const CalendarPage = lazy(() => import('../features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
export const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
export const BackupsPage = lazy(() => import('../features/backups/BackupsPage').then((m) => ({ default: m.BackupsPage })));

// Print views (a separate window each), and the audience window (the projector's view, issue 10).
// Their modules, named once: preloadWindowPage asks for the same module early (one module either way).
const printModules = {
  persona: () => import('../features/personas/PersonaSheet'),
  minutes: () => import('../features/meetings/MinutesPrint'),
  sla: () => import('../features/sla/SlaPrint'),
  funnel: () => import('../features/diagrams/FunnelSheetPrint'),
  board: () => import('../features/diagrams/BoardPrint'),
};
const audienceModule = () => import('../features/audience/AudiencePage');

export const PersonaSheet = lazy(() => printModules.persona().then((m) => ({ default: m.PersonaSheet })));
export const MinutesPrint = lazy(() => printModules.minutes().then((m) => ({ default: m.MinutesPrint })));
export const SlaPrint = lazy(() => printModules.sla().then((m) => ({ default: m.SlaPrint })));
export const FunnelSheetPrint = lazy(() => printModules.funnel().then((m) => ({ default: m.FunnelSheetPrint })));
export const BoardPrint = lazy(() => printModules.board().then((m) => ({ default: m.BoardPrint })));
export const AudiencePage = lazy(() => audienceModule().then((m) => ({ default: m.AudiencePage })));

/**
 * Starts loading the code of the page a print or audience window opens on (main.tsx calls it
 * first thing, with App.tsx's route paths): it then arrives while the settings and the language
 * load, not after them (issue 12).
 */
export function preloadWindowPage(path: string): void {
  const print = isPrintPath(path) ? path.slice(PRINT_ROUTE_PREFIX.length).split('/')[0] : undefined;
  const load = print && Object.hasOwn(printModules, print) ? printModules[print as keyof typeof printModules] : isAudiencePath(path) ? audienceModule : null;
  void load?.().catch(() => undefined);
}
