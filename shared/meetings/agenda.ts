import type { Department } from '../records/member';
import {
  type ActionDepartment,
  type AgendaItem,
  type AgendaKind,
  MAX_AGENDA_ITEMS,
  type Decision,
  MAX_ITEM_MINUTES,
  type Meeting,
} from './records';
import { itemElapsedMs } from './timer';

/**
 * The default agenda of the regular sales × marketing meeting. Items carry a kind, not a title:
 * the UI turns the kind into a title in the user's language when the meeting is planned (the
 * title is then the user's to edit), so one template serves Japanese and English.
 */
export type AgendaTemplateItem = {
  kind: Exclude<AgendaKind, 'custom'>;
  minutes: number;
  /** Whose item it is; a joint item goes to the facilitator (no owner by default). */
  owner: ActionDepartment;
};

export const DEFAULT_AGENDA: readonly AgendaTemplateItem[] = [
  { kind: 'kpiReview', minutes: 15, owner: 'marketing' },
  { kind: 'slaAttainment', minutes: 10, owner: 'sales' },
  { kind: 'leadQuality', minutes: 15, owner: 'sales' },
  { kind: 'campaignPlans', minutes: 10, owner: 'marketing' },
  { kind: 'personaUpdates', minutes: 10, owner: 'marketing' },
  { kind: 'actionsReview', minutes: 10, owner: 'joint' },
];

type MemberLike = { id: string; department: Department };

/**
 * The default agenda as items. `title(kind)` gives the translated title; owners are the first
 * member of the item's department in `members` order (callers pass attendees first), none when
 * the department has nobody.
 */
export function agendaFromTemplate(options: {
  members: readonly MemberLike[];
  title: (kind: AgendaTemplateItem['kind']) => string;
  newId: () => string;
  template?: readonly AgendaTemplateItem[];
}): AgendaItem[] {
  const firstOf = (department: ActionDepartment) =>
    department === 'joint' ? null : (options.members.find((member) => member.department === department)?.id ?? null);
  return (options.template ?? DEFAULT_AGENDA).map((item) => ({
    id: options.newId(),
    kind: item.kind,
    title: options.title(item.kind),
    minutes: item.minutes,
    ownerId: firstOf(item.owner),
    notes: '',
    elapsedMs: 0,
  }));
}

/** The department an action item gets by default: its owner's (other → joint). */
export function departmentOf(member: MemberLike | undefined | null): ActionDepartment {
  if (!member) return 'joint';
  return member.department === 'other' ? 'joint' : member.department;
}

// ---------------------------------------------------------------------------------------------
// Validation of what people type, with a reason the UI names.

export type TextProblem = 'required' | 'tooLong';
export type MinutesProblem = 'notWhole' | 'outOfRange';

export function textProblem(value: string, max: number): TextProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'required';
  if (trimmed.length > max) return 'tooLong';
  return null;
}

/** Minutes as typed ("10"): a whole number from 1 to MAX_ITEM_MINUTES. */
export function parseMinutes(value: string): { minutes: number } | { problem: MinutesProblem } {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return { problem: 'notWhole' };
  const minutes = Number(trimmed);
  if (minutes < 1 || minutes > MAX_ITEM_MINUTES) return { problem: 'outOfRange' };
  return { minutes };
}

// ---------------------------------------------------------------------------------------------
// Agenda edits (pure; the store validates the result with the Meeting schema before writing).

export function addAgendaItem(meeting: Meeting, item: AgendaItem): Meeting {
  if (meeting.agenda.length >= MAX_AGENDA_ITEMS) throw new Error(`An agenda has at most ${MAX_AGENDA_ITEMS} items`);
  return { ...meeting, agenda: [...meeting.agenda, item] };
}

export function updateAgendaItem(meeting: Meeting, itemId: string, patch: Partial<Pick<AgendaItem, 'title' | 'minutes' | 'ownerId' | 'notes'>>): Meeting {
  return { ...meeting, agenda: meeting.agenda.map((item) => (item.id === itemId ? { ...item, ...patch } : item)) };
}

/**
 * Removes an item; returns the meeting and what is needed to put it back (undo). Removing the item
 * whose timer is running stops the timer, and the removed item keeps the time run until `now`, so
 * putting it back restores the time spent on it (the minutes' “Spent”).
 */
export function removeAgendaItem(
  meeting: Meeting,
  itemId: string,
  now: number,
): { meeting: Meeting; removed: { item: AgendaItem; index: number } | null } {
  const index = meeting.agenda.findIndex((item) => item.id === itemId);
  if (index === -1) return { meeting, removed: null };
  const agenda = meeting.agenda.filter((item) => item.id !== itemId);
  const isCurrent = meeting.currentItemId === itemId;
  const currentItemId = isCurrent ? (agenda[Math.min(index, agenda.length - 1)]?.id ?? null) : meeting.currentItemId;
  const item = meeting.agenda[index]!;
  return {
    meeting: { ...meeting, agenda, currentItemId, runningSince: isCurrent ? null : meeting.runningSince },
    removed: { item: isCurrent ? { ...item, elapsedMs: itemElapsedMs(meeting, item, now) } : item, index },
  };
}

export function insertAgendaItem(meeting: Meeting, item: AgendaItem, index: number): Meeting {
  if (meeting.agenda.some((existing) => existing.id === item.id)) return meeting;
  const agenda = [...meeting.agenda];
  agenda.splice(Math.max(0, Math.min(index, agenda.length)), 0, item);
  return { ...meeting, agenda };
}

export function moveAgendaItem(meeting: Meeting, itemId: string, delta: -1 | 1): Meeting {
  const index = meeting.agenda.findIndex((item) => item.id === itemId);
  const target = index + delta;
  if (index === -1 || target < 0 || target >= meeting.agenda.length) return meeting;
  const agenda = [...meeting.agenda];
  [agenda[index], agenda[target]] = [agenda[target]!, agenda[index]!];
  return { ...meeting, agenda };
}

export function totalMinutes(agenda: readonly Pick<AgendaItem, 'minutes'>[]): number {
  return agenda.reduce((sum, item) => sum + item.minutes, 0);
}

// ---------------------------------------------------------------------------------------------
// Decisions.

export function addDecision(meeting: Meeting, decision: { id: string; text: string; agendaItemId: string | null; createdAt: string }): Meeting {
  return { ...meeting, decisions: [...meeting.decisions, { ...decision, text: decision.text.trim() }] };
}

export function updateDecision(meeting: Meeting, decisionId: string, text: string): Meeting {
  return { ...meeting, decisions: meeting.decisions.map((decision) => (decision.id === decisionId ? { ...decision, text: text.trim() } : decision)) };
}

/**
 * Puts a removed decision back where it was (its number in the minutes): before the first of the
 * decisions that followed it that is still there, else last. Unchanged if it is already back.
 */
export function restoreDecision(meeting: Meeting, decision: Decision, followedBy: readonly string[]): Meeting {
  if (meeting.decisions.some((candidate) => candidate.id === decision.id)) return meeting;
  const next = meeting.decisions.findIndex((candidate) => followedBy.includes(candidate.id));
  const at = next === -1 ? meeting.decisions.length : next;
  return { ...meeting, decisions: [...meeting.decisions.slice(0, at), decision, ...meeting.decisions.slice(at)] };
}

export function removeDecision(meeting: Meeting, decisionId: string): Meeting {
  return { ...meeting, decisions: meeting.decisions.filter((decision) => decision.id !== decisionId) };
}
