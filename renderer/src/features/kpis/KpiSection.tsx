import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApp } from '../../app/AppContext';
import { formatPeriod, kpiLookup, kpiTrends, lastCompleteMonth, slaContextOf } from './model';
import { useKpiData } from './useKpiData';

/** Workspace page section: how the KPIs stand for the last complete month, and the way in. */
export function KpiSection(props: { workspaceId: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const data = useKpiData(props.workspaceId, language);
  const period = lastCompleteMonth();
  const counts = useMemo(() => {
    if (!data) return null;
    const trends = kpiTrends(data.kpis, kpiLookup(data), slaContextOf(data.sla, data.response), [period]);
    const count = { onTrack: 0, atRisk: 0, offTrack: 0, noData: 0 };
    for (const trend of trends) count[trend.latest.status]++;
    return count;
  }, [data, period]);
  return (
    <section aria-labelledby="kpi-section-title" className="card">
      <div className="section-header">
        <h2 id="kpi-section-title">{t('kpi.section')}</h2>
        <div className="toolbar">
          <Link href={`/w/${props.workspaceId}/kpis`} className="button primary">
            {t('kpi.open')}
          </Link>
        </div>
      </div>
      <p className="muted">{t('kpi.sectionIntro')}</p>
      {data === undefined || counts === null ? null : data.kpis.length === 0 ? (
        <p>{t('kpi.sectionNone')}</p>
      ) : (
        <p data-testid="kpi-summary">{t('kpi.sectionSummary', { total: data.kpis.length, period: formatPeriod(period, language, 'long'), ...counts })}</p>
      )}
    </section>
  );
}
