import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { Funnel } from '../../shared/funnel/plan';
import { createDefaultStages, moveStage, removeStage, type Stage, updateStage } from '../../shared/funnel/stages';
import { canonicalJson } from '../../shared/sla/canonical';
import { type Commitment, createCommitment, defaultCommitments, removeCommitment, updateCommitment } from '../../shared/sla/commitments';
import {
  acknowledgeGenerated,
  createDocument,
  diff,
  diffLines,
  fieldChanges,
  type GeneratedItem,
  generateSections,
  getSection,
  MAX_SECTION_TEXT,
  regenerate,
  sectionOfCommitment,
  setSectionText,
  setTitle,
  setValidity,
  SLA_SECTION_KEYS,
  SlaDocument,
  type SlaSectionKey,
} from '../../shared/sla/document';

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const stages = (): Stage[] => createDefaultStages({ language: 'ja', newId: counter('s') });
const funnelOf = (stageList: readonly Stage[] = stages(), plan: Partial<Funnel['plan']> = {}): Funnel =>
  Funnel.parse({ stages: stageList, plan: { revenueTarget: 36_000_000, averageDealSize: 3_000_000, ...plan } });
/** c1 volume, c2 quality, c3 firstContact, c4 attempts, c5 acceptReject, c6 recycle, c7 feedback, c8–c10 reviews. */
const commitments = (): Commitment[] => defaultCommitments({ mqlStageId: 's3', newId: counter('c') });

const itemIds = (doc: SlaDocument, key: SlaSectionKey): string[] => getSection(doc, key).generated.map((item) => `${item.type}:${item.id}`);

function withAllTexts(doc: SlaDocument): SlaDocument {
  return SLA_SECTION_KEYS.reduce((next, key, i) => setSectionText(next, key, `${key} — 利用者の文章 ${i}\n2行目`), doc);
}

describe('SLA sections', () => {
  it('are the PRODUCT.md sections in order', () => {
    expect(SLA_SECTION_KEYS).toEqual([
      'purpose',
      'parties',
      'validity',
      'definitions',
      'marketingCommitments',
      'salesCommitments',
      'handOff',
      'recycling',
      'feedback',
      'reporting',
      'reviewCadence',
      'escalation',
      'signatures',
    ]);
  });
});

describe('generateSections', () => {
  it('gives the generated items of every section, as the document holds them', () => {
    const generated = generateSections(funnelOf(), commitments());
    expect(Object.keys(generated)).toEqual([...SLA_SECTION_KEYS]);
    const doc = createDocument(funnelOf(), commitments());
    for (const key of SLA_SECTION_KEYS) expect(generated[key]).toEqual(getSection(doc, key).generated);
    expect(generated.definitions).toHaveLength(9);
  });

  it('gives empty sections (but the reverse-funnel item) for an empty funnel and SLA', () => {
    const generated = generateSections(Funnel.parse({ stages: [] }), []);
    const nonEmpty = SLA_SECTION_KEYS.filter((key) => generated[key].length > 0);
    expect(nonEmpty).toEqual(['parties', 'marketingCommitments']);
    expect(generated.marketingCommitments[0]).toMatchObject({ type: 'requiredVolumes', deals: null });
  });
});

describe('createDocument', () => {
  it('has every section in order, empty texts, no flags, and is valid JSON data', () => {
    const doc = createDocument(funnelOf(), commitments(), { title: 'SLA 2025', validity: { from: '2025-04-01' } });
    expect(doc.sections.map((section) => section.key)).toEqual([...SLA_SECTION_KEYS]);
    expect(doc.sections.every((section) => section.text === '' && !section.generatedChanged)).toBe(true);
    expect(doc.title).toBe('SLA 2025');
    expect(doc.validity).toEqual({ from: '2025-04-01', until: null });
    expect(SlaDocument.parse(doc)).toEqual(doc);
    expect(JSON.parse(canonicalJson(doc))).toEqual(doc);
  });

  it('generates parties (marketing, sales) with the stages each owns; joint only when a stage is joint', () => {
    const doc = createDocument(funnelOf(), commitments());
    expect(getSection(doc, 'parties').generated).toEqual([
      { type: 'party', id: 'party:marketing', department: 'marketing', stageIds: ['s1', 's2', 's3', 's9'] },
      { type: 'party', id: 'party:sales', department: 'sales', stageIds: ['s4', 's5', 's6', 's7', 's8'] },
    ]);
    const joint = createDocument(funnelOf(updateStage(stages(), 's4', { owner: 'joint' }) as Stage[]), commitments());
    expect(itemIds(joint, 'parties')).toEqual(['party:party:marketing', 'party:party:sales', 'party:party:joint']);
  });

  it('defines every stage in funnel order, outcomes included', () => {
    const doc = createDocument(funnelOf(), commitments());
    const items = getSection(doc, 'definitions').generated;
    expect(items.map((item) => item.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9']);
    expect(items[2]).toEqual({ type: 'stage', id: 's3', stage: stages()[2] });
  });

  it('puts the volumes worked back from revenue first in marketing commitments, then marketing’s commitments', () => {
    const doc = createDocument(funnelOf(), commitments());
    const [volumes, ...rest] = getSection(doc, 'marketingCommitments').generated;
    expect(volumes).toMatchObject({ type: 'requiredVolumes', id: 'reverse-funnel', deals: 12, problems: [] });
    if (volumes?.type !== 'requiredVolumes') throw new Error('expected requiredVolumes');
    expect(volumes.rows.map((row) => row.required)).toEqual([9160, 916, 229, 160, 80, 48, 12]);
    expect(volumes.plan).toMatchObject({ revenueTarget: 36_000_000, averageDealSize: 3_000_000, period: 'month', currency: 'JPY' });
    expect(rest.map((item) => item.id)).toEqual(['c1', 'c2']);
  });

  it('lists reverse-funnel problems instead of volumes when the funnel cannot be computed', () => {
    const doc = createDocument(funnelOf(stages(), { revenueTarget: null }), commitments());
    expect(getSection(doc, 'marketingCommitments').generated[0]).toMatchObject({
      deals: null,
      rows: [],
      problems: [{ code: 'revenue-missing', field: 'revenueTarget', stageId: null }],
    });
  });

  it('puts sales commitments, hand-offs with their covering commitments, recycling, feedback, reviews and the scorecard in place', () => {
    const doc = createDocument(funnelOf(), commitments());
    expect(itemIds(doc, 'salesCommitments')).toEqual(['commitment:c3', 'commitment:c4', 'commitment:c5']);
    expect(getSection(doc, 'handOff').generated).toEqual([
      { type: 'handOff', id: 's3->s4', fromStageId: 's3', toStageId: 's4', fromOwner: 'marketing', toOwner: 'sales', commitmentIds: ['c3', 'c5'] },
    ]);
    expect(itemIds(doc, 'recycling')).toEqual(['stage:s8', 'stage:s9', 'commitment:c6']);
    expect(itemIds(doc, 'feedback')).toEqual(['commitment:c7']);
    expect(itemIds(doc, 'reviewCadence')).toEqual(['commitment:c8', 'commitment:c9', 'commitment:c10']);
    expect(getSection(doc, 'reporting').generated).toEqual([
      { type: 'scorecard', id: 'scorecard:c1', commitmentId: 'c1', owner: 'marketing', metric: 'volume', target: 200, unit: 'records', direction: 'higher', per: 'month', withinDays: null },
      { type: 'scorecard', id: 'scorecard:c2', commitmentId: 'c2', owner: 'marketing', metric: 'data-completeness', target: 90, unit: 'percent', direction: 'higher', per: null, withinDays: null },
      { type: 'scorecard', id: 'scorecard:c3', commitmentId: 'c3', owner: 'sales', metric: 'first-contact-time', target: 24, unit: 'business-hours', direction: 'lower', per: null, withinDays: null },
      { type: 'scorecard', id: 'scorecard:c4', commitmentId: 'c4', owner: 'sales', metric: 'contact-attempts', target: 6, unit: 'attempts', direction: 'higher', per: null, withinDays: 14 },
      { type: 'scorecard', id: 'scorecard:c5', commitmentId: 'c5', owner: 'sales', metric: 'accept-reject-time', target: 24, unit: 'business-hours', direction: 'lower', per: null, withinDays: null },
    ]);
    for (const key of ['purpose', 'validity', 'escalation', 'signatures'] as const) expect(getSection(doc, key).generated).toEqual([]);
  });

  it('uses plain hours in the scorecard when not business hours', () => {
    const list = updateCommitment(commitments(), 'c3', { businessHours: false });
    const row = getSection(createDocument(funnelOf(), list), 'reporting').generated.find((item) => item.id === 'scorecard:c3');
    expect(row).toMatchObject({ unit: 'hours' });
  });

  it('copies data: mutating the inputs later does not change the document', () => {
    const list = commitments();
    const funnel = funnelOf();
    const doc = createDocument(funnel, list);
    const before = canonicalJson(doc);
    (list[4] as { reasonCodes: string[] }).reasonCodes.push('late');
    (funnel.stages[0] as { name: string }).name = 'changed';
    funnel.plan.revenueTarget = 1;
    expect(canonicalJson(doc)).toBe(before);
  });
});

describe('sectionOfCommitment', () => {
  it.each([
    ['volume', 'marketing', 'marketingCommitments'],
    ['volume', 'sales', 'salesCommitments'],
    ['volume', null, 'marketingCommitments'],
    ['quality', null, 'marketingCommitments'],
    ['firstContact', 'sales', 'salesCommitments'],
    ['firstContact', 'marketing', 'marketingCommitments'],
    ['attempts', null, 'salesCommitments'],
    ['acceptReject', null, 'salesCommitments'],
    ['recycle', 'sales', 'recycling'],
    ['feedback', 'marketing', 'feedback'],
    ['reviewCadence', null, 'reviewCadence'],
  ] as const)('%s owned by %s → %s', (kind, owner, section) => {
    expect(sectionOfCommitment({ kind, owner })).toBe(section);
  });

  it('keeps an unassigned commitment in the document (never drops it)', () => {
    const list = updateCommitment(commitments(), 'c4', { owner: null });
    const items = getSection(createDocument(funnelOf(), list), 'salesCommitments').generated;
    expect(items.find((item) => item.id === 'c4')).toMatchObject({ commitment: { owner: null } });
  });
});

describe('regenerate', () => {
  it('keeps every user text, the title and the validity, and refreshes the generated parts', () => {
    const original = setValidity(setTitle(withAllTexts(createDocument(funnelOf(), commitments())), 'SLA'), { from: '2025-04-01', until: '2026-03-31' });
    const changedFunnel = funnelOf(updateStage(stages(), 's3', { conversionRate: 0.5 }) as Stage[]);
    const next = regenerate(original, changedFunnel, removeCommitment(commitments(), 'c7'));
    for (const key of SLA_SECTION_KEYS) expect(getSection(next, key).text).toBe(getSection(original, key).text);
    expect(next.title).toBe('SLA');
    expect(next.validity).toEqual({ from: '2025-04-01', until: '2026-03-31' });
    expect(itemIds(next, 'feedback')).toEqual([]);
    expect(getSection(next, 'definitions').generated[2]).toMatchObject({ stage: { conversionRate: 0.5 } });
  });

  it('flags exactly the sections whose generated part changed', () => {
    const original = withAllTexts(createDocument(funnelOf(), commitments()));
    const list = updateCommitment(commitments(), 'c3', { withinHours: 8 });
    const next = regenerate(original, funnelOf(), list);
    const flagged = next.sections.filter((section) => section.generatedChanged).map((section) => section.key);
    // firstContact is a sales commitment, a scorecard row; hand-off items list only ids, unchanged.
    expect(flagged).toEqual(['salesCommitments', 'reporting']);
  });

  it('flags nothing when nothing changed, and returns equal content', () => {
    const original = withAllTexts(createDocument(funnelOf(), commitments()));
    const next = regenerate(original, funnelOf(), commitments());
    expect(next).toEqual(original);
  });

  it('keeps a flag until it is acknowledged, even through a regeneration without change', () => {
    const original = createDocument(funnelOf(), commitments());
    const changed = regenerate(original, funnelOf(stages(), { revenueTarget: 48_000_000 }), commitments());
    expect(getSection(changed, 'marketingCommitments').generatedChanged).toBe(true);
    const again = regenerate(changed, funnelOf(stages(), { revenueTarget: 48_000_000 }), commitments());
    expect(getSection(again, 'marketingCommitments').generatedChanged).toBe(true);
    const acknowledged = acknowledgeGenerated(again, 'marketingCommitments');
    expect(getSection(acknowledged, 'marketingCommitments').generatedChanged).toBe(false);
    expect(getSection(again, 'marketingCommitments').generatedChanged).toBe(true);
    expect(getSection(regenerate(acknowledged, funnelOf(stages(), { revenueTarget: 48_000_000 }), commitments()), 'marketingCommitments').generatedChanged).toBe(false);
  });

  it('keeps user text even when a section loses all its generated items', () => {
    const original = setSectionText(createDocument(funnelOf(), commitments()), 'handOff', 'スコア60以上をインサイドセールスへ');
    const allMarketing = stages().map((stage) => ({ ...stage, owner: 'marketing' as const }));
    const next = regenerate(original, funnelOf(allMarketing), commitments());
    expect(getSection(next, 'handOff')).toMatchObject({ generated: [], text: 'スコア60以上をインサイドセールスへ', generatedChanged: true });
  });

  it('does not modify the previous document', () => {
    const original = withAllTexts(createDocument(funnelOf(), commitments()));
    const snapshot = structuredClone(original);
    regenerate(original, funnelOf(removeStage(stages(), 's5') as Stage[]), []);
    expect(original).toEqual(snapshot);
  });
});

describe('editing helpers', () => {
  it('setSectionText changes one section immutably and validates the length', () => {
    const doc = createDocument(funnelOf(), commitments());
    const next = setSectionText(doc, 'escalation', '違反時は部長間で協議する');
    expect(getSection(next, 'escalation').text).toBe('違反時は部長間で協議する');
    expect(getSection(doc, 'escalation').text).toBe('');
    expect(getSection(next, 'purpose')).toBe(getSection(doc, 'purpose'));
    expect(() => setSectionText(doc, 'purpose', 'x'.repeat(MAX_SECTION_TEXT + 1))).toThrow(ZodError);
  });

  it('setTitle trims and limits the title', () => {
    const doc = createDocument(funnelOf(), commitments());
    expect(setTitle(doc, '  SLA 2025  ').title).toBe('SLA 2025');
    expect(() => setTitle(doc, 'x'.repeat(201))).toThrow(ZodError);
  });

  it('setValidity sets dates, merges partial updates, refuses an end before the start and bad dates', () => {
    const doc = createDocument(funnelOf(), commitments());
    const from = setValidity(doc, { from: '2025-04-01' });
    expect(setValidity(from, { until: '2026-03-31' }).validity).toEqual({ from: '2025-04-01', until: '2026-03-31' });
    expect(setValidity(from, { from: null }).validity).toEqual({ from: null, until: null });
    expect(() => setValidity(from, { until: '2025-03-31' })).toThrow(RangeError);
    expect(() => setValidity(doc, { from: '2025-13-01' })).toThrow(ZodError);
    expect(() => setValidity(doc, { from: '1 April 2025' })).toThrow(ZodError);
  });

  it('getSection throws for a malformed document', () => {
    const doc = createDocument(funnelOf(), commitments());
    expect(() => getSection({ ...doc, sections: [] }, 'purpose')).toThrow(/missing/);
  });
});

describe('SlaDocument schema', () => {
  it('rejects missing, extra or reordered sections', () => {
    const doc = createDocument(funnelOf(), commitments());
    expect(SlaDocument.safeParse({ ...doc, sections: doc.sections.slice(1) }).success).toBe(false);
    expect(SlaDocument.safeParse({ ...doc, sections: [...doc.sections].reverse() }).success).toBe(false);
    expect(SlaDocument.safeParse({ ...doc, sections: [...doc.sections, doc.sections[0]] }).success).toBe(false);
  });

  it('rejects an unknown generated item type', () => {
    const doc = createDocument(funnelOf(), commitments());
    const bad = structuredClone(doc);
    (bad.sections[0]!.generated as unknown[]).push({ type: 'chart', id: 'x' });
    expect(SlaDocument.safeParse(bad).success).toBe(false);
  });
});

describe('diff', () => {
  const signed = () => withAllTexts(createDocument(funnelOf(), commitments(), { title: 'SLA', validity: { from: '2025-04-01' } }));

  it('reports no change between equal documents, ignoring generatedChanged flags', () => {
    const a = signed();
    expect(diff(a, structuredClone(a))).toEqual({ changed: false, fields: [], sections: [] });
    const flagged = { ...a, sections: a.sections.map((section) => ({ ...section, generatedChanged: true })) };
    expect(diff(a, flagged).changed).toBe(false);
  });

  it('shows a changed commitment parameter with its path, in each section that shows it', () => {
    const draft = regenerate(signed(), funnelOf(), updateCommitment(commitments(), 'c3', { withinHours: 8 }));
    const result = diff(signed(), draft);
    expect(result.changed).toBe(true);
    expect(result.sections.map((section) => section.key)).toEqual(['salesCommitments', 'reporting']);
    const [sales, reporting] = result.sections;
    expect(sales?.changed).toHaveLength(1);
    expect(sales?.changed[0]).toMatchObject({ type: 'commitment', id: 'c3', changes: [{ path: 'commitment.withinHours', before: 24, after: 8 }] });
    expect(reporting?.changed[0]?.changes).toEqual([{ path: 'target', before: 24, after: 8 }]);
    expect(sales).toMatchObject({ added: [], removed: [], reordered: false, text: null, fields: [] });
  });

  it('the sample\'s case: a definition whose name stays but whose text changes, and a volume whose target changes, say what changed', () => {
    const before = updateStage(stages(), 's3', { entryDefinition: 'スコア50点以上' }) as Stage[];
    const a = createDocument(funnelOf(before), commitments(), { title: 'SLA' });
    const after = updateStage(before, 's3', { entryDefinition: 'スコア60点以上' }) as Stage[];
    const b = regenerate(a, funnelOf(after), updateCommitment(commitments(), 'c1', { count: 180 }));
    const result = diff(a, b);
    const definitions = result.sections.find((section) => section.key === 'definitions');
    expect(definitions?.changed).toHaveLength(1);
    expect(definitions?.changed[0]).toMatchObject({ type: 'stage', id: 's3', changes: [{ path: 'stage.entryDefinition', before: 'スコア50点以上', after: 'スコア60点以上' }] });
    const reporting = result.sections.find((section) => section.key === 'reporting');
    expect(reporting?.changed[0]).toMatchObject({ type: 'scorecard', changes: [{ path: 'target', before: 200, after: 180 }] });
  });

  it('shows added and removed commitments', () => {
    const list = [...removeCommitment(commitments(), 'c4'), createCommitment('attempts', { id: 'new', attempts: 8, days: 10 })];
    const result = diff(signed(), regenerate(signed(), funnelOf(), list));
    const sales = result.sections.find((section) => section.key === 'salesCommitments');
    expect(sales?.added.map((item: GeneratedItem) => item.id)).toEqual(['new']);
    expect(sales?.removed.map((item: GeneratedItem) => item.id)).toEqual(['c4']);
    expect(sales?.changed).toEqual([]);
  });

  it('shows reordered stages and a changed hand-off', () => {
    const reordered = moveStage(stages(), 's4', 1) as Stage[];
    const result = diff(signed(), regenerate(signed(), funnelOf(reordered), commitments()));
    const definitions = result.sections.find((section) => section.key === 'definitions');
    expect(definitions).toMatchObject({ reordered: true, added: [], removed: [], changed: [] });
    const handOff = result.sections.find((section) => section.key === 'handOff');
    expect(handOff?.removed.map((item) => item.id)).toEqual(['s3->s4']);
    expect(handOff?.added.map((item) => item.id)).toEqual(['s1->s4', 's4->s2', 's3->s5']);
  });

  it('shows user text changes with a line diff', () => {
    const a = signed();
    const b = setSectionText(a, 'escalation', `${getSection(a, 'escalation').text.replace('2行目', '二行目')}\n3行目`);
    const result = diff(a, b);
    expect(result.sections.map((section) => section.key)).toEqual(['escalation']);
    expect(result.sections[0]?.text).toEqual({
      before: getSection(a, 'escalation').text,
      after: getSection(b, 'escalation').text,
      lines: [
        { op: 'equal', text: 'escalation — 利用者の文章 11' },
        { op: 'removed', text: '2行目' },
        { op: 'added', text: '二行目' },
        { op: 'added', text: '3行目' },
      ],
    });
  });

  it('shows validity changes in the validity section and title changes at the top', () => {
    const b = setTitle(setValidity(signed(), { until: '2026-03-31' }), 'SLA v2');
    const result = diff(signed(), b);
    expect(result.fields).toEqual([{ path: 'title', before: 'SLA', after: 'SLA v2' }]);
    expect(result.sections).toHaveLength(1);
    expect(result.sections[0]).toMatchObject({ key: 'validity', fields: [{ path: 'validity.until', before: null, after: '2026-03-31' }] });
  });

  it('shows a revenue-plan change as changed required volumes', () => {
    const result = diff(signed(), regenerate(signed(), funnelOf(stages(), { revenueTarget: 48_000_000 }), commitments()));
    const marketing = result.sections.find((section) => section.key === 'marketingCommitments');
    const paths = marketing?.changed[0]?.changes.map((change) => change.path);
    expect(paths).toContain('plan.revenueTarget');
    expect(paths).toContain('deals');
    expect(paths).toContain('rows');
  });
});

describe('fieldChanges', () => {
  it('lists leaf changes with dot paths; arrays compare whole; missing fields are undefined', () => {
    expect(fieldChanges({ a: 1, b: { c: [1, 2], d: 'x' } }, { a: 1, b: { c: [1, 3], d: 'x' }, e: null })).toEqual([
      { path: 'b.c', before: [1, 2], after: [1, 3] },
      { path: 'e', before: undefined, after: null },
    ]);
    expect(fieldChanges({ a: { b: 1 } }, { a: 2 })).toEqual([{ path: 'a', before: { b: 1 }, after: 2 }]);
    expect(fieldChanges(1, 1)).toEqual([]);
    expect(fieldChanges('x', 'y', 'root')).toEqual([{ path: 'root', before: 'x', after: 'y' }]);
  });
});

describe('diffLines', () => {
  it('keeps common lines and marks removed/added ones', () => {
    expect(diffLines('a\nb\nc', 'a\nc\nd')).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'equal', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
  });

  it('handles empty texts', () => {
    expect(diffLines('', '')).toEqual([]);
    expect(diffLines('', 'x')).toEqual([{ op: 'added', text: 'x' }]);
    expect(diffLines('x', '')).toEqual([{ op: 'removed', text: 'x' }]);
  });

  it('falls back to remove-all/add-all for huge texts', () => {
    const before = Array.from({ length: 3_000 }, (_, i) => `b${i}`).join('\n');
    const after = Array.from({ length: 3_000 }, (_, i) => `a${i}`).join('\n');
    const lines = diffLines(before, after);
    expect(lines).toHaveLength(6_000);
    expect(lines[0]).toEqual({ op: 'removed', text: 'b0' });
    expect(lines[3_000]).toEqual({ op: 'added', text: 'a0' });
  });
});
