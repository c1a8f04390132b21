/**
 * Values read before the view that shows them renders (issue 12): the app's start on a workspace
 * page, a print window's SLA. The view's first render then has its data, instead of rendering
 * "Loading" (or nothing) and reading after that first paint; its live query takes over at once.
 * One read per key at a time; a value is kept `keepMs` after it is read (for the views mounting
 * now only, so a later visit never starts from an old copy). A failed read keeps nothing: the
 * view's own read reports it.
 */
export function readAhead<Key extends readonly string[], Value>(read: (...key: Key) => Promise<Value>, keepMs: number) {
  const values = new Map<string, Value>();
  const reading = new Map<string, Promise<void>>();
  return {
    /** Starts the read of `key` unless one is on its way or kept; resolves when it is done (never rejects). */
    prefetch(...key: Key): Promise<void> {
      const id = JSON.stringify(key);
      let done = reading.get(id);
      if (!done) {
        done = read(...key).then(
          (value) => {
            values.set(id, value);
            if (Number.isFinite(keepMs)) {
              setTimeout(() => {
                values.delete(id);
                reading.delete(id);
              }, keepMs);
            }
          },
          () => {
            reading.delete(id);
          },
        );
        reading.set(id, done);
      }
      return done;
    },
    /** The value read ahead for `key`, if it is kept. */
    peek(...key: Key): Value | undefined {
      return values.get(JSON.stringify(key));
    },
  };
}
