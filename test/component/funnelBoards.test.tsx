import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readAllNodes } from '../../shared/board/doc';
import { reverseFunnel } from '../../shared/funnel/reverseFunnel';
import { handOffs, stageName, updateStage } from '../../shared/funnel/stages';
import { createWorkspace } from '../../renderer/src/db/workspaces';
import { createFunnelBoard } from '../../renderer/src/features/funnel/funnelBoards';
import { FunnelController, FunnelSession, readPlan, readStages } from '../../renderer/src/features/funnel/funnelDoc';
import { parseAmount, parsePercent, parseVolume, percentText } from '../../renderer/src/features/funnel/fields';
import { freshDb } from './helpers';

describe('funnel boards', () => {
  it('creates a funnel board with the default stages, in Japanese for a Japanese user', async () => {
    const database = freshDb();
    const ws = await createWorkspace('W', database);
    const id = await createFunnelBoard(ws, ' ファネル ', 'ja', database);
    const board = await database.boards.get([ws, id]);
    expect(board).toMatchObject({ kind: 'funnel', name: 'ファネル' });
    const provider = DexieYProvider.load(board!.doc);
    await provider.whenLoaded;
    const stages = readStages(board!.doc);
    // The persona engine does not see stage nodes (they are not persona-board nodes).
    expect(readAllNodes(board!.doc).size).toBe(0);
    DexieYProvider.release(board!.doc);
    expect(stages.map((stage) => stageName(stage, 'ja'))).toEqual(['潜在顧客', 'リード', 'MQL', 'SAL', 'SQL', '商談', '受注', '失注', 'リサイクル']);
    expect(stages[2]!.entryDefinition).toMatch(/スコア/);
    expect(handOffs(stages).map((h) => [stageName(stages.find((s) => s.id === h.fromStageId)!, 'en'), h.fromOwner, h.toOwner])).toEqual([['MQL', 'marketing', 'sales']]);
  });

  it('edits, reorders and plans through the controller, each one undo step; other origins are not undone', () => {
    const doc = new Y.Doc();
    const controller = new FunnelController(doc);
    const base = [
      { id: 'a', key: null, kind: 'step' as const, name: 'A', owner: 'marketing' as const, entryDefinition: '', targetVolume: null, conversionRate: 0.5, period: 'month' as const },
      { id: 'b', key: null, kind: 'step' as const, name: 'B', owner: 'sales' as const, entryDefinition: '', targetVolume: 10, conversionRate: null, period: 'month' as const },
    ];
    controller.setStages(base);
    controller.setStages(updateStage(readStages(doc), 'a', { name: 'Alpha', conversionRate: 0 }));
    expect(readStages(doc).map((s) => s.name)).toEqual(['Alpha', 'B']);
    controller.setStages([...readStages(doc)].reverse());
    expect(readStages(doc).map((s) => s.id)).toEqual(['b', 'a']);
    controller.setPlan({ revenueTarget: 100, averageDealSize: 10 });
    expect(readPlan(doc)).toMatchObject({ revenueTarget: 100, averageDealSize: 10 });
    // A zero rate is a named problem, not Infinity.
    const result = reverseFunnel(readPlan(doc), readStages(doc).reverse());
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'rate-zero', stageId: 'a' }] });

    // A remote edit (another origin) stays when this window undoes.
    doc.transact(() => doc.getMap<Y.Map<unknown>>('nodes').get('b')!.set('entryDefinition', 'remote'), 'remote');
    expect(controller.undo()).toBe('done'); // plan
    expect(readPlan(doc).revenueTarget).toBeNull();
    expect(controller.undo()).toBe('done'); // reorder
    expect(readStages(doc).map((s) => s.id)).toEqual(['a', 'b']);
    expect(controller.undo()).toBe('done'); // rename + rate
    expect(readStages(doc)[0]).toMatchObject({ name: 'A', conversionRate: 0.5 });
    expect(readStages(doc)[1]!.entryDefinition).toBe('remote');
    expect(controller.redo()).toBe('done');
    expect(readStages(doc)[0]).toMatchObject({ name: 'Alpha', conversionRate: 0 });
  });

  it('one press takes back one step: a step a co-editor overwrote is superseded, not skipped over', () => {
    const doc = new Y.Doc();
    const controller = new FunnelController(doc);
    controller.setPlan({ revenueTarget: 100 });
    controller.setPlan({ averageDealSize: 10 });
    // Another origin (a co-editor) overwrites my last change.
    doc.transact(() => doc.getMap('funnelPlan').set('averageDealSize', 20), 'remote');
    expect(controller.undo()).toBe('superseded');
    expect(readPlan(doc)).toMatchObject({ revenueTarget: 100, averageDealSize: 20 });
    // The press before did not go on to take back the revenue target as well.
    expect(controller.history.canUndo()).toBe(true);
    expect(controller.undo()).toBe('done');
    expect(readPlan(doc)).toMatchObject({ revenueTarget: null, averageDealSize: 20 });
    expect(controller.undo()).toBe('empty');
  });

  it('the session reports undo/redo availability', () => {
    const doc = new Y.Doc();
    const session = new FunnelSession(doc);
    const stop = session.start();
    let calls = 0;
    const unsubscribe = session.subscribe(() => calls++);
    expect(session.getHistory()).toEqual({ canUndo: false, canRedo: false });
    session.setPlan({ revenueTarget: 5 });
    expect(session.getHistory()).toEqual({ canUndo: true, canRedo: false });
    expect(session.undoOrRedo('undo')).toBe('done');
    expect(session.getHistory()).toEqual({ canUndo: false, canRedo: true });
    expect(session.undoOrRedo('undo')).toBe('empty');
    expect(calls).toBeGreaterThan(0);
    unsubscribe();
    stop();
  });

  it('after undoing one of three edits, the Undo and Redo buttons both stay available (the flags are read once the stacks are whole)', () => {
    const doc = new Y.Doc();
    const session = new FunnelSession(doc);
    const stop = session.start();
    for (const revenueTarget of [10, 20, 30]) session.setPlan({ revenueTarget });
    expect(session.undoOrRedo('undo')).toBe('done');
    expect(session.getHistory()).toEqual({ canUndo: true, canRedo: true });
    expect(session.undoOrRedo('undo')).toBe('done');
    expect(session.undoOrRedo('redo')).toBe('done');
    expect(session.getHistory()).toEqual({ canUndo: true, canRedo: true });
    stop();
  });

  it('parses the side panel numbers strictly', () => {
    expect(parseVolume('')).toBeNull();
    expect(parseVolume('1,200')).toBe(1200);
    expect(parseVolume('-1')).toBeUndefined();
    expect(parseVolume('1.5')).toBeUndefined();
    expect(parsePercent('30')).toBe(0.3);
    expect(parsePercent('0')).toBe(0);
    expect(parsePercent('12.5 %')).toBe(0.125);
    expect(parsePercent('101')).toBeUndefined();
    expect(parsePercent('abc')).toBeUndefined();
    expect(parsePercent('')).toBeNull();
    expect(percentText(0.7)).toBe('70');
    expect(percentText(null)).toBe('');
    expect(parseAmount('10,000,000')).toBe(10_000_000);
    expect(parseAmount('0')).toBeUndefined();
    expect(parseAmount('1e400')).toBeUndefined();
    // Typed with a Japanese IME on: full-width digits, comma, point, ％ and ￥ read as their ASCII forms.
    expect(parseVolume('７，０００')).toBe(7000);
    expect(parsePercent('１２．５％')).toBe(0.125);
    expect(parseAmount('￥５，０００，０００')).toBe(5_000_000);
    expect(parseVolume('７.５')).toBeUndefined();
  });
});
