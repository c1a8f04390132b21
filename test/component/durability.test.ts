import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { createPersonaBoard, renameBoard, setAgreement } from '../../renderer/src/features/personas/personaBoards';
import { ensureVersion, saveDocument, signVersion, updateVersion } from '../../renderer/src/features/sla/slaStore';
import { setSectionText } from '../../shared/sla/document';
import { submitForReview } from '../../shared/sla/versions';
import { freshDb } from './helpers';

/**
 * Signatures and sign-off must survive a power cut (issue 13, item 8): their write transactions
 * ask IndexedDB for "strict" durability (committed only once flushed to disk); every other write
 * keeps the default. Observed where it happens: the options of each readwrite transaction the app
 * opens on the (fake-indexeddb) IDBDatabase.
 */

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

type Opened = { stores: string[]; durability: string };
let opened: Opened[] = [];
const original = IDBDatabase.prototype.transaction;

beforeEach(() => {
  opened = [];
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
    const transaction = original.call(this, stores, mode, options);
    if (mode === 'readwrite') opened.push({ stores: [stores].flat(), durability: transaction.durability });
    return transaction;
  } as IDBDatabase['transaction'];
});

afterEach(() => {
  IDBDatabase.prototype.transaction = original;
});

/** The durabilities of the readwrite transactions `work` opened on `store`. */
async function durabilitiesOf(store: string, work: () => Promise<unknown>): Promise<string[]> {
  opened = [];
  await work();
  return opened.filter((transaction) => transaction.stores.includes(store)).map((transaction) => transaction.durability);
}

async function setup() {
  const database = freshDb();
  const workspaceId = await createWorkspace('W', database);
  const marketing = await addMember(workspaceId, { name: '佐藤 花子', department: 'marketing', title: 'マーケティング部長' }, database);
  const sales = await addMember(workspaceId, { name: 'John Smith', department: 'sales', title: 'Head of Sales' }, database);
  return { database, workspaceId, marketing, sales };
}

describe('durability of writes', () => {
  it('each SLA signature, the last one signing the version, is a strict transaction; editing a draft is not', async () => {
    const { database, workspaceId, marketing, sales } = await setup();
    const version = await ensureVersion(workspaceId, { language: 'en', title: 'SLA' }, database);
    const edit = await durabilitiesOf('slaVersions', () => saveDocument(workspaceId, version.id, setSectionText(version.document, 'purpose', 'Why'), database));
    expect(edit).toEqual(['default']);
    await updateVersion(workspaceId, version.id, submitForReview, database);

    // A live query on the ordinary connection sees what the strict one wrote.
    const seen: string[] = [];
    const subscription = liveQuery(() => database.slaVersions.get([workspaceId, version.id])).subscribe((row) => row && seen.push(row.state));
    for (const member of [marketing, sales]) {
      const signing = await durabilitiesOf('slaVersions', () =>
        signVersion(
          workspaceId,
          version.id,
          { memberId: member.id, name: member.name, title: member.title, department: member.department, date: '2026-11-30', image: { format: 'png', data: PNG } },
          database,
        ),
      );
      expect(signing).toEqual(['strict']);
    }
    await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toBe('signed');
    subscription.unsubscribe();
    expect((await database.slaVersions.get([workspaceId, version.id]))!.signatures).toHaveLength(2);
  });

  it('marking a persona agreed (the departments\' sign-off) and clearing it are strict; renaming it is not', async () => {
    const { database, workspaceId } = await setup();
    const boardId = await createPersonaBoard(workspaceId, 'Persona', database);
    const agreement = { date: '2026-11-30', meeting: '定例会 11/30' };
    expect(await durabilitiesOf('boards', () => setAgreement(workspaceId, boardId, agreement, database))).toEqual(['strict']);
    expect((await database.boards.get([workspaceId, boardId]))!.agreement).toEqual(agreement);
    expect(await durabilitiesOf('boards', () => setAgreement(workspaceId, boardId, null, database))).toEqual(['strict']);
    expect(await durabilitiesOf('boards', () => renameBoard(workspaceId, boardId, 'Renamed', database))).toEqual(['default']);
  });
});
