import { describe, expect, it } from 'vitest';
import { readNodeData, type BoardNodeData, type StickyNodeData } from '../../shared/board/nodes';
import { boardFigure, boardMinNoteFontPx, boardScene, MIN_NOTE_FONT_PX, NOTE_FONT, planBoardPages, pngScale, type BoardFigureInput } from '../../shared/diagrams/boardFigure';
import { funnelFigure } from '../../shared/diagrams/funnelFigure';
import { FUNNEL_SHEET_TYPE, funnelSheetLayout } from '../../shared/diagrams/funnelSheet';
import { boardFunnelInput, reverseFunnelTable, slaFunnelInput, slaSwimlaneInput, type FunnelLabels, type ReverseTableLabels, type SwimlaneLabels } from '../../shared/diagrams/inputs';
import { boardPageBodies, documentFigureWidth, funnelSheetBodies } from '../../shared/diagrams/pages';
import { ACCENT } from '../../shared/diagrams/palette';
import { contains, sceneTexts, textBox, textsOutside, type Scene, type SceneText } from '../../shared/diagrams/scene';
import { swimlaneFigure } from '../../shared/diagrams/swimlaneFigure';
import { tableScene } from '../../shared/diagrams/table';
import { RevenuePlan } from '../../shared/funnel/plan';
import { createDefaultStages, stageName, type FunnelDepartment } from '../../shared/funnel/stages';
import { defaultCommitments, type Commitment } from '../../shared/sla/commitments';
import { createDocument } from '../../shared/sla/document';
import { noteBoard, TWELVE_STAGE_PLAN, twelveStageFunnel } from '../fixtures/diagrams';

const squash = (text: string) => text.replace(/\s+/g, '');
/** All the scene's text as one string without white space (names may wrap over lines). */
const allText = (scene: Scene) => squash(sceneTexts(scene).join(''));

const OWNERS: Record<FunnelDepartment, string> = { marketing: 'Marketing', sales: 'Sales', joint: 'Joint' };
const number = new Intl.NumberFormat('en');
const labels: FunnelLabels & ReverseTableLabels = {
  stageName: (stage) => stageName(stage, 'en') || 'New stage',
  owner: (department) => OWNERS[department],
  target: (volume, period) => `Target ${number.format(volume)} / ${period}`,
  required: (volume, period) => `Needed ${number.format(volume)} / ${period}`,
  rate: (rate) => `${Math.round(rate * 100)} %`,
  handOff: (from, to) => `Hand-off: ${OWNERS[from]} → ${OWNERS[to]}`,
  outcomesTitle: 'Outcomes',
  noStages: 'No stages yet',
  title: (result) => (result.ok ? `${result.deals} deals needed` : 'Cannot be worked out'),
  columns: { stage: 'Stage', required: 'Required', target: 'Target', gap: 'Gap' },
  count: (value) => (value === null ? '—' : number.format(value)),
  gapValue: (value) => (value === null ? '—' : new Intl.NumberFormat('en', { signDisplay: 'exceptZero' }).format(value)),
};

const swimLabels: SwimlaneLabels = {
  stageName: (stage) => stageName(stage, 'en') || 'New stage',
  lane: (owner) => OWNERS[owner],
  response: (commitment: Commitment) =>
    commitment.kind === 'firstContact' ? `First contact within ${commitment.withinHours} business hours` : commitment.kind === 'acceptReject' ? `Accept or reject within ${commitment.withinHours} h` : commitment.kind,
  uncovered: 'No response time agreed',
  loop: (commitment) => (commitment.kind === 'feedback' ? `Feedback ${commitment.cadence} via ${commitment.channel}` : 'Recycled leads back to nurturing'),
  noStages: 'No stages',
};

function expectTextsWithin(scene: Scene, box = { x: 0, y: 0, width: scene.width, height: scene.height }) {
  expect(textsOutside(scene, box).map((item) => item.lines.join(' '))).toEqual([]);
}

describe('funnel figure and funnel sheet', () => {
  it('draws a 12-stage funnel on one A4 sheet with every stage, hand-off and rate, and no text outside the page', () => {
    const stages = twelveStageFunnel('en');
    const input = boardFunnelInput(stages, TWELVE_STAGE_PLAN, labels);
    const table = reverseFunnelTable(stages, TWELVE_STAGE_PLAN, labels);
    expect(table?.rows).toHaveLength(12);
    const bodies = funnelSheetBodies('A4');
    const layout = funnelSheetLayout({ figure: input, table }, bodies);
    expect(layout.orientation).toBe('portrait');
    expect(layout.scene.width).toBe(bodies.portrait.width);
    expect(layout.scene.height).toBe(bodies.portrait.height);
    expectTextsWithin(layout.scene);
    const text = allText(layout.scene);
    expect(stages.filter((stage) => !text.includes(squash(stage.name))).map((stage) => stage.name)).toEqual([]);
    // Owners change marketing → sales → joint → sales: three hand-offs, each marked.
    expect(input.handOffs.map((handOff) => handOff.label)).toEqual(['Hand-off: Marketing → Sales', 'Hand-off: Sales → Joint', 'Hand-off: Joint → Sales']);
    for (const handOff of input.handOffs) expect(text).toContain(squash(handOff.label));
    // An arrow from each main stage to the next (11); the three where ownership passes are drawn
    // in the accent colour, each across a dashed hand-off line the width of the figure.
    const heads = layout.scene.items.filter((item) => item.kind === 'polygon');
    expect(heads).toHaveLength(11);
    expect(heads.filter((item) => item.kind === 'polygon' && item.fill === ACCENT)).toHaveLength(3);
    const handOffLines = layout.scene.items.filter((item) => item.kind === 'line' && item.stroke === ACCENT && item.dash !== undefined);
    expect(handOffLines).toHaveLength(3);
    const figureWidth = Math.max(...handOffLines.map((item) => (item.kind === 'line' ? item.points[1]![0] - item.points[0]![0] : 0)));
    expect(figureWidth).toBeGreaterThan(layout.scene.width * 0.9);
    for (const rate of ['40 %', '50 %', '80 %']) expect(text).toContain(squash(rate));
    // The reverse-funnel table: 120,000,000 / 4,000,000 = 30 deals.
    expect(text).toContain('30dealsneeded');
    // Type stays at or above 7 pt (9.33 px): the sheet was fitted, not squeezed.
    expect(layout.scale).toBe(1);
    const sizes = layout.scene.items.flatMap((item) => (item.kind === 'text' ? [item.size] : []));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7 * (96 / 72) * 0.8);
  });

  it('turns the sheet to landscape when the table under the funnel would crowd it, and keeps portrait when both fit', () => {
    // Ten main stages: alone they fit a portrait page; with the 10-row table under them the type
    // would shrink, so the table goes beside the funnel on a landscape page and the type stays larger.
    const ten = twelveStageFunnel('en').filter((stage) => !['stage-11', 'stage-12'].includes(stage.id));
    const input = { figure: boardFunnelInput(ten, TWELVE_STAGE_PLAN, labels), table: reverseFunnelTable(ten, TWELVE_STAGE_PLAN, labels) };
    const bodies = funnelSheetBodies('A4');
    const turned = funnelSheetLayout(input, bodies);
    expect(turned.orientation).toBe('landscape');
    expect([turned.scene.width, turned.scene.height]).toEqual([bodies.landscape.width, bodies.landscape.height]);
    expect(turned.scale).toBe(1);
    expectTextsWithin(turned.scene);
    // The table stands to the right of the funnel, its first cell level with the top.
    const title = turned.scene.items.find((item): item is SceneText => item.kind === 'text' && item.lines[0] === '30 deals needed')!;
    expect(title.x).toBeGreaterThan(bodies.landscape.width * 0.5);
    expect(title.y).toBeLessThan(bodies.landscape.height * 0.1);
    const alone = funnelSheetLayout({ figure: input.figure, table: null }, bodies);
    expect(alone.orientation).toBe('portrait');
    // Portrait with the table would have had smaller type than the landscape page has.
    const portraitOnly = funnelSheetLayout(input, { portrait: bodies.portrait, landscape: { width: bodies.portrait.width, height: 10 } });
    expect(portraitOnly.orientation).toBe('portrait');
    expect(turned.fontSize).toBeGreaterThan(portraitOnly.fontSize);

    // Four stages and their table fit a portrait page at full type: portrait (the funnel reads
    // top to bottom), the table under the funnel.
    const stages = createDefaultStages({ language: 'en', newId: (() => { let n = 0; return () => `s${n++}`; })() }).slice(0, 4);
    const plan = RevenuePlan.parse({ revenueTarget: 10_000_000, averageDealSize: 500_000 });
    const short = funnelSheetLayout({ figure: boardFunnelInput(stages, plan, labels), table: reverseFunnelTable(stages, plan, labels) }, funnelSheetBodies('Letter'));
    expectTextsWithin(short.scene);
    expect(short.orientation).toBe('portrait');
    expect(short.fontSize).toBe(FUNNEL_SHEET_TYPE.fontSize);
  });

  it('has no table without a revenue target, and says why when the reverse funnel cannot be worked out', () => {
    const stages = twelveStageFunnel('en');
    expect(reverseFunnelTable(stages, RevenuePlan.parse({}), labels)).toBeNull();
    const broken = stages.map((stage) => (stage.id === 'stage-3' ? { ...stage, conversionRate: null } : stage));
    const table = reverseFunnelTable(broken, TWELVE_STAGE_PLAN, labels);
    expect(table).toMatchObject({ title: 'Cannot be worked out', rows: [] });
  });

  it('shrinks type, then definitions, and finally scales a funnel too long for the page, still inside it', () => {
    const stages = [...twelveStageFunnel('ja'), ...twelveStageFunnel('ja').map((stage) => ({ ...stage, id: `${stage.id}-b` })), ...twelveStageFunnel('ja').map((stage) => ({ ...stage, id: `${stage.id}-c` }))];
    const layout = funnelSheetLayout({ figure: boardFunnelInput(stages, TWELVE_STAGE_PLAN, labels), table: reverseFunnelTable(stages, TWELVE_STAGE_PLAN, labels) }, funnelSheetBodies('A4'));
    expect(layout.scale).toBeLessThan(1);
    expect(layout.definitionLines).toBe(0);
    expectTextsWithin(layout.scene);
  });

  it('keeps every text inside the figure for any width, in Japanese', () => {
    const input = boardFunnelInput(twelveStageFunnel('ja'), TWELVE_STAGE_PLAN, { ...labels, stageName: (stage) => stage.name });
    for (const width of [320, 480, 700, 1000]) {
      const scene = funnelFigure(input, { width, fontSize: 12, definitionLines: 3 });
      expectTextsWithin(scene);
      expect(allText(scene)).toContain(squash('マーケティング確度の高いリード（スコア60以上）'));
    }
  });

  it('keeps every cell of the reverse-funnel table inside it, numbers right-aligned in their column', () => {
    const table = tableScene(
      {
        title: '逆算ファネル：売上目標 ￥120,000,000、平均受注額 ￥4,000,000 に必要な受注は月あたり 30 件',
        columns: [
          { label: 'ステージ', align: 'start' },
          { label: '必要数', align: 'end' },
          { label: '目標（月あたり）', align: 'end' },
          { label: '差', align: 'end' },
        ],
        rows: twelveStageFunnel('ja').slice(0, 12).map((stage, index) => [stage.name, number.format(120_000 / (index + 1)), '—', index % 2 ? '+12.5' : '-3']),
      },
      { width: 380, fontSize: 10 },
    );
    expectTextsWithin(table);
    const numbers = table.items.filter((item): item is SceneText => item.kind === 'text' && item.anchor === 'end');
    // Three numeric columns: every right-aligned cell ends on one of three right edges.
    expect(new Set(numbers.map((item) => Math.round(item.x))).size).toBe(3);
    expect(allText(table)).toContain(squash('マーケティング確度の高いリード（スコア60以上）'));
  });

  it('never wraps a number of the reverse-funnel table, at any of its type sizes and widths', () => {
    const numbers = ['+920', '+92', '6,080', '7,000', '-224', '12,565', '+12,565', '30', '1,487', '—', '2,974', '+9', '0', '120,000'];
    const rows = numbers.map((value, index) => [`Stage ${index + 1}`, numbers[(index + 3) % numbers.length]!, numbers[(index + 5) % numbers.length]!, value]);
    const columns = [
      { label: 'Stage', align: 'start' as const },
      { label: 'Needed', align: 'end' as const },
      { label: 'Target', align: 'end' as const },
      { label: 'Gap', align: 'end' as const },
    ];
    const wrapped: string[] = [];
    // The funnel sheet's table type runs from 11 px (its largest) down to 9.5 px (7 pt).
    for (let size = 9.5; size <= 11; size += 0.125) {
      for (const width of [300, 380, 420, 680, 700]) {
        const table = tableScene({ title: '', columns, rows }, { width, fontSize: size });
        const cells = table.items.filter((item): item is SceneText => item.kind === 'text' && item.anchor === 'end' && item.weight !== 700);
        expect(cells).toHaveLength(numbers.length * 3);
        for (const cell of cells) if (cell.lines.length !== 1 || !numbers.includes(cell.lines[0]!)) wrapped.push(`${size} px, ${width} px: ${cell.lines.join(' / ')}`);
        expectTextsWithin(table);
      }
    }
    expect(wrapped).toEqual([]);
  });

  it('shows a message instead of a figure when there are no stages', () => {
    const scene = funnelFigure(boardFunnelInput([], RevenuePlan.parse({}), labels), { width: 400, fontSize: 12, definitionLines: 2 });
    expect(sceneTexts(scene)).toEqual(['No stages yet']);
  });
});

describe('SLA figures (from the signed document only)', () => {
  const stages = createDefaultStages({ language: 'en', newId: (() => { let n = 0; return () => `st${n++}`; })() });
  const mql = stages.find((stage) => stage.key === 'mql')!.id;
  let id = 0;
  const commitments = defaultCommitments({ mqlStageId: mql, newId: () => `c${id++}` }).map((commitment) =>
    commitment.kind === 'firstContact' ? { ...commitment, withinHours: 8 } : commitment,
  );
  const document = createDocument({ stages, plan: RevenuePlan.parse({ revenueTarget: 50_000_000, averageDealSize: 1_000_000 }) }, commitments);
  const width = documentFigureWidth('sla', 'A4');

  it('figure 1: the funnel as the document defines it, hand-off marked', () => {
    const input = slaFunnelInput(document, labels);
    expect(input.stages.map((stage) => stage.name)).toEqual(stages.map((stage) => stageName(stage, 'en')));
    expect(input.handOffs).toEqual([{ fromId: mql, toId: stages.find((stage) => stage.key === 'sal')!.id, label: 'Hand-off: Marketing → Sales' }]);
    // Volumes come from the document's own reverse-funnel rows: the widest band is the first stage.
    expect(input.stages[0]!.volume).toBeGreaterThan(input.stages[1]!.volume!);
    const scene = funnelFigure(input, { width, fontSize: 11, definitionLines: 0 });
    expectTextsWithin(scene);
    expect(allText(scene)).toContain(squash('Hand-off: Marketing → Sales'));
  });

  it('figure 2: both lanes, the hand-off with its response times, the feedback loop', () => {
    const input = slaSwimlaneInput(document, swimLabels);
    expect(input.lanes).toEqual({ marketing: 'Marketing', sales: 'Sales' });
    expect(input.handOffs).toHaveLength(1);
    expect(input.handOffs[0]!.lines).toEqual(['First contact within 8 business hours', 'Accept or reject within 24 h']);
    // Recycled leads go back to marketing; feedback goes from sales (who owes it) to marketing.
    expect(input.loops.map((loop) => [loop.from, loop.to])).toEqual([
      ['sales', 'marketing'],
      ['sales', 'marketing'],
    ]);
    const scene = swimlaneFigure(input, { width, fontSize: 11 });
    expectTextsWithin(scene);
    const text = allText(scene);
    for (const phrase of ['Marketing', 'Sales', 'First contact within 8 business hours', 'Feedback weekly via crm', 'Recycled leads back to nurturing']) expect(text).toContain(squash(phrase));
    // Each stage box sits in its owner's lane: marketing on the left third, sales on the right.
    const names = scene.items.filter((item): item is SceneText => item.kind === 'text' && item.weight === 700 && item.anchor === 'middle');
    const centre = (name: string) => names.find((item) => item.lines.join(' ') === name)!.x;
    expect(centre('MQL')).toBeLessThan(width / 3);
    expect(centre('SAL')).toBeGreaterThan((width * 2) / 3);
  });

  it('draws what the document holds (the signed items), never what the funnel would compute today', () => {
    const signed = structuredClone(document);
    const definitions = signed.sections.find((section) => section.key === 'definitions')!;
    // Rates and owners edited inside the stage items would change a recomputed reverse funnel and
    // hand-off list; the figures follow the document's own rows and hand-off items instead.
    for (const item of definitions.generated) if (item.type === 'stage') item.stage.conversionRate = 0.99;
    const volumes = signed.sections.flatMap((section) => section.generated).find((item) => item.type === 'requiredVolumes')!;
    const rows = volumes.type === 'requiredVolumes' ? volumes.rows : [];
    expect(slaFunnelInput(signed, labels).stages.map((stage) => stage.volume)).toEqual(stages.map((stage) => stage.targetVolume ?? rows.find((row) => row.stageId === stage.id)?.required ?? null));
    signed.sections.find((section) => section.key === 'handOff')!.generated = [];
    expect(slaFunnelInput(signed, labels).handOffs).toEqual([]);
    expect(slaSwimlaneInput(signed, swimLabels).handOffs).toEqual([]);
    // The same document always gives the same drawing.
    expect(swimlaneFigure(slaSwimlaneInput(structuredClone(document), swimLabels), { width, fontSize: 11 })).toEqual(swimlaneFigure(slaSwimlaneInput(document, swimLabels), { width, fontSize: 11 }));
  });

  it('says so when a hand-off has no response-time commitment', () => {
    const bare = createDocument({ stages, plan: RevenuePlan.parse({}) }, []);
    const input = slaSwimlaneInput(bare, swimLabels);
    expect(input.handOffs[0]).toMatchObject({ uncovered: true, lines: ['No response time agreed'] });
    expect(input.loops).toEqual([]);
    expectTextsWithin(swimlaneFigure(input, { width, fontSize: 11 }));
  });
});

function boardInput(nodes: { id: string; data: BoardNodeData }[]): BoardFigureInput {
  const parsed = nodes.map((node) => ({ id: node.id, data: readNodeData(node.data)! }));
  return {
    zones: parsed.flatMap(({ id, data }) => (data.type === 'zone' ? [{ id, x: data.x, y: data.y, width: data.width, height: data.height, title: data.zone }] : [])),
    notes: parsed.flatMap(({ id, data }) =>
      data.type === 'sticky'
        ? [{ id, x: data.x, y: data.y, text: data.text, department: data.department, mark: data.department[0]!.toUpperCase(), author: 'Joint', votes: data.votes ? `${data.votes} votes` : null, promoted: data.promotedTo ? `↗ ${data.promotedTo}` : null }]
        : [],
    ),
    persona: null,
    emptyNote: 'Empty note',
  };
}

describe('whole board on paper and as PNG', () => {
  const nodes = noteBoard(300, 'ja');
  const notes = nodes.filter((node): node is { id: string; data: StickyNodeData } => node.data.type === 'sticky');
  const figure = boardFigure(boardInput(nodes));

  it('tiles a 300-note board on A4 at 7 pt notes: every note whole on exactly one page, nothing outside a page', () => {
    const plan = planBoardPages(figure, boardPageBodies('A4'));
    expect(plan.pages.length).toBeGreaterThan(1);
    expect(plan.noteFontPx).toBeCloseTo(MIN_NOTE_FONT_PX);
    const counts = new Map<string, number>();
    for (const page of plan.pages) {
      const body = boardPageBodies('A4')[plan.orientation];
      // The window drawn at the page's scale fits the page body.
      expect(page.window.width * page.scale).toBeLessThanOrEqual(body.width + 0.01);
      expect(page.window.height * page.scale).toBeLessThanOrEqual(body.height + 0.01);
      expectTextsWithin(page.scene);
      for (const line of sceneTexts(page.scene)) {
        const match = /#(\d+)$/.exec(line);
        if (match) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
      }
    }
    // Note texts are short enough for one line, so each "#n" ends a line once.
    expect(counts.size).toBe(300);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it('puts a small board on one A4 page, and any board, the 300-note one too, whole on one A3 page', () => {
    const small = boardFigure(boardInput(noteBoard(12, 'en')));
    const plan = planBoardPages(small, boardPageBodies('A4'), boardMinNoteFontPx('A4'));
    expect(plan.pages).toHaveLength(1);
    expect(plan.orientation).toBe('landscape');
    expect(plan.noteFontPx).toBeGreaterThanOrEqual(MIN_NOTE_FONT_PX);
    expectTextsWithin(plan.pages[0]!.scene);
    // A3 is the one large page: the whole board on one sheet, however small its notes get there
    // (A4 and Letter keep 7 pt and tile instead).
    expect(boardMinNoteFontPx('A4')).toBe(MIN_NOTE_FONT_PX);
    expect(boardMinNoteFontPx('Letter')).toBe(MIN_NOTE_FONT_PX);
    for (const board of [small, figure]) {
      const a3 = planBoardPages(board, boardPageBodies('A3'), boardMinNoteFontPx('A3'));
      expect(a3.pages).toHaveLength(1);
      expect([a3.rows, a3.columns]).toEqual([1, 1]);
      const [page] = a3.pages;
      expect(page!.window).toEqual(board.bounds);
      const body = boardPageBodies('A3')[a3.orientation];
      expect(page!.window.width * page!.scale).toBeLessThanOrEqual(body.width + 0.01);
      expect(page!.window.height * page!.scale).toBeLessThanOrEqual(body.height + 0.01);
      expectTextsWithin(page!.scene);
    }
    // Every note of the 300 on that page; a board wider than tall lies landscape, this tall one
    // (notes in rows below the template) portrait, where its notes print larger.
    const a3 = planBoardPages(figure, boardPageBodies('A3'), boardMinNoteFontPx('A3'));
    const text = allText(a3.pages[0]!.scene);
    expect(notes.filter((note) => !text.includes(squash(note.data.text)))).toEqual([]);
    expect(figure.bounds.height).toBeGreaterThan(figure.bounds.width);
    expect(a3.orientation).toBe('portrait');
    expect(planBoardPages(small, boardPageBodies('A3'), boardMinNoteFontPx('A3')).orientation).toBe('landscape');
  });

  it('draws every zone title and note in the whole-board scene (the PNG), inside its bounds', () => {
    const scene = boardScene(figure);
    expect(scene.width).toBe(figure.bounds.width);
    expectTextsWithin(scene);
    const text = allText(scene);
    for (const note of notes) expect(text).toContain(squash(note.data.text));
    for (const zone of ['goals', 'challenges', 'triggers', 'objections', 'channels']) expect(text).toContain(zone);
  });

  it('draws each note with its department mark, its vote total and its promotion, as on the canvas', () => {
    const wholes = figure.groups.filter((group) => group.kind === 'whole');
    const drawn = (note: (typeof notes)[number]) => {
      const group = wholes.find((candidate) => candidate.items.some((item) => item.kind === 'text' && item.size === NOTE_FONT && squash(item.lines.join('')) === squash(note.data.text)))!;
      return group.items.flatMap((item) => (item.kind === 'text' ? [item.lines.join(' ')] : []));
    };
    const wrong = notes.filter((note) => {
      const texts = drawn(note);
      const mark = note.data.department[0]!.toUpperCase();
      const votes = note.data.votes > 0 ? `${note.data.votes} votes` : null;
      const promoted = note.data.promotedTo ? `↗ ${note.data.promotedTo}` : null;
      return (
        !texts.includes(mark) ||
        (votes ? !texts.includes(votes) : texts.some((line) => line.endsWith(' votes'))) ||
        (promoted ? !texts.includes(promoted) : texts.some((line) => line.startsWith('↗')))
      );
    });
    expect(wrong.map((note) => note.id)).toEqual([]);
    // The fixture has notes of every department, with and without votes, some promoted.
    expect(new Set(notes.map((note) => note.data.department))).toEqual(new Set(['sales', 'marketing', 'joint']));
    expect(notes.filter((note) => note.data.votes > 0).length).toBeGreaterThan(50);
    expect(notes.filter((note) => note.data.promotedTo).length).toBeGreaterThan(10);
  });

  it('wraps a long note inside the note and cuts it after 14 lines', () => {
    const long = boardFigure(
      boardInput([{ id: 'n', data: { type: 'sticky', x: 0, y: 0, text: '長い付箋です。'.repeat(60), department: 'marketing', authorId: null, promotedTo: null, votes: 3, voters: [] } }]),
    );
    const note = long.groups.find((group) => group.kind === 'whole')!;
    const body = note.items.find((item): item is SceneText => item.kind === 'text' && item.size === NOTE_FONT)!;
    expect(body.lines).toHaveLength(14);
    expect(body.lines.at(-1)).toMatch(/…$/);
    const texts = note.items.filter((item): item is SceneText => item.kind === 'text');
    expect(texts.filter((item) => !contains(note.box, textBox(item)))).toEqual([]);
  });

  it('scales a PNG to 1.5 × the canvas, less for a board too large to encode', () => {
    expect(pngScale({ x: 0, y: 0, width: 2000, height: 1200 })).toBe(1.5);
    const huge = { x: 0, y: 0, width: 20_000, height: 9_000 };
    const scale = pngScale(huge);
    expect(huge.width * scale).toBeLessThanOrEqual(8192);
    expect(huge.width * scale * huge.height * scale).toBeLessThanOrEqual(40_000_000);
  });
});
