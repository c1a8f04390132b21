import { Route } from 'wouter';
import type { Language } from '@shared/settings';
import { preloadPrimedSlaFonts, primeSlaPrintData } from '../features/sla/slaPrintData';
import { lazyPage } from './lazyPage';
import { preloadPrintModule, printModules, printViewAt } from './printModules';

/**
 * The print views (a window each: Electron's hidden print window, the browser's print frame, or the
 * app's own window for a print view opened to read): their routes, one list shared by the app
 * (App.tsx) and the print entry (print.tsx). Each view's code loads on first use (printModules).
 */
const PersonaSheet = lazyPage(printModules.persona, (m) => m.PersonaSheet);
const MinutesPrint = lazyPage(printModules.minutes, (m) => m.MinutesPrint);
const SlaPrint = lazyPage(printModules.sla, (m) => m.SlaPrint);
const FunnelSheetPrint = lazyPage(printModules.funnel, (m) => m.FunnelSheetPrint);
const BoardPrint = lazyPage(printModules.board, (m) => m.BoardPrint);

/** The print views' wouter `<Route>`s, for PrintRoot. */
export const printRoutes = (
  <>
    <Route path="/print/persona/:workspaceId/:boardId">{(params) => <PersonaSheet workspaceId={params.workspaceId} boardId={params.boardId} />}</Route>
    <Route path="/print/minutes/:workspaceId/:meetingId">{(params) => <MinutesPrint workspaceId={params.workspaceId} meetingId={params.meetingId} />}</Route>
    <Route path="/print/sla/:workspaceId/:versionId">{(params) => <SlaPrint workspaceId={params.workspaceId} versionId={params.versionId} />}</Route>
    <Route path="/print/funnel/:workspaceId/:boardId">{(params) => <FunnelSheetPrint workspaceId={params.workspaceId} boardId={params.boardId} />}</Route>
    <Route path="/print/board/:workspaceId/:boardId">{(params) => <BoardPrint workspaceId={params.workspaceId} boardId={params.boardId} />}</Route>
  </>
);

/**
 * Starts loading the code of the print view at `path` (a print path, `/print/…`), and the records
 * of the views that can read them before they render (the SLA: see slaPrintData). Resolves when
 * both are here (at once for an unknown view; a failure is left to the view's own load and read,
 * which report it), so the view then renders at once, with its data (issue 12).
 */
export function preloadPrintPage(path: string): Promise<void> {
  return Promise.all([preloadPrintModule(path), primePrintPageData(path)]).then(() => undefined);
}

/** The records half of preloadPrintPage: resolves when they are read (at once for a view that reads its own). */
export function primePrintPageData(path: string): Promise<void> {
  const view = printViewAt(path);
  if (view?.kind === 'sla' && view.params.length === 2) return primeSlaPrintData(view.params[0]!, view.params[1]!);
  return Promise.resolve();
}

/**
 * With the language loaded and the records read (primePrintPageData), before the view renders:
 * starts loading the fonts of those records (the SLA's), so that they arrive before its first
 * layout.
 */
export function preloadPrintPageFonts(path: string, language: Language): void {
  const view = printViewAt(path);
  if (view?.kind === 'sla' && view.params.length === 2) preloadPrimedSlaFonts(view.params[0]!, view.params[1]!, language);
}
