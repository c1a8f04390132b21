/**
 * In-page instruments of the board benchmark, the same for the app page and the bare React Flow
 * page, so both are measured by the very same code. The runner (run.mjs) reads `window.boardProbe`.
 *
 * - Open: a requestAnimationFrame loop started when the page's script starts watches the DOM until
 *   the board is shown: all N node wrappers exist, none is still hidden by React Flow (it hides a
 *   node until it has measured it) and the viewport has been fitted (its transform is no longer
 *   the initial identity). The open time is taken in a task posted from that frame's callback,
 *   i.e. after that frame has been rendered. Times are ms since navigation start.
 * - Frames: a requestAnimationFrame loop records frame timestamps; frame time = the gap between
 *   two consecutive frames.
 * - Heap: `gc()` (Chromium launched with --js-flags=--expose-gc) three times, then
 *   `performance.memory.usedJSHeapSize` (precise with --enable-precise-memory-info).
 */

export type Marks = Record<string, number>;

export type BoardProbe = {
  /** Notes on the board (N). */
  count: number;
  /** Ids of the notes the runner selects and drags. */
  selection: string[];
  marks: Marks;
  /** Set once the board is shown (see above), or with `error` when it never is. */
  opened: boolean;
  error: string | null;
  mark(name: string): void;
  startFrames(): void;
  /** Frame times (ms) since startFrames. */
  stopFrames(): number[];
  heapMB(): Promise<number | null>;
  domElements(): number;
  /** Screen rectangles of nodes by id (null for a node not in the DOM). */
  rects(ids: string[]): ({ x: number; y: number; width: number; height: number } | null)[];
  selectedCount(): number;
  /** The canvas (React Flow root) size and the viewport's zoom. */
  canvas(): { x: number; y: number; width: number; height: number; zoom: number } | null;
};

declare global {
  interface Window {
    boardProbe?: BoardProbe;
  }
}

const IDENTITY = 'translate(0px, 0px) scale(1)';
const OPEN_TIMEOUT_MS = 120_000;

function viewportTransform(): string | null {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  return viewport ? viewport.style.transform : null;
}

function zoomOf(transform: string | null): number {
  const match = transform ? /scale\(([\d.]+)\)/.exec(transform) : null;
  return match ? Number(match[1]) : Number.NaN;
}

export function installProbe(count: number, selection: string[]): BoardProbe {
  let frames: number[] = [];
  let recording = false;
  const probe: BoardProbe = {
    count,
    selection,
    marks: { scriptStart: performance.now() },
    opened: false,
    error: null,
    mark(name) {
      probe.marks[name] ??= performance.now();
    },
    startFrames() {
      frames = [];
      recording = true;
      const loop = (time: number) => {
        if (!recording) return;
        frames.push(time);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    },
    stopFrames() {
      recording = false;
      return frames.slice(1).map((time, index) => time - frames[index]!);
    },
    async heapMB() {
      const gc = (globalThis as { gc?: () => void }).gc;
      for (let i = 0; i < 3; i++) {
        gc?.();
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
      return gc && memory ? memory.usedJSHeapSize / 2 ** 20 : null;
    },
    domElements: () => document.getElementsByTagName('*').length,
    rects(ids) {
      return ids.map((id) => {
        const element = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        if (!element) return null;
        const rect = element.getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      });
    },
    selectedCount: () => document.querySelectorAll('.react-flow__node.selected').length,
    canvas() {
      const root = document.querySelector('.react-flow');
      if (!root) return null;
      const rect = root.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height, zoom: zoomOf(viewportTransform()) };
    },
  };
  window.boardProbe = probe;

  const watch = () => {
    const nodes = document.getElementsByClassName('react-flow__node');
    if (nodes.length > 0) probe.mark('firstNodeInDom');
    if (nodes.length >= count) probe.mark('allNodesInDom');
    const shown = nodes.length >= count && !document.querySelector('.react-flow__node[style*="visibility: hidden"]');
    if (shown) probe.mark('allNodesMeasured');
    const transform = viewportTransform();
    if (shown && transform !== null && transform !== IDENTITY) {
      probe.mark('fitted');
      const channel = new MessageChannel();
      channel.port1.addEventListener('message', () => {
        probe.mark('painted');
        probe.opened = true;
      });
      channel.port1.start();
      channel.port2.postMessage(null);
      return;
    }
    if (performance.now() > OPEN_TIMEOUT_MS) {
      probe.error = `board not shown after ${OPEN_TIMEOUT_MS} ms: ${nodes.length} of ${count} nodes in the DOM`;
      return;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  return probe;
}
