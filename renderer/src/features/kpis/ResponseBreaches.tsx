import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthResponse } from '@shared/kpi/leadMeasure';
import { complianceOf, type Commitment } from '@shared/sla/commitments';
import { useApp } from '../../app/AppContext';
import type { KpiData } from './kpiRead';
import { formatPeriod, slaContextOf } from './model';
import { ScrollRegion } from './ScrollRegion';

/** Rows of a breach table shown at once (most hours first); the rest are counted. */
export const MAX_BREACH_ROWS = 100;

/** '24 business h' / '24 h': a time window or hours used, in the commitment's unit. */
export function hoursText(t: TFunction, language: string, hours: number, business: boolean): string {
  const value = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(hours);
  return business ? t('calendar.kpi.windowBusiness', { hours: value }) : t('calendar.kpi.windowClock', { hours: value });
}

export function percentText(language: string, percent: number): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** "3 breaches (1 still waiting)" / "no breaches". */
export function breachesText(t: TFunction, response: Pick<MonthResponse, 'late' | 'waiting'>): string {
  const count = response.late + response.waiting;
  if (count === 0) return t('calendar.kpi.noBreaches');
  const total = t('calendar.kpi.breachCount', { count });
  return response.waiting > 0 ? t('calendar.kpi.breachesWaiting', { breaches: total, waiting: t('calendar.kpi.waitingCount', { count: response.waiting }) }) : total;
}

/** One time-window commitment's month, record by record: the summary and the records that missed the window. */
export function BreachList(props: { kind: string; period: string; response: MonthResponse; compliance: number; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const { response } = props;
  const judged = response.within + response.late + response.waiting;
  const period = formatPeriod(props.period, language, 'long');
  const shown = response.breaches.slice(0, MAX_BREACH_ROWS);
  const caption = t('calendar.kpi.breachesTable', { kind: props.kind, period });
  const Heading = props.headingLevel === 4 ? 'h4' : 'h3';
  return (
    <section className="kpi-breaches" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{props.kind}</Heading>
      <p>
        {judged === 0
          ? t('calendar.kpi.cellPending', { pending: response.pending, records: response.records })
          : t('calendar.kpi.summary', {
              kind: props.kind,
              within: response.within,
              judged,
              window: hoursText(t, language, response.windowHours, response.business),
              share: percentText(language, response.share ?? 0),
              breaches: breachesText(t, response),
            })}
      </p>
      {shown.length === 0 ? (
        <p className="muted">{t('calendar.kpi.breachesNone', { period })}</p>
      ) : (
        <ScrollRegion label={caption}>
          <table className="table kpi-breach-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.kpi.colLead')}</th>
                <th scope="col" className="num">
                  {t('calendar.kpi.colHours')}
                </th>
                <th scope="col">{t('calendar.kpi.colState')}</th>
                <th scope="col" className="num">
                  {t('calendar.kpi.colLine')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((breach) => (
                <tr key={`${breach.line}-${breach.id}`}>
                  <th scope="row">{breach.id || t('calendar.kpi.leadLine', { line: breach.line })}</th>
                  <td className="num">{hoursText(t, language, breach.hours, response.business)}</td>
                  <td>{breach.waiting ? t('calendar.kpi.waiting') : t('calendar.kpi.late')}</td>
                  <td className="num">{breach.line}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {response.breaches.length > shown.length ? <p className="muted">{t('calendar.kpi.moreBreaches', { count: response.breaches.length - shown.length })}</p> : null}
      <p className="muted">{props.compliance < 100 ? t('calendar.kpi.neededShare', { percent: percentText(language, props.compliance) }) : t('calendar.kpi.neededAll')}</p>
    </section>
  );
}

/**
 * The signed SLA's time-window commitments (first contact, accept/reject) in one month, measured
 * per lead: each with its summary and breach list. Says so when the month has no lead records.
 */
export function ResponseBreaches(props: { data: KpiData; period: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { language } = useApp();
  const id = useId();
  const { data } = props;
  const period = formatPeriod(props.period, language, 'long');
  const records = slaContextOf(data.sla, data.response)?.options?.records;
  const windows = (data.sla?.commitments ?? []).filter((commitment): commitment is Extract<Commitment, { kind: 'firstContact' | 'acceptReject' }> => commitment.kind === 'firstContact' || commitment.kind === 'acceptReject');
  const measured = windows.flatMap((commitment) => {
    const response = records?.(commitment, props.period);
    return response ? [{ commitment, response }] : [];
  });
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="kpi-breach-section" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t('calendar.kpi.breachesTitle', { period })}</Heading>
      <p className="muted">{t('calendar.kpi.breachesIntro')}</p>
      {measured.length === 0 ? (
        <p>{t('calendar.kpi.breachesNoData', { period })}</p>
      ) : (
        measured.map(({ commitment, response }) => (
          <BreachList
            key={commitment.id}
            kind={t(`sla.kinds.${commitment.kind}`)}
            period={props.period}
            response={response}
            compliance={complianceOf(commitment)}
            headingLevel={props.headingLevel === 3 ? 4 : 3}
          />
        ))
      )}
    </section>
  );
}
