import { useTranslation } from 'react-i18next';
import { mainStages, type Stage, stageName } from '@shared/funnel/stages';
import { type GeneratedItem, type SlaDocument, type SlaSection, stagesOf } from '@shared/sla/document';
import type { Commitment } from '@shared/sla/commitments';
import { useApp } from '../../app/AppContext';
import { calendarSentence } from '../calendar/format';
import { commitmentSentence, department, formatDate, formatExact, formatList, formatNumber, funnelProblem, type SlaFormat, stageLabel } from './format';


export function useSlaFormat(document: SlaDocument): SlaFormat {
  const { t } = useTranslation();
  const { language } = useApp();
  return { t, language, stages: stagesOf(document) };
}

function mqlOf(stages: readonly Stage[]): string | null {
  return mainStages(stages).find((stage) => stage.key === 'mql')?.id ?? null;
}

/** A short one-line label of a generated item (diff lists, hand-off coverage). */
export function itemLabel(format: SlaFormat, item: GeneratedItem, commitments: readonly Commitment[] = []): string {
  const { t, language } = format;
  switch (item.type) {
    case 'party':
      return department(t, item.department);
    case 'stage':
      return stageName(item.stage, language) || item.stage.id;
    case 'commitment':
      return commitmentSentence(format, item.commitment, mqlOf(format.stages));
    case 'requiredVolumes':
      return t('sla.doc.volumesTitle');
    case 'handOff':
      return `${stageLabel(format, item.fromStageId)} → ${stageLabel(format, item.toStageId)}`;
    case 'scorecard': {
      const commitment = commitments.find((candidate) => candidate.id === item.commitmentId);
      return `${t(`sla.doc.metrics.${item.metric}`)}${commitment ? '' : ''}`;
    }
    case 'calendar':
      return calendarSentence(t, language, item.calendar);
  }
}

function StageDefinition({ format, stage }: { format: SlaFormat; stage: Stage }) {
  const { t, language } = format;
  const facts = [
    t('sla.doc.stageOwner', { owner: department(t, stage.owner) }),
    stage.kind === 'outcome' ? t('sla.doc.stageOutcome') : null,
    stage.targetVolume !== null ? t('sla.doc.stageTarget', { volume: formatNumber(stage.targetVolume, language), period: t(`sla.periods.${stage.period}`) }) : null,
    stage.conversionRate !== null
      ? t('sla.doc.stageRate', { rate: formatExact(stage.conversionRate, language, { style: 'percent' }) })
      : null,
  ].filter(Boolean);
  return (
    <>
      <dt>{stageName(stage, language) || stage.id}</dt>
      <dd>
        {stage.entryDefinition ? <p>{stage.entryDefinition}</p> : null}
        <p className="sla-facts">{facts.join(' · ')}</p>
      </dd>
    </>
  );
}

function RequiredVolumes({ format, item }: { format: SlaFormat; item: Extract<GeneratedItem, { type: 'requiredVolumes' }> }) {
  const { t, language } = format;
  if (item.deals === null) {
    const problems = item.problems.map((problem) => funnelProblem(format, problem));
    return <p className="sla-volumes-problem">{t('sla.doc.volumesUnavailable', { problems: problems.join(' ') })}</p>;
  }
  const money = (value: number | null) =>
    value === null ? '—' : formatNumber(value, language, { style: 'currency', currency: item.plan.currency, maximumFractionDigits: 0 });
  const n = (value: number | null) => (value === null ? '—' : formatNumber(value, language, { maximumFractionDigits: 0 }));
  // Signed, as the funnel's calculator and the funnel sheet write it: +920 more than needed, −300 short.
  const gap = (value: number | null) => (value === null ? '—' : formatNumber(value, language, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }));
  return (
    <div className="sla-volumes">
      <p>
        {t('sla.doc.deals', { revenue: money(item.plan.revenueTarget), deal: money(item.plan.averageDealSize), deals: n(item.deals), period: t(`sla.periods.${item.plan.period}`) })}
      </p>
      <table className="table sla-table">
        <caption>{t('sla.doc.volumesTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sla.doc.colStage')}</th>
            <th scope="col">{t('sla.doc.colRequired')}</th>
            <th scope="col">{t('sla.doc.colTarget')}</th>
            <th scope="col">{t('sla.doc.colGap')}</th>
          </tr>
        </thead>
        <tbody>
          {item.rows.map((row) => (
            <tr key={row.stageId}>
              <th scope="row">{stageLabel(format, row.stageId)}</th>
              <td>{n(row.required)}</td>
              <td>{n(row.targetInPeriod)}</td>
              <td>{gap(row.gap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Scorecard({ format, items }: { format: SlaFormat; items: Extract<GeneratedItem, { type: 'scorecard' }>[] }) {
  const { t, language } = format;
  return (
    <table className="table sla-table">
      <caption>{t('sla.sections.reporting')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sla.doc.colMetric')}</th>
          <th scope="col">{t('sla.doc.colUnit')}</th>
          <th scope="col">{t('sla.doc.colActual')}</th>
          <th scope="col">{t('sla.doc.colVariance')}</th>
          <th scope="col">{t('sla.doc.colOwner')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const target = [
            `${item.direction === 'higher' ? '≥' : '≤'} ${formatExact(item.target, language)} ${t(`sla.doc.units.${item.unit}`)}`,
            item.per ? t('sla.doc.perPeriod', { period: t(`sla.periods.${item.per}`) }) : null,
            item.withinDays !== null ? t('sla.doc.withinDays', { days: formatExact(item.withinDays, language) }) : null,
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <tr key={item.id}>
              <th scope="row">{t(`sla.doc.metrics.${item.metric}`)}</th>
              <td>{target}</td>
              <td />
              <td />
              <td>{department(t, item.owner)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The generated part of one section, in the reader's language. */
export function SectionGenerated({ document, section }: { document: SlaDocument; section: SlaSection }) {
  const format = useSlaFormat(document);
  const { t, language } = format;
  const commitments = document.sections.flatMap((s) => s.generated.flatMap((item) => (item.type === 'commitment' ? [item.commitment] : [])));
  const mql = mqlOf(format.stages);
  const items = section.generated;
  if (section.key === 'validity') {
    return (
      <p>
        {t('sla.doc.validity', {
          from: formatDate(document.validity.from, language) ?? t('sla.doc.open'),
          until: formatDate(document.validity.until, language) ?? t('sla.doc.open'),
        })}
      </p>
    );
  }
  if (items.length === 0) return null;
  const scorecard = items.filter((item): item is Extract<GeneratedItem, { type: 'scorecard' }> => item.type === 'scorecard');
  const stages = items.filter((item): item is Extract<GeneratedItem, { type: 'stage' }> => item.type === 'stage');
  const calendars = items.filter((item): item is Extract<GeneratedItem, { type: 'calendar' }> => item.type === 'calendar');
  const others = items.filter((item) => item.type !== 'scorecard' && item.type !== 'stage' && item.type !== 'calendar');
  return (
    <div className="sla-generated">
      {stages.length ? (
        <dl className="sla-definitions">
          {stages.map((item) => (
            <StageDefinition key={item.id} format={format} stage={item.stage} />
          ))}
        </dl>
      ) : null}
      {calendars.map((item) => (
        <p key={item.id} className="sla-calendar">
          <strong>{t('calendar.sla.definitionTitle')}</strong> — {calendarSentence(t, language, item.calendar)}
        </p>
      ))}
      {others.length ? (
        <ul className="sla-items">
          {others.map((item) => {
            switch (item.type) {
              case 'party':
                return (
                  <li key={item.id}>
                    {item.stageIds.length
                      ? t('sla.doc.party', { department: department(t, item.department), stages: formatList(item.stageIds.map((id) => stageLabel(format, id)), language) })
                      : t('sla.doc.partyNone', { department: department(t, item.department) })}
                  </li>
                );
              case 'commitment':
                return <li key={item.id}>{commitmentSentence(format, item.commitment, mql)}</li>;
              case 'requiredVolumes':
                return (
                  <li key={item.id} className="sla-item-block">
                    <RequiredVolumes format={format} item={item} />
                  </li>
                );
              case 'handOff': {
                const covering = commitments.filter((commitment) => item.commitmentIds.includes(commitment.id));
                return (
                  <li key={item.id}>
                    {t('sla.doc.handOff', {
                      from: stageLabel(format, item.fromStageId),
                      to: stageLabel(format, item.toStageId),
                      fromOwner: department(t, item.fromOwner),
                      toOwner: department(t, item.toOwner),
                    })}{' '}
                    {covering.length
                      ? t('sla.doc.handOffCovered', { commitments: formatList(covering.map((commitment) => t(`sla.kinds.${commitment.kind}`)), language) })
                      : t('sla.doc.handOffUncovered')}
                  </li>
                );
              }
              default:
                return null;
            }
          })}
        </ul>
      ) : null}
      {scorecard.length ? <Scorecard format={format} items={scorecard} /> : null}
    </div>
  );
}
