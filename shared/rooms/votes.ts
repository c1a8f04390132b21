import type * as Y from 'yjs';
import { nodesMap, readVote, toggleDot, type Dot } from '../board/doc';
import type { DotOutcome, DotRequest, RoomDots } from './protocol';

/**
 * Participants' dots, placed by the room server on their behalf (they ask with a DotRequest; their
 * own updates may not touch the vote). The server writes through its own connection, so the struct
 * every peer receives carries the server's Yjs client id, not the voter's.
 *
 * - Open round: a dot carries the participant's author id, as a dot placed at the laptop does (the
 *   reveal writes voters onto notes). The budget is counted from the board: a member who joins
 *   again keeps the dots they placed.
 * - Anonymous round: each dot carries a fresh random voter id, so nothing on the board ties two
 *   dots to one person, let alone to a name. Only this ledger (in the server's memory, never sent
 *   to anyone else) knows whose they are, to enforce the budget and to let them take one back. The
 *   ledger is per author id, so a member who joins again on another phone shares one budget.
 */
export class RoomVotes {
  /** Author id → the anonymous round their dots are in and, per note, the voter id of their dot. */
  private readonly ledgers = new Map<string, { round: string; notes: Map<string, string> }>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly origin: unknown,
    private readonly randomId: () => string,
  ) {}

  /** Places or takes back `authorId`'s dot on the requested note; what happened. */
  toggle(authorId: string, request: Pick<DotRequest, 'round' | 'note'>, locked: boolean): DotOutcome {
    if (locked) return 'locked';
    const vote = readVote(this.doc);
    if (!vote.active || vote.round === null || vote.round !== request.round) return 'closed';
    if (!this.isNote(request.note)) return 'not-a-note';
    if (!vote.anonymous) return toggleDot(this.doc, authorId, request.note, this.origin);
    const placedNow = placedDots(vote.dots);
    const ledger = this.ledger(authorId, vote.round);
    const placed = ledger.notes.get(request.note);
    if (placed !== undefined && placedNow.has(pair(placed, request.note))) {
      ledger.notes.delete(request.note);
      return toggleDot(this.doc, placed, request.note, this.origin);
    }
    const used = [...ledger.notes].filter(([note, voter]) => placedNow.has(pair(voter, note)) && this.isNote(note)).length;
    if (used >= vote.dotsPerPerson) return 'limit';
    const voter = `anon:${this.randomId()}`;
    ledger.notes.set(request.note, voter);
    return toggleDot(this.doc, voter, request.note, this.origin);
  }

  /** The notes carrying `authorId`'s dots in the current round (told to them alone). */
  mine(authorId: string): Pick<RoomDots, 'round' | 'notes'> {
    const vote = readVote(this.doc);
    if (!vote.active || vote.round === null) return { round: vote.round, notes: [] };
    if (!vote.anonymous) return { round: vote.round, notes: vote.dots.filter((dot) => dot.voter === authorId && this.isNote(dot.note)).map((dot) => dot.note) };
    const ledger = this.ledgers.get(authorId);
    if (!ledger || ledger.round !== vote.round) return { round: vote.round, notes: [] };
    const placedNow = placedDots(vote.dots);
    return { round: vote.round, notes: [...ledger.notes].filter(([note, voter]) => placedNow.has(pair(voter, note)) && this.isNote(note)).map(([note]) => note) };
  }

  private ledger(authorId: string, round: string) {
    let ledger = this.ledgers.get(authorId);
    if (!ledger || ledger.round !== round) {
      ledger = { round, notes: new Map() };
      this.ledgers.set(authorId, ledger);
    }
    return ledger;
  }

  private isNote(id: string): boolean {
    return nodesMap(this.doc).get(id)?.get('type') === 'sticky';
  }
}

const pair = (voter: string, note: string) => JSON.stringify([voter, note]);

function placedDots(dots: readonly Dot[]): Set<string> {
  return new Set(dots.map((dot) => pair(dot.voter, dot.note)));
}
