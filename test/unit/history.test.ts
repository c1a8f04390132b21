import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { historyFlags, SnapshotHistory, type History } from '../../shared/history/history';
import { YDocHistory } from '../../shared/history/yHistory';

/**
 * One suite for every History implementation (issue 11): a Y.Doc's and a stored record's. Each
 * fixture is a record holding one value that this user edits (one step each) and that someone
 * else (a co-editor, another window) can overwrite.
 */
type Fixture = {
  history: History;
  /** This user's edit: one step. */
  edit(value: string): void;
  /** Someone else's edit: never a step of this history. */
  editElsewhere(value: string): void;
  value(): string | undefined;
};

function yDocFixture(): Fixture {
  const doc = new Y.Doc();
  const map = doc.getMap<string>('record');
  const origin = { kind: 'local-user' };
  const history = new YDocHistory(map, origin);
  return {
    history,
    edit: (value) => doc.transact(() => map.set('value', value), origin),
    editElsewhere: (value) => {
      // A co-editor's change arrives as an update from another doc, like a room provider's.
      const peer = new Y.Doc();
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
      peer.getMap<string>('record').set('value', value);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'remote');
    },
    value: () => map.get('value'),
  };
}

function snapshotFixture(): Fixture {
  let stored: string | undefined;
  const history = new SnapshotHistory<string | undefined>({
    // Like the stores: a record that changed elsewhere since is not overwritten.
    apply: async (to, from) => {
      await Promise.resolve();
      if (stored !== from) return false;
      stored = to;
      return true;
    },
  });
  return {
    history,
    edit: (value) => {
      const before = stored;
      stored = value;
      history.record(before, value);
    },
    editElsewhere: (value) => {
      stored = value;
    },
    value: () => stored,
  };
}

describe.each([
  ['Y.Doc (boards)', yDocFixture],
  ['record snapshots (SLA commitments, KPI values)', snapshotFixture],
])('History: %s', (_name, make) => {
  it('is empty at first: undo and redo say so and change nothing', async () => {
    const { history, value } = make();
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(false);
    expect(await history.undo()).toBe('empty');
    expect(await history.redo()).toBe('empty');
    expect(value()).toBeUndefined();
  });

  it('undoes and redoes one step per press', async () => {
    const { history, edit, value } = make();
    edit('a');
    edit('b');
    expect(history.canUndo()).toBe(true);
    expect(await history.undo()).toBe('done');
    expect(value()).toBe('a');
    expect(history.canRedo()).toBe(true);
    expect(await history.undo()).toBe('done');
    expect(value()).toBeUndefined();
    expect(await history.undo()).toBe('empty');
    expect(await history.redo()).toBe('done');
    expect(value()).toBe('a');
    expect(await history.redo()).toBe('done');
    expect(value()).toBe('b');
    expect(await history.redo()).toBe('empty');
  });

  it('a new edit clears what could be redone', async () => {
    const { history, edit, value } = make();
    edit('a');
    edit('b');
    await history.undo();
    expect(history.canRedo()).toBe(true);
    edit('c');
    expect(history.canRedo()).toBe(false);
    expect(await history.redo()).toBe('empty');
    expect(value()).toBe('c');
  });

  it('never undoes what someone else changed', async () => {
    const { history, edit, editElsewhere, value } = make();
    editElsewhere('theirs');
    expect(history.canUndo()).toBe(false);
    edit('mine');
    expect(await history.undo()).toBe('done');
    expect(value()).toBe('theirs');
  });

  it('a step someone else overwrote is superseded: that press changes nothing and the next takes back the step before', async () => {
    const { history, edit, editElsewhere, value } = make();
    edit('a');
    edit('b');
    editElsewhere('theirs');
    expect(await history.undo()).toBe('superseded');
    expect(value()).toBe('theirs');
    // One press was one step: the earlier step is still there to take back.
    expect(history.canUndo()).toBe(true);
    expect(history.canRedo()).toBe(false);
  });

  it('tells subscribers when undo or redo becomes possible or impossible', async () => {
    const { history, edit } = make();
    const flags = historyFlags(history);
    const seen: string[] = [];
    const stop = history.subscribe(() => seen.push(`${flags().canUndo}/${flags().canRedo}`));
    edit('a');
    await history.undo();
    await history.redo();
    stop();
    edit('b');
    expect(seen.at(0)).toBe('true/false');
    expect(seen).toContain('false/true');
    expect(seen.at(-1)).toBe('true/false');
    const count = seen.length;
    await history.undo();
    expect(seen).toHaveLength(count);
  });

  it('what a subscriber last saw is the state after each press, with steps left on both sides', async () => {
    const { history, edit } = make();
    const flags = historyFlags(history);
    let seen = flags();
    history.subscribe(() => {
      seen = flags();
    });
    edit('a');
    edit('b');
    edit('c');
    // Three steps: after the first undo two are left to undo and one to redo, and so on.
    for (const [press, expected] of [
      ['undo', { canUndo: true, canRedo: true }],
      ['undo', { canUndo: true, canRedo: true }],
      ['undo', { canUndo: false, canRedo: true }],
      ['redo', { canUndo: true, canRedo: true }],
      ['redo', { canUndo: true, canRedo: true }],
      ['redo', { canUndo: true, canRedo: false }],
    ] as const) {
      expect(await history[press]()).toBe('done');
      expect(seen).toEqual(expected);
    }
  });

  it('the flags keep their identity while they do not change (a stable external-store snapshot)', () => {
    const { history, edit } = make();
    const flags = historyFlags(history);
    const first = flags();
    expect(flags()).toBe(first);
    edit('a');
    const second = flags();
    expect(second).toEqual({ canUndo: true, canRedo: false });
    expect(flags()).toBe(second);
  });
});

describe('SnapshotHistory', () => {
  it('runs quick presses in order, each on its own step', async () => {
    let stored = 0;
    const writes: number[] = [];
    const history = new SnapshotHistory<number>({
      apply: async (to) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        writes.push(to);
        stored = to;
        return true;
      },
    });
    for (const value of [1, 2, 3]) {
      history.record(stored, value);
      stored = value;
    }
    const presses = [history.undo(), history.undo()];
    // The steps are taken at the press, before any write finished.
    expect(history.canUndo()).toBe(true);
    expect(await Promise.all(presses)).toEqual(['done', 'done']);
    expect(writes).toEqual([2, 1]);
    expect(stored).toBe(1);
  });

  it('a write that fails leaves the step where it was', async () => {
    let fail = true;
    const history = new SnapshotHistory<number>({
      apply: () => {
        if (fail) throw new Error('disk full');
        return true;
      },
    });
    history.record(0, 1);
    await expect(history.undo()).rejects.toThrow('disk full');
    expect(history.canUndo()).toBe(true);
    expect(history.canRedo()).toBe(false);
    fail = false;
    expect(await history.undo()).toBe('done');
    expect(history.canRedo()).toBe(true);
  });

  it('keeps at most `limit` steps and can forget one step', async () => {
    const history = new SnapshotHistory<number>({ apply: () => true, limit: 2 });
    history.record(0, 1);
    const second = history.record(1, 2);
    history.record(2, 3);
    history.drop(second);
    expect(await history.undo()).toBe('done');
    expect(await history.undo()).toBe('empty');
  });
});
