/**
 * The app side of the KPI dashboard benchmark: the app's own KpiDashboard (with the app's
 * providers, theme and fonts) reading 8 KPIs × 36 months from the app's IndexedDB database.
 *
 *   kpi.html?mode=seed   writes, through the app's store functions, a workspace with two members, the
 *                        8 default KPIs, 36 months of funnel metrics and a signed SLA (so every KPI,
 *                        SLA attainment included, has a value); puts the workspace id on window.benchKpiSeed
 *   kpi.html?mode=open&ws=…   opens the dashboard on that workspace, 36 months (see kpiProbe.ts)
 */
import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import '../../renderer/src/theme/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { submitForReview } from '../../shared/sla/versions';
import { AppProvider, applyTheme } from '../../renderer/src/app/AppContext';
import { db } from '../../renderer/src/db/db';
// The workspace and KPI stores stay in the measured page, as the app loads them with the KPI page
// (main.tsx imports the workspace store, the KPI page the KPI store); the SLA store, which the app
// does not load to show the dashboard, is loaded in seed mode only (see seed()).
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { KpiDashboard } from '../../renderer/src/features/kpis/KpiDashboard';
import { createDefaultKpis, writeImportedValues } from '../../renderer/src/features/kpis/kpiStore';
import { prefetchKpiData } from '../../renderer/src/features/kpis/useKpiData';
import { createBrowserHost } from '../../renderer/src/host/browserHost';
import { initI18n, loadLanguage } from '../../renderer/src/i18n';
import { benchValues, KPI_BENCH_LAST, KPI_BENCH_MONTHS } from './kpiData';
import { installKpiProbe } from './kpiProbe';

declare global {
  interface Window {
    benchKpiSeed?: { done: boolean; ms: number; error: string | null; workspaceId?: string; values?: number };
  }
}

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const params = new URLSearchParams(window.location.search);

async function seed(): Promise<void> {
  const started = performance.now();
  const { ensureVersion, signVersion, updateVersion } = await import('../../renderer/src/features/sla/slaStore');
  const workspaceId = await createWorkspace('KPI bench');
  const marketing = await addMember(workspaceId, { name: 'Emma Clark', department: 'marketing', title: 'Head of Marketing' });
  const sales = await addMember(workspaceId, { name: 'Noah Bennett', department: 'sales', title: 'Head of Sales' });
  await createDefaultKpis(workspaceId, 'en');
  const values = benchValues();
  await writeImportedValues(workspaceId, values);
  const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' });
  await updateVersion(workspaceId, version.id, (current, now) => submitForReview(current, now));
  for (const member of [marketing, sales]) {
    await signVersion(workspaceId, version.id, { memberId: member.id, name: member.name, title: member.title, department: member.department, date: '2026-11-01', image: { format: 'png', data: PNG } });
  }
  window.benchKpiSeed = { done: true, ms: performance.now() - started, error: null, workspaceId, values: values.length };
}

async function open(): Promise<void> {
  const probe = installKpiProbe(8);
  // As the app's main.tsx: the database opens while the settings and the language load.
  void db.open().catch(() => undefined);
  const host = createBrowserHost();
  const { settings, problem } = await host.getSettings();
  // As main.tsx on the KPI page: the language first, then (prefetchStartData) the dashboard's reads
  // start while the language loads.
  const messages = loadLanguage('en');
  void prefetchKpiData(params.get('ws') ?? '', 'en');
  await messages;
  const i18n = initI18n('en');
  applyTheme(settings.theme);
  probe.marks.renderStart = performance.now();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppProvider host={host} initialSettings={settings} settingsProblem={problem}>
          <main id="main" tabIndex={-1} className="page kpi-page">
            <KpiDashboard workspaceId={params.get('ws') ?? ''} period={KPI_BENCH_LAST} months={KPI_BENCH_MONTHS} />
          </main>
        </AppProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

if (params.get('mode') === 'seed') {
  seed().catch((error: unknown) => {
    window.benchKpiSeed = { done: true, ms: 0, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  });
} else {
  void open();
}
