// A comment's audit trail: machine verdict, reports, decisions, standing changes, erasure.
import { h, clear, time, humanize, visible } from './dom.js';
import { api, ApiError, authorHash } from './api.js';
import { seen, lastQueueHash } from './queue.js';
import { highlighted } from './highlight.js';

export async function renderHistory(container, commentId) {
  const section = h('section', { class: 'history-view', 'aria-labelledby': 'history-title' },
    h('p', {}, h('a', { href: lastQueueHash() }, '← Back to the queue')),
    h('h1', { id: 'history-title' }, 'Comment history'),
    h('p', { class: 'muted mono' }, commentId || ''));
  container.append(section);
  const known = seen.get(commentId);
  if (known) {
    const c = known.comment;
    const { fragment, descriptions } = highlighted(c.body || '', c.verdict?.matches);
    section.append(h('div', { class: 'card' },
      h('p', {}, h('a', { href: authorHash(c) }, visible(c.authorName || c.authorId)),
        ' on ', h('a', { href: `#/queue?articleId=${encodeURIComponent(c.articleId)}` }, c.articleId), ' · ', time(c.createdAt),
        ' · ', h('span', { class: `badge status-${c.status}` }, humanize(c.status))),
      h('p', { class: 'body', lang: c.lang || undefined }, fragment),
      h('div', { hidden: true }, descriptions)));
  }
  const list = h('ol', { class: 'timeline', 'aria-label': 'Events, oldest first', 'aria-busy': 'true' });
  section.append(list);
  try {
    const entries = await api.history(commentId);
    list.setAttribute('aria-busy', 'false');
    if (!entries.length) section.append(h('p', { class: 'empty' }, 'No events recorded.'));
    for (const e of entries) {
      list.append(h('li', { class: `event action-${e.action}` },
        h('div', { class: 'event-head' },
          h('strong', {}, humanize(e.action)), ' · ', time(e.at), ' · by ', h('span', { class: 'mono' }, e.actor || '—')),
        e.from || e.to ? h('p', {}, `${humanize(e.from) || '—'} → ${humanize(e.to) || '—'}`) : null,
        e.reasonCode ? h('p', {}, 'Reason: ', h('strong', {}, humanize(e.reasonCode))) : null,
        e.note ? h('p', { class: 'note' }, 'Note: ', e.note) : null,
        e.machineDecision ? h('p', { class: 'muted' }, `Machine decision: ${humanize(e.machineDecision)}`) : null,
        e.ruleIds && e.ruleIds.length ? h('p', { class: 'muted' }, 'Rules: ', e.ruleIds.join(', ')) : null,
        e.rulesetVersion ? h('p', { class: 'muted mono small', title: e.rulesetVersion }, `Ruleset ${e.rulesetVersion.slice(0, 19)}…`) : null));
    }
  } catch (err) {
    list.setAttribute('aria-busy', 'false');
    if (err instanceof ApiError && err.status === 401) return;
    section.append(h('div', { class: 'alert error', role: 'alert' },
      h('strong', {}, err.status === 404 ? 'No such comment' : 'The history could not be loaded'), h('p', {}, err.message)));
  }
}
