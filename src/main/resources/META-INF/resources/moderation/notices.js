// The notices queue (DSA Art. 16): notices of illegal content about comments, decided with a reply for the notifier.
// Also the parts the appeals queue shares: a comment as it stands, the status filter and the reply form.
import { h, clear, time, humanize, visible, announce, uid } from './dom.js';
import { request, ApiError, REJECT_REASONS } from './api.js';
import { toast } from './toast.js';

const BASE = '/api/v1/moderation/notices';
const STATUSES = ['RECEIVED', 'ACTED', 'NO_ACTION'];

/** A comment as it stands, with its status and a link to its history. */
export function commentBlock(c) {
  if (!c) return h('p', { class: 'muted' }, 'The comment is gone.');
  return h('div', { class: 'dsa-comment' },
    h('p', { class: 'meta' }, 'Comment by ', h('span', { class: 'mono' }, visible(c.authorId)), ' on ', c.articleId,
      ' · ', time(c.createdAt), ' · ', h('span', { class: `badge status-${c.status}` }, humanize(c.status)),
      ' · ', h('a', { href: `#/history/${encodeURIComponent(c.id)}` }, 'History')),
    h('p', { class: 'body', lang: c.lang || undefined }, visible(c.body || '')));
}

/** A status filter that navigates to `#/<view>?status=…`. */
export function statusFilter(view, statuses, current) {
  const id = `${view}-status`;
  const select = h('select', { id, name: 'status' },
    statuses.map((s) => h('option', { value: s, selected: s === current }, humanize(s))));
  select.addEventListener('change', () => { location.hash = `#/${view}?status=${select.value}`; });
  return h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: id }, 'Status'), select));
}

/**
 * The decision form of a queue item: a required reply, a reason code (one of `reasons`), and one submit button per
 * outcome ({value, label, className}). `decide({outcome, reasonCode, reply})` sends it; a refusal is shown in the
 * form. `blockedBecause` disables the buttons and says why.
 */
export function replyForm({ replyLabel, reasonLabel, reasons, outcomes, decide, blockedBecause }) {
  const replyId = uid('reply');
  const reasonId = uid('reason');
  const error = h('p', { class: 'error', role: 'alert' });
  const buttons = outcomes.map((o) => h('button', { type: 'submit', value: o.value, class: o.className, disabled: !!blockedBecause }, o.label));
  const form = h('form', { class: 'dsa-decision' },
    h('label', { for: replyId }, replyLabel),
    h('textarea', { id: replyId, name: 'reply', rows: 2, maxlength: 2000, required: true }),
    h('div', { class: 'item-actions' },
      h('label', { for: reasonId, class: 'compact' }, reasonLabel),
      h('select', { id: reasonId, name: 'reasonCode' }, h('option', { value: '' }, '—'),
        reasons.map((r) => h('option', { value: r }, humanize(r)))),
      buttons),
    blockedBecause ? h('p', { class: 'pending-note blocked' }, blockedBecause) : null,
    error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const reply = form.elements.reply.value.trim();
    if (!reply) {
      error.textContent = 'A reasoned reply is required.';
      form.elements.reply.focus();
      return;
    }
    error.textContent = '';
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await decide({ outcome: e.submitter?.value, reasonCode: form.elements.reasonCode.value || null, reply });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      error.textContent = err.message;
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
  return form;
}

export async function renderNotices(container, params) {
  const status = STATUSES.includes(params.get('status')) ? params.get('status') : 'RECEIVED';
  const list = h('ol', { class: 'queue-list', id: 'notices-list', 'aria-busy': 'true', 'aria-label': 'Notices, oldest first' });
  container.append(h('section', { 'aria-labelledby': 'notices-title' },
    h('h1', { id: 'notices-title' }, 'Notices of illegal content'),
    statusFilter('notices', STATUSES, status), list));
  try {
    const page = await request('GET', `${BASE}?status=${status}&limit=100`);
    clear(list);
    if (!page.items.length) list.append(h('li', { class: 'empty' }, status === 'RECEIVED' ? 'No notices waiting.' : 'None.'));
    for (const notice of page.items) list.append(noticeItem(notice));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    list.append(h('li', { class: 'alert error', role: 'alert' }, h('strong', {}, 'The notices could not be loaded'), h('p', {}, err.message)));
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

function noticeItem(n) {
  const li = h('li', { class: 'item dsa-item', dataset: { noticeId: n.id } },
    h('h2', { class: 'item-title' }, 'Notice ', h('span', { class: 'mono small' }, n.id),
      ' ', h('span', { class: 'badge' }, humanize(n.status))),
    h('p', { class: 'meta' }, 'Received ', time(n.receivedAt), ' · site ', h('span', { class: 'mono' }, n.siteId),
      ' · from ', visible(n.notifierName), ' <', n.notifierEmail, '>'),
    h('p', {}, h('strong', {}, 'Legal ground: '), visible(n.legalGround)),
    h('p', { class: 'note' }, h('strong', {}, 'Why: '), visible(n.explanation)),
    commentBlock(n.comment));
  if (n.status !== 'RECEIVED') {
    li.append(h('p', { class: 'muted' }, `${humanize(n.status)} by ${n.decidedBy} · `, time(n.decidedAt),
      n.reasonCode ? ` · ${humanize(n.reasonCode)}` : ''),
    h('p', { class: 'note' }, 'Reply: ', n.reply || ''));
    return li;
  }
  li.append(replyForm({
    replyLabel: 'Reply to the notifier',
    reasonLabel: 'Reason (to act)',
    reasons: REJECT_REASONS,
    outcomes: [{ value: 'ACT', label: 'Act: remove the comment', className: 'danger' },
      { value: 'NO_ACTION', label: 'No action' }],
    decide: async ({ outcome, reasonCode, reply }) => {
      const decided = await request('POST', `${BASE}/${encodeURIComponent(n.id)}/decision`, { action: outcome, reasonCode, reply });
      li.remove();
      const message = decided.status === 'ACTED' ? 'Notice acted on: the comment was removed.' : 'Notice decided: no action.';
      toast({ message, timeout: 4000 });
      announce(message);
    },
  }));
  return li;
}
