import { useTranslation } from 'react-i18next';
import type { KpiSnapshotRow } from '@shared/meetings/records';
import { useApp } from '../../app/AppContext';
import { formatNumber, formatPeriod } from './format';

const STATUS_ICON = { onTrack: '●', atRisk: '▲', offTrack: '×', noData: '–' } as const;

/** A snapshot value in its unit, via Intl ("—" when there is none; never NaN). */
export function formatKpiValue(value: number | null, unit: string, language: string): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (unit) {
    case 'percent':
      return formatNumber(value / 100, language, { style: 'percent', maximumFractionDigits: 1 });
    case 'hours':
      return formatNumber(value, language, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 });
    default:
      return formatNumber(value, language, { maximumFractionDigits: 2 });
  }
}

/** The KPIs as they stood when a meeting ended; "No KPI snapshot" when none was taken. */
export function KpiSnapshotTable(props: { rows: readonly KpiSnapshotRow[] | null; caption?: string }) {
  const { t } = useTranslation();
  const { language } = useApp();
  if (!props.rows || props.rows.length === 0) return <p>{t('meetings.meeting.noKpiSnapshot')}</p>;
  const period = props.rows[0]!.period;
  return (
    <>
      <p>{t('meetings.minutes.kpiPeriod', { period: formatPeriod(period, language) })}</p>
      <table className="table meeting-kpi-table">
        <caption className="visually-hidden">{props.caption ?? t('meetings.meeting.kpiSnapshot')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.minutes.kpi')}</th>
            <th scope="col" className="num">
              {t('meetings.minutes.value')}
            </th>
            <th scope="col" className="num">
              {t('meetings.minutes.target')}
            </th>
            <th scope="col">{t('meetings.minutes.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.kpiId}>
              <th scope="row">{row.name}</th>
              <td className="num">{formatKpiValue(row.value, row.unit, language) ?? t('meetings.minutes.noValue')}</td>
              <td className="num">{formatKpiValue(row.target, row.unit, language) ?? t('meetings.minutes.noValue')}</td>
              <td>
                <span className={`meeting-kpi-status meeting-kpi-${row.status}`}>
                  <span aria-hidden="true">{STATUS_ICON[row.status]} </span>
                  {t(`meetings.minutes.kpiStatuses.${row.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
