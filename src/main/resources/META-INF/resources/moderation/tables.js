// Number tiles and plain tables, shared by the pages that show figures (stats, workbench, webhooks).
import { h } from './dom.js';

export function tile(label, value, id) {
  return h('div', { class: 'tile', id }, h('span', { class: 'tile-n' }, String(value)), h('span', { class: 'tile-label' }, label));
}

/** A table whose first column heads its rows; cells are text or nodes. */
export function table(headers, rows, { id } = {}) {
  if (!rows.length) return h('p', { class: 'muted' }, 'No data.');
  const cell = (c) => (c instanceof Node ? c : String(c));
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, cell(c)) : h('td', {}, cell(c)))))))));
}
