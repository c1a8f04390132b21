import type { Funnel } from '@shared/funnel/plan';
import type { ReverseFunnelResult } from '@shared/funnel/reverseFunnel';
import { checkSla, type Finding, type FindingCode, type FindingSeverity } from '@shared/sla/checks';
import type { Commitment } from '@shared/sla/commitments';

/** The workspace's current SLA version as the funnel board checks it (null: no SLA yet). */
export type FunnelSla = { revision: number; commitments: readonly Commitment[] } | null;

/** The findings about the funnel itself (they need no SLA). */
export const FUNNEL_FINDING_CODES: readonly FindingCode[] = ['funnel-problem', 'stage-target-below-required', 'no-handoff'];

/**
 * The SLA consistency checks for a funnel board: against the current SLA version's commitments,
 * or, without an SLA yet, only the funnel-level checks (commitment findings would all be noise).
 */
export function funnelFindings(funnel: Funnel, sla: FunnelSla, reverse?: ReverseFunnelResult): Finding[] {
  const findings = checkSla({ funnel, commitments: sla?.commitments ?? [], reverse });
  return sla ? findings : findings.filter((finding) => FUNNEL_FINDING_CODES.includes(finding.code));
}

/** The worst severity in a list (null when empty). */
export function worstSeverity(findings: readonly Finding[]): FindingSeverity | null {
  if (findings.length === 0) return null;
  return findings.some((finding) => finding.severity === 'error') ? 'error' : 'warning';
}

/** True when a finding is about the SLA's commitments (fixed on the SLA page, not on the board). */
export function isSlaFinding(finding: Finding): boolean {
  return !FUNNEL_FINDING_CODES.includes(finding.code);
}

/** Symbols the bundled fonts have (⛔ is in neither Inter nor Noto Sans JP: it was drawn in an OS font). */
export const SEVERITY_ICON: Record<FindingSeverity, string> = { error: '⊘', warning: '⚠' };
