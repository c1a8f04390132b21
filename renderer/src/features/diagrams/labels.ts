import type { TFunction } from 'i18next';
import type { Agreement } from '@shared/records/board';
import type { BoardNodeData, PersonaNodeData } from '@shared/board/nodes';
import type { BoardFigureInput } from '@shared/diagrams/boardFigure';
import type { FunnelLabels, ReverseTableLabels, SwimlaneLabels } from '@shared/diagrams/inputs';
import { stageName, type FunnelPeriod } from '@shared/funnel/stages';
import type { Member } from '@shared/records/member';
import type { Language } from '@shared/settings';
import type { Commitment } from '@shared/sla/commitments';
import { initials } from '../personas/photos';

/**
 * The words of the diagrams in the reader's language: i18n strings and Intl number formats handed
 * to the pure figure inputs of shared/diagrams.
 */

export function funnelLabels(t: TFunction, language: Language): FunnelLabels & ReverseTableLabels {
  const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const period = (value: FunnelPeriod) => t(`sla.periods.${value}`);
  return {
    stageName: (stage) => stageName(stage, language) || t('funnel.newStageName'),
    owner: (department) => t(`funnel.owners.${department}`),
    target: (volume, per) => t('diagrams.funnelSheet.target', { volume: count.format(volume), period: period(per) }),
    required: (volume, per) => t('diagrams.funnelSheet.needed', { volume: count.format(volume), period: period(per) }),
    rate: (rate) => t('diagrams.funnelSheet.rate', { rate: percent.format(rate) }),
    handOff: (from, to) => t('funnel.handOffEdge', { from: t(`funnel.owners.${from}`), to: t(`funnel.owners.${to}`) }),
    outcomesTitle: t('diagrams.funnelSheet.outcomes'),
    noStages: t('diagrams.funnelSheet.noStages'),
    title: (result, plan) => {
      if (!result.ok) {
        return t('diagrams.funnelSheet.table.problems', {
          problems: result.problems.map((problem) => t(`funnel.problems.${problem.code}`, { stage: problem.stageId ?? '' })).join(' '),
        });
      }
      const money = new Intl.NumberFormat(language, { style: 'currency', currency: plan.currency, maximumFractionDigits: 0 });
      return t('diagrams.funnelSheet.table.title', {
        deals: count.format(result.deals),
        period: period(plan.period),
        revenue: money.format(plan.revenueTarget ?? 0),
        deal: money.format(plan.averageDealSize ?? 0),
      });
    },
    columns: {
      stage: t('diagrams.funnelSheet.table.stage'),
      required: t('diagrams.funnelSheet.table.needed'),
      target: t('diagrams.funnelSheet.table.target'),
      gap: t('diagrams.funnelSheet.table.gap'),
    },
    count: (value) => (value === null || !Number.isFinite(value) ? '—' : count.format(value)),
    gapValue: (value) => (value === null || !Number.isFinite(value) ? '—' : signed.format(value)),
  };
}

export function swimlaneLabels(t: TFunction, language: Language): SwimlaneLabels {
  const n = new Intl.NumberFormat(language);
  const hours = (count: number, business: boolean) => t(business ? 'sla.doc.businessHours' : 'sla.doc.hours', { hours: n.format(count) });
  return {
    stageName: (stage) => stageName(stage, language) || t('funnel.newStageName'),
    lane: (owner) => t(`sla.departments.${owner}`),
    response: (commitment: Commitment) => {
      switch (commitment.kind) {
        case 'firstContact':
          return t('diagrams.sla.firstContact', { time: hours(commitment.withinHours, commitment.businessHours) });
        case 'acceptReject':
          return t('diagrams.sla.acceptReject', { time: hours(commitment.withinHours, commitment.businessHours) });
        default:
          return t(`sla.kinds.${commitment.kind}`);
      }
    },
    uncovered: t('diagrams.sla.uncovered'),
    loop: (commitment) =>
      commitment.kind === 'feedback'
        ? t('diagrams.sla.feedback', { cadence: t(`sla.cadences.${commitment.cadence}`), channel: t(`sla.channels.${commitment.channel}`) })
        : commitment.kind === 'recycle'
          ? t('diagrams.sla.recycle', { days: n.format(commitment.nurtureDays) })
          : t(`sla.kinds.${commitment.kind}`),
    noStages: t('diagrams.sla.noStages'),
  };
}

const CARD_FIELDS = ['goals', 'challenges', 'triggers', 'objections', 'decisionCriteria', 'channels'] as const;

/** A persona board's nodes as the whole-board figure draws them (as the canvas shows them). */
export function boardFigureInput(
  nodes: Iterable<[string, BoardNodeData]>,
  context: { t: TFunction; language: Language; members: readonly Member[]; agreement: Agreement | null },
): BoardFigureInput {
  const { t } = context;
  const members = new Map(context.members.map((member) => [member.id, member]));
  const input: { zones: BoardFigureInput['zones'][number][]; notes: BoardFigureInput['notes'][number][]; persona: BoardFigureInput['persona'] } = { zones: [], notes: [], persona: null };
  for (const [id, data] of nodes) {
    if (data.type === 'zone') {
      input.zones.push({ id, x: data.x, y: data.y, width: data.width, height: data.height, title: t(`persona.zones.${data.zone}`) });
    } else if (data.type === 'sticky') {
      input.notes.push({
        id,
        x: data.x,
        y: data.y,
        text: data.text,
        department: data.department,
        mark: t(`board.mark.${data.department}`),
        author: data.authorId ? (members.get(data.authorId)?.name ?? t('board.sticky.unknownAuthor')) : t(`board.department.${data.department}`),
        votes: data.votes > 0 ? t('diagrams.board.votes', { count: data.votes }) : null,
        promoted: data.promotedTo ? t('diagrams.board.promoted', { field: t(`persona.fields.${data.promotedTo}`) }) : null,
      });
    } else if (data.type === 'persona' && !input.persona) {
      input.persona = personaInput(data, context.agreement, t);
    }
  }
  // Notes drawn top to bottom, left to right, as they are read.
  input.notes.sort((a, b) => a.y - b.y || a.x - b.x);
  return { ...input, emptyNote: t('diagrams.board.empty') };
}

function personaInput(data: PersonaNodeData, agreement: Agreement | null, t: TFunction): NonNullable<BoardFigureInput['persona']> {
  const name = data.name || t('persona.unnamed');
  return {
    x: data.x,
    y: data.y,
    name,
    initials: initials(name),
    subtitle: [data.title, data.buyingRole ? t(`persona.buyingRoles.${data.buyingRole}`) : null].filter(Boolean).join(' · '),
    company: [data.industry, data.companySize].filter(Boolean).join(' · '),
    agreed: agreement ? `✓ ${t('persona.agreed')}` : null,
    fields: CARD_FIELDS.filter((field) => data[field].trim()).map((field) => ({ label: t(`persona.fields.${field}`), value: data[field] })),
    quote: data.quote,
  };
}
