import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { isPeriod } from '@shared/kpi/periods';
import { useApp } from '../../app/AppContext';
import { moduleLoader, useLazyComponent } from '../../ui/lazyModule';
import type { KpiRow } from '../../db/db';
import { errorMessage } from '../../db/errors';
import { ariaKeys } from '../../ui/shortcuts/labels';
import { useShortcuts } from '../../ui/shortcuts/useShortcuts';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Breadcrumb, isLive, Loading, NotFound, useWorkspace } from '../../ui/WorkspaceGate';
import { Definitions } from './Definitions';
import { useKpiData } from './useKpiData';
import { EndingField } from './EndingField';
import { KpiDashboard } from './KpiDashboard';
import { KpiForm } from './KpiForm';
import { createDefaultKpis } from './kpiStore';
import { lastCompleteMonth } from './model';
import { SlaAttainmentPanel } from './SlaAttainmentPanel';
import { ValuesGrid } from './ValuesGrid';
import './kpis.css';

/**
 * The CSV import (its worker client, the CRM header tables, business hours with the holiday
 * tables) is only needed once asked for: loaded when the Import button is pointed at or focused,
 * or when the import is asked for, not with the page (issue 12).
 */
const importDialog = moduleLoader(() => import('./ImportDialog'));
const pickImportDialog = (module: typeof import('./ImportDialog')) => module.ImportDialog;

const TABS = ['dashboard', 'definitions', 'values', 'sla'] as const;
type Tab = (typeof TABS)[number];

/** `#/w/:id/kpis`: the dashboard, the definitions, the values grid, CSV import and SLA attainment. */
export function KpiPage(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const workspace = useWorkspace(props.workspaceId);
  const data = useKpiData(props.workspaceId, language);
  const [tab, setTab] = useState<Tab>('dashboard');
  const [declined, setDeclined] = useState(false);
  const [creating, setCreating] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  /** CSV imports written on this page: the values grid's history does not reach past one. */
  const [imports, setImports] = useState(0);
  const { Component: ImportDialog, preload: loadImport } = useLazyComponent(importDialog, pickImportDialog, {
    wanted: importOpen,
    onFailed: () => setImportOpen(false),
    what: 'the CSV import',
  });
  const [form, setForm] = useState<{ open: boolean; kpi: KpiRow | null }>({ open: false, kpi: null });
  const [ending, setEnding] = useState(lastCompleteMonth);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  useDocumentTitle(`${t('kpi.pageTitle')} — ${workspace?.name ?? t('app.loading')}`);

  // A adds a KPI, I imports a CSV (the shortcut table's 'kpi' scope).
  useShortcuts('kpi', { 'kpi.add': () => setForm({ open: true, kpi: null }), 'kpi.import': () => setImportOpen(true) });

  async function createDefaults() {
    if (creating) return;
    setCreating(true);
    try {
      const { created } = await createDefaultKpis(props.workspaceId, language);
      if (created > 0) toast.success(t('kpi.defaults.created', { count: created }));
    } catch (error) {
      toast.error(t('kpi.errors.failed', { message: errorMessage(error) }));
    } finally {
      setCreating(false);
    }
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.indexOf(tab);
    let next: Tab | null = null;
    if (event.key === 'ArrowRight') next = TABS[(index + 1) % TABS.length]!;
    else if (event.key === 'ArrowLeft') next = TABS[(index + TABS.length - 1) % TABS.length]!;
    else if (event.key === 'Home') next = TABS[0]!;
    else if (event.key === 'End') next = TABS[TABS.length - 1]!;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  if (workspace === undefined || data === undefined) return <Loading />;
  if (!isLive(workspace)) return <NotFound />;

  const offerDefaults = data.kpis.length === 0 && !declined;
  return (
    <section aria-labelledby={`${id}-title`} className="page kpi-page">
      <Breadcrumb workspace={workspace} />
      <div className="page-header">
        <h1 id={`${id}-title`}>{t('kpi.pageTitle')}</h1>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setImportOpen(true)} onPointerEnter={loadImport} onFocus={loadImport} aria-keyshortcuts={ariaKeys('kpi.import')}>
            {t('kpi.import.open')} <kbd aria-hidden="true">{t('kpi.shortcuts.import')}</kbd>
          </button>
        </div>
      </div>

      {offerDefaults ? (
        <section className="card kpi-defaults" aria-labelledby={`${id}-defaults`}>
          <h2 id={`${id}-defaults`}>{t('kpi.defaults.title')}</h2>
          <p>{t('kpi.defaults.body')}</p>
          <div className="toolbar">
            <button type="button" className="button primary" disabled={creating} onClick={() => void createDefaults()}>
              {t('kpi.defaults.create')}
            </button>
            <button type="button" className="button" onClick={() => setDeclined(true)}>
              {t('kpi.defaults.empty')}
            </button>
          </div>
        </section>
      ) : null}

      <div role="tablist" aria-label={t('kpi.tabs.label')} className="kpi-tabs">
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="kpi-tab"
            onClick={() => setTab(name)}
            onKeyDown={onTabKey}
          >
            {t(`kpi.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel-${tab}`} aria-labelledby={`${id}-tab-${tab}`} tabIndex={0} className="kpi-panel">
        {tab === 'dashboard' ? <KpiDashboard workspaceId={props.workspaceId} period={lastCompleteMonth()} /> : null}
        {tab === 'definitions' ? (
          <Definitions
            workspaceId={props.workspaceId}
            kpis={data.kpis}
            onAdd={() => setForm({ open: true, kpi: null })}
            onEdit={(kpi) => setForm({ open: true, kpi })}
            onCreateDefaults={() => void createDefaults()}
          />
        ) : null}
        {tab === 'values' ? <ValuesGrid workspaceId={props.workspaceId} data={data} ending={ending} onEndingChange={setEnding} imports={imports} /> : null}
        {tab === 'sla' ? (
          <>
            <EndingField label={t('kpi.values.ending')} value={ending} onChange={setEnding} />
            <SlaAttainmentPanel workspaceId={props.workspaceId} period={isPeriod(ending) ? ending : lastCompleteMonth()} />
          </>
        ) : null}
      </div>
      <KpiForm workspaceId={props.workspaceId} kpi={form.kpi} open={form.open} onOpenChange={(open) => setForm((current) => ({ ...current, open }))} />
      {ImportDialog ? <ImportDialog workspaceId={props.workspaceId} open={importOpen} onOpenChange={setImportOpen} existing={data.values} basis={data.response.basis} onImported={() => setImports((count) => count + 1)} /> : null}
    </section>
  );
}
