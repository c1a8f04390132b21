import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { Funnel } from '../../shared/funnel/plan';
import { createDefaultStages } from '../../shared/funnel/stages';
import { canonicalJson, isCanonicalJson } from '../../shared/sla/canonical';
import { defaultCommitments } from '../../shared/sla/commitments';
import { createDocument, setSectionText, type SlaDocument } from '../../shared/sla/document';
import {
  addSignature,
  ALLOWED_TRANSITIONS,
  assertWritable,
  canTransition,
  createVersion,
  defaultSigners,
  FrozenVersionError,
  FutureSignatureDateError,
  isFrozen,
  latestDateOnEarth,
  lastSigned,
  MAX_SIGNATURE_CHARS,
  pendingSigners,
  returnToDraft,
  Signature,
  type SignatureInput,
  setSigners,
  signedContentOf,
  signedJsonOf,
  SlaVersion,
  startRevision,
  submitForReview,
  updateDocument,
  VERSION_STATES,
  verifySignedJson,
  verifyVersion,
  VersionStateError,
} from '../../shared/sla/versions';

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const T0 = '2025-04-01T09:00:00.000+09:00';
const T1 = '2025-04-01T10:00:00.000+09:00';
const T2 = '2025-04-02T11:30:00.000+09:00';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function documentOf(text = ''): SlaDocument {
  const stages = createDefaultStages({ language: 'ja', newId: counter('s') });
  const funnel = Funnel.parse({ stages, plan: { revenueTarget: 30_000_000, averageDealSize: 3_000_000 } });
  const doc = createDocument(funnel, defaultCommitments({ mqlStageId: 's3', newId: counter('c') }), { title: 'SLA 2025' });
  return text ? setSectionText(doc, 'purpose', text) : doc;
}

const signature = (memberId: string, overrides: Partial<SignatureInput> = {}): SignatureInput => ({
  memberId,
  name: memberId === 'mk' ? '佐藤 花子' : '鈴木 一郎',
  title: memberId === 'mk' ? 'マーケティング部長' : '営業部長',
  department: memberId === 'mk' ? 'marketing' : 'sales',
  date: '2025-04-01',
  image: { format: 'svg-path', data: 'M 10 10 L 20 20 C 30 30, 40 10, 50 20 Z', width: 400, height: 150 },
  ...overrides,
});

const draft = (): SlaVersion => createVersion({ id: 'v1', document: documentOf('目的'), signers: ['mk', 'sl'], now: T0 });
const inReview = (): SlaVersion => submitForReview(draft(), T1);
async function signedVersion(): Promise<SlaVersion> {
  return addSignature(await addSignature(inReview(), signature('mk'), T1), signature('sl'), T2);
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('states and transitions', () => {
  it('allows draft → in-review → signed, back to draft from review, nothing from signed', () => {
    const allowed = VERSION_STATES.flatMap((from) => VERSION_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['draft→in-review', 'in-review→draft', 'in-review→signed']);
    expect(ALLOWED_TRANSITIONS.signed).toEqual([]);
  });
});

describe('createVersion', () => {
  it('starts revision 1 as a draft without signatures, hash or basedOn', () => {
    const version = draft();
    expect(version).toMatchObject({ id: 'v1', revision: 1, state: 'draft', basedOn: null, signers: ['mk', 'sl'], signatures: [], signedAt: null, hash: null, createdAt: T0, updatedAt: T0 });
    expect(SlaVersion.parse(version)).toEqual(version);
  });

  it('rejects duplicate signers', () => {
    expect(() => createVersion({ id: 'v', document: documentOf(), signers: ['a', 'a'], now: T0 })).toThrow(ZodError);
  });
});

describe('isFrozen, assertWritable and FrozenVersionError', () => {
  it('lets drafts and versions in review be written', () => {
    expect(isFrozen(draft())).toBe(false);
    expect(isFrozen(inReview())).toBe(false);
    expect(() => assertWritable(draft())).not.toThrow();
    expect(() => assertWritable(inReview())).not.toThrow();
  });

  it('throws a typed FrozenVersionError for a signed version', async () => {
    const version = await signedVersion();
    expect(isFrozen(version)).toBe(true);
    const error = thrown(() => assertWritable(version));
    expect(error).toBeInstanceOf(FrozenVersionError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'FrozenVersionError', code: 'version-frozen', versionId: 'v1', revision: 1 });
  });

  it('is what a data layer uses to refuse a write to a signed version', async () => {
    const store = new Map<string, SlaVersion>();
    const write = (next: SlaVersion) => {
      const current = store.get(next.id);
      if (current) assertWritable(current);
      store.set(next.id, next);
    };
    const version = await signedVersion();
    write(version);
    const tampered: SlaVersion = { ...version, document: setSectionText(version.document, 'purpose', 'changed') };
    expect(() => write(tampered)).toThrow(FrozenVersionError);
    expect(store.get('v1')).toBe(version);
  });

  it('every mutating operation refuses a signed version with FrozenVersionError', async () => {
    const version = await signedVersion();
    expect(() => updateDocument(version, documentOf('x'), T2)).toThrow(FrozenVersionError);
    expect(() => setSigners(version, ['mk'], T2)).toThrow(FrozenVersionError);
    expect(() => submitForReview(version, T2)).toThrow(FrozenVersionError);
    expect(() => returnToDraft(version, T2)).toThrow(FrozenVersionError);
    await expect(addSignature(version, signature('mk'), T2)).rejects.toBeInstanceOf(FrozenVersionError);
  });
});

describe('draft editing', () => {
  it('updateDocument replaces the document of a draft', () => {
    const next = updateDocument(draft(), documentOf('新しい目的'), T1);
    expect(next.document.sections[0]?.text).toBe('新しい目的');
    expect(next.updatedAt).toBe(T1);
  });

  it('updateDocument refuses a version in review (VersionStateError) and an invalid document', () => {
    expect(() => updateDocument(inReview(), documentOf('x'), T1)).toThrow(VersionStateError);
    expect(() => updateDocument(draft(), { ...documentOf(), sections: [] }, T1)).toThrow(ZodError);
  });

  it('setSigners changes the signers of a draft only', () => {
    expect(setSigners(draft(), ['sl'], T1).signers).toEqual(['sl']);
    expect(() => setSigners(draft(), ['sl', 'sl'], T1)).toThrow(ZodError);
    expect(() => setSigners(inReview(), ['sl'], T1)).toThrow(VersionStateError);
  });
});

describe('review', () => {
  it('submitForReview moves a draft with signers to in-review', () => {
    expect(inReview()).toMatchObject({ state: 'in-review', updatedAt: T1 });
  });

  it('submitForReview needs signers and a draft', () => {
    const noSigners = createVersion({ id: 'v', document: documentOf(), now: T0 });
    expect(thrown(() => submitForReview(noSigners, T1))).toMatchObject({ name: 'VersionStateError', code: 'version-state', reason: 'no-signers' });
    expect(() => submitForReview(inReview(), T1)).toThrow(VersionStateError);
  });

  it('returnToDraft goes back to draft and clears the signatures given so far', async () => {
    const half = await addSignature(inReview(), signature('mk'), T1);
    const back = returnToDraft(half, T2);
    expect(back).toMatchObject({ state: 'draft', signatures: [], updatedAt: T2 });
    expect(() => returnToDraft(draft(), T1)).toThrow(VersionStateError);
  });
});

describe('addSignature', () => {
  it('records a signature and stays in review until every signer has signed', async () => {
    const half = await addSignature(inReview(), signature('mk'), T1);
    expect(half.state).toBe('in-review');
    expect(half.signatures).toEqual([Signature.parse(signature('mk'))]);
    expect(pendingSigners(half)).toEqual(['sl']);
    expect(half.hash).toBeNull();
  });

  it('signs the version when the last signer signs: signedAt, and the hash of the canonical signed content', async () => {
    const version = await signedVersion();
    expect(version).toMatchObject({ state: 'signed', signedAt: T2, updatedAt: T2 });
    expect(pendingSigners(version)).toEqual([]);
    const json = canonicalJson(signedContentOf(version, T2));
    expect(isCanonicalJson(json)).toBe(true);
    expect(version.hash).toBe(createHash('sha256').update(json, 'utf8').digest('hex'));
    expect(SlaVersion.parse(version)).toEqual(version);
  });

  it('signs a single-signer version with one signature', async () => {
    const solo = submitForReview(setSigners(draft(), ['sl'], T0), T1);
    expect((await addSignature(solo, signature('sl'), T2)).state).toBe('signed');
  });

  it('refuses a non-signer, a second signature by the same member, and a draft', async () => {
    await expect(addSignature(inReview(), signature('intruder'), T1)).rejects.toMatchObject({ reason: 'not-a-signer' });
    const half = await addSignature(inReview(), signature('mk'), T1);
    await expect(addSignature(half, signature('mk'), T1)).rejects.toMatchObject({ reason: 'already-signed' });
    await expect(addSignature(draft(), signature('mk'), T1)).rejects.toBeInstanceOf(VersionStateError);
  });

  it('validates the signature record', async () => {
    await expect(addSignature(inReview(), signature('mk', { name: '  ' }), T1)).rejects.toBeInstanceOf(ZodError);
  });

  it('refuses a date after the day of signing, in any time zone, but not today or earlier', async () => {
    // T1 is 2025-04-01 01:00 UTC: 2025-04-01 15:00 at UTC+14, the latest date anywhere.
    expect(latestDateOnEarth(T1)).toBe('2025-04-01');
    expect(latestDateOnEarth('2025-04-01T10:00:00.000Z')).toBe('2025-04-02');
    await expect(addSignature(inReview(), signature('mk', { date: '2099-12-07' }), T1)).rejects.toMatchObject({
      name: 'FutureSignatureDateError',
      date: '2099-12-07',
      latest: '2025-04-01',
    });
    await expect(addSignature(inReview(), signature('mk', { date: '2025-04-02' }), T1)).rejects.toBeInstanceOf(FutureSignatureDateError);
    expect((await addSignature(inReview(), signature('mk', { date: '2025-04-01' }), T1)).signatures).toHaveLength(1);
    expect((await addSignature(inReview(), signature('mk', { date: '2020-01-01' }), T1)).signatures).toHaveLength(1);
  });

  it('still reads versions whose signatures carry any date (old files)', () => {
    expect(Signature.safeParse(signature('mk', { date: '2099-12-07' })).success).toBe(true);
  });
});

describe('Signature record', () => {
  it('accepts SVG path data and PNG data URLs, trimming the typed name', () => {
    expect(Signature.parse(signature('mk', { name: '  佐藤 花子 ' })).name).toBe('佐藤 花子');
    expect(Signature.safeParse(signature('mk', { image: { format: 'png', data: PNG } })).success).toBe(true);
    expect(Signature.parse(signature('mk', { title: undefined })).title).toBe('');
  });

  it.each([
    ['markup in SVG path data', { image: { format: 'svg-path', data: 'M0 0"/><script>alert(1)</script>', width: 10, height: 10 } }],
    ['empty SVG path data', { image: { format: 'svg-path', data: '', width: 10, height: 10 } }],
    ['SVG without a size', { image: { format: 'svg-path', data: 'M0 0', width: 0, height: 10 } }],
    ['a JPEG data URL', { image: { format: 'png', data: 'data:image/jpeg;base64,/9j/4AAQ' } }],
    ['base64 that is not a PNG', { image: { format: 'png', data: 'data:image/png;base64,R0lGODlh' } }],
    ['a data URL with junk', { image: { format: 'png', data: `${PNG}<` } }],
    ['an oversized PNG', { image: { format: 'png', data: `data:image/png;base64,iVBORw0KGgo${'A'.repeat(MAX_SIGNATURE_CHARS)}` } }],
    ['an oversized SVG path', { image: { format: 'svg-path', data: 'L1 1 '.repeat(MAX_SIGNATURE_CHARS / 4), width: 10, height: 10 } }],
    ['an unknown image format', { image: { format: 'gif', data: 'x' } }],
    ['a date-time instead of a date', { date: '2025-04-01T09:00:00Z' }],
    ['an impossible date', { date: '2025-02-30' }],
    ['an unknown department', { department: 'finance' }],
    ['an empty name', { name: '' }],
  ])('rejects %s', (_label, overrides) => {
    expect(Signature.safeParse({ ...signature('mk'), ...overrides }).success).toBe(false);
  });
});

describe('SlaVersion invariants (checked when loading)', () => {
  it.each([
    ['signed without a hash', async () => ({ ...(await signedVersion()), hash: null })],
    ['signed without a date', async () => ({ ...(await signedVersion()), signedAt: null })],
    ['signed with a signature missing', async () => ({ ...(await signedVersion()), signatures: [Signature.parse(signature('mk'))] })],
    ['a draft with a hash', async () => ({ ...draft(), hash: 'a'.repeat(64) })],
    ['a draft with signatures', async () => ({ ...draft(), signatures: [Signature.parse(signature('mk'))] })],
    ['a signature by a non-signer', async () => ({ ...inReview(), signatures: [Signature.parse(signature('zz'))] })],
    ['two signatures by one member', async () => ({ ...inReview(), signatures: [Signature.parse(signature('mk')), Signature.parse(signature('mk'))] })],
    ['a malformed hash', async () => ({ ...(await signedVersion()), hash: 'ABC' })],
    ['revision 0', async () => ({ ...draft(), revision: 0 })],
  ])('rejects %s', async (_label, make) => {
    expect(SlaVersion.safeParse(await make()).success).toBe(false);
  });
});

describe('signedJsonOf and verifyVersion', () => {
  it('gives the canonical JSON the hash was computed from', async () => {
    const version = await signedVersion();
    const { json, hash } = await signedJsonOf(version);
    expect(hash).toBe(version.hash);
    expect(JSON.parse(json)).toMatchObject({ signers: ['mk', 'sl'], version: { id: 'v1', revision: 1, basedOn: null }, signedAt: T2 });
    await expect(signedJsonOf(draft())).rejects.toBeInstanceOf(VersionStateError);
  });

  it('survives a storage round trip', async () => {
    const version = await signedVersion();
    const reloaded = SlaVersion.parse(JSON.parse(JSON.stringify(version)));
    expect(await verifyVersion(reloaded)).toBe(true);
  });

  it('detects tampering with a stored signed version', async () => {
    const version = await signedVersion();
    expect(await verifyVersion(version)).toBe(true);
    expect(await verifyVersion({ ...version, document: setSectionText(version.document, 'purpose', '目的!') })).toBe(false);
    expect(await verifyVersion({ ...version, signatures: version.signatures.map((s) => ({ ...s, date: '2025-04-03' })) })).toBe(false);
    expect(await verifyVersion({ ...version, signedAt: T1 })).toBe(false);
    expect(await verifyVersion(draft())).toBe(false);
  });
});

describe('startRevision', () => {
  it('starts a draft revision + 1 based on the signed hash, same document and signers, no signatures', async () => {
    const signed = await signedVersion();
    const next = startRevision(signed, { id: 'v2', now: T2 });
    expect(next).toMatchObject({ id: 'v2', revision: 2, state: 'draft', basedOn: signed.hash, signers: ['mk', 'sl'], signatures: [], signedAt: null, hash: null, createdAt: T2 });
    expect(next.document).toEqual(signed.document);
    expect(next.document).not.toBe(signed.document);
    // the new draft is editable; the signed one is not touched
    const edited = updateDocument(next, setSectionText(next.document, 'purpose', '改訂'), T2);
    expect(edited.document.sections[0]?.text).toBe('改訂');
    expect(signed.document.sections[0]?.text).toBe('目的');
    expect(await verifyVersion(signed)).toBe(true);
  });

  it('refuses a version that is not signed', () => {
    expect(() => startRevision(draft(), { id: 'v2', now: T1 })).toThrow(VersionStateError);
    expect(() => startRevision(inReview(), { id: 'v2', now: T1 })).toThrow(VersionStateError);
  });

  it('chains: the hash of revision 2 covers basedOn', async () => {
    const first = await signedVersion();
    const second = submitForReview(startRevision(first, { id: 'v2', now: T2 }), T2);
    const signedSecond = await addSignature(await addSignature(second, signature('mk'), T2), signature('sl'), T2);
    expect(signedSecond.revision).toBe(2);
    expect(signedSecond.hash).not.toBe(first.hash);
    expect(JSON.parse((await signedJsonOf(signedSecond)).json).version).toEqual({ id: 'v2', revision: 2, basedOn: first.hash });
    expect(lastSigned([first, signedSecond, startRevision(signedSecond, { id: 'v3', now: T2 })])).toBe(signedSecond);
  });
});

describe('lastSigned and pendingSigners', () => {
  it('picks the highest signed revision, or undefined', async () => {
    expect(lastSigned([draft(), inReview()])).toBeUndefined();
    const signed = await signedVersion();
    expect(lastSigned([signed, startRevision(signed, { id: 'v2', now: T2 })])).toBe(signed);
  });

  it('lists signers who have not signed, in signer order', () => {
    expect(pendingSigners(draft())).toEqual(['mk', 'sl']);
  });
});

describe('defaultSigners', () => {
  const member = (id: string, department: 'marketing' | 'sales' | 'other', title = '') => ({ id, department, title });

  it('picks the head of marketing then the head of sales', () => {
    const members = [
      member('s1', 'sales', 'Account Executive'),
      member('m1', 'marketing', 'Marketing Manager'),
      member('s2', 'sales', 'Head of Sales'),
      member('m2', 'marketing', 'Head of Marketing'),
    ];
    expect(defaultSigners(members)).toEqual(['m2', 's2']);
  });

  it('recognises 部長 and 本部長, case-insensitive head, not "headquarters" or "ahead"', () => {
    expect(defaultSigners([member('m1', 'marketing', 'Headquarters liaison'), member('m2', 'marketing', 'マーケティング部長')])).toEqual(['m2']);
    expect(defaultSigners([member('s1', 'sales', 'Ahead planner'), member('s2', 'sales', '営業本部長')])).toEqual(['s2']);
    expect(defaultSigners([member('s1', 'sales', 'Staff'), member('s2', 'sales', 'HEAD OF SALES')])).toEqual(['s2']);
  });

  it('falls back to the first member of each department and skips departments without members', () => {
    expect(defaultSigners([member('o1', 'other', 'Head of Finance'), member('s1', 'sales', 'Rep'), member('s2', 'sales', 'Rep')])).toEqual(['s1']);
    expect(defaultSigners([])).toEqual([]);
  });
});

describe('verifySignedJson', () => {
  it('says matches for the signed JSON, naming the version', async () => {
    const signed = await signedVersion();
    const { json } = await signedJsonOf(signed);
    expect(await verifySignedJson(json, [draft(), signed])).toEqual({ status: 'matches', version: signed });
  });

  it('says altered when one byte of the JSON changed', async () => {
    const signed = await signedVersion();
    const { json } = await signedJsonOf(signed);
    const altered = json.replace('目的', '目標');
    expect(altered).not.toBe(json);
    expect(await verifySignedJson(altered, [signed])).toEqual({ status: 'altered', version: signed });
  });

  it('says altered when the JSON is not the canonical form anymore', async () => {
    const signed = await signedVersion();
    const pretty = JSON.stringify(JSON.parse((await signedJsonOf(signed)).json), null, 2);
    expect(await verifySignedJson(pretty, [signed])).toEqual({ status: 'altered', version: signed });
  });

  it('says altered when the footer hash names a known version but the JSON does not match', async () => {
    const signed = await signedVersion();
    expect(await verifySignedJson('{"other":true}', [signed], (signed.hash as string).toUpperCase())).toEqual({ status: 'altered', version: signed });
  });

  it('says unknown for JSON of no known version, garbage, or before anything is signed', async () => {
    const signed = await signedVersion();
    const { json } = await signedJsonOf(signed);
    expect(await verifySignedJson('{"version":{"id":"elsewhere"}}', [signed])).toEqual({ status: 'unknown' });
    expect(await verifySignedJson('%PDF-1.7', [signed])).toEqual({ status: 'unknown' });
    expect(await verifySignedJson(json, [draft()])).toEqual({ status: 'unknown' });
    expect(await verifySignedJson(json, [])).toEqual({ status: 'unknown' });
  });
});
