import { fireEvent } from '@testing-library/react';
import { openDb, type AlignboardDb } from '../../renderer/src/db/db';

let counter = 0;

/** A real Dexie database (fake-indexeddb) with a unique name, so tests never share state. */
export function freshDb(): AlignboardDb {
  counter += 1;
  return openDb(`test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`);
}

/** Counts rows in y-dexie's hidden update tables (the board documents' storage). */
export async function countDocUpdates(database: AlignboardDb): Promise<number> {
  let total = 0;
  for (const table of database.tables.filter((t) => t.name.startsWith('$'))) total += await table.count();
  return total;
}

/** importWorkspace's numbering of a taken name, as the app's English text numbers it. */
export const numbered = (name: string, number: number) => `${name} (${number})`;

/**
 * Types a date or month into a DateField/MonthField in one change (as a paste or e2e `fill` does)
 * and leaves the field: a DateField stores what is typed only when the person is done with it.
 */
export function enterDate(field: HTMLElement, value: string): void {
  fireEvent.change(field, { target: { value } });
  fireEvent.blur(field);
}
