import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { Funnel, RevenuePlan } from '../../shared/funnel/plan';
import {
  addStage,
  convertVolume,
  createDefaultStages,
  DEFAULT_STAGE_KEYS,
  findStage,
  handOffId,
  handOffs,
  mainStages,
  MAX_STAGES,
  moveStage,
  outcomeStages,
  removeStage,
  renameStage,
  reorderStages,
  Stage,
  type StageInput,
  stageName,
  updateStage,
} from '../../shared/funnel/stages';
import { en as enMessages } from '../../shared/locales/en';
import { ja as jaMessages } from '../../shared/locales/ja';

function counter(prefix = 's'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const defaults = (): Stage[] => createDefaultStages({ language: 'ja', newId: counter() });
const ids = (stages: readonly { id: string }[]): string[] => stages.map((stage) => stage.id);
const stage = (input: StageInput): Stage => Stage.parse(input);

describe('Stage record', () => {
  it('fills every default from just an id', () => {
    expect(Stage.parse({ id: 'x' })).toEqual({
      id: 'x',
      key: null,
      kind: 'step',
      name: '',
      owner: 'marketing',
      entryDefinition: '',
      targetVolume: null,
      conversionRate: null,
      period: 'month',
    });
  });

  it('accepts the bounds of the rate (0 and 1) and null targets', () => {
    expect(Stage.parse({ id: 'x', conversionRate: 0 }).conversionRate).toBe(0);
    expect(Stage.parse({ id: 'x', conversionRate: 1 }).conversionRate).toBe(1);
    expect(Stage.parse({ id: 'x', targetVolume: 0 }).targetVolume).toBe(0);
  });

  it.each([
    ['rate above 1', { conversionRate: 1.01 }],
    ['negative rate', { conversionRate: -0.1 }],
    ['NaN rate', { conversionRate: Number.NaN }],
    ['infinite rate', { conversionRate: Number.POSITIVE_INFINITY }],
    ['negative target', { targetVolume: -1 }],
    ['fractional target', { targetVolume: 1.5 }],
    ['infinite target', { targetVolume: Number.POSITIVE_INFINITY }],
    ['unknown owner', { owner: 'finance' }],
    ['unknown period', { period: 'year' }],
    ['unknown key', { key: 'customer' }],
    ['too long a name', { name: 'x'.repeat(101) }],
    ['empty id', { id: '' }],
  ])('rejects %s', (_label, patch) => {
    expect(Stage.safeParse({ id: 'x', ...patch }).success).toBe(false);
  });

  it('trims names', () => {
    expect(Stage.parse({ id: 'x', name: '  商談  ' }).name).toBe('商談');
  });
});

describe('createDefaultStages', () => {
  it('creates the PRODUCT.md stages in order, Lost and Recycled as outcomes', () => {
    const stages = defaults();
    expect(stages.map((s) => s.key)).toEqual([...DEFAULT_STAGE_KEYS]);
    expect(ids(stages)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9']);
    expect(mainStages(stages).map((s) => s.key)).toEqual(['prospect', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'won']);
    expect(outcomeStages(stages).map((s) => s.key)).toEqual(['lost', 'recycled']);
    for (const s of stages) expect(Stage.parse(s)).toEqual(s);
  });

  it('leaves names empty (shown in the reader language) and writes definitions in the chosen language', () => {
    const ja = createDefaultStages({ language: 'ja', newId: counter() });
    const en = createDefaultStages({ language: 'en', newId: counter() });
    expect(ja.every((s) => s.name === '')).toBe(true);
    expect(ja.find((s) => s.key === 'mql')?.entryDefinition).toMatch(/スコア/);
    expect(en.find((s) => s.key === 'mql')?.entryDefinition).toMatch(/score/);
    expect(ja.every((s) => s.entryDefinition.length > 0)).toBe(true);
  });

  it('gives marketing the stages up to MQL and sales the rest, with rates on every link but the last', () => {
    const stages = defaults();
    expect(mainStages(stages).map((s) => s.owner)).toEqual(['marketing', 'marketing', 'marketing', 'sales', 'sales', 'sales', 'sales']);
    const rates = mainStages(stages).map((s) => s.conversionRate);
    expect(rates.slice(0, -1).every((rate) => rate !== null && rate > 0 && rate <= 1)).toBe(true);
    expect(rates.at(-1)).toBeNull();
    expect(stages.find((s) => s.key === 'recycled')?.owner).toBe('marketing');
  });

  it('uses the period given and random UUIDs by default', () => {
    const stages = createDefaultStages({ language: 'en', period: 'quarter' });
    expect(stages.every((s) => s.period === 'quarter')).toBe(true);
    expect(new Set(ids(stages)).size).toBe(stages.length);
    expect(stages[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('stageName', () => {
  it.each([
    ['prospect', '潜在顧客', 'Prospect / Awareness'],
    ['lead', 'リード', 'Lead'],
    ['mql', 'MQL', 'MQL'],
    ['opportunity', '商談', 'Opportunity'],
    ['won', '受注', 'Won'],
    ['lost', '失注', 'Lost'],
    ['recycled', 'リサイクル', 'Recycled'],
  ] as const)('%s reads %s in Japanese and %s in English', (key, ja, en) => {
    expect([jaMessages.defaults.stages[key].name, enMessages.defaults.stages[key].name]).toEqual([ja, en]);
    expect(stageName({ key, name: '' }, 'ja')).toBe(ja);
    expect(stageName({ key, name: '' }, 'en')).toBe(en);
  });

  it('prefers the typed name, and gives "" for a user stage without one', () => {
    expect(stageName({ key: 'mql', name: ' MQL (60+) ' }, 'en')).toBe('MQL (60+)');
    expect(stageName({ key: null, name: '' }, 'ja')).toBe('');
    expect(stageName({ key: null, name: 'Trial' }, 'ja')).toBe('Trial');
  });
});

describe('convertVolume', () => {
  it('multiplies by 3 from month to quarter and divides from quarter to month, unrounded', () => {
    expect(convertVolume(200, 'month', 'quarter')).toBe(600);
    expect(convertVolume(100, 'quarter', 'month')).toBeCloseTo(33.3333333, 6);
    expect(convertVolume(7, 'month', 'month')).toBe(7);
    expect(convertVolume(7, 'quarter', 'quarter')).toBe(7);
  });
});

describe('findStage, mainStages, outcomeStages', () => {
  it('finds by id and splits steps from outcomes keeping order', () => {
    const stages = [stage({ id: 'a' }), stage({ id: 'o', kind: 'outcome' }), stage({ id: 'b' })];
    expect(findStage(stages, 'b')).toBe(stages[2]);
    expect(findStage(stages, 'zz')).toBeUndefined();
    expect(ids(mainStages(stages))).toEqual(['a', 'b']);
    expect(ids(outcomeStages(stages))).toEqual(['o']);
  });
});

describe('updateStage and renameStage', () => {
  it('returns a new array with the patched stage, leaving the input untouched', () => {
    const stages = defaults();
    const before = structuredClone(stages);
    const next = updateStage(stages, 's3', { targetVolume: 200, conversionRate: 0.5, owner: 'joint' });
    expect(next).not.toBe(stages);
    expect(next[2]).toEqual({ ...stages[2], targetVolume: 200, conversionRate: 0.5, owner: 'joint' });
    expect(next[0]).toBe(stages[0]);
    expect(stages).toEqual(before);
  });

  it('changes only the fields the patch names', () => {
    const stages = updateStage(defaults(), 's3', { name: 'MQL 60+', targetVolume: 200, period: 'quarter' });
    const next = updateStage(stages, 's3', { conversionRate: 0.4 });
    expect(next[2]).toEqual({ ...stages[2], conversionRate: 0.4 });
    expect(next[2]?.entryDefinition).not.toBe('');
    expect(updateStage(stages, 's3', { targetVolume: null })[2]).toEqual({ ...stages[2], targetVolume: null });
  });

  it('returns the same array when the stage is gone', () => {
    const stages = defaults();
    expect(updateStage(stages, 'nope', { name: 'x' })).toBe(stages);
    expect(renameStage(stages, 'nope', 'x')).toBe(stages);
  });

  it.each([
    ['rate above 1', { conversionRate: 1.5 }],
    ['negative volume', { targetVolume: -5 }],
    ['a new id', { id: 'other' }],
    ['a new key', { key: 'won' }],
    ['an unknown field', { colour: 'red' }],
  ])('throws on %s', (_label, patch) => {
    expect(() => updateStage(defaults(), 's1', patch as never)).toThrow(ZodError);
  });

  it('renames (trimmed), and an empty name brings back the default name', () => {
    const renamed = renameStage(defaults(), 's6', '  案件  ');
    expect(renamed[5]?.name).toBe('案件');
    expect(stageName(renamed[5]!, 'en')).toBe('案件');
    const reset = renameStage(renamed, 's6', '');
    expect(stageName(reset[5]!, 'en')).toBe('Opportunity');
    expect(reset[5]?.key).toBe('opportunity');
  });
});

describe('addStage', () => {
  it('adds a step after the last main-path stage, before the outcomes', () => {
    const next = addStage(defaults(), { name: 'Renewal', owner: 'sales' }, { newId: () => 'new' });
    expect(ids(next)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 'new', 's8', 's9']);
    expect(next[7]).toMatchObject({ id: 'new', name: 'Renewal', kind: 'step', key: null, owner: 'sales', period: 'month' });
  });

  it('adds an outcome at the end', () => {
    const next = addStage(defaults(), { id: 'dq', kind: 'outcome', name: 'Disqualified' });
    expect(ids(next).at(-1)).toBe('dq');
  });

  it('inserts after a given stage, or at the start with after: null', () => {
    expect(ids(addStage(defaults(), { id: 'x' }, { after: 's3' })).slice(2, 5)).toEqual(['s3', 'x', 's4']);
    expect(ids(addStage(defaults(), { id: 'x' }, { after: null }))[0]).toBe('x');
  });

  it('adds to an empty funnel', () => {
    expect(ids(addStage([], { id: 'only' }))).toEqual(['only']);
  });

  it('throws on an unknown anchor, a duplicate id, invalid fields or a full funnel', () => {
    expect(() => addStage(defaults(), { id: 'x' }, { after: 'missing' })).toThrow(/Unknown stage/);
    expect(() => addStage(defaults(), { id: 's1' })).toThrow(/Duplicate/);
    expect(() => addStage(defaults(), { id: 'x', conversionRate: 2 })).toThrow(ZodError);
    const full = Array.from({ length: MAX_STAGES }, (_, i) => stage({ id: `f${i}` }));
    expect(() => addStage(full, { id: 'x' })).toThrow(RangeError);
  });

  it('does not modify the input', () => {
    const stages = defaults();
    addStage(stages, { id: 'x' });
    expect(stages).toHaveLength(9);
  });
});

describe('removeStage', () => {
  it('removes by id, immutably', () => {
    const stages = defaults();
    const next = removeStage(stages, 's4');
    expect(ids(next)).toEqual(['s1', 's2', 's3', 's5', 's6', 's7', 's8', 's9']);
    expect(stages).toHaveLength(9);
  });

  it('returns the same array for an unknown id', () => {
    const stages = defaults();
    expect(removeStage(stages, 'nope')).toBe(stages);
  });
});

describe('moveStage and reorderStages', () => {
  it('moves a stage to an index', () => {
    const stages = defaults();
    expect(ids(moveStage(stages, 's1', 2)).slice(0, 4)).toEqual(['s2', 's3', 's1', 's4']);
    expect(ids(moveStage(stages, 's3', 0)).slice(0, 4)).toEqual(['s3', 's1', 's2', 's4']);
    expect(ids(stages).slice(0, 3)).toEqual(['s1', 's2', 's3']);
  });

  it('clamps the index and ignores unknown ids or no-op moves', () => {
    const stages = defaults();
    expect(ids(moveStage(stages, 's1', 99)).at(-1)).toBe('s1');
    expect(ids(moveStage(stages, 's9', -5))[0]).toBe('s9');
    expect(moveStage(stages, 'nope', 1)).toBe(stages);
    expect(moveStage(stages, 's2', 1)).toBe(stages);
    expect(moveStage(stages, 's2', Number.NaN)).toBe(stages);
  });

  it('reorders by a permutation of ids', () => {
    const stages = [stage({ id: 'a' }), stage({ id: 'b' }), stage({ id: 'c' })];
    const next = reorderStages(stages, ['c', 'a', 'b']);
    expect(ids(next)).toEqual(['c', 'a', 'b']);
    expect(next[0]).toBe(stages[2]);
  });

  it.each([
    ['a missing id', ['a', 'b']],
    ['a duplicate', ['a', 'a', 'b']],
    ['an unknown id', ['a', 'b', 'z']],
    ['an extra id', ['a', 'b', 'c', 'd']],
  ])('reorderStages throws on %s', (_label, order) => {
    const stages = [stage({ id: 'a' }), stage({ id: 'b' }), stage({ id: 'c' })];
    expect(() => reorderStages(stages, order)).toThrow(/every stage exactly once/);
  });
});

describe('handOffs', () => {
  it('finds the marketing → sales hand-off of the default funnel (MQL → SAL)', () => {
    expect(handOffs(defaults())).toEqual([{ id: 's3->s4', fromStageId: 's3', toStageId: 's4', fromOwner: 'marketing', toOwner: 'sales' }]);
  });

  it('returns every change of owner between consecutive main-path stages, in order', () => {
    const stages = updateStage(defaults(), 's4', { owner: 'joint' });
    expect(handOffs(stages).map((h) => [h.id, h.fromOwner, h.toOwner])).toEqual([
      ['s3->s4', 'marketing', 'joint'],
      ['s4->s5', 'joint', 'sales'],
    ]);
  });

  it('ignores outcomes and reflects reordering', () => {
    const stages = [
      stage({ id: 'a', owner: 'marketing' }),
      stage({ id: 'lost', kind: 'outcome', owner: 'sales' }),
      stage({ id: 'b', owner: 'marketing' }),
      stage({ id: 'recycled', kind: 'outcome', owner: 'marketing' }),
    ];
    expect(handOffs(stages)).toEqual([]);
    const reordered = [stage({ id: 'a', owner: 'sales' }), stage({ id: 'b', owner: 'marketing' }), stage({ id: 'c', owner: 'sales' })];
    expect(handOffs(reordered).map((h) => h.id)).toEqual(['a->b', 'b->c']);
  });

  it('is empty for no or one stage', () => {
    expect(handOffs([])).toEqual([]);
    expect(handOffs([stage({ id: 'a' })])).toEqual([]);
  });

  it('builds ids as from->to', () => {
    expect(handOffId('x', 'y')).toBe('x->y');
  });
});

describe('RevenuePlan and Funnel', () => {
  it('defaults to no amounts, per month, in yen', () => {
    expect(RevenuePlan.parse({})).toEqual({ revenueTarget: null, averageDealSize: null, period: 'month', currency: 'JPY' });
    expect(Funnel.parse({ stages: [] }).plan).toEqual(RevenuePlan.parse({}));
  });

  it.each([
    { revenueTarget: 0 },
    { revenueTarget: -1 },
    { averageDealSize: 0 },
    { averageDealSize: Number.NaN },
    { currency: 'yen' },
    { period: 'week' },
  ])('rejects %j', (plan) => {
    expect(RevenuePlan.safeParse(plan).success).toBe(false);
  });

  it('rejects duplicate stage ids', () => {
    expect(Funnel.safeParse({ stages: [{ id: 'a' }, { id: 'a' }] }).success).toBe(false);
    expect(Funnel.safeParse({ stages: defaults() }).success).toBe(true);
  });
});
