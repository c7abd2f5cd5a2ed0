// The queue view: filters, counts per status, the list with highlighted spans, decisions with a short undo delay,
// claims, and conflicts (409) explained to the moderator.
import { h, clear, uid, time, humanize, announce, visible } from './dom.js';
import { api, ApiError, getToken, tokenClaims, REJECT_REASONS, APPROVE_REASONS, STATUSES, CATEGORIES, SORTS, authorHash } from './api.js';
import { highlighted, describeMatch } from './highlight.js';
import { toast } from './toast.js';

/** How long a decision waits before it is sent; `u` within this time cancels it and nothing is sent. */
export const UNDO_MS = 4000;
const PAGE_SIZE = 25;

const state = {
  params: new URLSearchParams(),
  items: [],            // queue items (as the API answers them) in display order
  counts: null,
  nextCursor: null,
  currentId: null,
  claimed: null,        // {items, until} after "Claim next batch": the list shows the batch
  alert: null,          // {kind, title, lines[]} shown above the list until dismissed
  root: null,
};
/** Items seen in this tab, by comment id: the history view shows the comment's text from here. */
export const seen = new Map();
/** Decisions waiting for their undo delay, the newest last. */
const pending = [];

// ---- rendering -------------------------------------------------------------------------------------------------

/** The queue as last shown (with its filters), for "back" links. */
export function lastQueueHash() {
  const q = state.params.toString();
  return `#/queue${q ? `?${q}` : ''}`;
}

export function renderQueue(container, params) {
  state.params = params;
  state.root = h('section', { class: 'queue-view', 'aria-labelledby': 'queue-title' });
  container.append(state.root);
  state.root.append(
    h('div', { class: 'view-head' }, h('h1', { id: 'queue-title' }, 'Queue')),
    h('details', { class: 'filters-box', open: window.matchMedia('(min-width: 701px)').matches || activeFilters(params) > 0 },
      h('summary', {}, `Filters${activeFilters(params) ? ` (${activeFilters(params)} active)` : ''}`),
      filtersForm(params)),
    h('div', { id: 'counts', class: 'counts', role: 'group', 'aria-label': 'Counts per status' }),
    toolbar(),
    h('div', { id: 'queue-alert', class: 'alert-slot' }),
    h('div', { id: 'batch-note' }),
    h('ol', { id: 'queue-list', class: 'queue-list', 'aria-label': 'Comments', 'aria-busy': 'true' }),
    h('p', { id: 'queue-empty', class: 'empty', hidden: true }, 'No comments match these filters.'),
    h('button', { type: 'button', id: 'load-more', hidden: true, onclick: () => load({ append: true }) }, 'Load more'),
  );
  renderAlert();
  if (state.claimed) renderList();
  else load();
}

function activeFilters(params) {
  return ['status', 'category', 'articleId', 'authorId', 'siteId', 'from', 'to'].filter((k) => params.get(k)).length;
}

function filtersForm(params) {
  const field = (label, control) => {
    const id = control.id;
    return h('div', { class: 'field' }, h('label', { for: id }, label), control);
  };
  const select = (name, options, value, emptyLabel) => h('select', { id: `f-${name}`, name },
    emptyLabel ? h('option', { value: '' }, emptyLabel) : null,
    options.map((o) => h('option', { value: o, selected: o === value }, humanize(o))));
  const text = (name, placeholder) => h('input', {
    id: `f-${name}`, name, value: params.get(name) || '', maxlength: 200, placeholder, autocomplete: 'off',
  });
  const local = (name) => h('input', { id: `f-${name}`, name, type: 'datetime-local', value: isoToLocal(params.get(name)) });
  const form = h('form', { class: 'filters', id: 'filters', 'aria-label': 'Filters' },
    field('Status', select('status', STATUSES, params.get('status') || '', 'Waiting (pending + reported)')),
    field('Category', select('category', CATEGORIES, params.get('category') || '', 'Any category')),
    field('Article', text('articleId', 'article id')),
    field('Author', text('authorId', 'author id')),
    field('Created from', local('from')),
    field('Created before', local('to')),
    field('Sort', select('sort', SORTS, params.get('sort') || 'OLDEST')),
    h('div', { class: 'field buttons' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply filters'),
      h('button', { type: 'button', onclick: () => navigate(new URLSearchParams()) }, 'Reset')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      const value = String(v).trim();
      if (!value) continue;
      if (k === 'from' || k === 'to') next.set(k, new Date(value).toISOString());
      else if (!(k === 'sort' && value === 'OLDEST')) next.set(k, value);
    }
    navigate(next);
  });
  return form;
}

function navigate(params) {
  state.claimed = null;
  const q = params.toString();
  const target = `#/queue${q ? `?${q}` : ''}`;
  if (location.hash === target) {
    clear(state.root.parentElement);
    renderQueue(document.getElementById('main'), params);
  } else {
    location.hash = target;
  }
}

function toolbar() {
  const sizeId = uid('batch');
  return h('div', { class: 'toolbar' },
    h('label', { for: sizeId }, 'Batch size'),
    h('input', { id: sizeId, type: 'number', min: 1, max: 100, value: 10, class: 'narrow', name: 'batchSize' }),
    h('button', { type: 'button', id: 'claim', onclick: claim }, 'Claim next batch (c)'),
    h('button', { type: 'button', id: 'reload', onclick: () => { state.claimed = null; load(); } }, 'Reload'),
    h('span', { class: 'muted hint' }, 'j/k move · a approve · r reject · u undo · ? all shortcuts'));
}

function renderCounts() {
  const el = document.getElementById('counts');
  if (!el || !state.counts) return;
  clear(el);
  const active = state.params.get('status') || '';
  const waiting = (state.counts.PENDING_REVIEW || 0) + (state.counts.REPORTED || 0);
  const chip = (status, label, count) => h('button', {
    type: 'button', class: 'count', 'aria-pressed': String(active === status), 'data-status': status || 'WAITING',
    onclick: () => {
      const next = new URLSearchParams(state.params);
      if (status) next.set('status', status); else next.delete('status');
      navigate(next);
    },
  }, h('span', { class: 'count-label' }, label), ' ', h('span', { class: 'count-n' }, String(count)));
  el.append(chip('', 'Waiting', waiting));
  for (const s of STATUSES) el.append(chip(s, humanize(s), state.counts[s] || 0));
}

function queueFilter(cursor) {
  const f = { limit: PAGE_SIZE, cursor };
  for (const k of ['status', 'category', 'articleId', 'authorId', 'siteId', 'from', 'to', 'sort']) {
    if (state.params.get(k)) f[k] = state.params.get(k);
  }
  return f;
}

async function load({ append = false, keepFocus = true } = {}) {
  const list = document.getElementById('queue-list');
  if (!list) return;
  list.setAttribute('aria-busy', 'true');
  try {
    const page = await api.queue(queueFilter(append ? state.nextCursor : undefined));
    state.items = append ? state.items.concat(page.items) : page.items;
    state.counts = page.counts;
    state.nextCursor = page.nextCursor || null;
    page.items.forEach((item) => seen.set(item.comment.id, item));
    renderCounts();
    renderList(keepFocus);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    showAlert('error', 'The queue could not be loaded', [err.message]);
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

function renderList(keepFocus = false) {
  const list = document.getElementById('queue-list');
  if (!list) return;
  const hadFocus = keepFocus && list.contains(document.activeElement);
  clear(list);
  const items = state.claimed ? state.claimed.items : state.items;
  const note = document.getElementById('batch-note');
  clear(note);
  if (state.claimed) {
    note.append(h('p', { class: 'batch' },
      `Your batch: ${items.length} comment${items.length === 1 ? '' : 's'} claimed for you`,
      state.claimed.until ? [' until ', time(state.claimed.until)] : '', '. ',
      h('button', { type: 'button', onclick: () => { state.claimed = null; load(); } }, 'Show the whole queue')));
  }
  items.forEach((item) => list.append(renderItem(item)));
  document.getElementById('queue-empty').hidden = items.length > 0;
  document.getElementById('load-more').hidden = state.claimed !== null || !state.nextCursor;
  if (!items.some((i) => i.comment.id === state.currentId)) state.currentId = items[0]?.comment.id ?? null;
  for (const entry of pending) {
    const li = itemElement(entry.id);
    if (li) markPending(li, entry);
  }
  updateCurrent(hadFocus);
}

function renderItem(item) {
  const c = item.comment;
  const titleId = uid('item');
  const verdict = c.verdict || { matches: [], categories: [] };
  const { fragment, descriptions } = highlighted(c.body || '', verdict.matches);
  const reasonId = uid('approve-reason');
  const me = (tokenClaims(getToken()) || {}).upn;
  const li = h('li', {
    class: 'item', tabindex: -1, 'data-comment-id': c.id, 'data-version': item.version, 'aria-labelledby': titleId,
  },
  h('div', { class: 'item-head' },
    h('h2', { id: titleId, class: 'item-title' },
      h('a', { href: authorHash(c), class: 'author', title: 'Author panel (p)' }, visible(c.authorName || c.authorId)),
      h('span', { class: 'sr-only' }, ` on ${c.articleId}`)),
    h('span', { class: `badge standing-${item.authorStanding}`, title: 'Author standing' }, humanize(item.authorStanding)),
    h('span', { class: `badge status-${c.status}` }, humanize(c.status)),
    item.reportCount ? h('span', { class: 'badge reports' }, `${item.reportCount} report${item.reportCount === 1 ? '' : 's'}`) : null,
    item.claimedBy ? h('span', { class: `badge claim${item.claimedBy === me ? ' mine' : ''}` },
      item.claimedBy === me ? 'Claimed by you' : `Claimed by ${item.claimedBy}`) : null),
  h('p', { class: 'meta muted' },
    h('span', {}, 'Site '), h('a', { href: `#/queue?siteId=${encodeURIComponent(c.siteId)}` }, c.siteId), ' · ',
    h('span', {}, 'Article '), h('a', { href: `#/queue?siteId=${encodeURIComponent(c.siteId)}&articleId=${encodeURIComponent(c.articleId)}` }, c.articleId),
    ' · ', time(c.createdAt),
    verdict.decision ? ` · machine: ${humanize(verdict.decision)}` : '',
    c.revision > 1 ? h('span', { class: 'edited' }, ` · edited: revision ${c.revision}`) : '',
    ` · v${item.version}`),
  h('p', { class: 'body', lang: c.lang || undefined }, fragment),
  h('div', { hidden: true }, descriptions),
  verdict.matches && verdict.matches.length
    ? h('ul', { class: 'matches', 'aria-label': 'Matched rules' },
      verdict.matches.map((m) => h('li', { class: `sev-${m.severity}` }, describeMatch(m))))
    : h('p', { class: 'muted matches-none' }, 'No rule matched.'),
  h('div', { class: 'item-actions' },
    h('label', { for: reasonId, class: 'compact' }, 'Approval reason'),
    h('select', { id: reasonId, class: 'approve-reason' },
      h('option', { value: '' }, 'None'),
      APPROVE_REASONS.map((r) => h('option', { value: r }, humanize(r)))),
    h('button', { type: 'button', class: 'approve', onclick: () => approve(c.id) }, 'Approve (a)'),
    h('button', { type: 'button', class: 'reject danger', onclick: () => reject(c.id) }, 'Reject… (r)'),
    h('a', { href: `#/history/${c.id}`, class: 'history-link' }, 'History (h)')),
  h('p', { class: 'pending-note', 'aria-live': 'polite' }));
  li.addEventListener('focusin', () => {
    if (state.currentId !== c.id) {
      state.currentId = c.id;
      updateCurrent(false);
    }
  });
  li.addEventListener('click', (e) => {
    if (e.target === li || e.target.closest('.body, .item-head, .meta') && !e.target.closest('a, mark')) {
      state.currentId = c.id;
      updateCurrent(true);
    }
  });
  return li;
}

function itemElement(id) {
  return document.querySelector(`#queue-list li.item[data-comment-id="${CSS.escape(id)}"]`);
}

function updateCurrent(focus) {
  for (const li of document.querySelectorAll('#queue-list li.item')) {
    const current = li.dataset.commentId === state.currentId;
    li.classList.toggle('current', current);
    li.tabIndex = current ? 0 : -1;
    if (current && focus && !li.contains(document.activeElement)) {
      li.focus();
    }
  }
}

function visibleItems() {
  return state.claimed ? state.claimed.items : state.items;
}

function move(delta) {
  const items = visibleItems();
  if (!items.length) return;
  let index = items.findIndex((i) => i.comment.id === state.currentId);
  index = index < 0 ? 0 : Math.max(0, Math.min(items.length - 1, index + delta));
  state.currentId = items[index].comment.id;
  updateCurrent(true);
  itemElement(state.currentId)?.scrollIntoView({ block: 'nearest' });
}

// ---- alerts --------------------------------------------------------------------------------------------------

function showAlert(kind, title, lines) {
  state.alert = { kind, title, lines };
  renderAlert();
}

function renderAlert() {
  const slot = document.getElementById('queue-alert');
  if (!slot) return;
  clear(slot);
  if (!state.alert) return;
  const { kind, title, lines } = state.alert;
  slot.append(h('div', { class: `alert ${kind}`, role: 'alert', id: 'alert' },
    h('strong', { class: 'alert-title' }, title),
    lines.map((l) => h('p', {}, l)),
    h('button', { type: 'button', class: 'dismiss', onclick: () => { state.alert = null; renderAlert(); } }, 'Dismiss')));
}

// ---- decisions -------------------------------------------------------------------------------------------------

function findItem(id) {
  return visibleItems().find((i) => i.comment.id === id) || state.items.find((i) => i.comment.id === id);
}

function approve(id) {
  const item = findItem(id);
  if (!item || pending.some((p) => p.id === id)) return;
  const select = itemElement(id)?.querySelector('.approve-reason');
  schedule(item, { action: 'APPROVE', reasonCode: select?.value || null });
}

async function reject(id) {
  const item = findItem(id);
  if (!item || pending.some((p) => p.id === id)) return;
  const choice = await askRejectReason(item);
  if (!choice) {
    itemElement(id)?.focus();
    return;
  }
  schedule(item, { action: 'REJECT', reasonCode: choice.reasonCode, note: choice.note });
}

function schedule(item, decision) {
  const id = item.comment.id;
  const entry = {
    // The revision shown is the one decided on: if its author replaced it meanwhile, the server refuses (409).
    id, item, decision: { ...decision, expectedVersion: item.version, revision: item.comment.revision },
    label: `${decision.action === 'APPROVE' ? 'Approve' : 'Reject'} ${item.comment.authorName || item.comment.authorId}'s comment`,
    deadline: Date.now() + UNDO_MS,
  };
  entry.toast = toast({
    message: `${entry.label}${decision.reasonCode ? ` (${humanize(decision.reasonCode)})` : ''}: sending in ${UNDO_MS / 1000} s`,
    action: { label: 'Undo (u)', onclick: () => undo(entry) },
    countdown: entry.deadline,
    id: 'undo-toast',
  });
  entry.timer = setTimeout(() => send(entry), UNDO_MS);
  pending.push(entry);
  const li = itemElement(id);
  if (li) markPending(li, entry);
  announce(`${entry.label}: press u within ${UNDO_MS / 1000} seconds to undo.`);
  // Move on to the next undecided comment.
  const items = visibleItems();
  const index = items.findIndex((i) => i.comment.id === id);
  const next = items.slice(index + 1).concat(items.slice(0, index))
    .find((i) => !pending.some((p) => p.id === i.comment.id));
  if (next) {
    state.currentId = next.comment.id;
    updateCurrent(true);
  }
}

function markPending(li, entry) {
  li.classList.add('pending');
  li.dataset.pending = entry.decision.action;
  li.querySelectorAll('button, select').forEach((b) => { b.disabled = true; });
  const note = li.querySelector('.pending-note');
  if (note) note.textContent = `${entry.decision.action === 'APPROVE' ? 'Approving' : 'Rejecting'}… press u to undo`;
}

function unmarkPending(id) {
  const li = itemElement(id);
  if (!li) return;
  li.classList.remove('pending');
  delete li.dataset.pending;
  li.querySelectorAll('button, select').forEach((b) => { b.disabled = false; });
  const note = li.querySelector('.pending-note');
  if (note) note.textContent = '';
}

/** Undoes the given pending decision, or the newest one: it is never sent. */
export function undo(entry) {
  const index = entry ? pending.indexOf(entry) : pending.length - 1;
  if (index < 0) {
    toast({ message: 'Nothing to undo: decisions are final once sent.', timeout: 3000 });
    return false;
  }
  const [undone] = pending.splice(index, 1);
  clearTimeout(undone.timer);
  undone.toast.close();
  unmarkPending(undone.id);
  toast({ message: `Undone: ${undone.label.toLowerCase()} was not sent.`, timeout: 3000 });
  announce('Undone. Nothing was sent.');
  state.currentId = undone.id;
  updateCurrent(true);
  return true;
}

async function send(entry) {
  const index = pending.indexOf(entry);
  if (index < 0) return; // undone
  pending.splice(index, 1);
  clearTimeout(entry.timer);
  entry.toast.update(`${entry.label}: sending…`, { keepAction: false });
  try {
    const result = await api.decide(entry.id, entry.decision);
    entry.toast.close();
    const verb = result.comment.status === 'PUBLISHED' ? 'Published' : humanize(result.comment.status);
    toast({ message: `${verb}: ${entry.item.comment.authorName || entry.item.comment.authorId}'s comment.`, timeout: 3000 });
    seen.set(entry.id, result);
    removeDecided(entry, result);
  } catch (err) {
    entry.toast.close();
    if (err instanceof ApiError && err.status === 401) return;
    unmarkPending(entry.id);
    if (err instanceof ApiError && err.status === 409) {
      await explainConflict(entry, err);
    } else {
      showAlert('error', `${entry.label} failed: ${err.problem?.title || 'error'}`, [err.message]);
      itemElement(entry.id)?.focus();
    }
  }
}

function removeDecided(entry, result) {
  const fromStatus = entry.item.comment.status;
  const toStatus = result.comment.status;
  const filtered = state.params.get('status');
  const stillShown = filtered ? filtered === toStatus : ['PENDING_REVIEW', 'REPORTED'].includes(toStatus);
  const replace = (list) => list.flatMap((i) => (i.comment.id === entry.id ? (stillShown ? [result] : []) : [i]));
  state.items = replace(state.items);
  if (state.claimed) state.claimed.items = replace(state.claimed.items);
  if (state.counts) {
    state.counts[fromStatus] = Math.max(0, (state.counts[fromStatus] || 0) - 1);
    state.counts[toStatus] = (state.counts[toStatus] || 0) + 1;
    renderCounts();
  }
  const focusWasInList = document.getElementById('queue-list')?.contains(document.activeElement)
    || document.activeElement === document.body;
  renderList(false);
  if (focusWasInList) updateCurrent(true);
}

/** A 409: say what happened (the problem's detail and the comment's latest history entry), then reload the queue. */
async function explainConflict(entry, err) {
  const lines = [err.problem.detail || err.message];
  try {
    const history = await api.history(entry.id);
    const last = history[history.length - 1];
    if (last) {
      lines.push(`Latest change: ${humanize(last.action)} by ${last.actor} at ${new Date(last.at).toLocaleString()}`
        + `${last.revision ? ` on revision ${last.revision}` : ''}`
        + `${last.from || last.to ? ` (${humanize(last.from)} → ${humanize(last.to)})` : ''}`
        + `${last.reasonCode ? `, reason ${humanize(last.reasonCode)}` : ''}.`);
    }
  } catch { /* the detail alone still explains it */ }
  lines.push('Your decision was not applied. The queue was reloaded: check the comment again and decide anew.');
  showAlert('conflict', `Conflict: ${entry.label.toLowerCase()} was refused (409)`, lines);
  state.claimed = null;
  state.currentId = entry.id;
  await load({ keepFocus: false });
  const li = itemElement(entry.id);
  if (li) li.focus();
  else document.getElementById('alert')?.querySelector('.dismiss')?.focus();
}

export function hasPending() {
  return pending.length > 0;
}

/** Sends every pending decision now (e.g. on sign-out). */
export async function flushPending() {
  await Promise.all(pending.slice().map((entry) => send(entry)));
}

export function cancelAllPending(message) {
  if (!pending.length) return;
  for (const entry of pending.splice(0)) {
    clearTimeout(entry.timer);
    entry.toast.close();
  }
  toast({ message, timeout: 6000 });
}

// ---- reject dialog ---------------------------------------------------------------------------------------------

function askRejectReason(item) {
  const dialog = document.getElementById('reject-dialog');
  const form = document.getElementById('reject-form');
  const reasons = document.getElementById('reject-reasons');
  const error = document.getElementById('reject-error');
  const note = document.getElementById('reject-note');
  clear(reasons);
  error.textContent = '';
  note.value = '';
  const body = item.comment.body || '';
  document.getElementById('reject-excerpt').textContent =
    `${item.comment.authorName || item.comment.authorId}: “${body.length > 140 ? `${body.slice(0, 140)}…` : body}”`;
  const suggested = suggestReason(item);
  REJECT_REASONS.forEach((r, i) => {
    const id = `reject-reason-${r}`;
    reasons.append(h('div', { class: 'reason' },
      h('input', { type: 'radio', name: 'reasonCode', id, value: r, checked: r === suggested }),
      h('label', { for: id }, h('kbd', {}, String(i + 1)), ' ', humanize(r))));
  });
  return new Promise((resolve) => {
    const onKey = (e) => {
      if (/^[1-9]$/.test(e.key) && e.target !== note) {
        e.preventDefault();
        const radio = reasons.querySelectorAll('input')[Number(e.key) - 1];
        radio.checked = true;
        radio.focus();
      } else if (e.key === 'Enter' && e.target !== note && e.target.tagName !== 'BUTTON') {
        e.preventDefault();
        dialog.returnValue = 'confirm';
        finish();
      }
    };
    const finish = () => {
      if (dialog.returnValue === 'confirm') {
        const checked = form.elements.reasonCode.value;
        if (!checked) {
          error.textContent = 'A rejection needs a reason.';
          dialog.returnValue = '';
          if (!dialog.open) dialog.showModal();
          reasons.querySelector('input')?.focus();
          return;
        }
        cleanup();
        resolve({ reasonCode: checked, note: note.value.trim() || null });
      } else {
        cleanup();
        resolve(null);
      }
    };
    const onClose = () => finish();
    const cleanup = () => {
      dialog.removeEventListener('keydown', onKey);
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
    };
    dialog.addEventListener('keydown', onKey);
    dialog.addEventListener('close', onClose);
    dialog.returnValue = '';
    dialog.showModal();
    (reasons.querySelector('input:checked') || reasons.querySelector('input')).focus();
  });
}

/** The reason that the verdict's first category suggests, preselected in the dialog. */
function suggestReason(item) {
  const category = item.comment.verdict?.categories?.[0];
  return {
    obscene: 'PROFANITY', derogatory: 'HATE_SPEECH', personal_attack: 'INSULT', threat: 'THREAT', personal_data: 'PERSONAL_DATA',
  }[category] || '';
}

// ---- claims ----------------------------------------------------------------------------------------------------

async function claim() {
  const input = state.root?.querySelector('input[name=batchSize]');
  const limit = Math.max(1, Math.min(100, Number(input?.value) || 10));
  try {
    const items = await api.claim(limit);
    items.forEach((item) => seen.set(item.comment.id, item));
    if (!items.length) {
      toast({ message: 'Nothing to claim: no waiting comment is free.', timeout: 4000 });
      return;
    }
    state.claimed = { items, until: items[0].claimExpiresAt };
    state.currentId = items[0].comment.id;
    renderList(false);
    updateCurrent(true);
    announce(`Claimed ${items.length} comments.`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    showAlert('error', 'Claiming failed', [err.message]);
  }
}

// ---- keyboard --------------------------------------------------------------------------------------------------

/** @returns true when the key was a queue shortcut */
export function handleKey(e) {
  switch (e.key) {
    case 'u': undo(); return true;
    case 'j': move(1); return true;
    case 'k': move(-1); return true;
    case 'a': if (state.currentId) approve(state.currentId); return true;
    case 'r': if (state.currentId) reject(state.currentId); return true;
    case 'c': claim(); return true;
    case 'h': if (state.currentId) location.hash = `#/history/${state.currentId}`; return true;
    case 'p': {
      const item = state.currentId && findItem(state.currentId);
      if (item) location.hash = authorHash(item.comment);
      return true;
    }
    case '/': {
      const box = document.querySelector('.filters-box');
      if (box) box.open = true;
      document.getElementById('f-status')?.focus();
      return true;
    }
    default: return false;
  }
}

function isoToLocal(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
