import { type PdfExportRequest, type PdfFooterInfo, printRoute } from '@shared/pdf';
import type { KnownVersion, PdfSealRequest } from '@shared/pdfSeal/contract';
import { isFrozen, signedJsonOf, type SlaVersion } from '@shared/sla/versions';

/**
 * What the SLA PDF export asks the host for: the print route, the page footer (version and hash,
 * ASCII only: Chromium draws footers without the page's fonts) and, for a signed version, the seal
 * (metadata + the signed canonical JSON embedded as an attachment; shared/pdfSeal).
 */

export function slaFooter(version: Pick<SlaVersion, 'revision' | 'state' | 'hash'>): PdfFooterInfo {
  return {
    label: 'SLA',
    version: version.state === 'signed' ? `Revision ${version.revision}` : `Revision ${version.revision} (${version.state})`,
    ...(version.hash ? { hash: `SHA-256 ${version.hash}` } : {}),
  };
}

export type SealTexts = {
  /** The document's title (becomes the PDF title). */
  title: string;
  /** "Service level agreement", in the document's language. */
  subject: string;
  /** BCP 47 tag of the document's language. */
  language: string;
};

/** The seal request of a signed version: contentJson = its canonical signed JSON, dates = signedAt. */
export async function slaSealRequest(version: SlaVersion, texts: SealTexts): Promise<PdfSealRequest> {
  if (!isFrozen(version) || !version.signedAt) throw new Error('Only a signed SLA version is sealed');
  const { json, hash } = await signedJsonOf(version);
  return {
    title: texts.title.slice(0, 500),
    author: version.signatures.map((signature) => signature.name).join(', ').slice(0, 500),
    subject: texts.subject.slice(0, 1000),
    keywords: ['SLA', `revision ${version.revision}`, `sha256:${hash}`],
    creator: 'Alignboard',
    producer: 'Alignboard',
    creationDate: version.signedAt,
    modificationDate: version.signedAt,
    language: texts.language,
    versionId: version.id,
    contentJson: json,
    hash,
    attachmentDescription: 'Signed SLA content: canonical JSON (RFC 8785) whose SHA-256 is printed in the page footer',
  };
}

export function suggestedPdfName(title: string, revision: number): string {
  const safe = title.replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 150) || 'SLA';
  return `${safe} r${revision}.pdf`;
}

export async function slaExportRequest(workspaceId: string, version: SlaVersion, texts: SealTexts): Promise<PdfExportRequest> {
  return {
    kind: 'sla',
    route: printRoute('sla', workspaceId, version.id),
    suggestedName: suggestedPdfName(texts.title, version.revision),
    footer: slaFooter(version),
    ...(isFrozen(version) ? { seal: await slaSealRequest(version, texts) } : {}),
  };
}

/** A signed version as the PDF verifier knows it. */
export type KnownSlaVersion = KnownVersion & { revision: number };

export function knownVersions(versions: readonly SlaVersion[]): KnownSlaVersion[] {
  return versions
    .filter((version) => isFrozen(version) && version.hash !== null && version.signedAt !== null)
    .map((version) => ({
      versionId: version.id,
      hash: version.hash!,
      signedAt: version.signedAt!,
      revision: version.revision,
      signers: version.signatures.map((signature) => ({ name: signature.name, title: signature.title })),
    }));
}
