import { z } from 'zod';
import type { PdfRefusal } from './prescan';

export type { PdfRefusal } from './prescan';

/**
 * The seal of a filed PDF, without pdf-lib (so the IPC contract and the renderer can import it
 * without pulling the PDF library in).
 *
 * A sealed PDF carries one attached file, `sla-signed.json`, whose text is the **seal JSON**:
 *
 *     {"content":<C>,"hash":"<H>","versionId":<V>}
 *
 * byte for byte in that shape (keys sorted, no whitespace, so it is itself canonical JSON), where
 * - C is the canonical JSON text of the signed content, exactly as the shared canonical-JSON module
 *   produced it when the version was signed;
 * - H is the SHA-256 of the UTF-8 bytes of C, 64 lowercase hex digits: the hash shown in the UI,
 *   printed in the page footer and stored with the signed version;
 * - V is the id of the signed version, as a JSON string: what the file claims to be.
 *
 * Verification hashes C as found in the file (it never re-serialises the content), so any change
 * to a byte of C is seen without knowing the canonicalisation rules, and the seal JSON is read by
 * exact shape rather than by a lenient parse (no duplicate keys, no reordering, no extra fields).
 */

export const SEAL_FILE_NAME = 'sla-signed.json';
export const SEAL_MIME_TYPE = 'application/json';

/** Decompressed attachments larger than this are refused (a PDF bomb is a problem, not a hang). */
export const MAX_SEAL_JSON_BYTES = 20 * 1024 * 1024;
/** PDFs larger than this are not parsed at all. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export type SealEnvelope = {
  /** The canonical JSON text of the signed content, as it stands in the file. */
  readonly contentJson: string;
  /** The stored hash (lowercase hex). */
  readonly hash: string;
  /** The version the file claims to be. */
  readonly versionId: string;
};

/** The seal JSON for a signed version (see the file comment for the exact shape). */
export function buildSealJson(envelope: SealEnvelope): string {
  const { contentJson, hash, versionId } = envelope;
  if (!SHA256_HEX.test(hash)) throw new Error('The hash of a signed version is 64 lowercase hex digits.');
  if (!versionId) throw new Error('A signed version needs an id.');
  try {
    JSON.parse(contentJson);
  } catch {
    throw new Error('The signed content is not JSON text.');
  }
  return `{"content":${contentJson},"hash":"${hash}","versionId":${JSON.stringify(versionId)}}`;
}

const PREFIX = '{"content":';

export type ParsedSealJson = { ok: true; envelope: SealEnvelope } | { ok: false; detail: string };

/** Reads seal JSON by its exact shape; never throws. */
export function parseSealJson(text: string): ParsedSealJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'the attached seal is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, detail: 'the attached seal is not a JSON object' };
  }
  const record = parsed as Record<string, unknown>;
  const keys = Object.keys(record).sort().join(',');
  if (keys !== 'content,hash,versionId') return { ok: false, detail: `the attached seal has the fields ${keys || '(none)'}` };
  const { hash, versionId } = record;
  if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) return { ok: false, detail: 'the attached seal has no valid hash' };
  if (typeof versionId !== 'string' || versionId.length === 0) return { ok: false, detail: 'the attached seal names no version' };
  const suffix = `,"hash":"${hash}","versionId":${JSON.stringify(versionId)}}`;
  if (!text.startsWith(PREFIX) || !text.endsWith(suffix) || text.length < PREFIX.length + suffix.length + 1) {
    return { ok: false, detail: 'the attached seal is not in canonical form' };
  }
  const contentJson = text.slice(PREFIX.length, text.length - suffix.length);
  if (/^\s|\s$/.test(contentJson)) return { ok: false, detail: 'the attached seal is not in canonical form' };
  try {
    // A value on its own: rules out a "content" that swallowed a duplicate key.
    JSON.parse(contentJson);
  } catch {
    return { ok: false, detail: 'the attached seal is not in canonical form' };
  }
  return { ok: true, envelope: { contentJson, hash, versionId } };
}

// ---------------------------------------------------------------------------------------------
// Verification against the signed versions the workspace knows.

export type KnownVersion = {
  readonly versionId: string;
  /** SHA-256 hex of the version's canonical content. */
  readonly hash: string;
  readonly signedAt: string | Date;
  readonly signers: readonly { readonly name: string; readonly title: string }[];
};

/** SHA-256 of the UTF-8 bytes of a text, as hex (the shared hashing function). */
export type HashFn = (text: string) => Promise<string>;

export type SealProblem =
  | 'not-pdf'
  | 'encrypted'
  | 'no-attachment'
  /** More than one attached seal, with different texts: which one is "the" seal? */
  | 'ambiguous'
  | 'unreadable';

export type AlteredReason =
  /** The seal JSON is not in the contract's shape. */
  | 'malformed-seal'
  /** The hash of the attached content is not the hash stored beside it. */
  | 'hash-mismatch'
  /** Self-consistent, but it claims a known version whose hash is different. */
  | 'differs-from-signed-version'
  /** Two different attached seals. */
  | 'several-seals';

export type VerifyResult<V extends KnownVersion = KnownVersion> =
  | { status: 'matches'; version: V }
  | { status: 'altered'; reason: AlteredReason; detail: string; claimedVersion: V | null }
  | { status: 'unknown'; reason: 'no-seal' | 'not-a-known-version'; detail: string }
  | {
      status: 'unreadable';
      problem: Exclude<SealProblem, 'no-attachment' | 'ambiguous'>;
      detail: string;
      /** Set when the file was refused as hostile or oversized before (or while) being parsed. */
      refusal?: PdfRefusal;
    };

/**
 * The verdict on seal JSON (the part of verifyPdf after the file has been read):
 * - altered: not in the contract's shape, or hash(C) ≠ H, or hash(C) = H but the claimed version
 *   is known with another hash (someone changed the content and recomputed the hash);
 * - matches: hash(C) = H = the hash of a known version (the one with the claimed id first);
 * - unknown: self-consistent but no known version has that hash or that id (signed in another
 *   workspace, or the version was deleted).
 */
export async function judgeSealJson<V extends KnownVersion>(
  text: string,
  knownVersions: readonly V[],
  hashFn: HashFn,
): Promise<VerifyResult<V>> {
  const parsed = parseSealJson(text);
  if (!parsed.ok) return { status: 'altered', reason: 'malformed-seal', detail: parsed.detail, claimedVersion: null };
  const { contentJson, hash, versionId } = parsed.envelope;
  const claimed = knownVersions.find((version) => version.versionId === versionId) ?? null;
  const recomputed = (await hashFn(contentJson)).toLowerCase();
  if (recomputed !== hash) {
    return { status: 'altered', reason: 'hash-mismatch', detail: 'the attached content does not hash to the hash stored with it', claimedVersion: claimed };
  }
  const sameHash = (version: V) => version.hash.toLowerCase() === recomputed;
  const match = claimed && sameHash(claimed) ? claimed : knownVersions.find(sameHash);
  if (match) return { status: 'matches', version: match };
  if (claimed) {
    return {
      status: 'altered',
      reason: 'differs-from-signed-version',
      detail: `the attached content is not the content signed as version ${versionId}`,
      claimedVersion: claimed,
    };
  }
  return { status: 'unknown', reason: 'not-a-known-version', detail: `version ${versionId} is not a signed version of this workspace` };
}

// ---------------------------------------------------------------------------------------------
// What the renderer sends with a PDF export request to have the PDF sealed (JSON-safe: dates as
// ISO strings), and its conversion to sealPdf's options.

const Text = (max: number) => z.string().max(max);
const IsoDate = z.iso.datetime({ offset: true });

export const PdfSealRequest = z.object({
  title: Text(500),
  author: Text(500),
  subject: Text(1000),
  keywords: z.array(Text(200)).max(50),
  creator: Text(200),
  producer: Text(200),
  creationDate: IsoDate,
  modificationDate: IsoDate,
  /** BCP 47 tag of the document's main language: `ja`, `en-US`. */
  language: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/),
  versionId: z.string().min(1).max(200),
  /** Canonical JSON text of the signed content. */
  contentJson: z.string().min(1).max(MAX_SEAL_JSON_BYTES / 2),
  hash: z.string().regex(SHA256_HEX),
  /** Shown by PDF readers beside the attachment. */
  attachmentDescription: Text(500),
});
export type PdfSealRequest = z.infer<typeof PdfSealRequest>;
