/**
 * The baseline of the KPI dashboard benchmark: 8 uPlot charts of the same 36 months (value + dashed
 * target line, same size, same axes count) drawn from in-memory arrays. No React, no Dexie, no app
 * code: what drawing the charts costs by itself.
 *
 *   kpibare.html?width=…   the width of the app's chart containers
 */
import '@fontsource/inter/400.css';
import 'uplot/dist/uPlot.min.css';
import uPlot from 'uplot';
import { benchMonths, KPI_CARD_CHART_HEIGHT, metricValue } from './kpiData';
import { installKpiProbe } from './kpiProbe';

installKpiProbe(8);
const width = Number(new URLSearchParams(window.location.search).get('width') ?? '400');
const months = benchMonths();
const v = (metric: Parameters<typeof metricValue>[0]) => months.map((_, i) => metricValue(metric, i));
const mql = v('mql');
const ratio = (a: number[], b: number[]) => a.map((value, i) => (b[i] ? (value / b[i]!) * 100 : null));
const responseHours = v('responseHours');
const series: { values: (number | null)[]; target: number }[] = [
  { values: mql, target: 200 },
  { values: ratio(v('sql'), mql), target: 30 },
  { values: ratio(v('opportunities'), v('sql')), target: 50 },
  { values: ratio(v('won'), v('opportunitiesClosed')), target: 25 },
  { values: responseHours, target: 24 },
  { values: mql.map((count, i) => ((count >= 200 ? 1 : 0) + (responseHours[i]! <= 24 ? 1 : 0)) * 50), target: 90 },
  { values: v('marketingPipeline'), target: 300_000 },
  { values: ratio(v('revenue'), v('revenueTarget')), target: 100 },
];
const labels = months.map((month) => month);
const grid = document.getElementById('root')!;
grid.style.display = 'grid';
grid.style.gridTemplateColumns = `repeat(3, ${width}px)`;
grid.style.gap = '16px';
const plots: uPlot[] = [];
for (const { values, target } of series) {
  const element = document.createElement('div');
  element.dataset.chartDrawn = 'false';
  grid.append(element);
  const xs = values.map((_, index) => index);
  const plot = new uPlot(
    {
      width,
      height: KPI_CARD_CHART_HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false } },
      axes: [{ values: (_self, ticks) => ticks.map((tick) => labels[Math.round(tick)] ?? '') }, { size: 70 }],
      series: [{}, { stroke: '#1d4ed8', width: 3, points: { show: true } }, { stroke: '#4a505c', dash: [8, 6] }],
      hooks: {
        draw: [
          () => {
            element.dataset.chartDrawn = 'true';
          },
        ],
      },
    },
    [xs, values, values.map(() => target)],
    element,
  );
  plots.push(plot);
}
// Kept for a look from DevTools (and so the charts are plainly the page's, as the app's are its).
(window as unknown as { plots: uPlot[] }).plots = plots;
