import type { TFunction } from 'i18next';
import type { StickyDepartment, StickyNodeData } from '@shared/board/nodes';
import type { Department, Member } from '@shared/records/member';
import { collatorFor } from './writer';

/** Names shown and read out on the canvas, built from the doc's ids and the workspace's members. */

export type LabelContext = {
  t: TFunction;
  language: string;
  members: ReadonlyMap<string, Member>;
};

/**
 * A translation without options, looked up once per language (`t` is the language's own function):
 * a board of a thousand notes asks for the same few words thousands of times (issue 12).
 */
const fixedTexts = new WeakMap<TFunction, Map<string, string>>();
export function fixedText(context: Pick<LabelContext, 't' | 'language'>, key: string): string {
  let texts = fixedTexts.get(context.t);
  if (!texts) {
    texts = new Map();
    fixedTexts.set(context.t, texts);
  }
  const cacheKey = `${context.language}\u0000${key}`;
  let text = texts.get(cacheKey);
  if (text === undefined) {
    text = context.t(key as never) as string;
    texts.set(cacheKey, text);
  }
  return text;
}

/** A sticky's department from its writer's: members of other departments write joint notes. */
export function stickyDepartmentOf(department: Department): StickyDepartment {
  return department === 'other' ? 'joint' : department;
}

export function authorName(data: StickyNodeData, context: LabelContext): string | null {
  if (!data.authorId) return null;
  return context.members.get(data.authorId)?.name ?? fixedText(context, 'board.sticky.unknownAuthor');
}

/** "Emma Clark ×2, Noah Bennett": who voted, by name, a voter with dots from several rounds counted. */
export function votersText(voters: readonly string[], context: LabelContext): string {
  const counts = new Map<string, number>();
  for (const voter of voters) counts.set(voter, (counts.get(voter) ?? 0) + 1);
  const collator = collatorFor(context.language);
  const names = [...counts]
    .map(([id, count]) => ({ name: context.members.get(id)?.name ?? fixedText(context, 'board.sticky.unknownAuthor'), count }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ name, count }) => (count > 1 ? context.t('board.sticky.voterTimes', { name, count }) : name));
  return new Intl.ListFormat(context.language, { style: 'short', type: 'unit' }).format(names);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The accessible name of a sticky note: what a screen reader says when Tab lands on it. */
export function stickyLabel(data: StickyNodeData, context: LabelContext, state: { myDot: boolean; voting: boolean }): string {
  const { t } = context;
  const text = oneLine(data.text) || fixedText(context, 'board.sticky.empty');
  const department = fixedText(context, `board.department.${data.department}`);
  const author = authorName(data, context);
  const parts: string[] = [author ? t('board.sticky.label', { author, department, text }) : t('board.sticky.labelNoAuthor', { department, text })];
  if (data.votes > 0) parts.push(t('board.sticky.votes', { count: data.votes }));
  if (data.voters.length > 0) parts.push(t('board.sticky.votedBy', { names: votersText(data.voters, context) }));
  if (data.promotedTo) parts.push(t('board.sticky.promoted', { field: t(`persona.fields.${data.promotedTo}`) }));
  if (state.voting && state.myDot) parts.push(fixedText(context, 'board.sticky.myDot'));
  return parts.length === 1 ? parts[0]! : parts.join(fixedText(context, 'board.sticky.separator'));
}
