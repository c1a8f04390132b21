import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApp } from '../../app/AppContext';
import { KpiDashboard } from '../kpis/KpiDashboard';
import { MeetingFigures } from '../kpis/MeetingFigures';
import { SlaAttainmentPanel } from '../kpis/SlaAttainmentPanel';
import { formatPeriod } from './format';

/**
 * The KPI tools shown on run mode's KPI review and SLA attainment items (the KPI feature's
 * dashboard in its meeting variant and its SLA attainment panel), for the meeting's KPI period.
 */
export function KpiReviewSlot(props: { workspaceId: string; period: string; kind: 'kpiReview' | 'slaAttainment' }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const period = formatPeriod(props.period, language);
  return (
    <div className="run-kpi-slot">
      <p className="muted">
        {props.kind === 'kpiReview' ? t('meetings.run.kpiHint', { period }) : t('meetings.run.slaHint', { period })}{' '}
        <Link href={`/w/${props.workspaceId}/kpis`}>{t('meetings.run.openKpis')}</Link>
      </p>
      {props.kind === 'kpiReview' ? (
        <>
          <KpiDashboard workspaceId={props.workspaceId} period={props.period} variant="meeting" />
          <MeetingFigures workspaceId={props.workspaceId} period={props.period} />
        </>
      ) : (
        <SlaAttainmentPanel workspaceId={props.workspaceId} period={props.period} />
      )}
    </div>
  );
}
