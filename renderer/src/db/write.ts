import type { AlignboardDb } from './db';
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
