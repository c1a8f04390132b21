/**
 * English strings of the SLA page in steps (merged into `en.slaSteps`): the step navigation, the
 * document's per-section edit toggle, and what each step says about where the revision stands.
 * `slaSteps.ja.ts` has the same keys.
 */
export const slaStepsEn = {
  nav: 'SLA steps',
  step: '{{number}}. {{step}}',
  steps: {
    commitments: 'Commitments',
    document: 'Document',
    review: 'Review & sign',
    versions: 'Versions',
  },
  next: 'Next: {{step}}',
  commitments: {
    intro: 'What each department promises, lane by lane. Open a card to change its numbers; every change regenerates the document.',
  },
  document: {
    intro: 'The document as it will be signed. Add your own text to a section with its Edit button.',
    edit: 'Edit',
    editSection: 'Edit: {{section}}',
    done: 'Done',
    doneSection: 'Done editing: {{section}}',
  },
  review: {
    draft: 'When the commitments and the document are ready, choose the signers and submit the draft for review. The content is then locked while they sign.',
    inReview: 'Each signer signs with the Sign button: a drawn or typed signature, name, title and date.',
    signed: 'Signed by everyone: this revision is frozen. Its PDF and verification are under Versions.',
  },
  versions: {
    verifyHint: 'Check a PDF someone sent you against the signed revisions.',
  },
} as const;
