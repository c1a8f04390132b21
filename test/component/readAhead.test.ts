// Values read before the view that shows them renders (renderer/src/ui/readAhead.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAhead } from '../../renderer/src/ui/readAhead';

afterEach(() => {
  vi.useRealTimers();
});

describe('readAhead', () => {
  it('reads a key once while it is on its way or kept, and gives the value to the view', async () => {
    const read = vi.fn<(id: string) => Promise<string>>(async (id) => `value of ${id}`);
    const ahead = readAhead(read, 2_000);
    expect(ahead.peek('a')).toBeUndefined();
    await Promise.all([ahead.prefetch('a'), ahead.prefetch('a')]);
    await ahead.prefetch('a');
    expect(read).toHaveBeenCalledTimes(1);
    expect(ahead.peek('a')).toBe('value of a');
    expect(ahead.peek('b')).toBeUndefined();
  });

  it('keeps a value only for keepMs, then reads again', async () => {
    vi.useFakeTimers();
    let n = 0;
    const ahead = readAhead(async (_id: string) => ++n, 2_000);
    await ahead.prefetch('a');
    expect(ahead.peek('a')).toBe(1);
    vi.advanceTimersByTime(2_000);
    expect(ahead.peek('a')).toBeUndefined();
    await ahead.prefetch('a');
    expect(ahead.peek('a')).toBe(2);
  });

  it('keeps nothing of a failed read, never rejects, and tries again on the next prefetch', async () => {
    let fail = true;
    const ahead = readAhead(async (id: string) => {
      if (fail) throw new Error('disk');
      return id;
    }, Infinity);
    await expect(ahead.prefetch('a')).resolves.toBeUndefined();
    expect(ahead.peek('a')).toBeUndefined();
    fail = false;
    await ahead.prefetch('a');
    expect(ahead.peek('a')).toBe('a');
  });
});
