// Small DOM helpers. User text only ever reaches the page as text nodes (never innerHTML).

/**
 * h('button', {type: 'button', onclick: fn, class: 'x'}, 'text', child...) builds an element.
 * Attributes starting with "on" become listeners; `hidden`/`disabled`/... accept booleans; strings are text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let ids = 0;
/**
 * Characters a reader cannot see but that change what is shown: format characters (bidi overrides such as U+202E,
 * which would show "evil\u202egnp.exe" as "evilexe.png"; zero-width characters) and line/paragraph separators.
 */
const INVISIBLE = /[\p{Cf}\u2028\u2029]/gu;

/**
 * User text as nodes, each invisible character replaced by a visible marker such as ⟨U+202E⟩ (the character itself
 * is left out, so it cannot reorder what follows). Offsets into the text stay valid for slicing before this is called.
 */
export function visible(text) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    if (match.index > at) fragment.appendChild(document.createTextNode(text.slice(at, match.index)));
    const code = `U+${match[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    fragment.appendChild(h('span', { class: 'invisible-char', title: `Invisible character ${code}` }, `⟨${code}⟩`));
    at = match.index + match[0].length;
  }
  if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
  return fragment;
}

/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  ids += 1;
  return `${prefix}-${ids}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTime.format(d);
}

/** A <time> element: local time shown, the ISO instant in datetime and title. */
export function time(iso) {
  return h('time', { datetime: iso, title: iso }, formatTime(iso));
}

/** "PENDING_REVIEW" → "Pending review" */
export function humanize(code) {
  if (!code) return '';
  const s = String(code).replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Announces a message to screen readers (and nothing visible). */
export function announce(message) {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.textContent = '';
  // A fresh text node after a tick so that repeated messages are read again.
  setTimeout(() => { el.textContent = message; }, 30);
}
