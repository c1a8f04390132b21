import { Suspense, useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { parsePrintLocation } from '@shared/pdf';
import { PrintPaperContext, PrintViewContext } from './printContext';
import { PrintViewBar } from './PrintViewBar';
import { startPrintFonts } from './printFonts';
import { usePrintReady } from './usePrintReady';
import './print.css';

/**
 * The hash location minus its query: print routes match `/print/persona/:workspaceId/:boardId`
 * while `?paper=Letter` (added by printHash) carries the paper for PrintLayout.
 */
function usePrintRouteLocation(): ReturnType<typeof useHashLocation> {
  const [location, navigate] = useHashLocation();
  return [parsePrintLocation(location).path, navigate];
}
/** Links inside a print view are hash links, as in the app. */
usePrintRouteLocation.hrefs = (href: string) => `#${href}`;

/** An unknown print route: reported to the host at once rather than left to time out. */
function PrintNotFound() {
  const { t } = useTranslation();
  usePrintReady(false, 'there is no print view at this address');
  return (
    <p role="alert" className="print-status">
      {t('print.notFound')}
    </p>
  );
}

function PrintRoutes({ location, children }: { location: string; children: ReactNode }) {
  const { paper, view } = parsePrintLocation(location);
  // The fonts every print view needs, asked for before the view's code and data arrive.
  useLayoutEffect(() => {
    void startPrintFonts();
  }, []);
  // Paper is white: a print page ignores the dark and projector themes.
  useLayoutEffect(() => {
    const root = document.documentElement;
    const theme = root.dataset.theme;
    root.dataset.theme = 'light';
    return () => {
      if (theme === undefined) delete root.dataset.theme;
      else root.dataset.theme = theme;
    };
  }, []);
  return (
    <PrintViewContext.Provider value={view}>
      <PrintPaperContext.Provider value={paper}>
        {view ? <PrintViewBar /> : null}
        {/* wouter calls the location hook it is given. */}
        {/* oxlint-disable-next-line react/rules-of-hooks */}
        <Router hook={usePrintRouteLocation}>
          {/* Each print view's code loads on first use; the host waits for its ready signal. */}
          <Suspense fallback={null}>
            <Switch>
              {children}
              <Route>
                <PrintNotFound />
              </Route>
            </Switch>
          </Suspense>
        </Router>
      </PrintPaperContext.Provider>
    </PrintViewContext.Provider>
  );
}

/**
 * A print window's root (print.tsx) and the app window's print views (App.tsx loads it when the
 * hash starts with `#/print/`): only the print routes, no header, menus, toasts, shortcuts or
 * automatic backups — this document exists to be printed. `routes` are wouter `<Route>`s under
 * `/print/…`; any other address is an unknown print route, reported as such.
 */
export function PrintRoot({ routes }: { routes: ReactNode }) {
  const [location] = useLocation();
  return <PrintRoutes location={location}>{routes}</PrintRoutes>;
}
