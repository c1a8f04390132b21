import type { TFunction } from 'i18next';
import type { StickyDepartment, StickyNodeData } from '@shared/board/nodes';
import type { Department, Member } from '@shared/records/member';
import { intlFormatter } from '../../ui/intlCache';
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

/** A text's translation split at its values' places: literal, value index, literal, … */
const templates = new WeakMap<TFunction, Map<string, string[]>>();
/** Private-use characters around a value's index: no translation holds them. */
const MARK = /\uE000(\d+)\uE001/;

/**
 * `t(key, values)` for a text whose values are plain strings (no plural, context or formatting):
 * translated once per language with a mark in each value's place, then filled in. Every note's
 * accessible name is one such text, made for each note as a board opens (issue 12: i18next's
 * lookup and interpolation per note were tens of ms for a thousand notes).
 */
export function filledText(context: Pick<LabelContext, 't' | 'language'>, key: string, values: Readonly<Record<string, string>>): string {
  let cached = templates.get(context.t);
  if (!cached) {
    cached = new Map();
    templates.set(context.t, cached);
  }
  const names = Object.keys(values);
  const cacheKey = `${context.language}\u0000${key}\u0000${names.join('\u0000')}`;
  let parts = cached.get(cacheKey);
  if (!parts) {
    const marks = Object.fromEntries(names.map((name, index) => [name, `\uE000${index}\uE001`]));
    parts = String(context.t(key as never, marks as never)).split(MARK);
    cached.set(cacheKey, parts);
  }
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) text += values[names[Number(parts[i])]!]! + parts[i + 1]!;
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
  return intlFormatter(`voters|${context.language}`, () => new Intl.ListFormat(context.language, { style: 'short', type: 'unit' })).format(names);
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
  const parts: string[] = [author ? filledText(context, 'board.sticky.label', { author, department, text }) : filledText(context, 'board.sticky.labelNoAuthor', { department, text })];
  if (data.votes > 0) parts.push(t('board.sticky.votes', { count: data.votes }));
  if (data.voters.length > 0) parts.push(t('board.sticky.votedBy', { names: votersText(data.voters, context) }));
  if (data.promotedTo) parts.push(t('board.sticky.promoted', { field: t(`persona.fields.${data.promotedTo}`) }));
  if (state.voting && state.myDot) parts.push(fixedText(context, 'board.sticky.myDot'));
  return parts.length === 1 ? parts[0]! : parts.join(fixedText(context, 'board.sticky.separator'));
}
