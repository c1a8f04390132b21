import type { TFunction } from 'i18next';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type AttainmentUnit, type CommitmentAttainment, slaAttainment } from '@shared/kpi/attainment';
import { isPeriod } from '@shared/kpi/periods';
import { useApp } from '../../app/AppContext';
import { commitmentSentence } from '../sla/format';
import { stagesOf } from '@shared/sla/document';
import { formatPeriod, kpiLookup, metricName, monthsEnding, slaContextOf } from './model';
import { useKpiData } from './useKpiData';
import './kpis.css';
import { breachesText, hoursText, percentText, ResponseBreaches } from './ResponseBreaches';
import { ScrollRegion } from './ScrollRegion';

export function formatAttainmentValue(value: number, unit: AttainmentUnit | null, language: string): string {
  switch (unit) {
    case 'percent':
      return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'hours':
      return new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
    case 'days':
      return new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
    default:
      return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  }
}

function MetCell(props: { row: CommitmentAttainment['rows'][number]; attainment: CommitmentAttainment }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const { row, attainment } = props;
  const fmt = (value: number) => formatAttainmentValue(value, attainment.unit, language);
  if (row.committed === null) return <td className="kpi-att-cell">–</td>;
  if (row.records) {
    // Measured per record: the share within the window against the compliance level.
    const records = row.records;
    if (row.actual === null || row.met === null) {
      return (
        <td className="kpi-att-cell kpi-att-none">
          <span aria-hidden="true">– </span>
          {t('calendar.kpi.cellPending', { pending: records.pending, records: records.records })}
        </td>
      );
    }
    return (
      <td className={`kpi-att-cell ${row.met ? 'kpi-att-met' : 'kpi-att-missed'}`}>
        <span aria-hidden="true">{row.met ? '✓ ' : '✕ '}</span>
        {t('calendar.kpi.cellRecords', {
          status: t(row.met ? 'kpi.sla.met' : 'kpi.sla.missed'),
          share: percentText(language, row.actual),
          window: hoursText(t, language, records.windowHours, records.business),
          needed: t('kpi.sla.atLeast', { value: percentText(language, row.committed) }),
          breaches: breachesText(t, records),
        })}
      </td>
    );
  }
  const committed = t(attainment.comparator === 'atMost' ? 'kpi.sla.atMost' : 'kpi.sla.atLeast', { value: fmt(row.committed) });
  if (row.actual === null || row.met === null) {
    return (
      <td className="kpi-att-cell kpi-att-none">
        <span aria-hidden="true">– </span>
        {t('kpi.sla.cellNoActual', { committed })}
      </td>
    );
  }
  return (
    <td className={`kpi-att-cell ${row.met ? 'kpi-att-met' : 'kpi-att-missed'}`}>
      <span aria-hidden="true">{row.met ? '✓ ' : '× '}</span>
      {t('kpi.sla.cell', { status: t(row.met ? 'kpi.sla.met' : 'kpi.sla.missed'), actual: fmt(row.actual), committed })}
    </td>
  );
}

/** How a time-window commitment is measured over the months shown: per record, by the monthly median, or both. */
function basisLabel(t: TFunction, row: CommitmentAttainment): string {
  const measured = row.rows.filter((cell) => cell.records || cell.actual !== null);
  const records = measured.filter((cell) => cell.records).length;
  if (records === 0) return t('calendar.kpi.median');
  return records === measured.length ? t('calendar.kpi.perRecord') : t('calendar.kpi.mixedBasis');
}

/**
 * SLA attainment for the 12 months ending at `period`: each commitment of the latest signed SLA
 * version against its actual, month by month, and the share of months met. Without a signed SLA it
 * says so and links to the SLA page. `columns`: how many of the latest months get a column (the
 * projector shows fewer, larger ones); the share of months met always counts all 12.
 */
export function SlaAttainmentPanel(props: { workspaceId: string; period: string; columns?: number }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const data = useKpiData(props.workspaceId, language);
  const periods = useMemo(() => (isPeriod(props.period) ? monthsEnding(props.period, 12) : []), [props.period]);
  const attainment = useMemo(() => {
    const context = data ? slaContextOf(data.sla, data.response) : null;
    return data && context ? slaAttainment(context.commitments, periods, kpiLookup(data), context.options) : [];
  }, [data, periods]);
  const shown = Math.min(periods.length, Math.max(1, props.columns ?? periods.length));
  const first = periods.length - shown;

  if (data === undefined) return <p aria-busy="true">{t('kpi.loading')}</p>;
  const sla = data.sla;
  return (
    <section className="kpi-sla" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('kpi.sla.title')}</h2>
      {!sla ? (
        <div className="kpi-sla-none" role="note">
          <p>{t('kpi.sla.none')}</p>
          <Link href={`/w/${props.workspaceId}/sla`} className="button">
            {t('kpi.sla.openSla')}
          </Link>
        </div>
      ) : (
        <>
          <p className="muted">{t('kpi.sla.intro', { revision: sla.version.revision })}</p>
          <p className="muted">{t('calendar.kpi.basisNote')}</p>
          <ScrollRegion label={t('kpi.sla.tableLabel')}>
            <table className="table kpi-att-table" aria-label={t('kpi.sla.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('kpi.sla.colCommitment')}</th>
                  <th scope="col">{t('kpi.sla.colOwner')}</th>
                  <th scope="col">{t('kpi.sla.colMet')}</th>
                  {periods.slice(first).map((period) => (
                    <th scope="col" key={period}>
                      {formatPeriod(period, language)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {attainment.map((row) => {
                  const commitment = sla.commitments.find((candidate) => candidate.id === row.commitmentId)!;
                  const sentence = commitmentSentence({ t, language, stages: stagesOf(sla.version.document) }, commitment);
                  const percent =
                    row.percentMet === null
                      ? null
                      : t('kpi.sla.percentMet', {
                          percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(row.percentMet / 100),
                          met: row.periodsMet,
                          measured: row.periodsMeasured,
                        });
                  return (
                    <tr key={row.commitmentId}>
                      <th scope="row">
                        <strong>{t(`sla.kinds.${row.kind}`)}</strong>
                        <span className="kpi-att-sentence">{sentence}</span>
                        {row.key && !row.rows.some((cell) => cell.records) ? (
                          <span className="muted kpi-att-source">
                            {t('kpi.sla.source', { source: row.key.startsWith('sla:') ? t('kpi.sla.sourceHand') : metricName(t, row.key) })}
                          </span>
                        ) : null}
                        {row.kind === 'firstContact' || row.kind === 'acceptReject' ? <span className="muted kpi-att-source">{basisLabel(t, row)}</span> : null}
                      </th>
                      <td className="kpi-att-owner">{t(`kpi.owners.${row.owner}`)}</td>
                      <td>{row.measurable ? (percent ?? t('kpi.sla.noneMeasured')) : t('kpi.sla.notMeasuredShort')}</td>
                      {row.measurable ? (
                        row.rows.slice(first).map((cell) => <MetCell key={cell.period} row={cell} attainment={row} />)
                      ) : (
                        <td colSpan={periods.length - first} className="muted">
                          {t('kpi.sla.notMeasured')}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          <ResponseBreaches data={data} period={props.period} headingLevel={3} />
        </>
      )}
    </section>
  );
}
