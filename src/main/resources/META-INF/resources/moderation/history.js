// A comment's revisions (each with its verdict, highlighted) and its audit trail: machine verdicts, reports,
// decisions (appeal decisions with their appeal), standing changes, erasure.
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
  const revisions = h('ol', { class: 'revisions', 'aria-label': 'Revisions, oldest first', 'aria-busy': 'true' });
  const list = h('ol', { class: 'timeline', 'aria-label': 'Events, oldest first', 'aria-busy': 'true' });
  section.append(h('h2', {}, 'Revisions'), revisions, h('h2', {}, 'Events'), list);
  renderRevisions(revisions, commentId);
  try {
    const entries = await api.history(commentId);
    list.setAttribute('aria-busy', 'false');
    if (!entries.length) section.append(h('p', { class: 'empty' }, 'No events recorded.'));
    for (const e of entries) {
      list.append(h('li', { class: `event action-${e.action}` },
        h('div', { class: 'event-head' },
          h('strong', {}, humanize(e.action)), ' · ', time(e.at), ' · by ', h('span', { class: 'mono' }, e.actor || '—'),
          e.revision ? ` · revision ${e.revision}` : ''),
        e.from || e.to ? h('p', {}, `${humanize(e.from) || '—'} → ${humanize(e.to) || '—'}`) : null,
        e.appealId ? h('p', { class: 'appeal' }, 'On the author\'s appeal ', h('span', { class: 'mono' }, e.appealId)) : null,
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

/** Every revision of the comment, oldest first: its words with the spans its verdict matched, its status then. */
async function renderRevisions(list, commentId) {
  try {
    const revisions = await api.revisions(commentId);
    list.setAttribute('aria-busy', 'false');
    for (const r of revisions) {
      const { fragment, descriptions } = highlighted(r.body || '', r.verdict?.matches);
      list.append(h('li', { class: `card revision${r.latest ? ' latest' : ''}`, 'data-revision': r.revision },
        h('p', {}, h('strong', {}, `Revision ${r.revision}${r.latest ? ' (latest)' : ''}`), ' · ', time(r.writtenAt),
          ' · ', h('span', { class: `badge status-${r.status}` }, humanize(r.status)),
          r.verdict?.decision ? ` · machine: ${humanize(r.verdict.decision)}` : ''),
        h('p', { class: 'body' }, fragment),
        h('div', { hidden: true }, descriptions)));
    }
  } catch (err) {
    list.setAttribute('aria-busy', 'false');
    if (err instanceof ApiError && err.status === 401) return;
    // The events below say whether the comment exists; the revisions alone could not be read.
    list.append(h('li', { class: 'alert error' }, 'The revisions could not be loaded: ', err.message));
  }
}
