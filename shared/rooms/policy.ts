import * as Y from 'yjs';
import { newSticky, type NodeMap } from '../board/doc';
import { BOARD_META } from '../board/docVersion';
import type { StickyDepartment } from '../board/nodes';
import { BOARD_NODES } from '../records/board';

/**
 * What a participant's update may change on the board, checked by the room server before the
 * update reaches the room's document: their own notes (add; text and position; delete) and nothing
 * else — not the persona card, the zones, other people's notes, the vote (dots go through the room
 * server, see roomHost.ts) or the guest list — so a hostile page cannot wipe, rewrite or bloat the
 * board, and the laptop (the data owner) only ever receives such changes from its own user.
 *
 * A note is "their own" when it was created under one of their Yjs client ids in this room (the
 * server binds each client id to the one participant who first used it), not because it carries
 * their author id: claiming a member's name must give no power over notes that member wrote
 * earlier, at the laptop or in another room.
 *
 * The check applies the update to a shadow copy of the room's document and reads what that
 * transaction changed; the copy is rebuilt from the room's document when an update is refused, so
 * nothing of a refused update survives anywhere. The room's document applies what was let through
 * a moment later (Hocuspocus works asynchronously), so a rebuild also re-applies the updates let
 * through lately: otherwise another participant's next update, which builds on their previous one,
 * would look like it depends on changes the room does not have.
 */
export type BoardWriter = {
  authorId: string;
  department: StickyDepartment;
  /** Whether a struct written under this Yjs client id is this participant's (in this room). */
  owns(client: number): boolean;
  /** Most notes of theirs the board may hold at once. */
  maxNotes: number;
};

/**
 * The laptop keeps a note's text only up to this many UTF-16 units (`shared/board/nodes.ts` reads
 * a longer one as ''): a participant may not send more. A unit test holds the two together.
 */
export const NOTE_TEXT_MAX = 20_000;

/** Fields of their own note a participant may set; the rest of a note is the facilitator's. */
const WRITER_FIELDS: ReadonlySet<string> = new Set(['text', 'x', 'y']);

/**
 * A new note has exactly the fields the laptop's `newSticky` gives one, and those the writer does
 * not choose (votes, voters, promotion, …) hold its defaults. Taken from `newSticky` itself, so a
 * field the board gains later is covered the day it is added.
 */
const NEW_NOTE = newSticky({ x: 0, y: 0, department: 'joint', authorId: null });
const NOTE_KEYS: readonly string[] = Object.keys(NEW_NOTE).sort();
const CHOSEN_KEYS: ReadonlySet<string> = new Set(['type', 'text', 'x', 'y', 'department', 'authorId']);
const FIXED_KEYS = NOTE_KEYS.filter((key) => !CHOSEN_KEYS.has(key));

const CANDIDATE = Symbol('candidate');
const ADMITTED_COUNT = 1000;
const ADMITTED_BYTES = 8 * 1024 * 1024;

/** A value that is plain JSON (no Y type, sub-document or binary hidden in a note). */
function plain(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(plain);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(plain);
  return false;
}

/** The facilitator's fields of a note as one comparable string. */
function fixedOf(map: NodeMap): string {
  return JSON.stringify(FIXED_KEYS.map((key) => (plain(map.get(key)) ? map.get(key) : { notPlain: true })));
}
const NEW_FIXED = JSON.stringify(FIXED_KEYS.map((key) => (NEW_NOTE as Record<string, unknown>)[key]));

type NodeFacts = { type: unknown; authorId: unknown; department: unknown; creator: number | null; fixed: string };

function factsOf(map: NodeMap): NodeFacts {
  return { type: map.get('type'), authorId: map.get('authorId'), department: map.get('department'), creator: map._item?.id.client ?? null, fixed: fixedOf(map) };
}

function fieldProblem(key: string, value: unknown): string | null {
  if (key === 'text') {
    if (typeof value !== 'string') return 'its text is not plain text';
    if (value.length > NOTE_TEXT_MAX) return `its text is longer than ${NOTE_TEXT_MAX} characters`;
    return null;
  }
  if (key === 'x' || key === 'y') return typeof value === 'number' && Number.isFinite(value) ? null : `its ${key} is not a finite number`;
  return `it sets the ${key} of a note, which only the facilitator can`;
}

export class BoardGuard {
  private shadow!: Y.Doc;
  /** Facts of each node before the transaction being judged (a deleted map forgets them). */
  private readonly facts = new Map<string, NodeFacts>();
  /** How many notes on the board each Yjs client id created (kept with `facts`: a participant's count is the sum over their ids). */
  private readonly notesByCreator = new Map<number, number>();
  /**
   * Notes their own writer deleted, as they were: undoing the delete brings the same note back
   * (with the votes it had), which is theirs to do. Kept across rebuilds; forgotten oldest first.
   */
  private readonly deletedByWriter = new Map<string, NodeFacts>();
  private judging: { writer: BoardWriter; problem: string | null; deleted: Map<string, NodeFacts> } | null = null;
  /** Updates let through lately, oldest first (bounded by count and bytes), re-applied on a rebuild. */
  private readonly admitted: Uint8Array[] = [];
  private admittedBytes = 0;

  /** `source` encodes the room's document as it is now (used to build and rebuild the shadow). */
  constructor(private readonly source: () => Uint8Array) {
    this.rebuild();
  }

  /**
   * Keeps the shadow equal to the room's document: call with every update the document applies,
   * except those of an update `check` let through (the shadow has all of it already).
   */
  mirror(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update);
  }

  /** Whether the shadow has every struct `update` carries (an update `check` let through has). */
  holds(update: Uint8Array): boolean {
    try {
      const { to } = Y.parseUpdateMeta(update);
      for (const [client, clock] of to) if (Y.getState(this.shadow.store, client) < clock) return false;
      return true;
    } catch {
      return false;
    }
  }

  /** Null when `writer` may apply `update`; otherwise why not (the update is then not applied). */
  check(update: Uint8Array, writer: BoardWriter): string | null {
    const judging = { writer, problem: null as string | null, deleted: new Map<string, NodeFacts>() };
    this.judging = judging;
    let problem: string | null;
    try {
      Y.applyUpdate(this.shadow, update, CANDIDATE);
      // The board's schema version (meta, shared/board/docVersion.ts) is the layout every page of
      // the room reads, and only the laptop migrates a board: judge refuses any change to meta.
      problem = judging.problem;
      const store = this.shadow.store;
      if (!problem && (store.pendingStructs !== null || store.pendingDs !== null)) {
        problem = 'it depends on changes the room does not have';
      }
    } catch (error) {
      problem = `it is not a valid Yjs update (${error instanceof Error ? error.message : String(error)})`;
    } finally {
      this.judging = null;
    }
    if (problem) {
      this.rebuild();
    } else {
      this.admitted.push(update);
      this.admittedBytes += update.byteLength;
      while (this.admitted.length > ADMITTED_COUNT || this.admittedBytes > ADMITTED_BYTES) this.admittedBytes -= this.admitted.shift()!.byteLength;
      for (const [id, facts] of judging.deleted) {
        this.deletedByWriter.delete(id);
        this.deletedByWriter.set(id, facts);
        if (this.deletedByWriter.size > 10_000) this.deletedByWriter.delete(this.deletedByWriter.keys().next().value!);
      }
    }
    return problem;
  }

  /** How many notes on the board `writer` owns. */
  notesOf(writer: Pick<BoardWriter, 'owns'>): number {
    let count = 0;
    for (const [creator, notes] of this.notesByCreator) if (writer.owns(creator)) count += notes;
    return count;
  }

  private setFacts(id: string, facts: NodeFacts | undefined): void {
    const before = this.facts.get(id);
    if (before?.type === 'sticky' && before.creator !== null) {
      const left = (this.notesByCreator.get(before.creator) ?? 0) - 1;
      if (left > 0) this.notesByCreator.set(before.creator, left);
      else this.notesByCreator.delete(before.creator);
    }
    if (facts === undefined) {
      this.facts.delete(id);
      return;
    }
    this.facts.set(id, facts);
    if (facts.type === 'sticky' && facts.creator !== null) this.notesByCreator.set(facts.creator, (this.notesByCreator.get(facts.creator) ?? 0) + 1);
  }

  destroy(): void {
    this.shadow.destroy();
  }

  private rebuild(): void {
    this.shadow?.destroy();
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, this.source());
    // Already in the room's document: no change. Not yet: what the document is about to apply.
    for (const update of this.admitted) Y.applyUpdate(shadow, update);
    this.shadow = shadow;
    this.facts.clear();
    this.notesByCreator.clear();
    shadow.getMap<NodeMap>(BOARD_NODES).forEach((map, id) => {
      if (map instanceof Y.Map) this.setFacts(id, factsOf(map));
    });
    shadow.on('afterTransaction', (transaction) => {
      const judging = transaction.origin === CANDIDATE ? this.judging : null;
      if (judging && !judging.problem) judging.problem = this.judge(transaction, judging.writer, judging.deleted);
      const added = this.refreshFacts(transaction);
      if (judging && !judging.problem && added > 0 && this.notesOf(judging.writer) > judging.writer.maxNotes) {
        judging.problem = `it would give them more than ${judging.writer.maxNotes} notes on the board`;
      }
    });
  }

  private judge(transaction: Y.Transaction, writer: BoardWriter, deleted: Map<string, NodeFacts>): string | null {
    const nodes = this.shadow.getMap<unknown>(BOARD_NODES);
    const nodesType: unknown = nodes;
    const own = (facts: NodeFacts | undefined): facts is NodeFacts => facts?.type === 'sticky' && facts.creator !== null && writer.owns(facts.creator);
    for (const [type, keys] of transaction.changed) {
      if (type === nodesType) {
        for (const key of keys) {
          if (key === null) return 'it changes the board in a way participants cannot';
          const before = this.facts.get(key);
          if (before && !own(before)) return `it changes or deletes something that is not their note (${key})`;
          const after = nodes.get(key);
          if (after === undefined) {
            if (before) deleted.set(key, before);
            continue;
          }
          if (!(after instanceof Y.Map)) return `it puts something that is not a note on the board (${key})`;
          const problem = this.newNoteProblem(after, writer, before ?? this.restorable(key, writer));
          if (problem) return `${problem} (${key})`;
        }
        continue;
      }
      if (type._item === null && this.shadow.share.get(BOARD_META) === type) {
        return `it changes the board's schema version or metadata (${[...keys].join(', ').slice(0, 80)}), which only the laptop can`;
      }
      const item = type._item;
      if (item && item.parent === nodes && typeof item.parentSub === 'string') {
        if (!own(this.facts.get(item.parentSub))) return `it changes something that is not their note (${item.parentSub})`;
        const map = type as unknown as NodeMap;
        for (const key of keys) {
          if (key === null || !WRITER_FIELDS.has(key)) return `it changes the ${key ?? 'content'} of a note, which only the facilitator can`;
          if (!map.has(key)) return `it removes the ${key} of a note`;
          const problem = fieldProblem(key, map.get(key));
          if (problem) return `${problem} (${item.parentSub})`;
        }
        continue;
      }
      return 'it changes a part of the board participants cannot change';
    }
    return null;
  }

  /** A note this writer deleted in this room, which undo may bring back as it was. */
  private restorable(key: string, writer: BoardWriter): NodeFacts | undefined {
    const facts = this.deletedByWriter.get(key);
    return facts?.creator !== null && facts?.creator !== undefined && writer.owns(facts.creator) ? facts : undefined;
  }

  /** Why `map` is not a note this writer may put on the board; `previous` is the note it replaces or restores. */
  private newNoteProblem(map: NodeMap, writer: BoardWriter, previous: NodeFacts | undefined): string | null {
    const keys = [...map.keys()].sort();
    const missing = NOTE_KEYS.filter((key) => !map.has(key));
    if (missing.length > 0) return `it adds a note without its ${missing.join(', ')}`;
    const extra = keys.filter((key) => !NOTE_KEYS.includes(key));
    if (extra.length > 0) return `it adds a note with fields notes do not have (${extra.join(', ')})`;
    if (map.get('type') !== 'sticky') return 'it puts something that is not a note on the board';
    if (map._item?.id.client === undefined || !writer.owns(map._item.id.client)) return 'it adds a note under someone else’s name';
    if (map.get('authorId') !== writer.authorId || map.get('department') !== writer.department) return 'it adds a note that is not theirs';
    for (const key of ['text', 'x', 'y']) {
      const problem = fieldProblem(key, map.get(key));
      if (problem) return problem;
    }
    const fixed = fixedOf(map);
    if (fixed !== (previous?.fixed ?? NEW_FIXED)) {
      const wrong = FIXED_KEYS.filter((key) => JSON.stringify(map.get(key)) !== JSON.stringify((NEW_NOTE as Record<string, unknown>)[key]) || !plain(map.get(key)));
      return `it adds a note with ${wrong.join(', ') || 'fields'} set, which only the facilitator can`;
    }
    return null;
  }

  /** Updates the facts of what the transaction touched; returns how many notes it added. */
  private refreshFacts(transaction: Y.Transaction): number {
    const nodes = this.shadow.getMap<unknown>(BOARD_NODES);
    const nodesType: unknown = nodes;
    const touched = new Set<string>();
    for (const [type, keys] of transaction.changed) {
      if (type === nodesType) for (const key of keys) if (key !== null) touched.add(key);
      const item = type._item;
      if (item && item.parent === nodes && typeof item.parentSub === 'string') touched.add(item.parentSub);
    }
    let added = 0;
    for (const id of touched) {
      const map = nodes.get(id);
      if (map instanceof Y.Map) {
        if (!this.facts.has(id)) added++;
        this.setFacts(id, factsOf(map));
      } else this.setFacts(id, undefined);
    }
    return added;
  }
}
