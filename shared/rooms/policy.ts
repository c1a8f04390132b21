import * as Y from 'yjs';
import { BOARD_VOTE } from '../board/doc';
import type { StickyDepartment } from '../board/nodes';
import { BOARD_NODES } from '../records/board';

/**
 * What a participant's update may change on the board, checked by the room server before the
 * update reaches the room's document: their own notes (add; text and position; delete) and their
 * own dots while a vote runs. Nothing else — not the persona card, the zones, other people's notes,
 * the vote's rules or the guest list — so a hostile page cannot wipe or rewrite the board, and the
 * laptop (the data owner) only ever receives such changes from its own user.
 *
 * The check applies the update to a shadow copy of the room's document and reads what that
 * transaction changed; the copy is rebuilt from the room's document when an update is refused, so
 * nothing of a refused update survives anywhere.
 */
export type BoardWriter = {
  authorId: string;
  department: StickyDepartment;
  /** The ids this participant's dots may carry (their author id and their anonymous pseudonym). */
  voterIds: ReadonlySet<string>;
};

/** Fields of their own note a participant may set. Votes, voters and promotion are the facilitator's. */
const WRITER_FIELDS: ReadonlySet<string> = new Set(['text', 'x', 'y']);

const CANDIDATE = Symbol('candidate');

type NodeFacts = { type: unknown; authorId: unknown; department: unknown };

function factsOf(map: Y.Map<unknown>): NodeFacts {
  return { type: map.get('type'), authorId: map.get('authorId'), department: map.get('department') };
}

export class BoardGuard {
  private shadow!: Y.Doc;
  /** Type and author of each node before the transaction being judged (a deleted map forgets them). */
  private readonly facts = new Map<string, NodeFacts>();
  private judging: { writer: BoardWriter; problem: string | null } | null = null;

  /** `source` encodes the room's document as it is now (used to build and rebuild the shadow). */
  constructor(private readonly source: () => Uint8Array) {
    this.rebuild();
  }

  /** Keeps the shadow equal to the room's document: call with every update the document applies. */
  mirror(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update);
  }

  /** Null when `writer` may apply `update`; otherwise why not (the update is then not applied). */
  check(update: Uint8Array, writer: BoardWriter): string | null {
    this.judging = { writer, problem: null };
    let problem: string | null;
    try {
      Y.applyUpdate(this.shadow, update, CANDIDATE);
      problem = this.judging.problem;
      const store = this.shadow.store;
      if (!problem && (store.pendingStructs !== null || store.pendingDs !== null)) {
        problem = 'it depends on changes the room does not have';
      }
    } catch (error) {
      problem = `it is not a valid Yjs update (${error instanceof Error ? error.message : String(error)})`;
    } finally {
      this.judging = null;
    }
    if (problem) this.rebuild();
    return problem;
  }

  destroy(): void {
    this.shadow.destroy();
  }

  private rebuild(): void {
    this.shadow?.destroy();
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, this.source());
    this.shadow = shadow;
    this.facts.clear();
    shadow.getMap<Y.Map<unknown>>(BOARD_NODES).forEach((map, id) => {
      if (map instanceof Y.Map) this.facts.set(id, factsOf(map));
    });
    shadow.on('afterTransaction', (transaction) => {
      if (transaction.origin === CANDIDATE && this.judging && !this.judging.problem) {
        this.judging.problem = this.judge(transaction, this.judging.writer);
      }
      this.refreshFacts(transaction);
    });
  }

  private judge(transaction: Y.Transaction, writer: BoardWriter): string | null {
    const nodes = this.shadow.getMap<unknown>(BOARD_NODES);
    const vote = this.shadow.getMap<unknown>(BOARD_VOTE);
    const nodesType: unknown = nodes;
    const own = (facts: NodeFacts | undefined) => facts?.type === 'sticky' && facts.authorId === writer.authorId;
    for (const [type, keys] of transaction.changed) {
      if (type === nodesType) {
        for (const key of keys) {
          if (key === null) return 'it changes the board in a way participants cannot';
          const before = this.facts.get(key);
          if (before && !own(before)) return `it changes or deletes something that is not their note (${key})`;
          const after = nodes.get(key);
          if (after === undefined) continue;
          if (!(after instanceof Y.Map)) return `it puts something that is not a note on the board (${key})`;
          const facts = factsOf(after);
          if (!own(facts) || facts.department !== writer.department) return `it adds a note that is not theirs (${key})`;
        }
        continue;
      }
      const item = type._item;
      if (item && item.parent === nodes && typeof item.parentSub === 'string') {
        if (!own(this.facts.get(item.parentSub))) return `it changes something that is not their note (${item.parentSub})`;
        for (const key of keys) {
          if (key === null || !WRITER_FIELDS.has(key)) return `it changes the ${key ?? 'content'} of a note, which only the facilitator can`;
        }
        continue;
      }
      if (item && item.parent === vote && item.parentSub === 'dots' && type instanceof Y.Map) {
        for (const key of keys) {
          if (key === null) return 'it changes the dots in a way participants cannot';
          const [voter = '', note = ''] = key.split('\n');
          if (!writer.voterIds.has(voter)) return 'it places or removes someone else’s dot';
          const value = type.get(key) as { voter?: unknown; note?: unknown } | undefined;
          if (value === undefined) continue;
          if (typeof value !== 'object' || value === null || value.voter !== voter || value.note !== note) return 'it places a malformed dot';
          if (vote.get('active') !== true) return 'it places a dot while no vote is running';
        }
        continue;
      }
      return 'it changes a part of the board participants cannot change';
    }
    return null;
  }

  private refreshFacts(transaction: Y.Transaction): void {
    const nodes = this.shadow.getMap<unknown>(BOARD_NODES);
    const nodesType: unknown = nodes;
    const touched = new Set<string>();
    for (const [type, keys] of transaction.changed) {
      if (type === nodesType) for (const key of keys) if (key !== null) touched.add(key);
      const item = type._item;
      if (item && item.parent === nodes && typeof item.parentSub === 'string') touched.add(item.parentSub);
    }
    for (const id of touched) {
      const map = nodes.get(id);
      if (map instanceof Y.Map) this.facts.set(id, factsOf(map));
      else this.facts.delete(id);
    }
  }
}
