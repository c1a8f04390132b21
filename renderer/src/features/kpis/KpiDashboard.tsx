import { useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isPeriod } from '@shared/kpi/periods';
import type { KpiStatus } from '@shared/kpi/records';
import { AT_RISK_TOLERANCE } from '@shared/kpi/status';
import { useApp } from '../../app/AppContext';
import { EndingField } from './EndingField';
import { useKpiData } from './useKpiData';
import { KpiChart } from './KpiChart';
import type { KpiData } from './kpiRead';
import { formatAxisValue, formatKpiValue, formatPeriod, formulaText, monthTicks, kpiLookup, type KpiTrend, kpiTrends, monthsEnding, noDataText, slaContextOf, STATUS_ICON } from './model';
import { type ResponseUnit, responseUnitNote, responseUnits, usesResponseHours } from './responseUnits';
import './kpis.css';

const RANGES = [3, 6, 12, 24, 36] as const;

/** The rule of shared/kpi/status.ts in words. */
export function StatusRule() {
  const { t } = useTranslation();
  const { language } = useApp();
  const tolerance = new Intl.NumberFormat(language, { style: 'percent' }).format(AT_RISK_TOLERANCE);
  return (
    <details className="kpi-rule">
      <summary>{t('kpi.rule.title')}</summary>
      <ul>
        <li>{t('kpi.rule.higher', { tolerance })}</li>
        <li>{t('kpi.rule.lower', { tolerance })}</li>
        <li>{t('kpi.rule.zero', { tolerance })}</li>
        <li>{t('kpi.rule.noData')}</li>
        <li>{t('kpi.rule.colours')}</li>
      </ul>
    </details>
  );
}

/** A status as icon and word; `label` is the word (translated once per dashboard, see CardWords). */
export function StatusBadge(props: { status: KpiStatus; label: string }) {
  return (
    <span className={`kpi-status kpi-status-${props.status}`}>
      <span aria-hidden="true" className="kpi-status-icon">
        {STATUS_ICON[props.status]}
      </span>
      {props.label}
    </span>
  );
}

/**
 * The words every card shows alike (status names, series names, button labels), translated once
 * per dashboard instead of once per card and table row (issue 12: the translation calls were a
 * fifth of rendering the cards).
 */
type CardWords = { status: Record<KpiStatus, string>; noTarget: string; series: { value: string; target: string }; formulaShow: string; showTable: string; hideTable: string };

function cardWords(t: TFunction): CardWords {
  return {
    status: { onTrack: t('kpi.status.onTrack'), atRisk: t('kpi.status.atRisk'), offTrack: t('kpi.status.offTrack'), noData: t('kpi.status.noData') },
    noTarget: t('kpi.dashboard.noTarget'),
    series: { value: t('kpi.dashboard.seriesValue'), target: t('kpi.dashboard.seriesTarget') },
    formulaShow: t('kpi.formula.show'),
    showTable: t('kpi.dashboard.showTable'),
    hideTable: t('kpi.dashboard.hideTable'),
  };
}

function KpiCard(props: { trend: KpiTrend; variant: 'full' | 'meeting'; response: KpiData['response'] | null; signedRevision: number | null; words: CardWords }) {
  const { t } = useTranslation();
  const { language, settings } = useApp();
  const id = useId();
  const [tableShown, setTableShown] = useState(false);
  const { kpi, points, latest } = props.trend;
  const words = props.words;
  const format = (value: number) => formatKpiValue(value, kpi.unit, language);
  const target = kpi.target === null ? words.noTarget : format(kpi.target);
  const period = formatPeriod(latest.period, language, 'long');
  const reason = noDataText(t, kpi, latest.result, latest.reason, language);
  const label =
    latest.result.kind === 'value'
      ? t('kpi.dashboard.cardLabel', { name: kpi.name, value: format(latest.result.value), target, status: words.status[latest.status], period })
      : t('kpi.dashboard.cardLabelNoData', { name: kpi.name, reason, target, period });
  const labels = useMemo(() => points.map((point) => formatPeriod(point.period, language)), [points, language]);
  const periods = points.map((point) => point.period);
  const values = points.map((point) => (point.result.kind === 'value' ? point.result.value : null));
  // Response times: which unit each month is in (business or clock hours from lead records, or as entered).
  const units: (ResponseUnit | null)[] | null =
    props.response && usesResponseHours(kpi) ? points.map((point) => (point.result.kind === 'value' ? responseUnits(props.response!, point.period, kpi) : null)) : null;
  const unitNote = units && props.response ? responseUnitNote(t, units, props.response, props.signedRevision) : null;
  const fullLabel = unitNote ? `${label}. ${unitNote}` : label;
  return (
    <li className="kpi-card-item">
      <article className={`kpi-card kpi-card-${latest.status}`} aria-label={fullLabel}>
        <h3 id={`${id}-name`}>{kpi.name}</h3>
        <p className="kpi-figure">
          <span className="kpi-value">{latest.result.kind === 'value' ? format(latest.result.value) : words.status.noData}</span>
          {/* Without a value the figure already says "No data": the badge would say it twice. */}
          {latest.result.kind === 'value' ? <StatusBadge status={latest.status} label={words.status[latest.status]} /> : null}
        </p>
        {reason ? <p className="kpi-reason">{reason}</p> : null}
        {unitNote ? <p className="kpi-unit-note muted">{unitNote}</p> : null}
        <p className="kpi-meta">
          <span>{kpi.target === null ? words.noTarget : t('kpi.dashboard.target', { value: target })}</span>
          <span>{t('kpi.dashboard.owner', { owner: t(`kpi.owners.${kpi.owner}`) })}</span>
          <span>{t('kpi.dashboard.period', { period })}</span>
        </p>
        <div role="img" aria-label={t('kpi.dashboard.chartLabel', { name: kpi.name })} className="kpi-chart-frame">
          <KpiChart
            labels={labels}
            values={values}
            target={kpi.target}
            height={props.variant === 'meeting' ? 260 : 180}
            formatValue={(value) => formatAxisValue(value, kpi.unit, language)}
            tickLabels={(shown) => monthTicks(periods, shown, language)}
            seriesNames={words.series}
            theme={settings.theme}
          />
        </div>
        <details className="kpi-formula">
          <summary>{words.formulaShow}</summary>
          <p>{formulaText(t, kpi)}</p>
          {kpi.period === 'quarter' ? <p className="muted">{t('kpi.formula.quarter')}</p> : null}
        </details>
        <button type="button" className="button small" aria-expanded={tableShown} aria-controls={`${id}-table`} onClick={() => setTableShown((shown) => !shown)}>
          {tableShown ? words.hideTable : words.showTable}
        </button>
        {/*
          The figures as a table, the chart's text alternative: built when asked for (issue 12: 8
          cards × 36 hidden rows cost the dashboard more than its charts). The card's label says the
          latest figure and status; the button above is how keyboard and screen reader users open
          every month's figures. Focusable: it scrolls sideways on a narrow card.
        */}
        {tableShown ? (
          // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          <div id={`${id}-table`} className="kpi-table-wrap" tabIndex={0}>
          <table className="table kpi-values-table">
            <caption>{kpi.target === null ? t('kpi.dashboard.tableCaptionNoTarget', { name: kpi.name }) : t('kpi.dashboard.tableCaption', { name: kpi.name, target })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpi.dashboard.colMonth')}</th>
                <th scope="col" className="num">
                  {t('kpi.dashboard.colValue')}
                </th>
                <th scope="col">{t('kpi.dashboard.colStatus')}</th>
                {units ? <th scope="col">{t('calendar.kpi.colUnit')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {points.map((point, index) => (
                <tr key={point.period}>
                  <th scope="row">{formatPeriod(point.period, language, 'long')}</th>
                  <td className="num">{point.result.kind === 'value' ? format(point.result.value) : noDataText(t, kpi, point.result, point.reason, language)}</td>
                  <td>
                    <StatusBadge status={point.status} label={words.status[point.status]} />
                  </td>
                  {units ? <td>{units[index] ? t(`calendar.kpi.units.${units[index]}`) : '–'}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        ) : null}
      </article>
    </li>
  );
}

/**
 * One card per KPI: the value of the last month of the range with its status (icon + word), the
 * target, a trend chart against the target and the same figures as a table. `period` (YYYY-MM) is
 * the last month shown; the full variant lets the user choose the range (`months` to start with,
 * 12 by default), the meeting variant
 * shows the 12 months ending at `period`, large and read-only.
 */
export function KpiDashboard(props: { workspaceId: string; period: string; variant?: 'full' | 'meeting'; months?: number }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const variant = props.variant ?? 'full';
  const id = useId();
  const [months, setMonths] = useState<number>(props.months ?? 12);
  const [endingText, setEndingText] = useState(props.period);
  const ending = variant === 'full' && isPeriod(endingText) ? endingText : props.period;
  const data = useKpiData(props.workspaceId, language);
  const periods = useMemo(() => (isPeriod(ending) ? monthsEnding(ending, variant === 'meeting' ? 12 : months) : []), [ending, months, variant]);
  const trends = useMemo(() => (data ? kpiTrends(data.kpis, kpiLookup(data), slaContextOf(data.sla, data.response), periods) : []), [data, periods]);
  const words = useMemo(() => cardWords(t), [t]);

  return (
    <section className={`kpi-dashboard kpi-dashboard-${variant}`} aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 id={`${id}-title`}>{variant === 'meeting' ? t('kpi.dashboard.meetingTitle', { period: formatPeriod(props.period, language, 'long') }) : t('kpi.dashboard.title')}</h2>
        {variant === 'full' ? (
          <div className="toolbar kpi-range">
            <div className="field inline">
              <label htmlFor={`${id}-range`}>{t('kpi.dashboard.range')}</label>
              <select id={`${id}-range`} className="input" value={months} onChange={(event) => setMonths(Number(event.target.value))}>
                {RANGES.map((count) => (
                  <option key={count} value={count}>
                    {t('kpi.dashboard.rangeMonths', { count })}
                  </option>
                ))}
              </select>
            </div>
            <EndingField label={t('kpi.dashboard.ending')} value={endingText} onChange={setEndingText} error={t('kpi.dashboard.badEnding')} />
          </div>
        ) : null}
      </div>
      <StatusRule />
      {data === undefined ? (
        <p aria-busy="true">{t('kpi.loading')}</p>
      ) : trends.length === 0 ? (
        <p>{t('kpi.dashboard.empty')}</p>
      ) : (
        <ul className="kpi-cards" aria-label={t('kpi.dashboard.title')}>
          {trends.map((trend) => (
            <KpiCard key={trend.kpi.id} trend={trend} variant={variant} response={data.response} signedRevision={data.sla?.version.revision ?? null} words={words} />
          ))}
        </ul>
      )}
    </section>
  );
}
