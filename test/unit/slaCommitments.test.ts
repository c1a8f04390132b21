import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  addCommitment,
  Commitment,
  COMMITMENT_KINDS,
  type CommitmentInput,
  Commitments,
  createCommitment,
  DEFAULT_REASON_CODES,
  defaultCommitments,
  MAX_COMMITMENTS,
  NATURAL_OWNER,
  NUMBER_FIELDS,
  NUMBER_RULES,
  moveCommitmentInLane,
  placeCommitment,
  removeCommitment,
  REVIEW_CADENCES,
  updateCommitment,
} from '../../shared/sla/commitments';

function counter(prefix = 'c'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const valid: Record<(typeof COMMITMENT_KINDS)[number], CommitmentInput> = {
  volume: { id: 'v', kind: 'volume', owner: 'marketing', count: 200 },
  quality: { id: 'q', kind: 'quality', owner: 'marketing', completenessPercent: 95, requiredFields: ['company'] },
  firstContact: { id: 'f', kind: 'firstContact', owner: 'sales', withinHours: 24 },
  attempts: { id: 'a', kind: 'attempts', owner: 'sales', attempts: 6, days: 14 },
  acceptReject: { id: 'r', kind: 'acceptReject', owner: 'sales', withinHours: 24, reasonCodes: ['not-a-fit'] },
  recycle: { id: 'y', kind: 'recycle', owner: 'marketing', nurtureDays: 90 },
  feedback: { id: 'b', kind: 'feedback', owner: 'sales', cadence: 'weekly', channel: 'crm' },
  reviewCadence: { id: 'w', kind: 'reviewCadence', owner: null, cadence: 'monthly-retrospective' },
};

describe('NUMBER_RULES (what the commitment editor says it wants)', () => {
  /** The first valid commitment that has the field (firstContact for compliancePercent). */
  const holder = (field: string): CommitmentInput => (field === 'compliancePercent' ? valid.firstContact : Object.values(valid).find((input) => field in input)!);
  it.each(NUMBER_FIELDS)('%s: the schema accepts exactly what the rule says', (field) => {
    const rule = NUMBER_RULES[field];
    const parses = (value: number) => Commitment.safeParse({ ...holder(field), [field]: value }).success;
    // Whole numbers: min and max are in, min − 1, max + 1 and a fraction are out. Numbers above 0: a
    // small fraction and max are in, 0 and max + 1 are out.
    const inside = rule.integer ? [rule.min, rule.max] : [0.01, rule.max];
    const outside = rule.integer ? [rule.min - 1, rule.max + 1, rule.min + 0.5] : [0, rule.max + 1];
    expect(inside.map(parses)).toEqual(inside.map(() => true));
    expect(outside.map(parses)).toEqual(outside.map(() => false));
  });
});

describe('Commitment schema', () => {
  it.each(COMMITMENT_KINDS)('parses a valid %s commitment', (kind) => {
    const parsed = Commitment.parse(valid[kind]);
    expect(parsed.kind).toBe(kind);
    expect(Commitment.parse(parsed)).toEqual(parsed);
  });

  it('fills defaults: owner null, stage null, per month, business hours, empty lists', () => {
    expect(Commitment.parse({ id: 'v', kind: 'volume', count: 1 })).toEqual({ id: 'v', kind: 'volume', owner: null, stageId: null, count: 1, period: 'month' });
    expect(Commitment.parse({ id: 'f', kind: 'firstContact', withinHours: 8 })).toMatchObject({ businessHours: true, stageId: null });
    expect(Commitment.parse({ id: 'r', kind: 'acceptReject', withinHours: 8 })).toMatchObject({ reasonCodes: [] });
    expect(Commitment.parse({ id: 'q', kind: 'quality', completenessPercent: 50 })).toMatchObject({ requiredFields: [] });
    expect(Commitment.parse({ id: 'y', kind: 'recycle', nurtureDays: 1 })).toMatchObject({ rules: '' });
  });

  it('accepts values the checks report rather than the schema: no owner, 0 days, no reason codes, 720 h', () => {
    expect(Commitment.safeParse({ ...valid.attempts, days: 0 }).success).toBe(true);
    expect(Commitment.safeParse({ ...valid.acceptReject, reasonCodes: [] }).success).toBe(true);
    expect(Commitment.safeParse({ ...valid.volume, owner: null }).success).toBe(true);
    expect(Commitment.safeParse({ ...valid.firstContact, withinHours: 720 }).success).toBe(true);
    expect(Commitment.safeParse({ ...valid.firstContact, withinHours: 0.5 }).success).toBe(true);
  });

  it.each([
    ['unknown kind', { id: 'x', kind: 'budget' }],
    ['missing id', { kind: 'volume', count: 1 }],
    ['owner joint', { ...valid.volume, owner: 'joint' }],
    ['volume 0', { ...valid.volume, count: 0 }],
    ['volume negative', { ...valid.volume, count: -10 }],
    ['volume fractional', { ...valid.volume, count: 1.5 }],
    ['volume NaN', { ...valid.volume, count: Number.NaN }],
    ['volume period week', { ...valid.volume, period: 'week' }],
    ['completeness 0 %', { ...valid.quality, completenessPercent: 0 }],
    ['completeness 101 %', { ...valid.quality, completenessPercent: 101 }],
    ['duplicate required fields', { ...valid.quality, requiredFields: ['email', 'email'] }],
    ['blank required field', { ...valid.quality, requiredFields: ['  '] }],
    ['first contact 0 h', { ...valid.firstContact, withinHours: 0 }],
    ['first contact 721 h', { ...valid.firstContact, withinHours: 721 }],
    ['first contact Infinity', { ...valid.firstContact, withinHours: Number.POSITIVE_INFINITY }],
    ['business hours as a string', { ...valid.firstContact, businessHours: 'yes' }],
    ['0 attempts', { ...valid.attempts, attempts: 0 }],
    ['101 attempts', { ...valid.attempts, attempts: 101 }],
    ['negative days', { ...valid.attempts, days: -1 }],
    ['fractional days', { ...valid.attempts, days: 1.5 }],
    ['accept/reject -1 h', { ...valid.acceptReject, withinHours: -1 }],
    ['duplicate reason codes', { ...valid.acceptReject, reasonCodes: ['dup', 'dup'] }],
    ['51 reason codes', { ...valid.acceptReject, reasonCodes: Array.from({ length: 51 }, (_, i) => `r${i}`) }],
    ['0 nurture days', { ...valid.recycle, nurtureDays: 0 }],
    ['unknown feedback channel', { ...valid.feedback, channel: 'fax' }],
    ['unknown review cadence', { ...valid.reviewCadence, cadence: 'yearly' }],
  ])('rejects %s', (_label, input) => {
    expect(Commitment.safeParse(input).success).toBe(false);
  });

  it('rejects lists with duplicate ids', () => {
    expect(Commitments.safeParse([valid.volume, { ...valid.quality, id: 'v' }]).success).toBe(false);
    expect(Commitments.safeParse(Object.values(valid)).success).toBe(true);
  });
});

describe('createCommitment', () => {
  it.each(COMMITMENT_KINDS)('creates a valid %s with its natural owner', (kind) => {
    const commitment = createCommitment(kind, {}, () => 'id1');
    expect(commitment).toMatchObject({ id: 'id1', kind, owner: NATURAL_OWNER[kind] });
    expect(Commitment.parse(commitment)).toEqual(commitment);
  });

  it('uses PRODUCT.md numbers by default', () => {
    expect(createCommitment('volume', {}, counter())).toMatchObject({ count: 200, period: 'month', owner: 'marketing' });
    expect(createCommitment('firstContact', {}, counter())).toMatchObject({ withinHours: 24, businessHours: true, owner: 'sales' });
    expect(createCommitment('attempts', {}, counter())).toMatchObject({ attempts: 6, days: 14, owner: 'sales' });
    expect(createCommitment('acceptReject', {}, counter())).toMatchObject({ withinHours: 24, reasonCodes: [...DEFAULT_REASON_CODES] });
  });

  it('applies overrides, including an explicit id and a null owner', () => {
    expect(createCommitment('attempts', { id: 'mine', owner: null, days: 10 })).toMatchObject({ id: 'mine', owner: null, attempts: 6, days: 10 });
  });

  it('does not share default lists between commitments', () => {
    const a = createCommitment('acceptReject', {}, counter('a'));
    const b = createCommitment('acceptReject', {}, counter('b'));
    a.reasonCodes.push('extra');
    expect(b.reasonCodes).not.toContain('extra');
    expect(createCommitment('acceptReject', {}, counter('c')).reasonCodes).not.toContain('extra');
  });

  it('throws on invalid overrides', () => {
    expect(() => createCommitment('firstContact', { withinHours: 1000 })).toThrow(ZodError);
  });

  it('makes a random id by default', () => {
    expect(createCommitment('volume').id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('defaultCommitments', () => {
  it('is the SLA of PRODUCT.md, pointing the volume at the MQL stage', () => {
    const commitments = defaultCommitments({ mqlStageId: 'mql', newId: counter() });
    expect(commitments.map((c) => c.kind)).toEqual(['volume', 'quality', 'firstContact', 'attempts', 'acceptReject', 'recycle', 'feedback', 'reviewCadence', 'reviewCadence', 'reviewCadence']);
    expect(commitments[0]).toMatchObject({ owner: 'marketing', stageId: 'mql', count: 200, period: 'month' });
    expect(commitments.filter((c) => c.kind === 'reviewCadence').map((c) => c.cadence)).toEqual([...REVIEW_CADENCES]);
    expect(Commitments.safeParse(commitments).success).toBe(true);
    expect(commitments.every((c) => c.owner !== null)).toBe(true);
  });

  it('leaves the volume stage to be resolved when no MQL stage is given', () => {
    const [volume] = defaultCommitments();
    expect(volume).toMatchObject({ kind: 'volume', stageId: null });
  });
});

describe('updateCommitment, addCommitment, removeCommitment', () => {
  const list = (): Commitment[] => Object.values(valid).map((input) => Commitment.parse(input));

  it('patches one commitment immutably, keeping its other fields', () => {
    const commitments = list();
    const next = updateCommitment(commitments, 'f', { withinHours: 8, businessHours: false });
    expect(next[2]).toEqual({ ...commitments[2], withinHours: 8, businessHours: false });
    expect(next[0]).toBe(commitments[0]);
    expect(commitments[2]).toMatchObject({ withinHours: 24 });
  });

  it('assigns and unassigns owners', () => {
    const next = updateCommitment(list(), 'w', { owner: 'sales' });
    expect(next[7]?.owner).toBe('sales');
    expect(updateCommitment(next, 'w', { owner: null })[7]?.owner).toBeNull();
  });

  it('returns the same array for an unknown id', () => {
    const commitments = list();
    expect(updateCommitment(commitments, 'nope', { owner: 'sales' })).toBe(commitments);
    expect(removeCommitment(commitments, 'nope')).toBe(commitments);
  });

  it('throws when the patch changes the id or kind, or makes it invalid', () => {
    expect(() => updateCommitment(list(), 'f', { kind: 'attempts' })).toThrow(/cannot change/);
    expect(() => updateCommitment(list(), 'f', { id: 'g' })).toThrow(/cannot change/);
    expect(() => updateCommitment(list(), 'f', { withinHours: 0 })).toThrow(ZodError);
    expect(updateCommitment(list(), 'f', { id: 'f', kind: 'firstContact', withinHours: 2 })[2]).toMatchObject({ withinHours: 2 });
  });

  it('adds a validated commitment at the end, refusing duplicates and a full list', () => {
    const commitments = list();
    const next = addCommitment(commitments, { id: 'new', kind: 'volume', count: 10 });
    expect(next).toHaveLength(commitments.length + 1);
    expect(next.at(-1)).toEqual({ id: 'new', kind: 'volume', owner: null, stageId: null, count: 10, period: 'month' });
    expect(commitments).toHaveLength(8);
    expect(() => addCommitment(commitments, { ...valid.volume })).toThrow(/Duplicate/);
    expect(() => addCommitment(commitments, { id: 'bad', kind: 'volume', count: -1 })).toThrow(ZodError);
    const full = Array.from({ length: MAX_COMMITMENTS }, (_, i) => Commitment.parse({ ...valid.volume, id: `v${i}` }));
    expect(() => addCommitment(full, { id: 'x', kind: 'volume', count: 1 })).toThrow(RangeError);
  });

  it('removes by id', () => {
    expect(removeCommitment(list(), 'a').map((c) => c.id)).toEqual(['v', 'q', 'f', 'r', 'y', 'b', 'w']);
  });
});

describe('moveCommitmentInLane and placeCommitment', () => {
  const make = (spec: [string, 'marketing' | 'sales' | null][]): Commitment[] =>
    spec.map(([id, owner]) => Commitment.parse({ id, kind: 'volume', count: 1, owner }));
  const ids = (items: readonly Commitment[]) => items.map((item) => item.id).join(' ');
  const board = () =>
    make([
      ['m1', 'marketing'],
      ['s1', 'sales'],
      ['m2', 'marketing'],
      ['u1', null],
      ['s2', 'sales'],
      ['m3', 'marketing'],
    ]);

  it('moves within its lane only: other lanes keep their places', () => {
    expect(ids(moveCommitmentInLane(board(), 'm3', -1))).toBe('m1 s1 m3 u1 s2 m2');
    expect(ids(moveCommitmentInLane(board(), 'm1', 2))).toBe('m2 s1 m3 u1 s2 m1');
    expect(ids(moveCommitmentInLane(board(), 's2', -1))).toBe('m1 s2 m2 u1 s1 m3');
  });

  it('returns the same array at the ends of the lane, for 0 steps and for an unknown id', () => {
    const commitments = board();
    expect(moveCommitmentInLane(commitments, 'm1', -1)).toBe(commitments);
    expect(moveCommitmentInLane(commitments, 'm3', 5)).toBe(commitments);
    expect(moveCommitmentInLane(commitments, 'u1', 1)).toBe(commitments);
    expect(moveCommitmentInLane(commitments, 'm2', 0)).toBe(commitments);
    expect(moveCommitmentInLane(commitments, 'nope', 1)).toBe(commitments);
  });

  it('places a card before another of the same lane, or at the end of a lane, taking that lane as owner', () => {
    expect(ids(placeCommitment(board(), 'm3', 'marketing', 'm1'))).toBe('m3 s1 m1 u1 s2 m2');
    expect(ids(placeCommitment(board(), 'm1', 'marketing', null))).toBe('m2 s1 m3 u1 s2 m1');
    const moved = placeCommitment(board(), 'm1', 'sales', 's2');
    expect(ids(moved)).toBe('s1 m2 u1 m1 s2 m3');
    expect(moved.find((item) => item.id === 'm1')?.owner).toBe('sales');
    expect(ids(placeCommitment(board(), 'u1', 'sales', null))).toBe('m1 s1 m2 s2 u1 m3');
    const intoEmpty = placeCommitment(make([['m1', 'marketing']]), 'm1', 'sales', null);
    expect(intoEmpty[0]?.owner).toBe('sales');
  });

  it('returns the same array when the card is dropped where it already is', () => {
    const commitments = board();
    expect(placeCommitment(commitments, 'm1', 'marketing', 'm1')).toBe(commitments);
    expect(placeCommitment(commitments, 'm1', 'marketing', 'm2')).toBe(commitments);
    expect(placeCommitment(commitments, 'nope', 'sales', null)).toBe(commitments);
  });
});
