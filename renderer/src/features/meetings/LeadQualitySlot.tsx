import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApp } from '../../app/AppContext';
import { useKpiData } from '../kpis/useKpiData';
import { ResponseBreaches } from '../kpis/ResponseBreaches';
import { formatPeriod } from './format';

/**
 * The lead-quality feedback item's tool: the month's records that missed the SLA's response
 * windows (first contact, accept/reject), lead by lead with the hours used, so the meeting can go
 * through them. Open in run mode; a disclosure on the meeting page.
 */
export function LeadQualitySlot(props: { workspaceId: string; period: string; collapsed?: boolean }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const data = useKpiData(props.workspaceId, language);
  const body =
    data === undefined ? (
      <p aria-busy="true">{t('app.loading')}</p>
    ) : data.sla ? (
      <ResponseBreaches data={data} period={props.period} headingLevel={3} />
    ) : (
      <p>
        {t('kpi.sla.none')} <Link href={`/w/${props.workspaceId}/sla`}>{t('kpi.sla.openSla')}</Link>
      </p>
    );
  if (!props.collapsed) return <div className="run-kpi-slot">{body}</div>;
  return (
    <details className="meeting-breaches">
      <summary>{t('calendar.kpi.breachesTitle', { period: formatPeriod(props.period, language) })}</summary>
      {body}
    </details>
  );
}
