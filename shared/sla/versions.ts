import { z } from 'zod';
import { Department, type Member } from '../records/member';
import { IsoDate } from '../records/workspace';
import { hashSignedContent, sha256Hex, type SignedContent } from './canonical';
import { SlaDocument } from './document';

/**
 * SLA versions: draft → in review → signed. A version is signed (frozen) when every signer has
 * signed; from then on nothing in it may change: the data layer calls {@link assertWritable} before
 * every write, and editing starts a new revision ({@link startRevision}) based on the signed hash.
 *
 * Transitions:
 *   draft      → in-review  (submitForReview; needs at least one signer)
 *   in-review  → draft      (returnToDraft; clears the signatures given so far)
 *   in-review  → signed     (addSignature, when the last signer signs; computes the hash)
 *   signed     → (none)     (startRevision creates a new draft instead)
 * The document and the signers can only change in draft: a signature covers the content it saw.
 */

export const VERSION_STATES = ['draft', 'in-review', 'signed'] as const;
export const VersionState = z.enum(VERSION_STATES);
export type VersionState = z.infer<typeof VersionState>;

export const ALLOWED_TRANSITIONS: Readonly<Record<VersionState, readonly VersionState[]>> = {
  draft: ['in-review'],
  'in-review': ['draft', 'signed'],
  signed: [],
};

export function canTransition(from: VersionState, to: VersionState): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

export const MAX_SIGNERS = 10;
/** Longest drawn-signature string (SVG path data or PNG data URL): ~150 KB of PNG. */
export const MAX_SIGNATURE_CHARS = 200_000;

const MemberId = z.string().min(1).max(100);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** SVG path commands and numbers only (no markup, no script: rendered inside a <path d="">). */
const SVG_PATH_DATA = /^[MmLlHhVvCcSsQqTtAaZz0-9eE.,+\-\s]+$/;
/** A PNG data URL: base64 that starts with the PNG signature (89 50 4E 47 0D 0A 1A 0A). */
const PNG_DATA_URL = /^data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/;

export const SignatureImage = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('svg-path'),
    data: z.string().min(1).max(MAX_SIGNATURE_CHARS).regex(SVG_PATH_DATA),
    /** The drawing pad's size, for the viewBox. */
    width: z.number().positive().max(4_000),
    height: z.number().positive().max(4_000),
  }),
  z.object({
    format: z.literal('png'),
    data: z.string().max(MAX_SIGNATURE_CHARS).regex(PNG_DATA_URL),
  }),
]);
export type SignatureImage = z.infer<typeof SignatureImage>;

export const Signature = z.object({
  memberId: MemberId,
  /** The name as the signer typed it. */
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).default(''),
  department: Department,
  /** Calendar date written beside the signature (YYYY-MM-DD). */
  date: z.iso.date(),
  image: SignatureImage,
});
export type Signature = z.infer<typeof Signature>;
export type SignatureInput = z.input<typeof Signature>;

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const SlaVersion = z
  .object({
    id: z.string().min(1).max(100),
    revision: z.number().int().min(1),
    state: VersionState.default('draft'),
    /** Hash of the signed version this revision starts from; null for the first. */
    basedOn: Sha256.nullable().default(null),
    document: SlaDocument,
    /** Member ids who must sign, in display order. */
    signers: z.array(MemberId).max(MAX_SIGNERS).refine(uniqueIds, { message: 'Signers must be unique' }).default([]),
    signatures: z.array(Signature).max(MAX_SIGNERS).default([]),
    /** When the last signature was added (ISO date-time); null until signed. */
    signedAt: IsoDate.nullable().default(null),
    /** SHA-256 of the canonical signed content; null until signed. */
    hash: Sha256.nullable().default(null),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .superRefine((version, ctx) => {
    const signed = new Set(version.signatures.map((signature) => signature.memberId));
    if (signed.size !== version.signatures.length) ctx.addIssue({ code: 'custom', path: ['signatures'], message: 'One signature per member' });
    if (version.signatures.some((signature) => !version.signers.includes(signature.memberId))) {
      ctx.addIssue({ code: 'custom', path: ['signatures'], message: 'Only signers sign' });
    }
    if (version.state === 'signed') {
      if (version.hash === null || version.signedAt === null) ctx.addIssue({ code: 'custom', path: ['hash'], message: 'A signed version has a hash and a date' });
      if (version.signers.length === 0 || version.signers.some((id) => !signed.has(id))) {
        ctx.addIssue({ code: 'custom', path: ['signatures'], message: 'A signed version is signed by every signer' });
      }
    } else if (version.hash !== null || version.signedAt !== null) {
      ctx.addIssue({ code: 'custom', path: ['hash'], message: 'Only a signed version has a hash' });
    }
    if (version.state === 'draft' && version.signatures.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['signatures'], message: 'A draft has no signatures' });
    }
  });
export type SlaVersion = z.infer<typeof SlaVersion>;
export type SlaVersionInput = z.input<typeof SlaVersion>;

/** Thrown on any attempt to change a signed version. */
export class FrozenVersionError extends Error {
  override readonly name = 'FrozenVersionError';
  readonly code = 'version-frozen';
  constructor(
    readonly versionId: string,
    readonly revision: number,
  ) {
    super(`SLA version ${versionId} (revision ${revision}) is signed and cannot change; start a new revision`);
  }
}

/** Thrown when an action is not allowed in the version's current state (other than frozen). */
export class VersionStateError extends Error {
  override readonly name = 'VersionStateError';
  readonly code = 'version-state';
  constructor(
    readonly state: VersionState,
    readonly action: string,
    readonly reason: string = 'not-allowed',
  ) {
    super(`Cannot ${action} an SLA version in state ${state} (${reason})`);
  }
}

/**
 * Thrown when a signature is dated after the day of signing. The store cannot know the signer's
 * time zone, so it refuses only dates after the latest calendar day anywhere on Earth at that
 * moment (UTC+14); the sign dialog refuses any date after the machine's local today.
 */
export class FutureSignatureDateError extends Error {
  override readonly name = 'FutureSignatureDateError';
  readonly code = 'signature-date-future';
  constructor(
    readonly date: string,
    readonly latest: string,
  ) {
    super(`A signature cannot be dated ${date}: that is after the day of signing (${latest} at the latest)`);
  }
}

/** The latest calendar date (YYYY-MM-DD) anywhere on Earth at the instant `now` (UTC+14). */
export function latestDateOnEarth(now: string): string {
  return new Date(Date.parse(now) + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** A signed version is frozen: no field of it may change. */
export function isFrozen(version: Pick<SlaVersion, 'state'>): boolean {
  return version.state === 'signed';
}

/** Throws FrozenVersionError when the version is signed. The data layer calls it before every write. */
export function assertWritable(version: Pick<SlaVersion, 'id' | 'revision' | 'state'>): void {
  if (isFrozen(version)) throw new FrozenVersionError(version.id, version.revision);
}

function assertState(version: SlaVersion, state: VersionState, action: string): void {
  assertWritable(version);
  if (version.state !== state) throw new VersionStateError(version.state, action);
}

/** The first revision of an SLA: a draft. */
export function createVersion(input: { id: string; document: SlaDocument; signers?: readonly string[]; now: string }): SlaVersion {
  return SlaVersion.parse({
    id: input.id,
    revision: 1,
    state: 'draft',
    basedOn: null,
    document: input.document,
    signers: [...(input.signers ?? [])],
    createdAt: input.now,
    updatedAt: input.now,
  });
}

/** Replaces the document of a draft. FrozenVersionError when signed, VersionStateError in review. */
export function updateDocument(version: SlaVersion, document: SlaDocument, now: string): SlaVersion {
  assertState(version, 'draft', 'edit the document of');
  return { ...version, document: SlaDocument.parse(document), updatedAt: now };
}

/** Sets who must sign (draft only; unique member ids). */
export function setSigners(version: SlaVersion, signers: readonly string[], now: string): SlaVersion {
  assertState(version, 'draft', 'change the signers of');
  return SlaVersion.parse({ ...version, signers: [...signers], updatedAt: now });
}

/** draft → in-review. Needs at least one signer. */
export function submitForReview(version: SlaVersion, now: string): SlaVersion {
  assertState(version, 'draft', 'submit');
  if (version.signers.length === 0) throw new VersionStateError(version.state, 'submit', 'no-signers');
  return { ...version, state: 'in-review', updatedAt: now };
}

/** in-review → draft, to edit again: the signatures given so far are cleared (they covered the old content). */
export function returnToDraft(version: SlaVersion, now: string): SlaVersion {
  assertState(version, 'in-review', 'return to draft');
  return { ...version, state: 'draft', signatures: [], updatedAt: now };
}

/** What the signatures cover (see canonical.ts): document, signers, signatures, version, signedAt. */
export interface SignedVersionInfo {
  id: string;
  revision: number;
  basedOn: string | null;
}

export function signedContentOf(version: SlaVersion, signedAt: string): SignedContent<SlaDocument, string[], Signature[], SignedVersionInfo> {
  return {
    document: version.document,
    signers: version.signers,
    signatures: version.signatures,
    version: { id: version.id, revision: version.revision, basedOn: version.basedOn },
    signedAt,
  };
}

/**
 * Adds one signer's signature (in review only). When it is the last one missing, the version
 * becomes signed: `signedAt` = now and `hash` = SHA-256 of the canonical signed content.
 * Throws VersionStateError for a non-signer or a second signature by the same member.
 */
export async function addSignature(version: SlaVersion, signature: SignatureInput, now: string): Promise<SlaVersion> {
  assertState(version, 'in-review', 'sign');
  const parsed = Signature.parse(signature);
  if (!version.signers.includes(parsed.memberId)) throw new VersionStateError(version.state, 'sign', 'not-a-signer');
  if (version.signatures.some((existing) => existing.memberId === parsed.memberId)) throw new VersionStateError(version.state, 'sign', 'already-signed');
  // Only new signatures: versions read from files keep whatever dates they were signed with.
  const latest = latestDateOnEarth(now);
  if (parsed.date > latest) throw new FutureSignatureDateError(parsed.date, latest);
  const next: SlaVersion = { ...version, signatures: [...version.signatures, parsed], updatedAt: now };
  const complete = next.signers.every((id) => next.signatures.some((existing) => existing.memberId === id));
  if (!complete) return next;
  const { hash } = await hashSignedContent(signedContentOf(next, now));
  return SlaVersion.parse({ ...next, state: 'signed', signedAt: IsoDate.parse(now), hash });
}

/** Signers who have not signed yet, in signer order. */
export function pendingSigners(version: Pick<SlaVersion, 'signers' | 'signatures'>): string[] {
  return version.signers.filter((id) => !version.signatures.some((signature) => signature.memberId === id));
}

/** The canonical JSON and hash of a signed version (what the PDF embeds and prints). */
export async function signedJsonOf(version: SlaVersion): Promise<{ json: string; hash: string }> {
  if (!isFrozen(version) || version.signedAt === null) throw new VersionStateError(version.state, 'export the signed content of', 'not-signed');
  return hashSignedContent(signedContentOf(version, version.signedAt));
}

/** Recomputes a signed version's hash: false when its stored content no longer matches it. */
export async function verifyVersion(version: SlaVersion): Promise<boolean> {
  if (!isFrozen(version) || version.hash === null) return false;
  return (await signedJsonOf(version)).hash === version.hash;
}

/**
 * Editing a signed SLA: a new draft, revision + 1, based on the signed hash, with the same
 * document and signers and no signatures. The signed version itself is left untouched.
 */
export function startRevision(signed: SlaVersion, input: { id: string; now: string }): SlaVersion {
  if (!isFrozen(signed) || signed.hash === null) throw new VersionStateError(signed.state, 'start a revision from', 'not-signed');
  return SlaVersion.parse({
    id: input.id,
    revision: signed.revision + 1,
    state: 'draft',
    basedOn: signed.hash,
    document: structuredClone(signed.document),
    signers: [...signed.signers],
    signatures: [],
    signedAt: null,
    hash: null,
    createdAt: input.now,
    updatedAt: input.now,
  });
}

/** The last signed version among `versions` (highest revision), for the "changes since signed" view. */
export function lastSigned(versions: readonly SlaVersion[]): SlaVersion | undefined {
  return versions.filter(isFrozen).reduce<SlaVersion | undefined>((best, version) => (best === undefined || version.revision > best.revision ? version : best), undefined);
}

const HEAD_TITLE = /\bhead\b|部長/i;
const SIGNING_DEPARTMENTS = ['marketing', 'sales'] as const;

/**
 * Default signers: for marketing then sales, the first member whose title says head / 部長
 * (本部長 included), else the first member of that department; departments with no member are
 * skipped.
 */
export function defaultSigners(members: readonly Pick<Member, 'id' | 'department' | 'title'>[]): string[] {
  const signers: string[] = [];
  for (const department of SIGNING_DEPARTMENTS) {
    const candidates = members.filter((member) => member.department === department);
    const head = candidates.find((member) => HEAD_TITLE.test(member.title)) ?? candidates[0];
    if (head) signers.push(head.id);
  }
  return signers;
}

export type VerifyResult =
  | { status: 'matches'; version: SlaVersion }
  | { status: 'altered'; version: SlaVersion }
  | { status: 'unknown' };

const SignedVersionMeta = z.object({ version: z.object({ id: z.string() }) });

/**
 * Verifies signed JSON taken from a PDF against the known signed versions:
 * - `matches`: its SHA-256 is the hash of a known signed version (so it is, byte for byte, the
 *   canonical JSON that was signed);
 * - `altered`: it names a known signed version (version.id inside the JSON, or the hash printed in
 *   the PDF footer passed as `claimedHash`) but its hash differs;
 * - `unknown`: it matches and names nothing we know (another workspace, or not ours at all).
 */
export async function verifySignedJson(json: string, versions: readonly SlaVersion[], claimedHash?: string): Promise<VerifyResult> {
  const signed = versions.filter((version) => isFrozen(version) && version.hash !== null);
  const hash = await sha256Hex(json);
  const match = signed.find((version) => version.hash === hash);
  if (match) return { status: 'matches', version: match };
  const claimed = claimedHash === undefined ? undefined : signed.find((version) => version.hash === claimedHash.trim().toLowerCase());
  if (claimed) return { status: 'altered', version: claimed };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { status: 'unknown' };
  }
  const meta = SignedVersionMeta.safeParse(parsed);
  const named = meta.success ? signed.find((version) => version.id === meta.data.version.id) : undefined;
  return named ? { status: 'altered', version: named } : { status: 'unknown' };
}
