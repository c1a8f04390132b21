import { PrintRoot } from '../features/print/PrintRoot';
import { printRoutes } from './printPages';

export { preloadPrintModule } from './printModules';

/**
 * The print views in the app's window (App.tsx, on a `#/print/…` hash: the SLA's print-view link,
 * or an old print address): loaded then, so the app's first screen carries no print code. Print
 * windows load the print entry instead (print.tsx).
 */
export function PrintView() {
  return <PrintRoot routes={printRoutes} />;
}
