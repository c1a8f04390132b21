import type { Funnel } from '../funnel/plan';
import { reverseFunnel, type ReverseFunnelProblemCode, type ReverseFunnelResult } from '../funnel/reverseFunnel';
import { convertVolume, handOffs, mainStages, type Stage } from '../funnel/stages';
import { Commitment, type CommitmentOf, RESPONSE_TIME_KINDS } from './commitments';

/**
 * Consistency checks between the funnel (and its reverse-funnel math) and the SLA commitments.
 * Findings carry codes and parameters, never English text: the UI translates `code` and formats
 * the parameters with Intl. Shown on the funnel board, the SLA board and in the document.
 */

export type FindingSeverity = 'error' | 'warning';

export const FINDING_CODES = [
  /** The reverse funnel cannot be computed (params.problem: a ReverseFunnelProblemCode). */
  'funnel-problem',
  /** A stage's own target volume is below what the revenue target needs. */
  'stage-target-below-required',
  /** The funnel has several stages but ownership never changes: the SLA governs no hand-off. */
  'no-handoff',
  /** Nobody on the receiving side of a hand-off promises a first contact or accept/reject time. */
  'handoff-without-response-time',
  /** No commitment of kind volume at all. */
  'no-volume-commitment',
  /** A volume commitment promises fewer records per period than the reverse funnel needs. */
  'volume-below-required',
  /** A volume commitment names no stage and the funnel has no MQL stage / marketing hand-off. */
  'volume-stage-unresolved',
  /** A commitment refers to a stage that is no longer in the funnel. */
  'commitment-stage-unknown',
  'commitment-without-owner',
  'attempts-days-zero',
  'accept-reject-without-reason-codes',
  'quality-without-required-fields',
  'no-review-cadence',
  /** A stored commitment does not parse (params.path, params.issue: the first zod issue). */
  'commitment-invalid',
  /** Two stored commitments share an id; the later one is ignored. */
  'commitment-duplicate-id',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type FindingParam = string | number | boolean | null;

export interface Finding {
  /** Stable for the same problem on the same subject (`code:subject`), unique within one list. */
  id: string;
  severity: FindingSeverity;
  code: FindingCode;
  params: Readonly<Record<string, FindingParam>>;
}

export interface SlaCheckInput {
  funnel: Funnel;
  commitments: readonly Commitment[];
  /** A reverse-funnel result computed already (else computed here). */
  reverse?: ReverseFunnelResult;
}

function finding(code: FindingCode, severity: FindingSeverity, subject: string, params: Record<string, FindingParam> = {}): Finding {
  return { id: subject ? `${code}:${subject}` : code, severity, code, params };
}

const MISSING_INPUT: readonly ReverseFunnelProblemCode[] = ['revenue-missing', 'deal-size-missing', 'rate-missing'];

/**
 * The stage a volume commitment is about: its `stageId` when that stage exists; when null, the
 * stage keyed `mql`, else the last marketing stage before the first hand-off away from marketing.
 * Undefined when it cannot be resolved.
 */
export function volumeStageId(commitment: Pick<CommitmentOf<'volume'>, 'stageId'>, stages: readonly Stage[]): string | undefined {
  if (commitment.stageId !== null) return stages.some((stage) => stage.id === commitment.stageId) ? commitment.stageId : undefined;
  const mql = mainStages(stages).find((stage) => stage.key === 'mql');
  if (mql) return mql.id;
  return handOffs(stages).find((handOff) => handOff.fromOwner === 'marketing')?.fromStageId;
}

function checkFunnel(funnel: Funnel, reverse: ReverseFunnelResult, out: Finding[]): void {
  if (!reverse.ok) {
    for (const problem of reverse.problems) {
      const severity = MISSING_INPUT.includes(problem.code) ? 'warning' : 'error';
      out.push(
        finding('funnel-problem', severity, `${problem.code}:${problem.stageId ?? problem.field}`, {
          problem: problem.code,
          field: problem.field,
          stageId: problem.stageId,
        }),
      );
    }
  } else {
    for (const stage of reverse.stages) {
      if (stage.gap !== null && stage.gap < 0) {
        out.push(
          finding('stage-target-below-required', 'warning', stage.stageId, {
            stageId: stage.stageId,
            target: stage.target,
            targetPeriod: stage.targetPeriod,
            targetInPeriod: stage.targetInPeriod,
            required: stage.required,
            period: reverse.period,
            gap: stage.gap,
          }),
        );
      }
    }
  }
  const steps = mainStages(funnel.stages);
  if (steps.length >= 2 && handOffs(funnel.stages).length === 0) out.push(finding('no-handoff', 'warning', ''));
}

function checkHandOffs(funnel: Funnel, commitments: readonly Commitment[], out: Finding[]): void {
  const responses = commitments.filter((commitment): commitment is CommitmentOf<'firstContact' | 'acceptReject'> =>
    (RESPONSE_TIME_KINDS as readonly string[]).includes(commitment.kind),
  );
  for (const handOff of handOffs(funnel.stages)) {
    const covered = responses.some(
      (commitment) =>
        commitment.owner !== null &&
        (handOff.toOwner === 'joint' || commitment.owner === handOff.toOwner) &&
        (commitment.stageId === null || commitment.stageId === handOff.toStageId || commitment.stageId === handOff.fromStageId),
    );
    if (!covered) {
      out.push(
        finding('handoff-without-response-time', 'error', handOff.id, {
          handOffId: handOff.id,
          fromStageId: handOff.fromStageId,
          toStageId: handOff.toStageId,
          fromOwner: handOff.fromOwner,
          toOwner: handOff.toOwner,
        }),
      );
    }
  }
}

function checkCommitment(commitment: Commitment, funnel: Funnel, reverse: ReverseFunnelResult, out: Finding[]): void {
  const subject = commitment.id;
  if (commitment.owner === null) {
    out.push(finding('commitment-without-owner', 'error', subject, { commitmentId: commitment.id, kind: commitment.kind }));
  }
  if ('stageId' in commitment && commitment.stageId !== null && !funnel.stages.some((stage) => stage.id === commitment.stageId)) {
    out.push(
      finding('commitment-stage-unknown', 'error', subject, { commitmentId: commitment.id, kind: commitment.kind, stageId: commitment.stageId }),
    );
  }
  switch (commitment.kind) {
    case 'volume': {
      if (commitment.stageId !== null) break; // unknown stage reported above
      if (volumeStageId(commitment, funnel.stages) === undefined) {
        out.push(finding('volume-stage-unresolved', 'warning', subject, { commitmentId: commitment.id }));
      }
      break;
    }
    case 'attempts':
      if (commitment.days === 0) {
        out.push(finding('attempts-days-zero', 'error', subject, { commitmentId: commitment.id, attempts: commitment.attempts }));
      }
      break;
    case 'acceptReject':
      if (commitment.reasonCodes.length === 0) {
        out.push(finding('accept-reject-without-reason-codes', 'error', subject, { commitmentId: commitment.id }));
      }
      break;
    case 'quality':
      if (commitment.requiredFields.length === 0) {
        out.push(finding('quality-without-required-fields', 'warning', subject, { commitmentId: commitment.id }));
      }
      break;
    default:
      break;
  }
  if (commitment.kind === 'volume' && reverse.ok) {
    const stageId = volumeStageId(commitment, funnel.stages);
    const requirement = stageId === undefined ? undefined : reverse.stages.find((stage) => stage.stageId === stageId);
    if (requirement && requirement.required !== null) {
      const committedInPeriod = convertVolume(commitment.count, commitment.period, reverse.period);
      if (committedInPeriod < requirement.required) {
        out.push(
          finding('volume-below-required', 'error', subject, {
            commitmentId: commitment.id,
            owner: commitment.owner,
            stageId: requirement.stageId,
            committed: commitment.count,
            committedPeriod: commitment.period,
            committedInPeriod,
            required: requirement.required,
            period: reverse.period,
            shortfall: requirement.required - committedInPeriod,
          }),
        );
      }
    }
  }
}

/** All findings, in a stable order: funnel, hand-offs, each commitment in list order, then global ones. */
export function checkSla({ funnel, commitments, reverse = reverseFunnel(funnel.plan, funnel.stages) }: SlaCheckInput): Finding[] {
  const out: Finding[] = [];
  checkFunnel(funnel, reverse, out);
  checkHandOffs(funnel, commitments, out);
  for (const commitment of commitments) checkCommitment(commitment, funnel, reverse, out);
  if (!commitments.some((commitment) => commitment.kind === 'volume')) out.push(finding('no-volume-commitment', 'warning', ''));
  if (!commitments.some((commitment) => commitment.kind === 'reviewCadence')) out.push(finding('no-review-cadence', 'warning', ''));
  return out;
}

/**
 * Reads stored commitments (board node data) leniently: valid ones are returned, invalid ones and
 * duplicate ids become findings instead of throwing, so one bad node never hides the others.
 */
export function parseCommitments(raw: readonly unknown[]): { commitments: Commitment[]; findings: Finding[] } {
  const commitments: Commitment[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const parsed = Commitment.safeParse(item);
    const rawId = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      findings.push(
        finding('commitment-invalid', 'error', rawId ?? `#${index}`, {
          commitmentId: rawId,
          index,
          path: issue ? issue.path.map(String).join('.') : '',
          issue: issue ? issue.code : 'custom',
        }),
      );
      return;
    }
    if (seen.has(parsed.data.id)) {
      findings.push(finding('commitment-duplicate-id', 'error', `${parsed.data.id}#${index}`, { commitmentId: parsed.data.id, index }));
      return;
    }
    seen.add(parsed.data.id);
    commitments.push(parsed.data);
  });
  return { commitments, findings };
}

const SUBJECT_PARAMS = ['stageId', 'commitmentId', 'handOffId', 'fromStageId', 'toStageId'] as const;

/** The findings about one stage, commitment or hand-off (for badges on board nodes and edges). */
export function findingsFor(findings: readonly Finding[], subjectId: string): Finding[] {
  return findings.filter((item) => SUBJECT_PARAMS.some((param) => item.params[param] === subjectId));
}

/** True when there is at least one error (warnings do not block review). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((item) => item.severity === 'error');
}
