import * as Y from 'yjs';
import { BOARD_EDGES, BOARD_NODES } from '../records/board';
import {
  type BoardNodeData,
  type PersonaTextField,
  readNodeData,
  STICKY_SIZE,
  type StickyNodeData,
  ZONE_FIELD,
  type ZoneNodeData,
} from './nodes';
import { zoneOf } from './personaTemplate';

/**
 * Every board write goes through these functions, inside one `doc.transact(…, origin)` each, so one
 * user action is one undo step and remote updates (other origins) are never undone locally.
 */
export type NodeMap = Y.Map<unknown>;

export function nodesMap(doc: Y.Doc): Y.Map<NodeMap> {
  return doc.getMap<NodeMap>(BOARD_NODES);
}

export function edgesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(BOARD_EDGES);
}

export function readNode(doc: Y.Doc, id: string): BoardNodeData | null {
  const map = nodesMap(doc).get(id);
  return map ? readNodeData(map.toJSON()) : null;
}

export function readAllNodes(doc: Y.Doc): Map<string, BoardNodeData> {
  const result = new Map<string, BoardNodeData>();
  nodesMap(doc).forEach((map, id) => {
    const data = readNodeData(map.toJSON());
    if (data) result.set(id, data);
  });
  return result;
}

function fill(map: NodeMap, data: Record<string, unknown>) {
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined) map.set(key, value);
  }
}

export function addNodes(doc: Y.Doc, nodes: { id: string; data: BoardNodeData }[], origin: unknown): void {
  doc.transact(() => {
    const all = nodesMap(doc);
    for (const { id, data } of nodes) {
      const map = new Y.Map<unknown>();
      fill(map, data);
      all.set(id, map);
    }
  }, origin);
}

/** Sets some fields of some nodes; fields not named are left alone (concurrent edits merge). */
export function updateNodes(doc: Y.Doc, patches: { id: string; patch: Partial<Record<string, unknown>> }[], origin: unknown): void {
  doc.transact(() => {
    const all = nodesMap(doc);
    for (const { id, patch } of patches) {
      const map = all.get(id);
      if (!map) continue;
      for (const [key, value] of Object.entries(patch)) {
        if (key === 'type') continue;
        if (map.get(key) !== value) map.set(key, value);
      }
    }
  }, origin);
}

export function deleteNodes(doc: Y.Doc, ids: Iterable<string>, origin: unknown): void {
  const doomed = new Set(ids);
  doc.transact(() => {
    const all = nodesMap(doc);
    for (const id of doomed) all.delete(id);
    // Edges whose ends are gone go too.
    edgesMap(doc).forEach((edge, id) => {
      if (doomed.has(String(edge.get('source'))) || doomed.has(String(edge.get('target')))) edgesMap(doc).delete(id);
    });
  }, origin);
}

// ---------------------------------------------------------------------------------------------
// Sticky notes
// ---------------------------------------------------------------------------------------------

export function newSticky(fields: Pick<StickyNodeData, 'x' | 'y' | 'department' | 'authorId'> & { text?: string }): StickyNodeData {
  return { type: 'sticky', text: '', promotedTo: null, votes: 0, voters: [], ...fields };
}

// ---------------------------------------------------------------------------------------------
// Promote a sticky into a persona field
// ---------------------------------------------------------------------------------------------

/** The field's text with `text` appended on a new line (no blank line, no leading newline). */
export function appendToField(current: string, text: string): string {
  const addition = text.trim();
  if (!addition) return current;
  const base = current.replace(/\s+$/, '');
  return base ? `${base}\n${addition}` : addition;
}

/** The persona field a sticky goes to by default: the one of the template zone its centre is in. */
export function defaultPromoteField(
  sticky: Pick<StickyNodeData, 'x' | 'y'>,
  nodes: Iterable<BoardNodeData>,
  stickySize: { width: number; height: number } = STICKY_SIZE,
): PersonaTextField | null {
  const zones = [...nodes].filter((node): node is ZoneNodeData => node.type === 'zone');
  // Innermost first, so a zone drawn inside another wins.
  zones.sort((a, b) => a.width * a.height - b.width * b.height);
  const zone = zoneOf(sticky, zones, stickySize);
  return zone ? ZONE_FIELD[zone] : null;
}

/** The persona card a note is promoted into: the nearest one (a board usually has exactly one). */
export function nearestPersonaId(nodes: Map<string, BoardNodeData>, point: { x: number; y: number }): string | null {
  let best: { id: string; distance: number } | null = null;
  for (const [id, node] of nodes) {
    if (node.type !== 'persona') continue;
    const distance = Math.hypot(node.x - point.x, node.y - point.y);
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best?.id ?? null;
}

/**
 * Appends the sticky's text to a persona field and marks the sticky, in one transaction (one undo
 * step). Works whether the field holds a plain string or a Y.Text. False when either node is gone.
 */
export function promoteSticky(
  doc: Y.Doc,
  target: { stickyId: string; personaId: string; field: PersonaTextField },
  origin: unknown,
): boolean {
  const all = nodesMap(doc);
  const sticky = all.get(target.stickyId);
  const persona = all.get(target.personaId);
  if (!sticky || sticky.get('type') !== 'sticky' || !persona || persona.get('type') !== 'persona') return false;
  const text = String(sticky.get('text') ?? '');
  doc.transact(() => {
    const current = persona.get(target.field);
    if (current instanceof Y.Text) {
      const existing = current.toString();
      const next = appendToField(existing, text);
      if (next.startsWith(existing)) current.insert(existing.length, next.slice(existing.length));
      else {
        current.delete(0, current.length);
        current.insert(0, next);
      }
    } else {
      persona.set(target.field, appendToField(typeof current === 'string' ? current : '', text));
    }
    sticky.set('promotedTo', target.field);
  }, origin);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Dot voting
// ---------------------------------------------------------------------------------------------

/**
 * `vote` (Y.Map) holds the current or last round of dot voting:
 * - `round`: id of the round; a new one per start, so a late dot from an old round is not counted.
 * - `active`: dots may be placed. `revealed`: the round ended with a reveal (totals are on the notes).
 * - `dotsPerPerson`: N; `anonymous`: who voted is never written onto the notes.
 * - `dots`: Y.Map of `voter⏎note` → `{ voter, note }`, one dot per voter per note. A flat map (not
 *   one map per voter) so two devices adding dots for the same voter at once both keep theirs.
 * Totals stay hidden while the round is active; `revealVote` adds them to each note's `votes`.
 */
export const BOARD_VOTE = 'vote';

export type Dot = { voter: string; note: string };
export type VoteState = {
  round: string | null;
  active: boolean;
  revealed: boolean;
  dotsPerPerson: number;
  anonymous: boolean;
  dots: Dot[];
};
export type DotResult = 'added' | 'removed' | 'limit' | 'closed' | 'not-a-note';

export const MAX_DOTS_PER_PERSON = 20;

export function voteMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(BOARD_VOTE);
}

const dotKey = (voter: string, note: string) => `${voter}\n${note}`;

function dotsOf(vote: Y.Map<unknown>): Y.Map<Dot> | null {
  const dots = vote.get('dots');
  return dots instanceof Y.Map ? (dots as Y.Map<Dot>) : null;
}

function clampDots(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : 3;
  return Math.min(MAX_DOTS_PER_PERSON, Math.max(1, n));
}

export function readVote(doc: Y.Doc): VoteState {
  const vote = voteMap(doc);
  const dots: Dot[] = [];
  dotsOf(vote)?.forEach((dot) => {
    if (dot && typeof dot.voter === 'string' && typeof dot.note === 'string') dots.push({ voter: dot.voter, note: dot.note });
  });
  const round = vote.get('round');
  return {
    round: typeof round === 'string' ? round : null,
    active: vote.get('active') === true,
    revealed: vote.get('revealed') === true,
    dotsPerPerson: clampDots(vote.get('dotsPerPerson')),
    anonymous: vote.get('anonymous') === true,
    dots,
  };
}

/**
 * The dots that count, per note: only dots on notes that still exist, and at most N per voter.
 * More than N can only come from two devices voting for the same person at once; the same N are
 * kept on every peer (lowest note ids first), so every peer computes the same totals.
 */
export function countDots(vote: VoteState, isNote: (id: string) => boolean): Map<string, string[]> {
  const byVoter = new Map<string, string[]>();
  for (const dot of vote.dots) {
    if (!isNote(dot.note)) continue;
    const notes = byVoter.get(dot.voter) ?? [];
    notes.push(dot.note);
    byVoter.set(dot.voter, notes);
  }
  const result = new Map<string, string[]>();
  for (const voter of [...byVoter.keys()].sort()) {
    const notes = byVoter
      .get(voter)!
      .sort()
      .slice(0, vote.dotsPerPerson);
    for (const note of notes) result.set(note, [...(result.get(note) ?? []), voter]);
  }
  return result;
}

/** Dots `voter` has placed on existing notes in the active round. */
export function dotsUsed(vote: VoteState, voter: string, isNote: (id: string) => boolean): number {
  return vote.dots.filter((dot) => dot.voter === voter && isNote(dot.note)).length;
}

function isStickyIn(doc: Y.Doc) {
  const all = nodesMap(doc);
  return (id: string) => all.get(id)?.get('type') === 'sticky';
}

/** Starts a round (replacing any active one): N dots each, optionally anonymous. */
export function startVote(doc: Y.Doc, options: { round: string; dotsPerPerson: number; anonymous: boolean }, origin: unknown): void {
  doc.transact(() => {
    const vote = voteMap(doc);
    vote.set('round', options.round);
    vote.set('active', true);
    vote.set('revealed', false);
    vote.set('dotsPerPerson', clampDots(options.dotsPerPerson));
    vote.set('anonymous', options.anonymous);
    vote.set('dots', new Y.Map<Dot>());
  }, origin);
}

/** Places `voter`'s dot on a note, or takes it back if it is there. Never more than N dots each. */
export function toggleDot(doc: Y.Doc, voter: string, note: string, origin: unknown): DotResult {
  const vote = voteMap(doc);
  const state = readVote(doc);
  const dots = dotsOf(vote);
  if (!state.active || !dots) return 'closed';
  const isNote = isStickyIn(doc);
  if (!isNote(note)) return 'not-a-note';
  const key = dotKey(voter, note);
  if (dots.has(key)) {
    doc.transact(() => dots.delete(key), origin);
    return 'removed';
  }
  if (dotsUsed(state, voter, isNote) >= state.dotsPerPerson) return 'limit';
  doc.transact(() => dots.set(key, { voter, note }), origin);
  return 'added';
}

/**
 * Ends the round and reveals it: each note's dots are added to its `votes` (and, unless the round
 * is anonymous, the voters to its `voters`). One transaction, one undo step. Returns the totals.
 */
export function revealVote(doc: Y.Doc, origin: unknown): Map<string, number> {
  const state = readVote(doc);
  const totals = new Map<string, number>();
  if (!state.active) return totals;
  const all = nodesMap(doc);
  const counted = countDots(state, isStickyIn(doc));
  doc.transact(() => {
    for (const [note, voters] of counted) {
      const map = all.get(note)!;
      const data = readNodeData(map.toJSON());
      if (data?.type !== 'sticky') continue;
      map.set('votes', data.votes + voters.length);
      if (!state.anonymous) map.set('voters', [...data.voters, ...voters]);
      totals.set(note, voters.length);
    }
    const vote = voteMap(doc);
    vote.set('active', false);
    vote.set('revealed', true);
    vote.set('dots', new Y.Map<Dot>());
  }, origin);
  return totals;
}

/** Ends the round without counting it. */
export function cancelVote(doc: Y.Doc, origin: unknown): void {
  doc.transact(() => {
    const vote = voteMap(doc);
    vote.set('active', false);
    vote.set('revealed', false);
    vote.set('dots', new Y.Map<Dot>());
  }, origin);
}

/** Sets every note's vote results back to none (before a fresh round on the same notes). */
export function clearVoteResults(doc: Y.Doc, origin: unknown): void {
  doc.transact(() => {
    nodesMap(doc).forEach((map) => {
      if (map.get('type') !== 'sticky') return;
      if (map.get('votes') !== 0 && map.get('votes') !== undefined) map.set('votes', 0);
      const voters = map.get('voters');
      if (Array.isArray(voters) && voters.length > 0) map.set('voters', []);
    });
  }, origin);
}
