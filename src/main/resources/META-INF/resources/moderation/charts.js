// Hand-drawn SVG charts. Every text goes in through textContent; each chart has a title and description for
// screen readers, and each bar a <title> that browsers show on hover.
const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A round axis maximum and its tick step. */
function niceScale(max, ticks = 4) {
  if (max <= 0) return { max: 1, step: 1 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((m) => m >= raw);
  return { max: Math.ceil(max / step) * step, step: Math.max(1, step) };
}

function svgRoot(width, height, title, desc) {
  const id = `chart-${Math.random().toString(36).slice(2)}`;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart', preserveAspectRatio: 'xMidYMid meet',
  });
  svg.append(s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, desc));
  return svg;
}

/**
 * Grouped stacked bars per day.
 * @param days [{day: 'YYYY-MM-DD', groups: [{name, parts: [{key, label, value, color}]}]}]
 */
export function dailyChart(days, { title, desc, groupNames }) {
  const width = 820;
  const height = 300;
  const m = { top: 16, right: 12, bottom: 40, left: 44 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const svg = svgRoot(width, height, title, desc);
  const total = (g) => g.parts.reduce((a, p) => a + p.value, 0);
  const max = Math.max(0, ...days.flatMap((d) => d.groups.map(total)));
  const { max: yMax, step } = niceScale(max);
  const y = (v) => m.top + plotH - (v / yMax) * plotH;
  const axis = s('g', { class: 'axis' });
  for (let v = 0; v <= yMax; v += step) {
    axis.append(s('line', { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v), class: v === 0 ? 'baseline' : 'grid' }));
    axis.append(s('text', { x: m.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  svg.append(axis);
  const slot = plotW / Math.max(1, days.length);
  const groups = days[0]?.groups.length || 1;
  const barW = Math.max(2, Math.min(22, (slot * 0.8) / groups));
  const labelEvery = Math.max(1, Math.ceil(days.length / 12));
  days.forEach((d, i) => {
    const x0 = m.left + i * slot + (slot - barW * groups) / 2;
    d.groups.forEach((g, gi) => {
      let acc = 0;
      const bar = s('g', { class: 'bar' });
      for (const p of g.parts) {
        if (!p.value) continue;
        const top = y(acc + p.value);
        bar.append(s('rect', { x: x0 + gi * barW, y: top, width: barW - 1, height: y(acc) - top, fill: p.color },
          undefined));
        bar.lastChild.append(s('title', {}, `${d.day} · ${g.name} · ${p.label}: ${p.value}`));
        acc += p.value;
      }
      svg.append(bar);
    });
    if (i % labelEvery === 0) {
      const lx = m.left + i * slot + slot / 2;
      svg.append(s('text', { x: lx, y: height - m.bottom + 14, 'text-anchor': 'end', transform: `rotate(-40 ${lx} ${height - m.bottom + 14})`, class: 'xlabel' },
        d.day.slice(5)));
    }
  });
  if (groupNames) svg.dataset.groups = groupNames.join(',');
  return svg;
}

/**
 * Horizontal bars: one row per rule, overturned (and confirmed) stacked.
 * @param rows [{label, parts: [{label, value, color}], note}]
 */
export function horizontalBars(rows, { title, desc }) {
  const width = 820;
  const rowH = 30;
  const m = { top: 8, right: 210, bottom: 30, left: 260 };
  const height = m.top + m.bottom + rows.length * rowH;
  const svg = svgRoot(width, height, title, desc);
  const plotW = width - m.left - m.right;
  const max = Math.max(0, ...rows.map((r) => r.parts.reduce((a, p) => a + p.value, 0)));
  const { max: xMax, step } = niceScale(max);
  const x = (v) => m.left + (v / xMax) * plotW;
  for (let v = 0; v <= xMax; v += step) {
    svg.append(s('line', { x1: x(v), x2: x(v), y1: m.top, y2: height - m.bottom, class: v === 0 ? 'baseline' : 'grid' }));
    svg.append(s('text', { x: x(v), y: height - m.bottom + 16, 'text-anchor': 'middle', class: 'axis-label' }, String(v)));
  }
  rows.forEach((r, i) => {
    const yTop = m.top + i * rowH + 5;
    const label = r.label.length > 38 ? `${r.label.slice(0, 37)}…` : r.label;
    svg.append(s('text', { x: m.left - 8, y: yTop + 14, 'text-anchor': 'end', class: 'rule-label' }, label));
    let acc = 0;
    const g = s('g', { class: 'bar' });
    for (const p of r.parts) {
      if (!p.value) continue;
      const rect = s('rect', { x: x(acc), y: yTop, width: Math.max(1, x(acc + p.value) - x(acc)), height: rowH - 10, fill: p.color });
      rect.append(s('title', {}, `${r.label} · ${p.label}: ${p.value}`));
      g.append(rect);
      acc += p.value;
    }
    svg.append(g);
    svg.append(s('text', { x: x(acc) + 6, y: yTop + 14, class: 'value-label' }, r.note));
  });
  return svg;
}
