// Who is writing on a board, and what a screen reader says of its nodes (from their kinds).
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { newSticky } from '../../shared/board/doc';
import { emptyPersona } from '../../shared/board/personaTemplate';
import { en } from '../../shared/locales/en';
import { ja } from '../../shared/locales/ja';
import type { Member } from '../../shared/records/member';
import { filledText, fixedText, votersText } from '../../renderer/src/features/board/labels';
import type { LabelContext } from '../../renderer/src/features/board/labels';
import type { LabelState } from '../../renderer/src/features/board/nodeKinds';
import type { AppNode } from '../../renderer/src/features/board/types';
import { PERSONA_BOARD_KINDS } from '../../renderer/src/features/personas/personaKind';
import { toAppNode } from '../../renderer/src/features/board/mapping';
import { JOINT, writerFields, writerOrder } from '../../renderer/src/features/board/writer';

const member = (id: string, name: string, department: Member['department']): Member => ({
  workspaceId: 'w',
  id,
  name,
  department,
  title: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const MEMBERS = [
  member('emma', 'Emma Clark', 'marketing'),
  member('noah', 'Noah Bennett', 'sales'),
  member('sophia', 'Sophia Reed', 'other'),
  member('ava', 'Ava Mitchell', 'sales'),
];

function labels(language: 'en' | 'ja') {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: language, initAsync: false, interpolation: { escapeValue: false } });
  return { t: i18n.t.bind(i18n), language, members: new Map(MEMBERS.map((m) => [m.id, m])) };
}

describe('who is writing', () => {
  it('orders members sales, marketing, others, by name: member n is key n', () => {
    expect(writerOrder(MEMBERS, 'en').map((m) => m.id)).toEqual(['ava', 'noah', 'emma', 'sophia']);
  });

  it('gives new notes the writer and their department; other departments and joint write joint notes', () => {
    const members = new Map(MEMBERS.map((m) => [m.id, m]));
    expect(writerFields({ kind: 'member', id: 'emma' }, members)).toEqual({ authorId: 'emma', department: 'marketing' });
    expect(writerFields({ kind: 'member', id: 'sophia' }, members)).toEqual({ authorId: 'sophia', department: 'joint' });
    expect(writerFields(JOINT, members)).toEqual({ authorId: null, department: 'joint' });
    expect(writerFields({ kind: 'member', id: 'removed' }, members)).toEqual({ authorId: null, department: 'joint' });
  });
});

describe('words looked up once per language', () => {
  it('gives each language its own words, even through one translation function', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: 'en', interpolation: { escapeValue: false } });
    const t = i18n.t.bind(i18n);
    expect(fixedText({ t, language: 'en' }, 'board.department.sales')).toBe(en.board.department.sales);
    await i18n.changeLanguage('ja');
    expect(fixedText({ t, language: 'ja' }, 'board.department.sales')).toBe(ja.board.department.sales);
    expect(fixedText({ t, language: 'en' }, 'board.department.sales')).toBe(en.board.department.sales);
  });
});

/** A node's accessible name, from its kind in the persona board's registry. */
const nodeLabel = (node: AppNode, context: LabelContext, state: LabelState) => PERSONA_BOARD_KINDS.label(node, context, state);

describe('accessible names of nodes', () => {
  const plain = { myDot: false, voting: false };

  it('names a note by writer, department and text', () => {
    const node = toAppNode('n', newSticky({ x: 0, y: 0, text: 'Budget is decided\nin Q4', department: 'marketing', authorId: 'emma' }));
    expect(nodeLabel(node, labels('en'), plain)).toBe('Sticky note by Emma Clark (Marketing): Budget is decided in Q4');
    expect(nodeLabel(node, labels('ja'), plain)).toBe('Emma Clark（マーケティング）の付箋: Budget is decided in Q4');
  });

  it('names joint and empty notes, and notes of people no longer in the workspace', () => {
    const joint = toAppNode('n', newSticky({ x: 0, y: 0, text: '', department: 'joint', authorId: null }));
    expect(nodeLabel(joint, labels('en'), plain)).toBe('Joint sticky note: (empty)');
    const gone = toAppNode('g', newSticky({ x: 0, y: 0, text: 'x', department: 'sales', authorId: 'left' }));
    expect(nodeLabel(gone, labels('en'), plain)).toBe('Sticky note by a former member (Sales): x');
  });

  it('adds votes, voters, the promotion mark and, while voting, the voter’s own dot', () => {
    const node = toAppNode('n', { ...newSticky({ x: 0, y: 0, text: 'CFO', department: 'sales', authorId: 'noah' }), votes: 3, voters: ['noah', 'emma', 'emma'], promotedTo: 'decisionCriteria' });
    expect(nodeLabel(node, labels('en'), { myDot: true, voting: true })).toBe(
      'Sticky note by Noah Bennett (Sales): CFO. 3 votes. voted by Emma Clark ×2, Noah Bennett. promoted to Decision criteria. your dot is on it',
    );
    expect(nodeLabel({ ...node, data: { ...node.data, votes: 1, voters: [] } } as typeof node, labels('en'), plain)).toBe(
      'Sticky note by Noah Bennett (Sales): CFO. 1 vote. promoted to Decision criteria',
    );
  });

  it('names cards and zones', () => {
    expect(nodeLabel(toAppNode('p', emptyPersona({ name: 'Daniel Ward' })), labels('en'), plain)).toBe('Persona card: Daniel Ward');
    expect(nodeLabel(toAppNode('z', { type: 'zone', zone: 'challenges', x: 0, y: 0, width: 1, height: 1 }), labels('en'), plain)).toBe('Zone: Pain points');
  });

  it('lists voters by name in the UI language', () => {
    expect(votersText(['noah', 'ava'], labels('en'))).toBe('Ava Mitchell, Noah Bennett');
  });
});

describe('filledText: a translation filled in from its template', () => {
  const awkward = ['', 'Budget is decided in Q4', '予算は第4四半期に決まる', '{{author}} and {{text}}', '$& $1 $$', 'a\u00000\u0000b', 'x\uE0000\uE001y', 'line\nbreak', '<b>bold</b> & "quoted"'];

  it.each(['en', 'ja'] as const)('gives what i18next gives, for every value however awkward (%s)', (language) => {
    const context = labels(language);
    for (const author of awkward) {
      for (const text of awkward) {
        const department = fixedText(context, 'board.department.sales');
        expect(filledText(context, 'board.sticky.label', { author, department, text })).toBe(context.t('board.sticky.label', { author, department, text }));
        expect(filledText(context, 'board.sticky.labelNoAuthor', { department, text })).toBe(context.t('board.sticky.labelNoAuthor', { department, text }));
      }
    }
  });

  it('keeps one template per language and key: the language’s own words each time', () => {
    const english = labels('en');
    const japanese = labels('ja');
    const values = { author: 'Emma Clark', department: 'Sales', text: 'Hi' };
    expect(filledText(english, 'board.sticky.label', values)).toBe('Sticky note by Emma Clark (Sales): Hi');
    expect(filledText(japanese, 'board.sticky.label', values)).toBe(japanese.t('board.sticky.label', values));
    expect(filledText(japanese, 'board.sticky.label', values)).not.toBe(filledText(english, 'board.sticky.label', values));
  });
});
