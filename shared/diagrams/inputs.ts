import type { RevenuePlan } from '../funnel/plan';
import { reverseFunnel, type ReverseFunnelResult } from '../funnel/reverseFunnel';
import { handOffs, mainStages, type FunnelDepartment, type FunnelPeriod, type Stage } from '../funnel/stages';
import type { Commitment, SlaOwner } from '../sla/commitments';
import type { GeneratedItem, SlaDocument } from '../sla/document';
import type { FunnelFigureInput } from './funnelFigure';
import type { SwimlaneInput } from './swimlaneFigure';
import type { TableInput } from './table';

/**
 * What each figure shows, derived from the records: a funnel board's stages and plan, or a
 * version's SLA document — only the document, which is the content a signature's hash covers, so
 * a signed version's figures are the diagram as signed. The words come from `labels` (the caller's
 * i18n and number formats); the figure modules lay them out.
 */

export type FunnelLabels = {
  stageName(stage: Stage): string;
  owner(department: FunnelDepartment): string;
  /** "Target 1,000 / month". */
  target(volume: number, period: FunnelPeriod): string;
  /** "Needed 1,200 / month" (worked back from the revenue target). */
  required(volume: number, period: FunnelPeriod): string;
  /** "25 %" on the arrow to the next stage. */
  rate(rate: number): string;
  /** "Hand-off: Marketing → Sales". */
  handOff(from: FunnelDepartment, to: FunnelDepartment): string;
  outcomesTitle: string;
  noStages: string;
};

type Requirement = { stageId: string; required: number | null };

function funnelInput(stages: readonly Stage[], requirements: readonly Requirement[], period: FunnelPeriod, labels: FunnelLabels, definitions: boolean): FunnelFigureInput {
  const required = new Map(requirements.map((row) => [row.stageId, row.required]));
  const main = mainStages(stages);
  return {
    stages: stages.map((stage) => {
      const need = required.get(stage.id) ?? null;
      const facts = stage.targetVolume !== null ? [labels.target(stage.targetVolume, stage.period)] : need !== null ? [labels.required(need, period)] : [];
      const last = main.at(-1)?.id === stage.id;
      return {
        id: stage.id,
        name: labels.stageName(stage),
        owner: stage.owner,
        ownerLabel: labels.owner(stage.owner),
        outcome: stage.kind === 'outcome',
        volume: stage.targetVolume ?? need,
        facts,
        rateLabel: stage.kind === 'step' && !last && stage.conversionRate !== null ? labels.rate(stage.conversionRate) : null,
        definition: definitions ? stage.entryDefinition : '',
      };
    }),
    handOffs: handOffs(stages).map((handOff) => ({ fromId: handOff.fromStageId, toId: handOff.toStageId, label: labels.handOff(handOff.fromOwner, handOff.toOwner) })),
    outcomesTitle: labels.outcomesTitle,
    emptyLabel: labels.noStages,
  };
}

/** The funnel figure of a funnel board (volumes: the targets, else what the reverse funnel requires). */
export function boardFunnelInput(stages: readonly Stage[], plan: RevenuePlan, labels: FunnelLabels): FunnelFigureInput {
  const result = reverseFunnel(plan, stages);
  return funnelInput(stages, result.ok ? result.stages : [], plan.period, labels, true);
}

export type ReverseTableLabels = {
  /** The table's title: the deals needed for the revenue target, or why they cannot be worked out. */
  title(result: ReverseFunnelResult, plan: RevenuePlan): string;
  columns: { stage: string; required: string; target: string; gap: string };
  /** A count (required, target), "—" for null. */
  count(value: number | null): string;
  /** A gap with its sign, "—" for null. */
  gapValue(value: number | null): string;
};

/** The reverse-funnel table of the funnel sheet; null when no revenue target is set. */
export function reverseFunnelTable(stages: readonly Stage[], plan: RevenuePlan, labels: FunnelLabels & ReverseTableLabels): TableInput | null {
  if (plan.revenueTarget === null) return null;
  const result = reverseFunnel(plan, stages);
  const names = new Map(stages.map((stage) => [stage.id, labels.stageName(stage)]));
  return {
    title: labels.title(result, plan),
    columns: [
      { label: labels.columns.stage, align: 'start' },
      { label: labels.columns.required, align: 'end' },
      { label: labels.columns.target, align: 'end' },
      { label: labels.columns.gap, align: 'end' },
    ],
    rows: result.ok ? result.stages.map((row) => [names.get(row.stageId) ?? row.stageId, labels.count(row.required), labels.count(row.targetInPeriod), labels.gapValue(row.gap)]) : [],
  };
}

// ---------------------------------------------------------------------------------------------
// From an SLA document (the signed content)

function itemsOf<T extends GeneratedItem['type']>(document: SlaDocument, type: T): Extract<GeneratedItem, { type: T }>[] {
  return document.sections.flatMap((section) => section.generated.filter((item): item is Extract<GeneratedItem, { type: T }> => item.type === type));
}

/** The stages the document defines (section "definitions"), in funnel order. */
export function documentStages(document: SlaDocument): Stage[] {
  const definitions = document.sections.find((section) => section.key === 'definitions');
  return (definitions?.generated ?? []).flatMap((item) => (item.type === 'stage' ? [item.stage] : []));
}

export function documentCommitments(document: SlaDocument): Commitment[] {
  return itemsOf(document, 'commitment').map((item) => item.commitment);
}

/**
 * Figure 1 of the SLA: the funnel as the document defines it. Volumes come from the document's own
 * reverse-funnel rows and hand-offs from its hand-off items, never from the board as it is now.
 * Entry definitions are left out: the definitions list follows the figure.
 */
export function slaFunnelInput(document: SlaDocument, labels: FunnelLabels): FunnelFigureInput {
  const stages = documentStages(document);
  const volumes = itemsOf(document, 'requiredVolumes')[0];
  const input = funnelInput(stages, volumes?.rows ?? [], volumes?.plan.period ?? 'month', labels, false);
  const owners = new Map(stages.map((stage) => [stage.id, stage.owner]));
  return {
    ...input,
    handOffs: itemsOf(document, 'handOff').map((item) => ({
      fromId: item.fromStageId,
      toId: item.toStageId,
      label: labels.handOff(owners.get(item.fromStageId) ?? item.fromOwner, owners.get(item.toStageId) ?? item.toOwner),
    })),
  };
}

export type SwimlaneLabels = {
  stageName(stage: Stage): string;
  lane(owner: SlaOwner): string;
  /** One line for a response-time commitment covering a hand-off: "First contact within 8 business hours". */
  response(commitment: Commitment): string;
  /** A hand-off that no commitment covers. */
  uncovered: string;
  /** The label of a loop back (feedback, recycling). */
  loop(commitment: Commitment): string;
  noStages: string;
};

const OTHER: Record<SlaOwner, SlaOwner> = { marketing: 'sales', sales: 'marketing' };

/**
 * Figure 2 of the SLA: the hand-off process as swimlanes, from the document's hand-off items and
 * the commitments they name; loops back from its feedback and recycling commitments.
 */
export function slaSwimlaneInput(document: SlaDocument, labels: SwimlaneLabels): SwimlaneInput {
  const stages = mainStages(documentStages(document));
  const commitments = documentCommitments(document);
  const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
  return {
    lanes: { marketing: labels.lane('marketing'), sales: labels.lane('sales') },
    stages: stages.map((stage) => ({ id: stage.id, name: labels.stageName(stage), owner: stage.owner })),
    handOffs: itemsOf(document, 'handOff').map((item) => {
      const covering = item.commitmentIds.flatMap((id) => {
        const commitment = byId.get(id);
        return commitment ? [commitment] : [];
      });
      return {
        fromId: item.fromStageId,
        toId: item.toStageId,
        lines: covering.length ? covering.map((commitment) => labels.response(commitment)) : [labels.uncovered],
        uncovered: covering.length === 0,
      };
    }),
    loops: commitments
      .filter((commitment) => commitment.kind === 'feedback' || commitment.kind === 'recycle')
      .map((commitment) => {
        // Feedback goes from whoever owes it to the other side; recycled leads go back to marketing.
        const from: SlaOwner = commitment.kind === 'recycle' ? 'sales' : (commitment.owner ?? 'sales');
        return { from, to: commitment.kind === 'recycle' ? 'marketing' : OTHER[from], label: labels.loop(commitment) };
      }),
    emptyLabel: labels.noStages,
  };
}
