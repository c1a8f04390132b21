import { describe, expect, it } from 'vitest';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import {
  commitmentsOf,
  ensureVersion,
  listVersions,
  loadFunnel,
  regenerateVersion,
  saveDocument,
  signVersion,
  startNewRevision,
  updateVersion,
} from '../../renderer/src/features/sla/slaStore';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { exportWorkspace, importWorkspace } from '../../renderer/src/db/workspaceFiles';
import { parseWorkspaceFile } from '../../shared/workspaceFile';
import { diff, getSection, setSectionText } from '../../shared/sla/document';
import { FrozenVersionError, submitForReview, verifyVersion } from '../../shared/sla/versions';
import { freshDb, numbered } from './helpers';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function setup() {
  const database = freshDb();
  const workspaceId = await createWorkspace('W', database);
  const marketing = await addMember(workspaceId, { name: '佐藤 花子', department: 'marketing', title: 'マーケティング部長' }, database);
  const sales = await addMember(workspaceId, { name: 'John Smith', department: 'sales', title: 'Head of Sales' }, database);
  return { database, workspaceId, marketing, sales };
}

async function signAll(ctx: Awaited<ReturnType<typeof setup>>, versionId: string) {
  const { database, workspaceId, marketing, sales } = ctx;
  await updateVersion(workspaceId, versionId, (version, now) => submitForReview(version, now), database);
  for (const member of [marketing, sales]) {
    await signVersion(
      workspaceId,
      versionId,
      { memberId: member.id, name: member.name, title: member.title, department: member.department, date: '2026-11-30', image: { format: 'png', data: PNG } },
      database,
    );
  }
  return (await database.slaVersions.get([workspaceId, versionId]))!;
}

describe('SLA store', () => {
  it('creates one first draft with default commitments and the default signers', async () => {
    const ctx = await setup();
    const [a, b] = await Promise.all([
      ensureVersion(ctx.workspaceId, { language: 'en', title: 'SLA' }, ctx.database),
      ensureVersion(ctx.workspaceId, { language: 'en', title: 'SLA' }, ctx.database),
    ]);
    expect(a.id).toBe(b.id);
    expect(await listVersions(ctx.workspaceId, ctx.database)).toHaveLength(1);
    expect(a.state).toBe('draft');
    expect(a.signers).toEqual([ctx.marketing.id, ctx.sales.id]);
    expect(commitmentsOf(a.document).map((c) => c.kind)).toContain('firstContact');
  });

  it('reads the stages from the funnel board when there is one', async () => {
    const ctx = await setup();
    const boardId = await createFunnelBoard(ctx.workspaceId, 'Funnel', 'en', ctx.database);
    const { funnel, source } = await loadFunnel(ctx.workspaceId, 'en', ctx.database);
    expect(source).toBe('board');
    expect(funnel.stages.length).toBeGreaterThan(3);
    const board = (await ctx.database.boards.get([ctx.workspaceId, boardId]))!;
    expect(board.kind).toBe('funnel');
    const fallback = await loadFunnel('other', 'en', ctx.database);
    expect(fallback.source).toBe('default');
    // Default stage ids are stable: regenerating from them changes nothing.
    expect((await loadFunnel('other', 'en', ctx.database)).funnel).toEqual(fallback.funnel);
  });

  it('keeps user text when regenerating and flags sections whose generated part changed', async () => {
    const ctx = await setup();
    const version = await ensureVersion(ctx.workspaceId, { language: 'en', title: 'SLA' }, ctx.database);
    await saveDocument(ctx.workspaceId, version.id, setSectionText(version.document, 'salesCommitments', 'Our own words'), ctx.database);
    const { funnel } = await loadFunnel(ctx.workspaceId, 'en', ctx.database);
    const commitments = commitmentsOf(version.document).map((c) => (c.kind === 'firstContact' ? { ...c, withinHours: 8 } : c));
    const next = await regenerateVersion(ctx.workspaceId, version.id, funnel, commitments, ctx.database);
    expect(getSection(next.document, 'salesCommitments').text).toBe('Our own words');
    expect(getSection(next.document, 'salesCommitments').generatedChanged).toBe(true);
    expect(getSection(next.document, 'purpose').generatedChanged).toBe(false);
  });

  it('refuses any write to a signed version (FrozenVersionError) and leaves it unchanged', async () => {
    const ctx = await setup();
    const version = await ensureVersion(ctx.workspaceId, { language: 'en', title: 'SLA' }, ctx.database);
    const signed = await signAll(ctx, version.id);
    expect(signed.state).toBe('signed');
    expect(signed.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyVersion(signed)).toBe(true);

    await expect(saveDocument(ctx.workspaceId, version.id, setSectionText(signed.document, 'purpose', 'changed'), ctx.database)).rejects.toBeInstanceOf(
      FrozenVersionError,
    );
    await expect(updateVersion(ctx.workspaceId, version.id, (v) => ({ ...v, state: 'draft', hash: null, signedAt: null, signatures: [] }), ctx.database)).rejects.toThrow(
      /is signed and cannot change/,
    );
    const { funnel } = await loadFunnel(ctx.workspaceId, 'en', ctx.database);
    await expect(regenerateVersion(ctx.workspaceId, version.id, funnel, [], ctx.database)).rejects.toBeInstanceOf(FrozenVersionError);
    expect(await ctx.database.slaVersions.get([ctx.workspaceId, version.id])).toEqual(signed);
  });

  it('starts a new revision from the signed one, whose diff shows the change', async () => {
    const ctx = await setup();
    const version = await ensureVersion(ctx.workspaceId, { language: 'en', title: 'SLA' }, ctx.database);
    const signed = await signAll(ctx, version.id);
    const draft = await startNewRevision(ctx.workspaceId, ctx.database);
    expect(draft.revision).toBe(2);
    expect(draft.basedOn).toBe(signed.hash);
    expect((await startNewRevision(ctx.workspaceId, ctx.database)).id).toBe(draft.id);
    const edited = await saveDocument(ctx.workspaceId, draft.id, setSectionText(draft.document, 'escalation', 'Escalate to the CEO'), ctx.database);
    const changes = diff(signed.document, edited.document);
    expect(changes.sections.map((s) => s.key)).toEqual(['escalation']);
  });

  it('exports and imports SLA versions with the workspace, signed ones unchanged', async () => {
    const ctx = await setup();
    const version = await ensureVersion(ctx.workspaceId, { language: 'ja', title: 'SLA' }, ctx.database);
    const signed = await signAll(ctx, version.id);
    const parsed = parseWorkspaceFile(await exportWorkspace(ctx.workspaceId, ctx.database));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.file.slaVersions).toHaveLength(1);
    const copyId = (await importWorkspace(parsed.file, { numbered }, ctx.database)).id;
    const copy = (await listVersions(copyId, ctx.database))[0]!;
    expect(copy.hash).toBe(signed.hash);
    expect(await verifyVersion(copy)).toBe(true);
  });
});
