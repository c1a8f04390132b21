/**
 * The board used by the board benchmark, shared by the app page (board.html, written into a real
 * Y.Doc in IndexedDB) and the bare React Flow page (bare.html, an in-memory array), so both pages
 * lay out exactly the same notes with exactly the same text.
 */
import type { StickyDepartment } from '../../shared/board/nodes';
import type { Department } from '../../shared/records/member';

/** Grid pitch in flow px: a note is 260 px wide and ~160–230 px tall, so gaps stay ≥ 60 px. */
export const PITCH = { x: 320, y: 300 } as const;
export const STICKY_WIDTH = 260;
export const STICKY_MIN_HEIGHT = 160;
/** The selection that is dragged: a block of SELECTION.cols × SELECTION.rows notes. */
export const SELECTION = { cols: 10, rows: 5 } as const;

/** Canvas settings both pages give React Flow (the app's own values, from BoardCanvas.tsx). */
export const FLOW_SETTINGS = {
  minZoom: 0.1,
  maxZoom: 3,
  fitViewOptions: { padding: 0.15, maxZoom: 1 },
} as const;

const PHRASES = [
  '予算は第4四半期に決まる',
  'Needs ROI proof before the pilot',
  '情シス部長が最終決裁者',
  'Compares us with two other vendors',
  '展示会でリードを獲得した',
  'Wants an onboarding deck in Japanese',
  '導入事例（製造業）を求めている',
  'Security review takes six weeks',
  '現場はExcel運用に慣れている',
  'Asks about SSO and audit logs',
  '営業とマーケでMQLの定義が違う',
  'Reads industry newsletters on Mondays',
  'MQL→SQLの基準を合意したい',
  'Price objection: annual billing only?',
  'トライアル3日目で離脱が多い',
  '決裁には稟議が必要',
] as const;

const DEPARTMENTS: readonly StickyDepartment[] = ['sales', 'marketing', 'joint'];

export type BenchMember = { id: string; name: string; department: Department; title: string };

export const BENCH_MEMBERS: readonly BenchMember[] = [
  { id: 'm1', name: '佐藤 花子', department: 'sales', title: 'Inside Sales' },
  { id: 'm2', name: 'Alex Morgan', department: 'marketing', title: 'Demand Gen' },
  { id: 'm3', name: '鈴木 一郎', department: 'sales', title: '営業部長' },
  { id: 'm4', name: 'Mei Tanaka', department: 'marketing', title: 'Content' },
  { id: 'm5', name: '高橋 健', department: 'other', title: 'CS' },
  { id: 'm6', name: 'Jordan Lee', department: 'sales', title: 'Field Sales' },
];

export type BenchSticky = {
  id: string;
  x: number;
  y: number;
  text: string;
  department: StickyDepartment;
  authorId: string | null;
};

/** Columns of the grid: its aspect ratio is about 16:9, like the canvas. */
export function gridColumns(count: number): number {
  return Math.max(SELECTION.cols, Math.round(Math.sqrt((count * (16 / 9) * PITCH.y) / PITCH.x)));
}

export function benchStickies(count: number): BenchSticky[] {
  const cols = gridColumns(count);
  const sales = BENCH_MEMBERS.filter((member) => member.department === 'sales');
  const marketing = BENCH_MEMBERS.filter((member) => member.department === 'marketing');
  return Array.from({ length: count }, (_, i) => {
    const department = DEPARTMENTS[(i * 7 + Math.floor(i / cols)) % 3]!;
    const phrase = PHRASES[(i * 5) % PHRASES.length]!;
    // Every seventh note is two phrases long (two more lines), the rest one.
    const text = i % 7 === 3 ? `${phrase}\n${PHRASES[(i * 3 + 1) % PHRASES.length]!}` : `${phrase} (${i + 1})`;
    const authors = department === 'sales' ? sales : department === 'marketing' ? marketing : [];
    return {
      id: `s${i}`,
      x: (i % cols) * PITCH.x,
      y: Math.floor(i / cols) * PITCH.y,
      text,
      department,
      authorId: authors.length > 0 ? authors[i % authors.length]!.id : null,
    };
  });
}

/** Ids of the block that is selected and dragged: SELECTION.cols × SELECTION.rows around the centre. */
export function selectionIds(count: number): string[] {
  const cols = gridColumns(count);
  const rows = Math.ceil(count / cols);
  const left = Math.max(0, Math.floor(cols / 2) - Math.floor(SELECTION.cols / 2));
  const top = Math.max(0, Math.floor(rows / 2) - Math.floor(SELECTION.rows / 2));
  const ids: string[] = [];
  for (let row = top; row < top + SELECTION.rows; row++) {
    for (let col = left; col < left + SELECTION.cols; col++) {
      const index = row * cols + col;
      if (index < count) ids.push(`s${index}`);
    }
  }
  return ids;
}
