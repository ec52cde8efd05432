import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip } from 'chart.js';
import type { Count, MediationStats } from './api.js';
import { format, h } from './dom.js';
import { empty, notAvailable } from './sections.js';
import type { Texts } from './texts.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

const charts: Chart[] = [];

function palette(): string[] {
  const dark = document.documentElement.dataset.theme !== 'default';
  return dark ? ['#7f85f5', '#4fc3f7', '#ffb74d', '#81c784', '#f48fb1', '#e0e0e0'] : ['#5b5fc7', '#0f6cbd', '#c25700', '#107c10', '#b4009e', '#616161'];
}

/** One chart and, right under it, the same numbers as a table for screen readers and keyboard users. */
function chartFigure(id: string, title: string, rows: { label: string; count: number }[], kind: 'bar' | 'doughnut', texts: Texts, firstColumn: string): HTMLElement {
  const summary = rows.map((r) => `${r.label}: ${r.count}`).join(', ');
  const canvas = h('canvas', { id, role: 'img', 'aria-label': `${title}. ${summary}` }) as HTMLCanvasElement;
  const table = h(
    'table',
    {},
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, firstColumn), h('th', { scope: 'col' }, texts.count))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, r.count)))),
  );
  const figure = h('figure', { class: 'chart' }, h('h3', {}, title), h('div', { class: 'canvas-box' }, canvas), h('details', {}, h('summary', {}, format(texts.showTable, { chart: title })), table));
  const style = getComputedStyle(document.body);
  const foreground = style.getPropertyValue('--neutral-foreground-rest').trim() || '#242424';
  const grid = style.getPropertyValue('--neutral-stroke-rest').trim() || '#d1d1d1';
  const colours = palette();
  // Chart.js needs the canvas in the document to measure it: create it on the next frame.
  requestAnimationFrame(() => {
    charts.push(
      new Chart(canvas, {
        type: kind,
        data: {
          labels: rows.map((r) => r.label),
          datasets: [
            {
              label: texts.count,
              data: rows.map((r) => r.count),
              backgroundColor: kind === 'bar' ? colours[0] : colours,
              borderColor: kind === 'bar' ? colours[0] : style.getPropertyValue('--neutral-layer-1').trim() || '#fff',
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          color: foreground,
          plugins: { legend: { display: kind === 'doughnut', labels: { color: foreground } } },
          scales: kind === 'bar' ? { x: { ticks: { color: foreground }, grid: { color: grid } }, y: { beginAtZero: true, ticks: { color: foreground, precision: 0 }, grid: { color: grid } } } : {},
        },
      }),
    );
  });
  return figure;
}

function nonZero(counts: Count[]): Count[] {
  return counts.filter((c) => c.count > 0);
}

export function mediationView(data: { available: boolean; stats: MediationStats | null }, texts: Texts): HTMLElement {
  while (charts.length) charts.pop()!.destroy();
  if (!data.available || !data.stats) return notAvailable(texts);
  const s = data.stats;
  if (s.total === 0) return empty(texts);
  const facts = h(
    'ul',
    { class: 'facts' },
    h('li', {}, format(texts.mediationTotal, { total: s.total })),
    s.leadTimeDays.toAccepted !== null ? h('li', {}, format(texts.leadTimeAccepted, { days: s.leadTimeDays.toAccepted })) : null,
    s.leadTimeDays.toClosed !== null ? h('li', {}, format(texts.leadTimeClosed, { days: s.leadTimeDays.toClosed })) : null,
  );
  return h(
    'div',
    {},
    facts,
    h(
      'div',
      { class: 'charts' },
      chartFigure(
        'chart-month',
        texts.byMonth,
        s.byMonth.map((m) => ({ label: m.month, count: m.count })),
        'bar',
        texts,
        texts.month,
      ),
      chartFigure('chart-status', texts.byStatus, nonZero(s.byStatus), 'doughnut', texts, texts.category),
      chartFigure('chart-kind', texts.byKind, nonZero(s.byKind), 'bar', texts, texts.category),
    ),
  );
}
