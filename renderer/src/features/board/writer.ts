import type { StickyDepartment } from '@shared/board/nodes';
import type { Department, Member } from '@shared/records/member';
import { isGuestAuthorId } from '@shared/rooms/identity';

/** Who is writing (and voting) at the facilitator's laptop: a member, or both departments jointly. */
export type Writer = { kind: 'joint' } | { kind: 'member'; id: string };

export const JOINT: Writer = { kind: 'joint' };

const DEPARTMENT_ORDER: Record<Department, number> = { sales: 0, marketing: 1, other: 2 };

// Made once per language: making a collator takes milliseconds (a board opening sorts its writers,
// and every note with votes its voters; issue 12).
const collators = new Map<string, Intl.Collator>();
export function collatorFor(language: string): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language);
    collators.set(language, collator);
  }
  return collator;
}

/** Members in picker order (sales, marketing, others; by name): member n is key n. Room guests write from their own phones. */
export function writerOrder(members: readonly Member[], language: string): Member[] {
  const collator = collatorFor(language);
  return members.filter((member) => !isGuestAuthorId(member.id)).sort((a, b) => DEPARTMENT_ORDER[a.department] - DEPARTMENT_ORDER[b.department] || collator.compare(a.name, b.name));
}

/** What a new note of this writer carries. A writer no longer in the workspace writes jointly. */
export function writerFields(writer: Writer, members: ReadonlyMap<string, Member>): { authorId: string | null; department: StickyDepartment } {
  const member = writer.kind === 'member' ? members.get(writer.id) : undefined;
  if (!member) return { authorId: null, department: 'joint' };
  return { authorId: member.id, department: member.department === 'other' ? 'joint' : member.department };
}

/** The writer picked per workspace, for the session (a facilitator moves between boards). */
const remembered = new Map<string, Writer>();

export function rememberedWriter(workspaceId: string): Writer {
  return remembered.get(workspaceId) ?? JOINT;
}

export function rememberWriter(workspaceId: string, writer: Writer): void {
  remembered.set(workspaceId, writer);
}
