/**
 * In-page instruments of the KPI dashboard benchmark, the same for the app page (kpi.html) and
 * the bare uPlot page (kpibare.html). A requestAnimationFrame loop started when the page's script
 * starts watches for `count` chart containers marked data-chart-drawn="true" (set from uPlot's draw
 * hook); the time is taken in a task posted from the frame that saw them all, i.e. after that frame
 * was rendered. Times are ms since navigation start. Heap: gc() ×3 then performance.memory.
 */

export type KpiProbe = { count: number; marks: Record<string, number>; done: boolean; error: string | null; heapMB(): Promise<number | null> };

declare global {
  interface Window {
    kpiProbe?: KpiProbe;
  }
}

const TIMEOUT_MS = 60_000;

export function installKpiProbe(count: number): KpiProbe {
  const probe: KpiProbe = {
    count,
    marks: { scriptStart: performance.now() },
    done: false,
    error: null,
    async heapMB() {
      const gc = (globalThis as { gc?: () => void }).gc;
      for (let i = 0; i < 3; i++) {
        gc?.();
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
      return gc && memory ? memory.usedJSHeapSize / 2 ** 20 : null;
    },
  };
  window.kpiProbe = probe;
  const watch = () => {
    if (document.querySelector('article')) probe.marks.firstCardInDom ??= performance.now();
    const charts = document.querySelectorAll('[data-chart-drawn]');
    if (charts.length > 0) probe.marks.firstChartInDom ??= performance.now();
    const drawn = document.querySelectorAll('[data-chart-drawn="true"]').length;
    if (drawn >= count) {
      probe.marks.allChartsDrawn ??= performance.now();
      const channel = new MessageChannel();
      channel.port1.addEventListener('message', () => {
        probe.marks.painted = performance.now();
        probe.done = true;
      });
      channel.port1.start();
      channel.port2.postMessage(null);
      return;
    }
    if (performance.now() > TIMEOUT_MS) {
      probe.error = `${drawn} of ${count} charts drawn after ${TIMEOUT_MS} ms`;
      return;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  return probe;
}
