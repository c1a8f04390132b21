import { useLayoutEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A KPI's trend against its target, drawn by uPlot on a canvas. The canvas is decoration for
 * sighted users: the card carries the same values as a table (the text alternative), so the chart
 * is aria-hidden. Where there is no canvas (jsdom) nothing is drawn and the table remains.
 * When drawn, the container gets data-chart-drawn="true" (the e2e tests and the bench wait on it).
 */

/** uPlot needs matchMedia and a 2D canvas; jsdom has neither. */
function canDraw(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && typeof HTMLCanvasElement !== 'undefined';
}

/** uPlot is its own chunk: its download starts with this module, while the page reads its data. */
type UPlotModule = { default: typeof uPlot };
let uplotModule: Promise<UPlotModule> | null = null;
function loadUplot(): Promise<UPlotModule> {
  uplotModule ??= import('uplot') as unknown as Promise<UPlotModule>;
  return uplotModule;
}
if (canDraw()) void loadUplot();

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

type Colours = { text: string; muted: string; accent: string; border: string; font: string };
type DrawJob = {
  element: HTMLDivElement;
  live(): boolean;
  draw(UPlot: typeof uPlot, width: number, colours: Colours): void;
};

/**
 * Charts are drawn in one pass (issue 12): every chart mounted in the same commit is queued, then
 * the theme's colours are read once, every width is measured, and only then is each chart built —
 * so building one chart (DOM writes) never forces the browser to lay out the page again before
 * the next one is measured.
 */
let queue: DrawJob[] = [];
let flushScheduled = false;
function scheduleDraw(job: DrawJob): void {
  queue.push(job);
  if (flushScheduled) return;
  flushScheduled = true;
  void loadUplot().then(({ default: UPlot }) => {
    flushScheduled = false;
    const jobs = queue.filter((entry) => entry.live());
    queue = [];
    if (jobs.length === 0) return;
    const style = getComputedStyle(document.documentElement);
    const colours: Colours = {
      text: cssVar(style, '--text', '#16181d'),
      muted: cssVar(style, '--muted', '#4a505c'),
      accent: cssVar(style, '--accent', '#1d4ed8'),
      border: cssVar(style, '--border', '#c9ced8'),
      font: `${Math.round(Number.parseFloat(cssVar(style, '--font-size', '16px')) * 0.8)}px ${cssVar(style, '--font', 'sans-serif')}`,
    };
    const widths = jobs.map((entry) => Math.max(200, Math.floor(entry.element.clientWidth || 320)));
    jobs.forEach((entry, index) => entry.draw(UPlot, widths[index]!, colours));
  });
}

/**
 * Widths of tick labels in a font, measured once for every chart (8 charts share the same months);
 * measured again once a web font has loaded (a width taken with the fallback font is not its own).
 */
let measuring: CanvasRenderingContext2D | null | undefined;
const textWidths = new Map<string, number>();
function textWidth(text: string, font: string): number {
  if (measuring === undefined) {
    measuring = document.createElement('canvas').getContext('2d');
    document.fonts?.addEventListener('loadingdone', () => textWidths.clear());
  }
  if (!measuring) return 0;
  const key = `${font}|${text}`;
  let width = textWidths.get(key);
  if (width === undefined) {
    measuring.font = font;
    width = measuring.measureText(text).width;
    textWidths.set(key, width);
  }
  return width;
}

/** One ResizeObserver for every chart on the page. */
const resized = new Map<Element, () => void>();
let observer: ResizeObserver | null = null;
function observeSize(element: Element, onResize: () => void): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) resized.get(entry.target)?.();
  });
  resized.set(element, onResize);
  observer.observe(element);
  return () => {
    resized.delete(element);
    observer?.unobserve(element);
  };
}

export function KpiChart(props: {
  labels: readonly string[];
  values: readonly (number | null)[];
  target: number | null;
  height: number;
  /** Formats a y-axis tick (the KPI's unit, the UI language). */
  formatValue(value: number): string;
  /** The x-axis ticks shown (indexes into `labels`), short (the month, its year where it changes); `labels` when not given. */
  tickLabels?(shown: readonly number[]): string[];
  seriesNames: { value: string; target: string };
  /** Changes when the theme changes, so the chart is redrawn with the theme's colours. */
  theme: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const { labels, values, target, height, formatValue, tickLabels, seriesNames, theme } = props;

  // A layout effect: with uPlot loaded, the charts are drawn before the frame that shows the cards
  // is painted (one layout and paint for cards and charts, no empty chart frames in between).
  useLayoutEffect(() => {
    const element = container.current;
    if (!element || !canDraw()) return;
    let plot: uPlot | null = null;
    let stopObserving: (() => void) | null = null;
    let live = true;
    element.dataset.chartDrawn = 'false';
    scheduleDraw({
      element,
      live: () => live,
      draw(UPlot, width, { text, muted, accent, border, font }) {
        const xs = labels.map((_, index) => index);
        const data: uPlot.AlignedData = [xs, [...values], labels.map(() => target)];
        const tickText = (ticks: number[]) => {
          const shown = ticks.map((tick) => Math.round(tick));
          return tickLabels ? tickLabels(shown) : shown.map((index) => labels[index] ?? '');
        };
        // Ticks at least the widest label apart (uPlot then shows every 2nd, 3rd… month): in
        // Japanese "2025年12月" is wider than uPlot's default spacing and the ticks ran together.
        let widest = 40;
        for (const label of tickText(xs)) widest = Math.max(widest, textWidth(label, font));
        const options: uPlot.Options = {
          width,
          height,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false, range: [-0.3, Math.max(0.7, xs.length - 0.7)] } },
          axes: [
            {
              stroke: text,
              font,
              grid: { show: false },
              ticks: { stroke: border },
              incrs: [1, 2, 3, 6, 12],
              space: Math.ceil(widest) + 16,
              values: (_self, ticks) => tickText(ticks),
            },
            {
              stroke: text,
              font,
              size: 70,
              grid: { stroke: border, width: 1 },
              ticks: { stroke: border },
              values: (_self, ticks) => ticks.map((tick) => formatValue(tick)),
            },
          ],
          series: [
            {},
            { label: seriesNames.value, stroke: accent, width: 3, points: { show: true, size: 7, fill: accent }, spanGaps: false },
            { label: seriesNames.target, stroke: muted, width: 2, dash: [8, 6], points: { show: false } },
          ],
          hooks: {
            draw: [
              () => {
                element.dataset.chartDrawn = 'true';
              },
            ],
          },
        };
        plot = new UPlot(options, data, element);
        stopObserving = observeSize(element, () => {
          const next = Math.max(200, Math.floor(element.clientWidth));
          if (plot && next !== plot.width) plot.setSize({ width: next, height });
        });
      },
    });
    return () => {
      live = false;
      stopObserving?.();
      plot?.destroy();
    };
    // formatValue and seriesNames are derived from the language, which `labels` follow.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [labels.join('|'), values.join('|'), target, height, theme]);

  return <div ref={container} className="kpi-chart" aria-hidden="true" style={{ minHeight: height }} />;
}
