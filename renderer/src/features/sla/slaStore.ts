import { DexieYProvider } from 'y-dexie';
import type { WorkingCalendar } from '@shared/calendar/calendar';
import { Funnel } from '@shared/funnel/plan';
import { createDefaultStages, mainStages } from '@shared/funnel/stages';
import type { Language } from '@shared/settings';
import { type Commitment, defaultCommitments } from '@shared/sla/commitments';
import { commitmentsOf, createDocument, regenerate, type SlaDocument } from '@shared/sla/document';
import {
  addSignature,
  assertWritable,
  createVersion,
  defaultSigners,
  isFrozen,
  lastSigned,
  SlaVersion,
  type SignatureInput,
  startRevision,
  updateDocument,
} from '@shared/sla/versions';
import { type AlignboardDb, db as defaultDb, type SlaVersionRow } from '../../db/db';
import { newId, nowIso } from '../../db/ids';
import { strictDb, writeAll } from '../../db/write';
import { loadCalendar } from '../calendar/calendarStore';
import { readPlan, readStages } from '../funnel/funnelDoc';
import { byRevision, listVersions } from './slaRead';

// The read side lives in slaRead.ts (the KPI views read signed versions without this module's writes).
export { commitmentsOf, listVersions };

/**
 * The SLA data layer. Every write to a version goes through {@link updateVersion}, which calls
 * `assertWritable` on the stored row before writing: a signed version is never written again
 * (FrozenVersionError), whatever the UI shows. New revisions are new rows.
 */

export type FunnelSource = { funnel: Funnel; source: 'board' | 'default'; boardId: string | null };

/** Stable ids for the default stages, so regenerating without a funnel board changes nothing. */
const defaultStageIds = () => {
  let n = 0;
  return () => `default-stage-${++n}`;
};

/**
 * The funnel the SLA is generated from: the workspace's first funnel board (its stages and its
 * revenue plan, read from the board's Y.Doc), else the default stages.
 */
export async function loadFunnel(workspaceId: string, language: Language, database: AlignboardDb = defaultDb): Promise<FunnelSource> {
  const boards = (await database.boards.where('workspaceId').equals(workspaceId).toArray())
    .filter((board) => board.kind === 'funnel')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const board = boards[0];
  if (board) {
    const provider = DexieYProvider.load(board.doc);
    try {
      await provider.whenLoaded;
      const stages = readStages(board.doc);
      if (stages.length > 0) return { funnel: Funnel.parse({ stages, plan: readPlan(board.doc) }), source: 'board', boardId: board.id };
    } finally {
      DexieYProvider.release(board.doc);
    }
  }
  return { funnel: Funnel.parse({ stages: createDefaultStages({ language, newId: defaultStageIds() }), plan: {} }), source: 'default', boardId: null };
}

function toRow(version: SlaVersion, workspaceId: string): SlaVersionRow {
  return { ...SlaVersion.parse(version), workspaceId };
}

function stripRow({ workspaceId: _, ...version }: SlaVersionRow): SlaVersion {
  return version;
}

/**
 * The first draft of the workspace's SLA, created when there is no version yet: generated from
 * the funnel, the default commitments and the working calendar, signed by the default signers.
 * Returns the newest version.
 */
export async function ensureVersion(
  workspaceId: string,
  options: { language: Language; title: string },
  database: AlignboardDb = defaultDb,
): Promise<SlaVersionRow> {
  const existing = await listVersions(workspaceId, database);
  if (existing.length > 0) return existing[existing.length - 1]!;
  const { funnel } = await loadFunnel(workspaceId, options.language, database);
  const { calendar } = await loadCalendar(workspaceId, options.language, database);
  const members = await database.members.where('workspaceId').equals(workspaceId).toArray();
  const mql = mainStages(funnel.stages).find((stage) => stage.key === 'mql');
  const now = nowIso();
  const version = createVersion({
    id: newId(),
    document: createDocument(funnel, defaultCommitments({ mqlStageId: mql?.id ?? null, newId }), { title: options.title, calendar }),
    signers: defaultSigners(members),
    now,
  });
  return writeAll(database, async () => {
    // Two pages opening at once (StrictMode, two windows): the first one wins.
    const again = (await database.slaVersions.where('workspaceId').equals(workspaceId).toArray()).sort(byRevision);
    if (again.length > 0) return again[again.length - 1]!;
    const row = toRow(version, workspaceId);
    await database.slaVersions.add(row);
    await database.workspaces.update(workspaceId, { updatedAt: now });
    return row;
  });
}

/**
 * Applies `change` to a stored version and writes the result. Refuses (FrozenVersionError) when
 * the stored version is signed, checked both before computing and again inside the write
 * transaction; refuses (Error) when the version changed state meanwhile.
 */
export async function updateVersion(
  workspaceId: string,
  id: string,
  change: (version: SlaVersion, now: string) => SlaVersion | Promise<SlaVersion>,
  database: AlignboardDb = defaultDb,
): Promise<SlaVersionRow> {
  const current = await database.slaVersions.get([workspaceId, id]);
  if (!current) throw new Error(`SLA version ${id} does not exist`);
  assertWritable(current);
  const now = nowIso();
  // Computed outside the transaction: addSignature hashes with crypto.subtle, which would let an
  // IndexedDB transaction commit early.
  const next = toRow(await change(stripRow(current), now), workspaceId);
  if (next.id !== id) throw new Error('updateVersion: the id cannot change');
  return writeAll(database, async () => {
    const stored = await database.slaVersions.get([workspaceId, id]);
    if (!stored) throw new Error(`SLA version ${id} does not exist`);
    assertWritable(stored);
    if (stored.state !== current.state) throw new Error(`SLA version ${id} changed state meanwhile; reload and try again`);
    await database.slaVersions.put(next);
    await database.workspaces.update(workspaceId, { updatedAt: now });
    return next;
  });
}

/** Replaces the document of a draft. */
export function saveDocument(workspaceId: string, id: string, document: SlaDocument, database: AlignboardDb = defaultDb) {
  return updateVersion(workspaceId, id, (version, now) => updateDocument(version, document, now), database);
}

/**
 * Regenerates a draft from the funnel and the given commitments (its own when omitted), keeping
 * every user text; with `calendar`, the draft states that working calendar (else it keeps its own).
 */
export function regenerateVersion(
  workspaceId: string,
  id: string,
  funnel: Funnel,
  commitments?: readonly Commitment[],
  database: AlignboardDb = defaultDb,
  calendar?: WorkingCalendar | null,
) {
  return updateVersion(
    workspaceId,
    id,
    (version, now) => updateDocument(version, regenerate(version.document, funnel, commitments ?? commitmentsOf(version.document), calendar === undefined ? {} : { calendar }), now),
    database,
  );
}

/** A signature (and, with the last one, the signed version): written with strict durability. */
export function signVersion(workspaceId: string, id: string, signature: SignatureInput, database: AlignboardDb = defaultDb) {
  return updateVersion(workspaceId, id, (version, now) => addSignature(version, signature, now), strictDb(database));
}

/**
 * A new draft (revision + 1) from the last signed version. When a newer unsigned revision exists
 * already it is returned instead of starting another one.
 */
export async function startNewRevision(workspaceId: string, database: AlignboardDb = defaultDb): Promise<SlaVersionRow> {
  const now = nowIso();
  return writeAll(database, async () => {
    const versions = (await database.slaVersions.where('workspaceId').equals(workspaceId).toArray()).sort(byRevision);
    const newest = versions[versions.length - 1];
    if (newest && !isFrozen(newest)) return newest;
    const signed = lastSigned(versions.map(stripRow));
    if (!signed) throw new Error('There is no signed version to revise');
    const row = toRow(startRevision(signed, { id: newId(), now }), workspaceId);
    await database.slaVersions.add(row);
    await database.workspaces.update(workspaceId, { updatedAt: now });
    return row;
  });
}
