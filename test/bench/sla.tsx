/**
 * The seed side of the SLA PDF benchmark (sla.html?paras=…&extra=…): writes, through the app's own
 * store functions, a sample workspace (createSampleWorkspace) with a signed SLA version whose
 * content fills about ten A4 pages — long user text in every section and many commitments — and
 * puts the workspace id and the signed version on window.benchSla. The print route itself is the
 * app's (slaapp.html, the app's main.tsx, same origin and so the same IndexedDB).
 * A .tsx file so that only test/bench/tsconfig.json (renderer settings) checks it.
 */
import { en } from '../../shared/locales/en';
import { type Commitment, COMMITMENT_KINDS, createCommitment } from '../../shared/sla/commitments';
import { submitForReview, type SlaVersion } from '../../shared/sla/versions';
import { db } from '../../renderer/src/db/db';
import { newId } from '../../renderer/src/db/ids';
import { createSampleWorkspace } from '../../renderer/src/db/sample';
import { commitmentsOf, ensureVersion, loadFunnel, regenerateVersion, saveDocument, signVersion, updateVersion } from '../../renderer/src/features/sla/slaStore';

declare global {
  interface Window {
    benchSla?: { done: boolean; ms: number; error: string | null; workspaceId?: string; version?: SlaVersion; userTextChars?: number; commitments?: number };
  }
}

const params = new URLSearchParams(window.location.search);
/** Paragraphs of user text per section, and commitments added to the default ones. */
const paragraphs = Number(params.get('paras') ?? '3');
const extraCommitments = Number(params.get('extra') ?? '12');

const SENTENCES = [
  'Marketing hands over every qualified lead with its source, its campaign and the reason it qualified.',
  'Sales reviews each handed-over record, accepts or rejects it with a reason and records the outcome in the shared system.',
  'Both teams meet every week to review the numbers against the plan and agree on one corrective action at a time.',
  'A rejected lead goes back to nurturing with the rejection reason, so that marketing can improve its targeting.',
  'Escalations go to the two department heads, who answer within two business days and write the decision down.',
  'The figures used in this agreement come from the shared dashboard; neither team keeps numbers of its own for the review.',
];

function userText(sectionIndex: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++) sentences.push(SENTENCES[(sectionIndex + p + s) % SENTENCES.length]!);
    out.push(`${sectionIndex + 1}.${p + 1} ${sentences.join(' ')}`);
  }
  return out.join('\n\n');
}

/** A short drawn signature (SVG path data, as the signature pad stores it). */
function signaturePath(phase: number): string {
  let d = 'M 30 100';
  for (let i = 1; i <= 20; i++) d += ` L ${30 + i * 18} ${Math.round(100 - Math.sin(i / 2 + phase) * 40)}`;
  return d;
}

async function seed(): Promise<void> {
  const started = performance.now();
  const workspaceId = await createSampleWorkspace('en');
  const first = await ensureVersion(workspaceId, { language: 'en', title: en.sla.defaultTitle });
  const { funnel } = await loadFunnel(workspaceId, 'en');
  const commitments: Commitment[] = [...commitmentsOf(first.document)];
  for (let i = 0; i < extraCommitments; i++) {
    const kind = COMMITMENT_KINDS.filter((candidate) => candidate !== 'reviewCadence' && candidate !== 'volume')[i % 6]!;
    commitments.push(createCommitment(kind, {}, newId));
  }
  const regenerated = await regenerateVersion(workspaceId, first.id, funnel, commitments);
  const withText = await saveDocument(workspaceId, first.id, {
    ...regenerated.document,
    sections: regenerated.document.sections.map((section, index) => ({ ...section, text: userText(index) })),
  });
  await updateVersion(workspaceId, first.id, (version, now) => submitForReview(version, now));
  const members = await db.members.where('workspaceId').equals(workspaceId).toArray();
  let signed: SlaVersion | null = null;
  for (const [index, memberId] of withText.signers.entries()) {
    const member = members.find((candidate) => candidate.id === memberId)!;
    signed = await signVersion(workspaceId, first.id, {
      memberId,
      name: member.name,
      title: member.title,
      department: member.department,
      date: new Date().toISOString().slice(0, 10),
      image: { format: 'svg-path', data: signaturePath(index), width: 420, height: 200 },
    });
  }
  if (!signed || signed.state !== 'signed') throw new Error(`the SLA version is ${signed?.state ?? 'without signers'}, not signed`);
  const { workspaceId: _, ...version } = signed as SlaVersion & { workspaceId?: string };
  db.close();
  window.benchSla = {
    done: true,
    ms: performance.now() - started,
    error: null,
    workspaceId,
    version,
    userTextChars: withText.document.sections.reduce((sum, section) => sum + section.text.length, 0),
    commitments: commitmentsOf(withText.document).length,
  };
}

seed().catch((error: unknown) => {
  window.benchSla = { done: true, ms: 0, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
});
