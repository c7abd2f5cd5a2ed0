// The appeals queue (DSA Art. 20): authors contesting removals, notifiers contesting decisions not to act; decided
// with a reply for the appellant, never by the moderator who made the contested decision.
import { h, clear, time, humanize, visible, announce } from './dom.js';
import { request, ApiError, getToken, tokenClaims, REJECT_REASONS, APPROVE_REASONS } from './api.js';
import { toast } from './toast.js';
import { commentBlock, statusFilter, replyForm } from './notices.js';

const BASE = '/api/v1/moderation/appeals';
const STATUSES = ['OPEN', 'UPHELD', 'REVERSED'];

/** The signed-in moderator's name as the service records it (upn, else preferred_username, else sub). */
function me() {
  const claims = tokenClaims(getToken()) || {};
  return claims.upn || claims.preferred_username || claims.sub;
}

export async function renderAppeals(container, params) {
  const status = STATUSES.includes(params.get('status')) ? params.get('status') : 'OPEN';
  const list = h('ol', { class: 'queue-list', id: 'appeals-list', 'aria-busy': 'true', 'aria-label': 'Appeals, oldest first' });
  container.append(h('section', { 'aria-labelledby': 'appeals-title' },
    h('h1', { id: 'appeals-title' }, 'Appeals'),
    statusFilter('appeals', STATUSES, status), list));
  try {
    const page = await request('GET', `${BASE}?status=${status}&limit=100`);
    clear(list);
    if (!page.items.length) list.append(h('li', { class: 'empty' }, status === 'OPEN' ? 'No appeals waiting.' : 'None.'));
    for (const appeal of page.items) list.append(appealItem(appeal));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    list.append(h('li', { class: 'alert error', role: 'alert' }, h('strong', {}, 'The appeals could not be loaded'), h('p', {}, err.message)));
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

function appealItem(a) {
  const byNotifier = a.appellant === 'NOTIFIER';
  const li = h('li', { class: 'item dsa-item', dataset: { appealId: a.id } },
    h('h2', { class: 'item-title' }, byNotifier ? 'Notifier appeals no action' : 'Author appeals a removal',
      ' ', h('span', { class: 'badge' }, humanize(a.status))),
    h('p', { class: 'meta' }, 'Filed ', time(a.filedAt), ' · site ', h('span', { class: 'mono' }, a.siteId),
      ' · contests the decision of ', h('strong', { class: 'contested-by' }, a.contestedBy === 'system' ? 'the rules (system)' : a.contestedBy),
      ' on ', time(a.contestedAt),
      a.ruleIds && a.ruleIds.length ? ` · rules ${a.ruleIds.join(', ')}` : ''),
    h('p', { class: 'note' }, h('strong', {}, 'Reason: '), visible(a.reason)),
    commentBlock(a.comment));
  if (a.status !== 'OPEN') {
    li.append(h('p', { class: 'muted' }, `${humanize(a.status)} by ${a.decidedBy} · `, time(a.decidedAt)),
      h('p', { class: 'note' }, 'Reply: ', a.reply || ''));
    return li;
  }
  li.append(replyForm({
    replyLabel: 'Reply to the appellant',
    reasonLabel: byNotifier ? 'Reason (to reverse: remove the comment)' : 'Reason (optional)',
    reasons: byNotifier ? REJECT_REASONS : APPROVE_REASONS,
    outcomes: [{ value: 'REVERSE', label: byNotifier ? 'Reverse: remove the comment' : 'Reverse: publish the comment', className: byNotifier ? 'danger' : 'approve' },
      { value: 'UPHOLD', label: 'Uphold' }],
    blockedBecause: a.contestedBy === me() ? 'You made the contested decision: another moderator decides this appeal.' : null,
    decide: async ({ outcome, reasonCode, reply }) => {
      const decided = await request('POST', `${BASE}/${encodeURIComponent(a.id)}/decision`, { outcome, reasonCode, reply });
      li.remove();
      const message = decided.status === 'REVERSED' ? `Appeal reversed: the comment is now ${humanize(decided.comment.status).toLowerCase()}.` : 'Appeal decided: the decision stands.';
      toast({ message, timeout: 4000 });
      announce(message);
    },
  }));
  return li;
}
