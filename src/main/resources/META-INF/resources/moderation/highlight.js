// Matched spans in the original text. Offsets are UTF-16 code-unit indices into the body exactly as submitted,
// which is what JavaScript string indices are: slice directly, never re-encode.
import { h, uid, visible } from './dom.js';

/**
 * Groups the matches into non-overlapping spans: overlapping or touching-inside matches are merged into one span
 * that lists every rule. Invalid offsets (outside the body, empty) are dropped.
 * @returns {{start:number,end:number,matches:object[]}[]} sorted by start
 */
export function spans(body, matches) {
  const valid = (matches || [])
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end))
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(body.length, m.end) }))
    .filter((m) => m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const result = [];
  for (const m of valid) {
    const last = result[result.length - 1];
    if (last && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      last.matches.push(m);
    } else {
      result.push({ start: m.start, end: m.end, matches: [m] });
    }
  }
  return result;
}

export function describeMatch(m) {
  return `${m.ruleId} · ${m.category} · severity ${m.severity}`;
}

/**
 * The body as text nodes with <mark> elements around the matched spans, invisible characters shown as markers
 * (dom.js visible). Each mark is focusable and described by a (hidden) element listing its rules; the visible tooltip
 * is shown on hover and focus by tooltip.js.
 * @returns {{fragment: DocumentFragment, descriptions: HTMLElement[]}}
 */
export function highlighted(body, matches) {
  const fragment = document.createDocumentFragment();
  const descriptions = [];
  let at = 0;
  for (const span of spans(body, matches)) {
    if (span.start > at) fragment.appendChild(visible(body.slice(at, span.start)));
    const descId = uid('match');
    const text = span.matches.map(describeMatch).join('; ');
    descriptions.push(h('span', { id: descId }, text));
    const severity = span.matches.map((m) => m.severity).sort(bySeverity)[0] || 'low';
    fragment.appendChild(h('mark', {
      tabindex: 0,
      class: `sev-${severity}`,
      'aria-describedby': descId,
      'data-tooltip': text,
      'data-rule-ids': span.matches.map((m) => m.ruleId).join(' '),
      'data-start': span.start,
      'data-end': span.end,
    }, visible(body.slice(span.start, span.end))));
    at = span.end;
  }
  if (at < body.length) fragment.appendChild(visible(body.slice(at)));
  return { fragment, descriptions };
}

const ORDER = { high: 0, medium: 1, low: 2 };
function bySeverity(a, b) {
  return (ORDER[a] ?? 3) - (ORDER[b] ?? 3);
}
