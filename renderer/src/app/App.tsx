import { Suspense, useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Toaster, toast } from 'sonner';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useBackupNotifications } from '../features/backups/BackupRunStatus';
import { useAutomaticBackups } from '../features/backups/backupService';
import { HomePage } from '../features/home/HomePage';
import {
  AudiencePage,
  PrintView,
  BackupsPage,
  BoardPage,
  CalendarPage,
  FunnelsPage,
  FunnelPage,
  KpiPage,
  MembersPage,
  MeetingPage,
  MeetingsPage,
  PAGE_ROUTES,
  PersonasPage,
  RunMeetingPage,
  SettingsPage,
  SlaPage,
  VerifyPage,
  WorkspacePage,
} from './pages';
import { usePreloadOnIntent } from './preloadOnIntent';
import { placeOf } from '../features/workspace/places';
import { WorkspaceNav } from '../features/workspace/WorkspaceNav';
import { useWorkspaceActions, WorkspaceActionsProvider } from '../features/workspace/WorkspaceActions';
import type { HostCommand } from '../host';
import { db } from '../db/db';
import { useApp } from './AppContext';
import { ShortcutsDialog } from './ShortcutsDialog';
import { RoomIndicator } from '../features/rooms/RoomIndicator';
import { RoomsProvider } from '../features/rooms/RoomsContext';
import { AudienceProvider } from '../features/audience/AudienceContext';
import { dialogOpen } from '../ui/shortcuts/keys';
import { ariaKeys } from '../ui/shortcuts/labels';
import { useShortcuts } from '../ui/shortcuts/useShortcuts';
import { focusNewestToastAction } from '../ui/toastActions';
import { isAudiencePath } from '@shared/audience/presentation';
import { isPrintPath } from '@shared/pdf';


/** The menu's commands and the app's global shortcuts (the shortcut table's 'global' scope). */
function useCommands(openShortcuts: () => void) {
  const { host, cycleTheme } = useApp();
  const { t } = useTranslation();
  const actions = useWorkspaceActions();
  const [location, navigate] = useLocation();

  const run = useCallback(
    async (command: HostCommand) => {
      switch (command) {
        case 'new-workspace':
          navigate('/');
          actions.openCreateDialog();
          return;
        case 'import-workspace':
          return actions.pickAndImport();
        case 'export-workspace': {
          const match = /^\/w\/([^/]+)/.exec(location);
          const workspace = match ? await db.workspaces.get(match[1]!) : undefined;
          if (workspace) return actions.exportToFile(workspace.id, workspace.name);
          navigate('/');
          toast(t('home.intro'));
          return;
        }
        case 'restore-backup':
          return navigate('/backups');
        case 'open-settings':
          return navigate('/settings');
        case 'cycle-theme':
          return cycleTheme();
        case 'about':
          return navigate('/settings');
      }
    },
    [cycleTheme, actions, location, navigate, t],
  );
  useEffect(() => host.onCommand((command) => void run(command)), [host, run]);
  useShortcuts('global', {
    'app.cycleTheme': () => void run('cycle-theme'),
    'app.import': () => void run('import-workspace'),
    'app.export': () => void run('export-workspace'),
    'app.help': () => openShortcuts(),
    'app.newWorkspace': () => void run('new-workspace'),
    'app.notifications': () => focusNewestToastAction(),
  });
}
/** After a route change, focus moves to the new page (not left on a button that is gone). */
function useFocusOnNavigation() {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    const active = document.activeElement;
    if (!main || dialogOpen()) return;
    if (!active || active === document.body || !main.contains(active)) {
      main.focus({ preventScroll: true });
      return;
    }
    // The control that led here is in the page (a link on the workspace's overview): the old page
    // stays while the new one's code loads, then goes with it, and the focus would fall to the
    // body (Tab starting over from the top). Once it has gone, the new page takes the focus.
    const watch = new MutationObserver(() => {
      if (active.isConnected) return;
      watch.disconnect();
      const now = document.activeElement;
      if (!dialogOpen() && (!now || now === document.body)) main.focus({ preventScroll: true });
    });
    watch.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => watch.disconnect(), 10_000);
    return () => {
      clearTimeout(timer);
      watch.disconnect();
    };
    // `location` is the trigger: the effect runs once per page change.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [location]);
}

/** Shown while a page's code loads; only after a moment, so a quick load does not flash it. */
function PageLoading() {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), 300);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <p role="status" className="page-loading">
      {visible ? t('app.loading') : null}
    </p>
  );
}

function Shell() {
  const { t } = useTranslation();
  const { host, settings, language } = useApp();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useCommands(() => setShortcutsOpen(true));
  useAutomaticBackups(host);
  useBackupNotifications(host, language);
  useFocusOnNavigation();
  usePreloadOnIntent();
  const [location] = useLocation();
  const place = placeOf(location);
  // Run mode is the meeting on the big screen: no navigation beside it.
  const navFor = place && !/^\/meetings\/[^/]+\/run$/.test(place.rest) ? place.workspaceId : null;
  return (
    <RoomsProvider>
      <AudienceProvider>
        <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
          {t('app.skipToContent')}
        </a>
        <header className="app-header">
          <Link href="/" className="brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('app.mainNav')}>
            <ul className="nav">
              <li>
                <Link href="/">{t('app.home')}</Link>
              </li>
              <li>
                <Link href="/backups">{t('app.backups')}</Link>
              </li>
              <li>
                <Link href="/settings">{t('app.settings')}</Link>
              </li>
              <li>
                <button type="button" className="button link" onClick={() => setShortcutsOpen(true)} aria-keyshortcuts={ariaKeys('app.help')}>
                  {t('app.shortcuts')}
                </button>
              </li>
            </ul>
          </nav>
          <RoomIndicator />
        </header>
        <div className="app-body">
          {navFor ? <WorkspaceNav workspaceId={navFor} /> : null}
          <main id="main" tabIndex={-1}>
            <Suspense fallback={<PageLoading />}>
            <Switch>
              <Route path="/">
                <HomePage />
              </Route>
              <Route path={PAGE_ROUTES.workspace}>{(params) => <WorkspacePage workspaceId={params.id} />}</Route>
              <Route path={PAGE_ROUTES.sla}>{(params) => <SlaPage workspaceId={params.id} />}</Route>
              <Route path={PAGE_ROUTES.verify}>{(params) => <VerifyPage workspaceId={params.id} />}</Route>
              <Route path={PAGE_ROUTES.slaStep}>{(params) => <SlaPage workspaceId={params.id} step={params.step} />}</Route>
              <Route path={PAGE_ROUTES.board}>{(params) => <BoardPage workspaceId={params.id} boardId={params.boardId} />}</Route>
              <Route path={PAGE_ROUTES.funnel}>{(params) => <FunnelPage workspaceId={params.id} boardId={params.boardId} />}</Route>
              <Route path={PAGE_ROUTES.meetings}>{(params) => <MeetingsPage workspaceId={params.id} />}</Route>
              <Route path={PAGE_ROUTES.meeting}>{(params) => <MeetingPage workspaceId={params.id} meetingId={params.meetingId} />}</Route>
              <Route path={PAGE_ROUTES.runMeeting}>{(params) => <RunMeetingPage workspaceId={params.id} meetingId={params.meetingId} />}</Route>
              <Route path={PAGE_ROUTES.kpis}>{(params) => <KpiPage workspaceId={params.id} />}</Route>
              <Route path={PAGE_ROUTES.calendar}>{(params) => <CalendarPage workspaceId={params.id} />}</Route>
              <Route path={PAGE_ROUTES.personas}>{(params) => <PersonasPage workspaceId={params.id} />}</Route>
              <Route path={PAGE_ROUTES.funnels}>{(params) => <FunnelsPage workspaceId={params.id} />}</Route>
              <Route path={PAGE_ROUTES.members}>{(params) => <MembersPage workspaceId={params.id} />}</Route>
              <Route path={PAGE_ROUTES.settings}>
                <SettingsPage />
              </Route>
              <Route path={PAGE_ROUTES.backups}>
                <BackupsPage />
              </Route>
              <Route>
                <section className="page">
                  <h1>{t('app.notFound')}</h1>
                  <Link href="/">{t('app.backHome')}</Link>
                </section>
              </Route>
            </Switch>
            </Suspense>
          </main>
        </div>
        <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
        <Toaster
          position="bottom-right"
          hotkey={['altKey', 'KeyN']}
          theme={settings.theme === 'light' ? 'light' : 'dark'}
          richColors={false}
          closeButton
          toastOptions={{ className: 'toast', closeButtonAriaLabel: t('common.closeNotification') }}
          containerAriaLabel={t('app.name')}
        />
      </AudienceProvider>
    </RoomsProvider>
  );
}

/**
 * A window that shows one page only, without the app around it, when its path matches: the print
 * view (`#/print/…`, see PrintView) and the audience view (`#/audience`: no header, navigation,
 * toasts, shortcuts, rooms or automatic backups; that window is the projector's). The app otherwise.
 */
function WindowGate(props: { matches: (path: string) => boolean; page: ComponentType; children: ReactNode }) {
  const [location] = useLocation();
  if (!props.matches(location)) return <>{props.children}</>;
  return (
    <Suspense fallback={null}>
      <props.page />
    </Suspense>
  );
}

export function App() {
  return (
    // wouter takes the location hook itself and calls it; hash routes work from app:// and http.
    // oxlint-disable-next-line react/rules-of-hooks
    <Router hook={useHashLocation}>
      <WindowGate matches={isPrintPath} page={PrintView}>
        <WindowGate matches={isAudiencePath} page={AudiencePage}>
          <WorkspaceActionsProvider>
            <Shell />
          </WorkspaceActionsProvider>
        </WindowGate>
      </WindowGate>
    </Router>
  );
}
