/**
 * The database's tables and their indexes per schema version (Dexie's `stores()` declarations),
 * apart from the file format's schemas in workspaceTables.ts: every page opens the database, and
 * opening it needs these strings only, not the zod schemas of every record (issue 12: a print
 * window loads and runs less code before it reads).
 *
 * `{ [version]: 'primary key, indexes' }` per table, from the version it exists in; released
 * versions must never change (test/unit/workspaceTables.test.ts pins them). A new table is added
 * here and in workspaceTables.ts's list (the same test checks that both name the same tables).
 */

const KEYED_BY_ID = '[workspaceId+id], workspaceId';

export const TABLE_STORES = {
  /** The workspaces themselves: the root every other table hangs from (not a table of one workspace). */
  workspaces: { 1: 'id, updatedAt' },
  members: { 1: KEYED_BY_ID },
  boards: { 1: `${KEYED_BY_ID}, doc: Y.Doc` },
  assets: { 2: KEYED_BY_ID },
  slaVersions: { 3: KEYED_BY_ID },
  // Meetings listed by date, action items by status (carry-forward reads the open ones), KPI
  // values by key and period (a trend is one range read): see workspaceTables.ts.
  meetingSeries: { 4: KEYED_BY_ID },
  meetings: { 4: `${KEYED_BY_ID}, [workspaceId+date]` },
  actionItems: { 4: `${KEYED_BY_ID}, [workspaceId+status]` },
  kpis: { 4: KEYED_BY_ID },
  kpiValues: { 4: `${KEYED_BY_ID}, [workspaceId+key+period]` },
  leadMonths: { 5: KEYED_BY_ID },
  calendars: { 5: 'workspaceId' },
} as const satisfies Record<string, Readonly<Record<number, string>>>;

/**
 * Dexie's `stores()` argument for schema version `version`: every table that exists by then with
 * its latest declaration up to that version.
 */
export function schemaAt(version: number): Record<string, string> {
  const schema: Record<string, string> = {};
  for (const [table, stores] of Object.entries(TABLE_STORES) as [string, Readonly<Record<number, string>>][]) {
    const since = Object.keys(stores)
      .map(Number)
      .filter((v) => v <= version)
      .sort((a, b) => a - b)
      .at(-1);
    if (since !== undefined) schema[table] = stores[since]!;
  }
  return schema;
}
