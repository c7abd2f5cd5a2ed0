// The author panel: standing, comments by status, recent rejections, waiting comments; set the standing with a reason.
import { h, clear, uid, time, humanize, announce } from './dom.js';
import { api, ApiError, STANDINGS, STATUSES } from './api.js';
import { lastQueueHash, seen } from './queue.js';

export async function renderAuthor(container, authorId, siteId) {
  const section = h('section', { class: 'author-view', 'aria-labelledby': 'author-title' },
    h('p', {}, h('a', { href: lastQueueHash() }, '← Back to the queue')),
    h('h1', { id: 'author-title' }, 'Author ', h('span', { class: 'mono' }, authorId || '')));
  const body = h('div', { class: 'author-body', 'aria-busy': 'true' });
  section.append(body);
  container.append(section);
  try {
    const profile = await api.author(authorId, siteId);
    renderProfile(body, profile);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    body.append(h('div', { class: 'alert error', role: 'alert' }, h('strong', {}, 'The author could not be loaded'), h('p', {}, err.message)));
  } finally {
    body.setAttribute('aria-busy', 'false');
  }
}

function renderProfile(body, profile) {
  clear(body);
  const message = h('div', { class: 'alert-slot', id: 'standing-message' });
  body.append(
    h('div', { class: 'panels' },
      h('div', { class: 'card' },
        h('h2', {}, 'Standing'),
        h('p', { class: 'standing-line' },
          h('span', { class: `badge big standing-${profile.standing}`, id: 'author-standing' }, humanize(profile.standing)),
          profile.until ? [' until ', time(profile.until)] : null),
        profile.reason ? h('p', {}, 'Reason: ', profile.reason) : h('p', { class: 'muted' }, 'No reason recorded.'),
        h('h2', {}, 'Comments by status'),
        h('dl', { class: 'counts-list' },
          STATUSES.map((s) => [h('dt', {}, humanize(s)), h('dd', {},
            h('a', { href: `#/queue?authorId=${encodeURIComponent(profile.authorId)}&siteId=${encodeURIComponent(profile.siteId)}&status=${s}` }, String(profile.counts?.[s] ?? 0)))]))),
      standingForm(profile, body, message)),
    message,
    h('div', { class: 'card' },
      h('h2', {}, 'Recent rejections'),
      profile.recentRejections && profile.recentRejections.length
        ? h('ul', { class: 'rejections' }, profile.recentRejections.map((r) => h('li', {},
          time(r.createdAt), ' · article ', h('span', { class: 'mono' }, r.articleId),
          r.categories?.length ? ` · ${r.categories.map(humanize).join(', ')}` : '',
          ' · ', h('a', { href: `#/history/${r.commentId}` }, 'History'))))
        : h('p', { class: 'muted' }, 'None.')),
    h('p', {}, h('a', { href: `#/queue?authorId=${encodeURIComponent(profile.authorId)}&siteId=${encodeURIComponent(profile.siteId)}` }, 'This author\'s waiting comments in the queue')));
}

function standingForm(profile, body, message) {
  const statusId = uid('standing');
  const untilId = uid('until');
  const reasonId = uid('reason');
  const until = h('input', { id: untilId, name: 'until', type: 'datetime-local', 'aria-describedby': `${untilId}-help` });
  const untilField = h('div', { class: 'field', hidden: true },
    h('label', { for: untilId }, 'Suspended until'), until,
    h('p', { id: `${untilId}-help`, class: 'muted small' }, 'Your local time; must be in the future.'));
  const status = h('select', { id: statusId, name: 'status' },
    STANDINGS.map((s) => h('option', { value: s, selected: s === profile.standing }, humanize(s))));
  const reason = h('textarea', { id: reasonId, name: 'reason', rows: 2, maxlength: 500, required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Set standing');
  const sync = () => { untilField.hidden = status.value !== 'SUSPENDED'; until.required = status.value === 'SUSPENDED'; };
  status.addEventListener('change', sync);
  sync();
  const form = h('form', { class: 'card standing-form', 'aria-labelledby': `${statusId}-title` },
    h('h2', { id: `${statusId}-title` }, 'Change standing'),
    h('div', { class: 'field' }, h('label', { for: statusId }, 'New standing'), status),
    untilField,
    h('div', { class: 'field' }, h('label', { for: reasonId }, 'Reason (required, recorded in the audit trail)'), reason),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(message);
    submit.disabled = true;
    try {
      const updated = await api.setStanding(profile.authorId, profile.siteId, {
        status: status.value,
        until: status.value === 'SUSPENDED' && until.value ? new Date(until.value).toISOString() : null,
        reason: reason.value.trim(),
      });
      for (const item of seen.values()) {
        if (item.comment.authorId === profile.authorId && item.comment.siteId === profile.siteId) item.authorStanding = updated.standing;
      }
      renderProfile(body, updated);
      const slot = document.getElementById('standing-message');
      slot.append(h('div', { class: 'alert ok', role: 'status' }, `Standing set to ${humanize(updated.standing)}.`));
      announce(`Standing set to ${humanize(updated.standing)}.`);
    } catch (err) {
      submit.disabled = false;
      if (err instanceof ApiError && err.status === 401) return;
      message.append(h('div', { class: 'alert error', role: 'alert' },
        h('strong', {}, err.problem?.title || 'Error'), h('p', {}, err.message)));
    }
  });
  return form;
}
