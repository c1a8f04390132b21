import { describe, expect, it } from 'vitest';
import { defaultCalendar, type WorkingCalendar } from '../../shared/calendar/calendar';
import { Funnel } from '../../shared/funnel/plan';
import { createDefaultStages } from '../../shared/funnel/stages';
import { canonicalJson } from '../../shared/sla/canonical';
import { complianceOf, createCommitment, defaultCommitments, updateCommitment } from '../../shared/sla/commitments';
import { calendarOfDocument, createDocument, diff, getSection, regenerate, SlaDocument } from '../../shared/sla/document';
import { addSignature, createVersion, type SignatureInput, signedJsonOf, SlaVersion, startRevision, submitForReview, verifyVersion } from '../../shared/sla/versions';

/** The SLA states the working calendar that "business hours" means, and signing covers it. */

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const funnel = () => Funnel.parse({ stages: createDefaultStages({ language: 'ja', newId: counter('s') }), plan: {} });
const japan = defaultCalendar({ language: 'ja', yearEndName: '年末年始休業' });
const withSummer: WorkingCalendar = { ...japan, companyHolidays: [...japan.companyHolidays, { id: 'summer', kind: 'dates', name: '夏季休業', from: '2026-08-12', to: '2026-08-14' }] };

const signature = (memberId: string): SignatureInput => ({
  memberId,
  name: memberId,
  title: '',
  department: memberId === 'mk' ? 'marketing' : 'sales',
  date: '2026-04-01',
  image: { format: 'svg-path', data: 'M 1 1 L 2 2', width: 10, height: 10 },
});

async function sign(document: SlaDocument): Promise<SlaVersion> {
  const draft = createVersion({ id: 'v1', document, signers: ['mk', 'sl'], now: '2026-04-01T09:00:00.000Z' });
  const review = submitForReview(draft, '2026-04-01T09:00:00.000Z');
  return addSignature(await addSignature(review, signature('mk'), '2026-04-01T10:00:00.000Z'), signature('sl'), '2026-04-01T11:00:00.000Z');
}

describe('the working calendar in the SLA document', () => {
  const commitments = defaultCommitments({ newId: counter('c') });

  it('is stated in "definitions", after the stage definitions', () => {
    const doc = createDocument(funnel(), commitments, { calendar: japan });
    const definitions = getSection(doc, 'definitions').generated;
    expect(definitions.at(-1)).toEqual({ type: 'calendar', id: 'working-calendar', calendar: japan });
    expect(definitions.slice(0, -1).every((item) => item.type === 'stage')).toBe(true);
    expect(calendarOfDocument(doc)).toEqual(japan);
  });

  it('parses to exactly itself (no defaults added), so the signed bytes never change', () => {
    const doc = createDocument(funnel(), commitments, { calendar: withSummer });
    expect(canonicalJson(SlaDocument.parse(JSON.parse(JSON.stringify(doc))))).toBe(canonicalJson(doc));
  });

  it('documents made before calendars existed state none and still parse unchanged', () => {
    const old = createDocument(funnel(), commitments);
    expect(calendarOfDocument(old)).toBeNull();
    expect(canonicalJson(SlaDocument.parse(JSON.parse(JSON.stringify(old))))).toBe(canonicalJson(old));
  });

  it('regenerating keeps the calendar unless a new one is given; a new one flags "definitions" and shows in the diff', () => {
    const doc = createDocument(funnel(), commitments, { calendar: japan });
    const kept = regenerate(doc, funnel(), commitments);
    expect(calendarOfDocument(kept)).toEqual(japan);
    expect(getSection(kept, 'definitions').generatedChanged).toBe(false);
    const changed = regenerate(doc, funnel(), commitments, { calendar: withSummer });
    expect(calendarOfDocument(changed)).toEqual(withSummer);
    expect(getSection(changed, 'definitions').generatedChanged).toBe(true);
    const changes = diff(doc, changed).sections.find((section) => section.key === 'definitions')!;
    expect(changes.changed).toEqual([expect.objectContaining({ type: 'calendar', id: 'working-calendar', changes: [expect.objectContaining({ path: 'calendar.companyHolidays' })] })]);
    expect(calendarOfDocument(regenerate(doc, funnel(), commitments, { calendar: null }))).toBeNull();
  });

  it('is covered by the signed hash: a signed version with another calendar has another hash, and tampering is detected', async () => {
    const a = await sign(createDocument(funnel(), commitments, { calendar: japan }));
    const b = await sign(createDocument(funnel(), commitments, { calendar: withSummer }));
    expect(a.hash).not.toBe(b.hash);
    expect((await signedJsonOf(a)).json).toContain('"calendar":{"closes":1080');
    expect(await verifyVersion(a)).toBe(true);
    const tampered = structuredClone(a);
    const item = getSection(tampered.document, 'definitions').generated.find((entry) => entry.type === 'calendar')!;
    if (item.type === 'calendar') item.calendar.closes = 19 * 60;
    expect(await verifyVersion(tampered)).toBe(false);
    // Changing it means a new revision: the draft starts with the signed calendar, regenerated with the new one.
    const revision = startRevision(a, { id: 'v2', now: '2026-05-01T00:00:00.000Z' });
    expect(calendarOfDocument(revision.document)).toEqual(japan);
    expect(calendarOfDocument(regenerate(revision.document, funnel(), commitments, { calendar: withSummer }))).toEqual(withSummer);
  });
});

describe('compliance level of time-window commitments', () => {
  it('is absent by default (every record, 100 %), and set or cleared without leaving an undefined behind', () => {
    const fc = createCommitment('firstContact', { id: 'fc' });
    expect('compliancePercent' in fc).toBe(false);
    expect(complianceOf(fc)).toBe(100);
    const [set] = updateCommitment([fc], 'fc', { compliancePercent: 95 }) as (typeof fc)[];
    expect(complianceOf(set!)).toBe(95);
    const [cleared] = updateCommitment([set!], 'fc', { compliancePercent: undefined }) as (typeof fc)[];
    expect('compliancePercent' in cleared!).toBe(false);
    expect(() => canonicalJson(cleared)).not.toThrow();
    expect(() => updateCommitment([fc], 'fc', { compliancePercent: 0 })).toThrow(/too_small|>0/);
    expect(() => updateCommitment([fc], 'fc', { compliancePercent: 100.5 })).toThrow(/too_big|<=100/);
    expect(complianceOf(createCommitment('acceptReject', { id: 'ar', compliancePercent: 90 }))).toBe(90);
  });
});
