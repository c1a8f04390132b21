import { describe, expect, it } from 'vitest';
import { Funnel } from '../../shared/funnel/plan';
import { reverseFunnel } from '../../shared/funnel/reverseFunnel';
import { createDefaultStages, removeStage, type Stage, type StageInput, updateStage } from '../../shared/funnel/stages';
import { checkSla, type Finding, findingsFor, hasErrors, parseCommitments, volumeStageId } from '../../shared/sla/checks';
import { type Commitment, type CommitmentInput, createCommitment, defaultCommitments, removeCommitment, updateCommitment } from '../../shared/sla/commitments';

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** Default stages s1…s9: s3 = MQL (marketing), s4 = SAL (sales); hand-off s3->s4. */
const stages = (): Stage[] => createDefaultStages({ language: 'en', newId: counter('s') });

/** ¥30M/month at ¥3M per deal needs 192 MQL a month: the default 200 MQL commitment covers it. */
function funnelOf(plan: Partial<Funnel['plan']> = {}, stageList: readonly StageInput[] = stages()): Funnel {
  return Funnel.parse({ stages: stageList, plan: { revenueTarget: 30_000_000, averageDealSize: 3_000_000, ...plan } });
}

/** c1 volume, c2 quality, c3 firstContact, c4 attempts, c5 acceptReject, c6 recycle, c7 feedback, c8–c10 reviews. */
const commitments = (): Commitment[] => defaultCommitments({ mqlStageId: 's3', newId: counter('c') });

const codes = (findings: readonly Finding[]): string[] => findings.map((f) => f.code);
const only = (findings: readonly Finding[], code: Finding['code']): Finding[] => findings.filter((f) => f.code === code);

describe('checkSla on a consistent SLA', () => {
  it('finds nothing for the PRODUCT.md SLA on a funnel that needs 192 MQL a month', () => {
    const reverse = reverseFunnel(funnelOf().plan, funnelOf().stages);
    expect(reverse.ok && reverse.stages.find((row) => row.stageId === 's3')?.required).toBe(192);
    expect(checkSla({ funnel: funnelOf(), commitments: commitments() })).toEqual([]);
  });
});

describe('volume-below-required', () => {
  it('is an error when marketing commits fewer MQL than the revenue needs (229 > 200)', () => {
    const findings = checkSla({ funnel: funnelOf({ revenueTarget: 36_000_000 }), commitments: commitments() });
    expect(findings).toEqual([
      {
        id: 'volume-below-required:c1',
        severity: 'error',
        code: 'volume-below-required',
        params: {
          commitmentId: 'c1',
          owner: 'marketing',
          stageId: 's3',
          committed: 200,
          committedPeriod: 'month',
          committedInPeriod: 200,
          required: 229,
          period: 'month',
          shortfall: 29,
        },
      },
    ]);
  });

  it('compares in the plan period: 600/quarter is 200/month (short), 700/quarter is 233⅓ (enough)', () => {
    const funnel = funnelOf({ revenueTarget: 36_000_000 });
    const quarterly = (count: number) => updateCommitment(commitments(), 'c1', { count, period: 'quarter' });
    const short = only(checkSla({ funnel, commitments: quarterly(600) }), 'volume-below-required');
    expect(short[0]?.params).toMatchObject({ committed: 600, committedPeriod: 'quarter', committedInPeriod: 200, required: 229 });
    expect(only(checkSla({ funnel, commitments: quarterly(700) }), 'volume-below-required')).toEqual([]);
  });

  it('uses the stage the commitment names', () => {
    const onLeads = updateCommitment(commitments(), 'c1', { stageId: 's2', count: 500 });
    const findings = only(checkSla({ funnel: funnelOf(), commitments: onLeads }), 'volume-below-required');
    expect(findings[0]?.params).toMatchObject({ stageId: 's2', committed: 500, required: 768 });
  });

  it('is equal-is-enough (no finding at exactly the requirement)', () => {
    const exact = updateCommitment(commitments(), 'c1', { count: 192 });
    expect(only(checkSla({ funnel: funnelOf(), commitments: exact }), 'volume-below-required')).toEqual([]);
    const oneShort = updateCommitment(commitments(), 'c1', { count: 191 });
    expect(only(checkSla({ funnel: funnelOf(), commitments: oneShort }), 'volume-below-required')).toHaveLength(1);
  });

  it('is not reported while the funnel cannot be computed (the funnel problem is)', () => {
    const findings = checkSla({ funnel: funnelOf({ revenueTarget: null }), commitments: updateCommitment(commitments(), 'c1', { count: 1 }) });
    expect(codes(findings)).toEqual(['funnel-problem']);
  });

  it('uses a reverse-funnel result passed in instead of recomputing', () => {
    const funnel = funnelOf();
    const reverse = reverseFunnel({ ...funnel.plan, revenueTarget: 36_000_000 }, funnel.stages);
    expect(codes(checkSla({ funnel, commitments: commitments(), reverse }))).toEqual(['volume-below-required']);
  });
});

describe('volume stage resolution', () => {
  it('volumeStageId: the named stage, else the MQL key, else the marketing side of the first hand-off', () => {
    const list = stages();
    expect(volumeStageId({ stageId: 's2' }, list)).toBe('s2');
    expect(volumeStageId({ stageId: 'gone' }, list)).toBeUndefined();
    expect(volumeStageId({ stageId: null }, list)).toBe('s3');
    const noKeys = list.map((stage) => ({ ...stage, key: null }));
    expect(volumeStageId({ stageId: null }, noKeys)).toBe('s3');
    const allSales = list.map((stage) => ({ ...stage, key: null, owner: 'sales' as const }));
    expect(volumeStageId({ stageId: null }, allSales)).toBeUndefined();
  });

  it('volume-stage-unresolved: warning when an unnamed volume finds no MQL stage or marketing hand-off', () => {
    const allSales = stages().map((stage) => ({ ...stage, key: null, owner: 'sales' as const }));
    const list = updateCommitment(commitments(), 'c1', { stageId: null });
    const findings = only(checkSla({ funnel: funnelOf({}, allSales), commitments: list }), 'volume-stage-unresolved');
    expect(findings).toEqual([{ id: 'volume-stage-unresolved:c1', severity: 'warning', code: 'volume-stage-unresolved', params: { commitmentId: 'c1' } }]);
  });

  it('commitment-stage-unknown: error when a commitment names a stage no longer in the funnel', () => {
    const funnel = funnelOf({}, removeStage(stages(), 's3'));
    const findings = only(checkSla({ funnel, commitments: commitments() }), 'commitment-stage-unknown');
    expect(findings).toEqual([
      { id: 'commitment-stage-unknown:c1', severity: 'error', code: 'commitment-stage-unknown', params: { commitmentId: 'c1', kind: 'volume', stageId: 's3' } },
    ]);
    const contact = updateCommitment(commitments(), 'c3', { stageId: 'gone' });
    expect(only(checkSla({ funnel: funnelOf(), commitments: contact }), 'commitment-stage-unknown')[0]?.params).toMatchObject({
      commitmentId: 'c3',
      kind: 'firstContact',
    });
  });
});

describe('no-volume-commitment', () => {
  it('warns when nobody commits to a volume', () => {
    const findings = checkSla({ funnel: funnelOf(), commitments: removeCommitment(commitments(), 'c1') });
    expect(findings).toEqual([{ id: 'no-volume-commitment', severity: 'warning', code: 'no-volume-commitment', params: {} }]);
  });
});

describe('handoff-without-response-time', () => {
  const noResponse = () => removeCommitment(removeCommitment(commitments(), 'c3'), 'c5');

  it('is an error for a hand-off with no first-contact or accept/reject commitment on the receiving side', () => {
    expect(checkSla({ funnel: funnelOf(), commitments: noResponse() })).toEqual([
      {
        id: 'handoff-without-response-time:s3->s4',
        severity: 'error',
        code: 'handoff-without-response-time',
        params: { handOffId: 's3->s4', fromStageId: 's3', toStageId: 's4', fromOwner: 'marketing', toOwner: 'sales' },
      },
    ]);
  });

  it('is satisfied by either a first-contact or an accept/reject commitment', () => {
    expect(checkSla({ funnel: funnelOf(), commitments: removeCommitment(commitments(), 'c3') })).toEqual([]);
    expect(checkSla({ funnel: funnelOf(), commitments: removeCommitment(commitments(), 'c5') })).toEqual([]);
  });

  it('is not satisfied by the sending side, an unowned commitment, or one about another stage', () => {
    const byMarketing = [...noResponse(), createCommitment('firstContact', { id: 'm', owner: 'marketing' })];
    expect(codes(checkSla({ funnel: funnelOf(), commitments: byMarketing }))).toContain('handoff-without-response-time');
    const unowned = [...noResponse(), createCommitment('firstContact', { id: 'u', owner: null })];
    expect(codes(checkSla({ funnel: funnelOf(), commitments: unowned }))).toContain('handoff-without-response-time');
    const elsewhere = [...noResponse(), createCommitment('firstContact', { id: 'e', stageId: 's6' })];
    expect(codes(checkSla({ funnel: funnelOf(), commitments: elsewhere }))).toContain('handoff-without-response-time');
  });

  it('accepts a commitment about either stage of the hand-off', () => {
    for (const stageId of ['s3', 's4']) {
      const list = [...noResponse(), createCommitment('acceptReject', { id: 'x', stageId })];
      expect(checkSla({ funnel: funnelOf(), commitments: list })).toEqual([]);
    }
  });

  it('checks every hand-off; a joint receiving side is covered by either department', () => {
    const withJoint = updateStage(stages(), 's4', { owner: 'joint' });
    // s3->s4 (marketing→joint) covered by sales' commitments; s4->s5 (joint→sales) too.
    expect(only(checkSla({ funnel: funnelOf({}, withJoint), commitments: commitments() }), 'handoff-without-response-time')).toEqual([]);
    const marketingOnly = [...noResponse(), createCommitment('firstContact', { id: 'm', owner: 'marketing' })];
    const findings = only(checkSla({ funnel: funnelOf({}, withJoint), commitments: marketingOnly }), 'handoff-without-response-time');
    expect(findings.map((f) => f.params.handOffId)).toEqual(['s4->s5']);
  });

  it('needs marketing to respond when marketing receives', () => {
    const backToMarketing = [...stages().slice(0, 7).map((s) => ({ ...s })), { id: 'nurture', owner: 'marketing' as const }];
    const findings = only(checkSla({ funnel: funnelOf({}, backToMarketing), commitments: commitments() }), 'handoff-without-response-time');
    expect(findings.map((f) => [f.params.handOffId, f.params.toOwner])).toEqual([['s7->nurture', 'marketing']]);
  });
});

describe('no-handoff', () => {
  it('warns when ownership never changes along the funnel', () => {
    const allMarketing = stages().map((stage) => ({ ...stage, owner: 'marketing' as const }));
    expect(codes(checkSla({ funnel: funnelOf({}, allMarketing), commitments: commitments() }))).toEqual(['no-handoff']);
  });

  it('does not warn for a single-stage funnel', () => {
    expect(codes(checkSla({ funnel: funnelOf({}, [{ id: 'only' }]), commitments: commitments() }))).not.toContain('no-handoff');
  });
});

describe('commitment checks', () => {
  it('commitment-without-owner: error per unassigned commitment', () => {
    const list = updateCommitment(updateCommitment(commitments(), 'c7', { owner: null }), 'c9', { owner: null });
    expect(only(checkSla({ funnel: funnelOf(), commitments: list }), 'commitment-without-owner')).toEqual([
      { id: 'commitment-without-owner:c7', severity: 'error', code: 'commitment-without-owner', params: { commitmentId: 'c7', kind: 'feedback' } },
      { id: 'commitment-without-owner:c9', severity: 'error', code: 'commitment-without-owner', params: { commitmentId: 'c9', kind: 'reviewCadence' } },
    ]);
  });

  it('attempts-days-zero: error', () => {
    const list = updateCommitment(commitments(), 'c4', { days: 0 });
    expect(checkSla({ funnel: funnelOf(), commitments: list })).toEqual([
      { id: 'attempts-days-zero:c4', severity: 'error', code: 'attempts-days-zero', params: { commitmentId: 'c4', attempts: 6 } },
    ]);
  });

  it('accept-reject-without-reason-codes: error', () => {
    const list = updateCommitment(commitments(), 'c5', { reasonCodes: [] });
    expect(checkSla({ funnel: funnelOf(), commitments: list })).toEqual([
      { id: 'accept-reject-without-reason-codes:c5', severity: 'error', code: 'accept-reject-without-reason-codes', params: { commitmentId: 'c5' } },
    ]);
  });

  it('quality-without-required-fields: warning', () => {
    const list = updateCommitment(commitments(), 'c2', { requiredFields: [] });
    expect(checkSla({ funnel: funnelOf(), commitments: list })).toEqual([
      { id: 'quality-without-required-fields:c2', severity: 'warning', code: 'quality-without-required-fields', params: { commitmentId: 'c2' } },
    ]);
  });

  it('no-review-cadence: warning when no review of the SLA is planned', () => {
    const list = commitments().filter((c) => c.kind !== 'reviewCadence');
    expect(checkSla({ funnel: funnelOf(), commitments: list })).toEqual([{ id: 'no-review-cadence', severity: 'warning', code: 'no-review-cadence', params: {} }]);
  });

  it('reports every check for an empty SLA', () => {
    expect(codes(checkSla({ funnel: funnelOf(), commitments: [] }))).toEqual(['handoff-without-response-time', 'no-volume-commitment', 'no-review-cadence']);
  });
});

describe('funnel findings', () => {
  it('surfaces reverse-funnel problems: missing input as warnings, invalid values as errors', () => {
    const list = updateStage(updateStage(stages(), 's2', { conversionRate: 0 }), 's5', { conversionRate: null });
    const findings = checkSla({ funnel: funnelOf({ averageDealSize: null }, list), commitments: commitments() });
    expect(findings).toEqual([
      {
        id: 'funnel-problem:deal-size-missing:averageDealSize',
        severity: 'warning',
        code: 'funnel-problem',
        params: { problem: 'deal-size-missing', field: 'averageDealSize', stageId: null },
      },
      { id: 'funnel-problem:rate-zero:s2', severity: 'error', code: 'funnel-problem', params: { problem: 'rate-zero', field: 'conversionRate', stageId: 's2' } },
      { id: 'funnel-problem:rate-missing:s5', severity: 'warning', code: 'funnel-problem', params: { problem: 'rate-missing', field: 'conversionRate', stageId: 's5' } },
    ]);
  });

  it('surfaces a rate above 1 given to the checks unvalidated', () => {
    const funnel = funnelOf();
    const bad: Funnel = { ...funnel, stages: funnel.stages.map((s) => (s.id === 's4' ? { ...s, conversionRate: 1.2 } : s)) };
    expect(checkSla({ funnel: bad, commitments: commitments() })[0]).toMatchObject({ severity: 'error', params: { problem: 'rate-above-one', stageId: 's4' } });
  });

  it('stage-target-below-required: warning per stage whose target is short', () => {
    const list = updateStage(updateStage(stages(), 's3', { targetVolume: 180 }), 's5', { targetVolume: 100 });
    expect(checkSla({ funnel: funnelOf({}, list), commitments: commitments() })).toEqual([
      {
        id: 'stage-target-below-required:s3',
        severity: 'warning',
        code: 'stage-target-below-required',
        params: { stageId: 's3', target: 180, targetPeriod: 'month', targetInPeriod: 180, required: 192, period: 'month', gap: -12 },
      },
    ]);
  });
});

describe('finding ids', () => {
  it('are unique within a list and stable across runs', () => {
    const broken = [
      ...commitments().map((c) => ({ ...c, owner: null })),
      createCommitment('attempts', { id: 'a2', days: 0 }),
      createCommitment('acceptReject', { id: 'r2', reasonCodes: [] }),
    ];
    const list = updateStage(stages(), 's3', { conversionRate: null, targetVolume: 1 });
    const first = checkSla({ funnel: funnelOf({ revenueTarget: null }, list), commitments: broken });
    const second = checkSla({ funnel: funnelOf({ revenueTarget: null }, list), commitments: broken });
    expect(first.length).toBeGreaterThan(10);
    expect(new Set(first.map((f) => f.id)).size).toBe(first.length);
    expect(second).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});

describe('parseCommitments', () => {
  it('keeps the valid ones and reports invalid ones and duplicate ids as findings', () => {
    const raw: unknown[] = [
      { id: 'a', kind: 'volume', owner: 'marketing', count: 200 } satisfies CommitmentInput,
      { id: 'b', kind: 'firstContact', owner: 'sales', withinHours: 0 },
      { id: 'a', kind: 'attempts', owner: 'sales', attempts: 6, days: 14 },
      'garbage',
      null,
      { kind: 'feedback' },
    ];
    const { commitments: parsed, findings } = parseCommitments(raw);
    expect(parsed.map((c) => c.id)).toEqual(['a']);
    expect(findings).toEqual([
      { id: 'commitment-invalid:b', severity: 'error', code: 'commitment-invalid', params: { commitmentId: 'b', index: 1, path: 'withinHours', issue: 'too_small' } },
      { id: 'commitment-duplicate-id:a#2', severity: 'error', code: 'commitment-duplicate-id', params: { commitmentId: 'a', index: 2 } },
      { id: 'commitment-invalid:#3', severity: 'error', code: 'commitment-invalid', params: { commitmentId: null, index: 3, path: '', issue: 'invalid_type' } },
      { id: 'commitment-invalid:#4', severity: 'error', code: 'commitment-invalid', params: { commitmentId: null, index: 4, path: '', issue: 'invalid_type' } },
      expect.objectContaining({ id: 'commitment-invalid:#5', code: 'commitment-invalid' }),
    ]);
  });

  it('parses a clean list without findings, filling defaults', () => {
    const { commitments: parsed, findings } = parseCommitments([{ id: 'x', kind: 'recycle', nurtureDays: 30 }]);
    expect(findings).toEqual([]);
    expect(parsed).toEqual([{ id: 'x', kind: 'recycle', owner: null, rules: '', nurtureDays: 30 }]);
  });
});

describe('findingsFor and hasErrors', () => {
  it('selects the findings about one stage, commitment or hand-off', () => {
    const list = updateCommitment(removeCommitment(commitments(), 'c3'), 'c5', { stageId: 's6' });
    const findings = checkSla({ funnel: funnelOf({ revenueTarget: 36_000_000 }), commitments: list });
    expect(codes(findingsFor(findings, 'c1'))).toEqual(['volume-below-required']);
    expect(codes(findingsFor(findings, 's3->s4'))).toEqual(['handoff-without-response-time']);
    expect(codes(findingsFor(findings, 's4'))).toEqual(['handoff-without-response-time']);
    expect(codes(findingsFor(findings, 's3'))).toEqual(['handoff-without-response-time', 'volume-below-required']);
    expect(findingsFor(findings, 'c7')).toEqual([]);
  });

  it('tells whether any finding is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors(checkSla({ funnel: funnelOf(), commitments: removeCommitment(commitments(), 'c1') }))).toBe(false);
    expect(hasErrors(checkSla({ funnel: funnelOf({ revenueTarget: 36_000_000 }), commitments: commitments() }))).toBe(true);
  });
});
