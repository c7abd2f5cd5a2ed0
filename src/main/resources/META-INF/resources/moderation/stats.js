// Stats: decisions per day (SVG), the rules moderators overturn most (SVG), and the numbers behind them.
import { h, clear, humanize } from './dom.js';
import { api, ApiError } from './api.js';
import { dailyChart, horizontalBars } from './charts.js';
import { tile, table } from './tables.js';

const DAY = 86400000;
const COLORS = {
  ALLOW: '#6a9f58', REVIEW: '#e0a526', REJECT: '#c8553d', PUBLISHED: '#2f6fb0', REJECTED: '#7b3f98',
  overturned: '#d9822b', confirmed: '#4c8c6b',
};

function utcDate(d) {
  return d.toISOString().slice(0, 10);
}

export async function renderStats(container, params) {
  const today = utcDate(new Date());
  const fromDay = /^\d{4}-\d{2}-\d{2}$/.test(params.get('from') || '') ? params.get('from') : utcDate(new Date(Date.now() - 29 * DAY));
  const toDay = /^\d{4}-\d{2}-\d{2}$/.test(params.get('to') || '') ? params.get('to') : today;
  const form = h('form', { class: 'filters stats-range', 'aria-label': 'Date range' },
    h('div', { class: 'field' }, h('label', { for: 's-from' }, 'From (UTC day)'), h('input', { id: 's-from', name: 'from', type: 'date', value: fromDay, required: true })),
    h('div', { class: 'field' }, h('label', { for: 's-to' }, 'To (UTC day, included)'), h('input', { id: 's-to', name: 'to', type: 'date', value: toDay, required: true })),
    h('div', { class: 'field buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Show')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/stats?from=${form.elements.from.value}&to=${form.elements.to.value}`;
  });
  const body = h('div', { class: 'stats-body', 'aria-busy': 'true' });
  container.append(h('section', { class: 'stats-view', 'aria-labelledby': 'stats-title' },
    h('h1', { id: 'stats-title' }, 'Stats'), form, body));

  const from = new Date(`${fromDay}T00:00:00Z`);
  const to = new Date(new Date(`${toDay}T00:00:00Z`).getTime() + DAY);
  if (!(from < to)) {
    body.append(h('div', { class: 'alert error', role: 'alert' }, 'The first day must not be after the last.'));
    return;
  }
  try {
    const stats = await api.stats(from.toISOString(), to.toISOString());
    renderBody(body, stats, from, to);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    body.append(h('div', { class: 'alert error', role: 'alert' }, h('strong', {}, 'The stats could not be loaded'), h('p', {}, err.message)));
  } finally {
    body.setAttribute('aria-busy', 'false');
  }
}

function renderBody(body, stats, from, to) {
  clear(body);
  const sum = (o) => Object.values(o || {}).reduce((a, b) => a + b, 0);
  const moderatorTotals = {};
  for (const d of stats.byDay) for (const [k, v] of Object.entries(d.moderators || {})) moderatorTotals[k] = (moderatorTotals[k] || 0) + v;
  body.append(h('div', { class: 'tiles' },
    tile('Comments judged', sum(stats.byDecision)),
    ...['ALLOW', 'REVIEW', 'REJECT'].map((d) => tile(`Machine: ${humanize(d)}`, stats.byDecision?.[d] || 0)),
    tile('Moderators approved', moderatorTotals.PUBLISHED || 0),
    tile('Moderators rejected', moderatorTotals.REJECTED || 0)));

  body.append(ruleHealthCard(stats.ruleHealth));

  // Decisions per day: every day of the range (up to 92), also the quiet ones.
  const byDay = new Map(stats.byDay.map((d) => [d.day, d]));
  const days = [];
  const spanDays = Math.round((to - from) / DAY);
  const keys = spanDays <= 92
    ? Array.from({ length: spanDays }, (_, i) => utcDate(new Date(from.getTime() + i * DAY)))
    : stats.byDay.map((d) => d.day);
  for (const day of keys) {
    const d = byDay.get(day) || { machine: {}, moderators: {} };
    days.push({
      day,
      groups: [
        { name: 'Machine', parts: ['ALLOW', 'REVIEW', 'REJECT'].map((k) => ({ key: k, label: humanize(k), value: d.machine?.[k] || 0, color: COLORS[k] })) },
        { name: 'Moderators', parts: [['PUBLISHED', 'Approved'], ['REJECTED', 'Rejected']].map(([k, label]) => ({ key: k, label, value: d.moderators?.[k] || 0, color: COLORS[k] })) },
      ],
    });
  }
  body.append(h('section', { class: 'card chart-card', 'aria-labelledby': 'daily-title' },
    h('h2', { id: 'daily-title' }, 'Decisions per day'),
    h('p', { class: 'muted small' }, 'Left bar: the machine\'s verdicts on the day\'s new comments. Right bar: moderators\' decisions made that day. UTC days.'),
    dailyChart(days, {
      title: 'Decisions per day',
      desc: `Machine verdicts and moderator decisions for each day from ${keys[0]} to ${keys[keys.length - 1]}; the table below has the numbers.`,
    }),
    legend([['Machine: allow', COLORS.ALLOW], ['Machine: review', COLORS.REVIEW], ['Machine: reject', COLORS.REJECT],
      ['Moderators: approved', COLORS.PUBLISHED], ['Moderators: rejected', COLORS.REJECTED]]),
    h('details', {}, h('summary', {}, 'Decisions per day as a table'),
      table(['Day', 'Allow', 'Review', 'Reject', 'Approved', 'Rejected'],
        stats.byDay.map((d) => [d.day, d.machine?.ALLOW || 0, d.machine?.REVIEW || 0, d.machine?.REJECT || 0,
          d.moderators?.PUBLISHED || 0, d.moderators?.REJECTED || 0])))));

  // The rules moderators overturn most.
  const overturned = (stats.rules || []).filter((r) => r.overturned > 0)
    .sort((a, b) => b.overturned - a.overturned || (a.precision ?? 1) - (b.precision ?? 1) || a.ruleId.localeCompare(b.ruleId))
    .slice(0, 12);
  const overturnCard = h('section', { class: 'card chart-card', 'aria-labelledby': 'overturn-title' },
    h('h2', { id: 'overturn-title' }, 'Rules moderators overturn most'),
    h('p', { class: 'muted small' }, 'Held by the machine, then approved by a moderator (overturned) or rejected (confirmed). Precision = confirmed / (confirmed + overturned): the rules to fix first are at the top.'));
  if (overturned.length) {
    overturnCard.append(horizontalBars(overturned.map((r) => ({
      label: r.ruleId,
      parts: [
        { label: 'Overturned', value: r.overturned, color: COLORS.overturned },
        { label: 'Confirmed', value: r.confirmed, color: COLORS.confirmed },
      ],
      note: `${r.overturned} overturned · precision ${r.precision == null ? '—' : `${Math.round(r.precision * 100)} %`}`,
    })), { title: 'Rules moderators overturn most', desc: 'For each rule, how many held comments moderators approved (overturned) and rejected (confirmed).' }),
    legend([['Overturned', COLORS.overturned], ['Confirmed', COLORS.confirmed]]));
  } else {
    overturnCard.append(h('p', { class: 'empty' }, 'No moderator overturned a rule in this range.'));
  }
  overturnCard.append(h('details', {}, h('summary', {}, 'Every rule\'s measured precision as a table'),
    table(['Rule', 'Confirmed', 'Overturned', 'Missed', 'Precision'],
      (stats.rules || []).map((r) => [r.ruleId, r.confirmed, r.overturned, r.missed, r.precision == null ? '—' : `${Math.round(r.precision * 100)} %`]))));
  body.append(overturnCard);

  const top = (stats.topRules || []).slice(0, 10);
  body.append(
    h('section', { class: 'card chart-card', 'aria-labelledby': 'top-title' },
      h('h2', { id: 'top-title' }, 'Rules that matched most'),
      top.length
        ? horizontalBars(top.map((r) => ({ label: r.ruleId, parts: [{ label: 'Matches', value: r.matches, color: '#5b6b8c' }], note: String(r.matches) })),
          { title: 'Rules that matched most', desc: 'Matches per rule in the range.' })
        : h('p', { class: 'empty' }, 'No matches in this range.')),
    h('section', { class: 'card', 'aria-labelledby': 'cat-title' },
      h('h2', { id: 'cat-title' }, 'Comments by category'),
      table(['Category', 'Comments'], Object.entries(stats.byCategory || {}).map(([k, v]) => [humanize(k), v]))));
}

/** The rules whose precision fell under the service's threshold (moderation.rule-health.*), worst first. */
function ruleHealthCard(health) {
  const card = h('section', { class: 'card rule-health', id: 'rule-health', 'aria-labelledby': 'health-title' },
    h('h2', { id: 'health-title' }, 'Rules that need attention'));
  if (!health) return card;
  const percent = (p) => `${Math.round(p * 100)} %`;
  card.append(h('p', { class: 'muted small' },
    `Precision under ${percent(health.minPrecision)}, judged once moderators decided at least ${health.minDecisions} comments a rule held: `
    + 'moderators approve most of what these rules hold. Try a fix in the workbench before it goes live.'));
  if (!health.needsAttention.length) {
    card.append(h('p', { class: 'empty' }, 'No rule needs attention in this range.'));
    return card;
  }
  card.append(h('ul', { class: 'attention-list' }, health.needsAttention.map((r) => h('li', { dataset: { ruleId: r.ruleId } },
    h('span', { class: 'mono' }, r.ruleId), ' ',
    h('span', { class: 'badge attention' }, `precision ${percent(r.precision)}`), ' ',
    h('span', { class: 'muted small' }, `${r.overturned} overturned · ${r.confirmed} confirmed`)))));
  return card;
}

function legend(entries) {
  return h('ul', { class: 'legend-list', 'aria-hidden': 'true' },
    entries.map(([label, color]) => h('li', {}, swatch(color), label)));
}

/** Colour set through the CSSOM: the Content-Security-Policy refuses style attributes. */
function swatch(color) {
  const el = h('span', { class: 'swatch' });
  el.style.background = color;
  return el;
}
