import type { Member } from '@shared/records/member';
import type { SlaDocument } from '@shared/sla/document';
import type { SlaVersion, VersionState } from '@shared/sla/versions';

/** The SLA page's steps in the order a manager goes through them; each is its own route. */
export const SLA_STEPS = ['commitments', 'document', 'review', 'versions'] as const;
export type SlaStep = (typeof SLA_STEPS)[number];

export function isSlaStep(value: string | undefined): value is SlaStep {
  return (SLA_STEPS as readonly string[]).includes(value ?? '');
}

/**
 * The step `/w/:id/sla` opens for the current revision: a draft is still being shaped, so its
 * commitments; a revision in review waits for signatures; a signed one is filed, exported and
 * verified — its versions.
 */
export function stepFor(state: VersionState): SlaStep {
  switch (state) {
    case 'draft':
      return 'commitments';
    case 'in-review':
      return 'review';
    case 'signed':
      return 'versions';
  }
}

export const stepPath = (workspaceId: string, step: SlaStep) => `/w/${workspaceId}/sla/${step}`;

/** What every step works with: the current (latest) revision and the page's actions on it. */
export type StepProps = {
  workspaceId: string;
  version: SlaVersion;
  versions: readonly SlaVersion[];
  members: readonly Member[];
  /** Runs a data-layer action, reporting a refusal (frozen, no signers, …) as a toast. */
  run(action: () => Promise<unknown>, done?: string): Promise<void>;
  save(document: SlaDocument): void;
  exportPdf(target: SlaVersion): Promise<void>;
};
