import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { formatPeriod } from './model';
import { useKpiData } from './useKpiData';
import { ValuesGrid } from './ValuesGrid';

/**
 * The month under review, typed during the meeting (run mode's KPI review item): the values grid
 * for that one month, behind a disclosure so the dashboard stays the first thing on screen.
 */
export function MeetingFigures(props: { workspaceId: string; period: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const data = useKpiData(props.workspaceId, language);
  return (
    <details className="kpi-meeting-figures">
      <summary>{t('kpi.values.meetingOpen', { period: formatPeriod(props.period, language, 'long') })}</summary>
      {data ? <ValuesGrid workspaceId={props.workspaceId} data={data} ending={props.period} variant="meeting" /> : <p aria-busy="true">{t('app.loading')}</p>}
    </details>
  );
}
