import { type PdfRefusal, type PdfSealRequest, readSeal, sealPdfForRequest, verifyPdf, type VerifyResult } from '@shared/pdfSeal';
import { sha256Hex } from '@shared/sla/canonical';
import type { KnownSlaVersion } from './exportRequest';

/**
 * The PDF work of the Verify page, written as one function of a message so the very same code
 * runs in a Web Worker (pdfWorker.ts) and, where there are no workers (jsdom), inline. Everything
 * that touches the bytes of a file the user picked (pdf-lib parsing, inflating, hashing) happens
 * here; shared/pdfSeal refuses hostile files before pdf-lib inflates anything.
 */

export type ToPdfWorker =
  | { type: 'verify'; bytes: ArrayBuffer; known: KnownSlaVersion[] }
  /** Seal a PDF saved from the browser's print dialog with `request`, then check the copy verifies as `known`. */
  | { type: 'seal'; bytes: ArrayBuffer; request: PdfSealRequest; known: KnownSlaVersion[] };

export type Unreadable = { detail: string; refusal?: PdfRefusal };

export type SealOutcome =
  | { kind: 'sealed'; bytes: Uint8Array }
  /** The file carries a seal already: left alone. */
  | { kind: 'already-sealed' }
  | { kind: 'unreadable'; unreadable: Unreadable }
  /** The sealed copy did not verify as the version (never saved). */
  | { kind: 'not-verified' };

export type FromPdfWorker =
  | { type: 'verified'; result: VerifyResult<KnownSlaVersion> }
  | { type: 'sealed'; outcome: SealOutcome }
  | { type: 'error'; message: string };

export async function runPdfJob(message: ToPdfWorker): Promise<FromPdfWorker> {
  try {
    const bytes = new Uint8Array(message.bytes);
    if (message.type === 'verify') return { type: 'verified', result: await verifyPdf(bytes, message.known, sha256Hex) };
    const existing = await readSeal(bytes);
    if (existing.ok) return { type: 'sealed', outcome: { kind: 'already-sealed' } };
    if (existing.problem === 'not-pdf' || existing.problem === 'unreadable') {
      return { type: 'sealed', outcome: { kind: 'unreadable', unreadable: existing.refusal ? { detail: existing.detail, refusal: existing.refusal } : { detail: existing.detail } } };
    }
    const sealed = await sealPdfForRequest(bytes, message.request, sha256Hex);
    // Check the copy before offering it: it must verify as this version.
    const verdict = await verifyPdf(sealed, message.known, sha256Hex);
    if (verdict.status !== 'matches') return { type: 'sealed', outcome: { kind: 'not-verified' } };
    return { type: 'sealed', outcome: { kind: 'sealed', bytes: sealed } };
  } catch (error) {
    return { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
