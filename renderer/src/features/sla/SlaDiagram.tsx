import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Finding, findingsFor } from '../../../../shared/sla/checks';
import type { Commitment } from '../../../../shared/sla/commitments';
import type { SlaDocument } from '../../../../shared/sla/document';
import { mainStages } from '../../../../shared/funnel/stages';
import { commitmentSentence, department, findingMessage, stageLabel } from './format';
import { useSlaFormat } from './SlaContent';

/**
 * The SLA as two swimlanes (marketing, sales): each department's commitments in its lane, the
 * funnel's hand-offs between them (with whether a response time covers each) and the feedback loop
 * back to marketing; consistency problems are shown on the commitment they concern. Read-only:
 * commitments are edited in the form list.
 */
export function SlaDiagram(props: { document: SlaDocument; commitments: readonly Commitment[]; findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useSlaFormat(props.document);
  const mql = mainStages(format.stages).find((stage) => stage.key === 'mql')?.id ?? null;
  const handOffs = props.document.sections.find((section) => section.key === 'handOff')?.generated.flatMap((item) => (item.type === 'handOff' ? [item] : [])) ?? [];
  const feedback = props.commitments.filter((commitment) => commitment.kind === 'feedback');
  const unassigned = props.commitments.filter((commitment) => commitment.owner === null);

  const card = (commitment: Commitment) => {
    const problems = findingsFor(props.findings, commitment.id);
    return (
      <li key={commitment.id} className={`sla-card${problems.length ? ' sla-card-problem' : ''}`}>
        <strong>{t(`sla.kinds.${commitment.kind}`)}</strong>
        <p>{commitmentSentence(format, commitment, mql)}</p>
        {problems.length ? (
          <div className="sla-card-problems">
            <p className="sla-badge">{t('sla.diagram.problems', { count: problems.length })}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem.id}>{findingMessage(format, problem, props.commitments)}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </li>
    );
  };

  const lane = (owner: 'marketing' | 'sales') => {
    const items = props.commitments.filter((commitment) => commitment.owner === owner);
    return (
      <section className={`sla-lane sla-lane-${owner}`} aria-labelledby={`${id}-${owner}`}>
        <h3 id={`${id}-${owner}`}>{t('sla.diagram.lane', { department: department(t, owner) })}</h3>
        {items.length ? <ul className="sla-cards">{items.map(card)}</ul> : <p className="muted">{t('sla.diagram.empty')}</p>}
      </section>
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sla.diagram.title')}</h2>
      <p className="muted">{t('sla.diagram.intro')}</p>
      <div className="sla-lanes">
        {lane('marketing')}
        <section className="sla-lane-middle" aria-labelledby={`${id}-handoffs`}>
          <h3 id={`${id}-handoffs`}>{t('sla.diagram.handOffs')}</h3>
          <ul className="sla-flows">
            {handOffs.map((handOff) => (
              <li key={handOff.id} className={handOff.commitmentIds.length ? 'sla-flow' : 'sla-flow sla-flow-open'}>
                <span className="sla-flow-arrow">
                  {t('sla.diagram.handOff', { from: stageLabel(format, handOff.fromStageId), to: stageLabel(format, handOff.toStageId) })}
                </span>
                <span className="sla-flow-meta">
                  {department(t, handOff.fromOwner)} → {department(t, handOff.toOwner)} ·{' '}
                  {handOff.commitmentIds.length ? t('sla.diagram.covered') : t('sla.diagram.uncovered')}
                </span>
              </li>
            ))}
            {feedback.map((commitment) => (
              <li key={commitment.id} className="sla-flow sla-flow-back">
                <span className="sla-flow-arrow">
                  {department(t, commitment.owner)} → {department(t, 'marketing')}
                </span>
                <span className="sla-flow-meta">{t('sla.diagram.feedback', { cadence: t(`sla.cadences.${commitment.cadence}`) })}</span>
              </li>
            ))}
          </ul>
        </section>
        {lane('sales')}
      </div>
      {unassigned.length ? (
        <section className="sla-lane sla-lane-unassigned" aria-labelledby={`${id}-unassigned`}>
          <h3 id={`${id}-unassigned`}>{t('sla.diagram.unassigned')}</h3>
          <ul className="sla-cards">{unassigned.map(card)}</ul>
        </section>
      ) : null}
    </section>
  );
}
