import { type AlignboardDb, openDb } from './db';
import { isQuotaError, StorageFullError } from './errors';

/**
 * One read-write transaction over every table (y-dexie's update tables included), so a write
 * is all or nothing; a full disk becomes StorageFullError, which the UI explains.
 */
export async function writeAll<T>(database: AlignboardDb, work: () => Promise<T>): Promise<T> {
  try {
    return await database.transaction('rw', database.tables, work);
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

const strictConnections = new WeakMap<AlignboardDb, AlignboardDb>();

/**
 * The same database through a second connection whose write transactions are "strict": IndexedDB
 * reports them committed only once the data is flushed to disk, so they survive a power cut, not
 * only a killed process. For the writes that must: signatures and sign-off. Everything else keeps
 * the default (relaxed) durability, which skips the flush. The flush costs about 2.4 times the
 * write (about 20 ms against 8 ms a signature on the build machine: `BENCH_ONLY=durability npm run
 * bench`), unnoticed for one signature, too much for every edit. Live queries on either connection
 * see the writes of both.
 */
export function strictDb(database: AlignboardDb): AlignboardDb {
  let strict = strictConnections.get(database);
  if (!strict) {
    strict = openDb(database.name, { durability: 'strict' });
    strictConnections.set(database, strict);
  }
  return strict;
}
