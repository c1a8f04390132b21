import type { BoardNodeData } from '@shared/board/nodes';

/**
 * The board clipboard: copied nodes kept in memory for the whole session, so a copy on one board
 * pastes on another (even in another workspace). Positions are kept relative to the group's
 * top-left corner, so a pasted group keeps its layout wherever it lands.
 */
export type ClipboardItem = { data: BoardNodeData; dx: number; dy: number };
export type BoardClipboard = {
  items: ClipboardItem[];
  /** Cut notes move, so they keep their votes and promotion mark; copies start fresh. */
  cut: boolean;
  /** Pastes of this clipboard so far: each lands a little further down-right. */
  pastes: number;
};

type Source = { position: { x: number; y: number }; data: BoardNodeData };

export function makeClipboard(nodes: readonly Source[], cut: boolean): BoardClipboard | null {
  if (nodes.length === 0) return null;
  const left = Math.min(...nodes.map((node) => node.position.x));
  const top = Math.min(...nodes.map((node) => node.position.y));
  return {
    items: nodes.map((node) => ({ data: structuredClone(node.data), dx: node.position.x - left, dy: node.position.y - top })),
    cut,
    pastes: 0,
  };
}

/** A copy starts without the original's vote results and promotion mark. */
export function freshCopy(data: BoardNodeData): BoardNodeData {
  return data.type === 'sticky' ? { ...data, votes: 0, voters: [], promotedTo: null } : { ...data };
}

/** New nodes for the items with their group's top-left corner at `at`. */
export function placeItems(
  items: readonly ClipboardItem[],
  at: { x: number; y: number },
  newId: () => string,
  options: { keepResults: boolean },
): { id: string; data: BoardNodeData }[] {
  return items.map((item) => {
    const data = options.keepResults ? structuredClone(item.data) : freshCopy(structuredClone(item.data));
    return { id: newId(), data: { ...data, x: at.x + item.dx, y: at.y + item.dy } };
  });
}

/** Size of the group, to centre a paste in the viewport. */
export function clipboardSize(items: readonly ClipboardItem[], itemSize: (data: BoardNodeData) => { width: number; height: number }) {
  let width = 0;
  let height = 0;
  for (const item of items) {
    const size = itemSize(item.data);
    width = Math.max(width, item.dx + size.width);
    height = Math.max(height, item.dy + size.height);
  }
  return { width, height };
}

/** JSON text of the clipboard, for the system clipboard once the host offers one. */
export function clipboardText(clipboard: BoardClipboard): string {
  return JSON.stringify({ format: 'alignboard-nodes', version: 1, nodes: clipboard.items });
}

let current: BoardClipboard | null = null;

export function getClipboard(): BoardClipboard | null {
  return current;
}

export function setClipboard(clipboard: BoardClipboard | null): void {
  current = clipboard;
}
