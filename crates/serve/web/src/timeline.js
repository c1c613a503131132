// The timeline: events per day (bars) and the running toll per campaign and side (step lines),
// on one date axis, with a brush: drag across it to pick a date range; a click clears it.
import { h, s } from './dom.js';
import { SERIES_COLORS } from './format.js';

const DAY = 86400000;
export const dayNum = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const dayStr = (n) => new Date(n * DAY).toISOString().slice(0, 10);

const MAX_LINES = SERIES_COLORS.length;
const M = { left: 44, right: 14, top: 8 };
const BARS_H = 80;
const GAP = 14;
const LINES_H = 120;
const AXIS_H = 22;

function ticks(d0, d1) {
  const span = d1 - d0;
  const out = [];
  if (span > 3 * 365) {
    const y0 = new Date(d0 * DAY).getUTCFullYear();
    const y1 = new Date(d1 * DAY).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0) / 8));
    for (let y = y0; y <= y1 + 1; y += step) out.push({ day: Date.UTC(y, 0, 1) / DAY, label: String(y) });
  } else if (span > 75) {
    const a = new Date(d0 * DAY);
    const months = Math.ceil(span / 30);
    const step = [1, 2, 3, 6, 12].find((m) => months / m <= 8) ?? 12;
    for (let y = a.getUTCFullYear(), m = a.getUTCMonth(); Date.UTC(y, m, 1) / DAY <= d1; m += step) {
      const d = new Date(Date.UTC(y, m, 1));
      out.push({ day: d.getTime() / DAY, label: d.toISOString().slice(0, 7) });
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 8));
    for (let d = d0; d <= d1; d += step) out.push({ day: d, label: dayStr(d).slice(5) });
  }
  return out.filter((t) => t.day >= d0 && t.day <= d1);
}

export function createTimeline(container, { onRange, onSelectEvent }) {
  const chart = h('div', { class: 'timeline-chart' });
  const kindSelect = h('select', { id: 'series-kind', 'data-testid': 'series-kind', onchange: () => render() });
  const kindRow = h('div', { class: 'series-kind' }, h('label', { for: 'series-kind' }, 'Running tolls of people '), kindSelect);
  const legend = h('ul', { class: 'series-legend', 'data-testid': 'series-legend' });
  container.append(chart, kindRow, legend);

  let data = null;
  let extent = null; // [d0, d1] of the data
  let domain = null; // [d0, d1] shown (the zoom)
  let range = null; // [from, to] day numbers, inclusive, or null
  let svg = null;

  function setData(timeline) {
    data = timeline;
    // One kind of toll at a time (killed by default): the lines share one axis.
    const kinds = [...new Set(timeline.series.map((se) => se.kind))].sort((a, b) => (a === 'killed' ? -1 : b === 'killed' ? 1 : a.localeCompare(b)));
    const keep = kinds.includes(kindSelect.value) ? kindSelect.value : kinds[0];
    kindSelect.replaceChildren(...kinds.map((k) => h('option', { value: k }, k)));
    if (keep) kindSelect.value = keep;
    kindRow.hidden = !kinds.length;
    const days = [
      ...timeline.days.map((d) => dayNum(d.date)),
      ...timeline.series.flatMap((se) => se.points.map((p) => dayNum(p.date))),
    ].filter(Number.isFinite);
    if (days.length) {
      const lo = Math.min(...days);
      const hi = Math.max(...days);
      const pad = Math.max(1, Math.round((hi - lo) * 0.02));
      extent = [lo - pad, hi + 1 + pad];
    } else extent = null;
    domain = extent;
    render();
  }

  function zoomToRange() {
    if (!range) return;
    const pad = Math.max(1, Math.round((range[1] - range[0]) * 0.05));
    domain = [range[0] - pad, range[1] + 1 + pad];
    render();
  }
  function resetZoom() {
    domain = extent;
    render();
  }

  function setRange(from, to) {
    range = from && to ? [dayNum(from), dayNum(to)] : null;
    drawSelection();
  }

  let xOf = null;
  let dayAt = null;
  let selRect = null;

  function drawSelection() {
    if (!selRect || !xOf) return;
    if (!range) {
      selRect.setAttribute('width', '0');
      selRect.setAttribute('visibility', 'hidden');
      return;
    }
    const x0 = Math.max(M.left, xOf(range[0]));
    const x1 = Math.min(xOf(domain[1]), xOf(range[1] + 1));
    selRect.setAttribute('x', String(x0));
    selRect.setAttribute('width', String(Math.max(1, x1 - x0)));
    selRect.setAttribute('visibility', 'visible');
  }

  function render() {
    chart.replaceChildren();
    legend.replaceChildren();
    if (!data || !domain) {
      chart.append(h('p', { class: 'muted', 'data-testid': 'timeline-empty' }, 'No dated events.'));
      return;
    }
    const width = Math.max(320, chart.clientWidth || container.clientWidth || 600);
    const w = width - M.left - M.right;
    const [d0, d1] = domain;
    xOf = (d) => M.left + ((d - d0) / (d1 - d0)) * w;
    dayAt = (x) => Math.floor(d0 + ((x - M.left) / w) * (d1 - d0));
    const height = M.top + BARS_H + GAP + LINES_H + AXIS_H;
    const barsY = M.top;
    const linesY = M.top + BARS_H + GAP;
    svg = s('svg', {
      width,
      height,
      class: 'timeline-svg',
      'data-testid': 'timeline',
      role: 'img',
      'aria-label': 'Events per day and running tolls; drag across to filter by dates',
    });

    // Clip to the plot area when zoomed.
    const clipId = 'tl-clip';
    svg.append(
      s('defs', null, s('clipPath', { id: clipId }, s('rect', { x: M.left, y: 0, width: w, height: height - AXIS_H }))),
    );

    // Axis and grid.
    const axis = s('g', { class: 'axis' });
    for (const t of ticks(d0, d1)) {
      const x = xOf(t.day);
      axis.append(
        s('line', { x1: x, x2: x, y1: M.top, y2: linesY + LINES_H, class: 'grid' }),
        s('text', { x, y: linesY + LINES_H + 15, 'text-anchor': 'middle' }, t.label),
      );
    }
    svg.append(axis);

    // Bars: events per day.
    const inView = (d) => d >= d0 && d < d1;
    const days = data.days.filter((d) => inView(dayNum(d.date)));
    const maxEvents = Math.max(1, ...days.map((d) => d.events));
    const bw = Math.max(2, (w / (d1 - d0)) * 0.9);
    const bars = s('g', { class: 'bars', 'clip-path': `url(#${clipId})` });
    for (const d of days) {
      const bh = (d.events / maxEvents) * BARS_H;
      bars.append(
        s(
          'rect',
          {
            x: xOf(dayNum(d.date)),
            y: barsY + BARS_H - bh,
            width: bw,
            height: bh,
            'data-testid': 'timeline-bar',
            'data-date': d.date,
          },
          s('title', null, `${d.date}: ${d.events} event${d.events === 1 ? '' : 's'}, ${d.fatalities} killed`),
        ),
      );
    }
    svg.append(
      bars,
      s('text', { x: M.left - 6, y: barsY + 10, 'text-anchor': 'end', class: 'ylabel' }, String(maxEvents)),
      s('text', { x: M.left - 6, y: barsY + BARS_H, 'text-anchor': 'end', class: 'ylabel' }, '0'),
      s('text', { x: M.left + 4, y: barsY + 10, class: 'panel-label' }, 'events per day'),
      s('line', { x1: M.left, x2: M.left + w, y1: barsY + BARS_H, y2: barsY + BARS_H, class: 'baseline' }),
    );

    // Lines: running tolls, the biggest few series.
    const series = data.series
      .filter((se) => se.kind === kindSelect.value)
      .map((se) => ({ ...se, max: Math.max(0, ...se.points.map((p) => p.value)) }))
      .sort((a, b) => b.max - a.max);
    const shown = series.slice(0, MAX_LINES);
    const maxVal = Math.max(1, ...shown.map((se) => se.max));
    const yOf = (v) => linesY + LINES_H - (v / maxVal) * LINES_H;
    const lines = s('g', { class: 'lines', 'clip-path': `url(#${clipId})` });
    shown.forEach((se, i) => {
      const color = SERIES_COLORS[i];
      const pts = [...se.points].sort((a, b) => a.date.localeCompare(b.date));
      if (!pts.length) return;
      let d = '';
      pts.forEach((p, j) => {
        const x = xOf(dayNum(p.date) + 0.5);
        const y = yOf(p.value);
        d += j === 0 ? `M${x},${y}` : `H${x}V${y}`;
      });
      d += `H${xOf(Math.min(d1, dayNum(pts[pts.length - 1].date) + 1))}`;
      lines.append(s('path', { d, stroke: color, class: 'series-line', 'data-testid': 'series-line' }));
      for (const p of pts) {
        const dot = s(
          'circle',
          {
            cx: xOf(dayNum(p.date) + 0.5),
            cy: yOf(p.value),
            r: p.cumulative ? 4 : 3,
            fill: p.cumulative ? '#fff' : color,
            stroke: color,
            class: 'series-point',
            'data-testid': 'series-point',
            'data-event-id': p.event_id,
          },
          s('title', null, `${se.key}\n${p.date}: ${p.value}${p.cumulative ? ' (cumulative figure)' : ''}\n“${p.text}”`),
        );
        dot.addEventListener('click', (e) => {
          e.stopPropagation();
          if (p.event_id) onSelectEvent(p.event_id);
        });
        lines.append(dot);
      }
      legend.append(
        h('li', null, h('span', { class: 'swatch', style: `background:${color}` }), `${se.key}: up to ${se.max}`),
      );
    });
    if (series.length > shown.length) legend.append(h('li', { class: 'muted' }, `and ${series.length - shown.length} smaller series`));
    if (!series.length) legend.append(h('li', { class: 'muted' }, 'No running tolls in this selection.'));
    svg.append(
      lines,
      s('text', { x: M.left - 6, y: linesY + 10, 'text-anchor': 'end', class: 'ylabel' }, String(maxVal)),
      s('text', { x: M.left - 6, y: linesY + LINES_H, 'text-anchor': 'end', class: 'ylabel' }, '0'),
      s('text', { x: M.left + 4, y: linesY + 10, class: 'panel-label' }, `running toll (${kindSelect.value || 'killed'}) per campaign · side`),
      s('line', { x1: M.left, x2: M.left + w, y1: linesY + LINES_H, y2: linesY + LINES_H, class: 'baseline' }),
    );

    // Brush: a transparent overlay under the points (so that points stay clickable).
    const overlay = s('rect', {
      x: M.left,
      y: M.top,
      width: w,
      height: BARS_H + GAP + LINES_H,
      class: 'brush-overlay',
      'data-testid': 'timeline-brush',
    });
    selRect = s('rect', {
      x: M.left,
      y: M.top,
      width: 0,
      height: BARS_H + GAP + LINES_H,
      class: 'brush-selection',
      'data-testid': 'brush-selection',
      visibility: 'hidden',
    });
    svg.insertBefore(overlay, bars);
    svg.insertBefore(selRect, bars);

    let start = null;
    const localX = (e) => e.clientX - svg.getBoundingClientRect().left;
    const clampX = (x) => Math.min(M.left + w, Math.max(M.left, x));
    const onDown = (e) => {
      if (e.button !== 0) return;
      start = clampX(localX(e));
      svg.setPointerCapture(e.pointerId);
      e.preventDefault();
    };
    const onMove = (e) => {
      if (start == null) return;
      const x = clampX(localX(e));
      selRect.setAttribute('x', String(Math.min(start, x)));
      selRect.setAttribute('width', String(Math.abs(x - start)));
      selRect.setAttribute('visibility', 'visible');
    };
    const onUp = (e) => {
      if (start == null) return;
      const x = clampX(localX(e));
      const a = Math.min(start, x);
      const b = Math.max(start, x);
      start = null;
      if (b - a < 3) {
        range = null;
        drawSelection();
        onRange(null, null);
        return;
      }
      range = [dayAt(a), dayAt(b - 0.001)];
      drawSelection();
      onRange(dayStr(range[0]), dayStr(range[1]));
    };
    overlay.addEventListener('pointerdown', onDown);
    bars.addEventListener('pointerdown', onDown);
    svg.addEventListener('pointermove', onMove);
    svg.addEventListener('pointerup', onUp);
    svg.addEventListener('pointercancel', () => {
      start = null;
      drawSelection();
    });

    chart.append(svg);
    drawSelection();
  }

  let lastWidth = 0;
  new ResizeObserver(() => {
    const wNow = chart.clientWidth;
    if (Math.abs(wNow - lastWidth) > 4) {
      lastWidth = wNow;
      if (data) render();
    }
  }).observe(chart);

  return { setData, setRange, zoomToRange, resetZoom, hasRange: () => range != null };
}
