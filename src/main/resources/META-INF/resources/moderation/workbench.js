// Rule workbench (admins): edit a rule file, try it on the stored comments of a period (POST /api/v1/admin/ruleset/preview),
// follow the job's progress, cancel it, and read what the change would have done next to the serving rules.
import { h, clear, humanize, announce } from './dom.js';
import { request, ApiError } from './api.js';
import { highlighted } from './highlight.js';
import { tile, table } from './tables.js';

const ADMIN = '/api/v1/admin/ruleset';
const DAY = 86400000;
const POLL_MS = 400;

const workbenchApi = {
  files: () => request('GET', `${ADMIN}/files`),
  file: (path) => request('GET', `${ADMIN}/files/${path.split('/').map(encodeURIComponent).join('/')}`),
  start: (body) => request('POST', `${ADMIN}/preview`, body),
  status: (id) => request('GET', `${ADMIN}/preview/${encodeURIComponent(id)}`),
  cancel: (id) => request('DELETE', `${ADMIN}/preview/${encodeURIComponent(id)}`),
};

const EXAMPLE = `language: en
category: personal_attack
rules:
  - id: en.personal_attack.example
    severity: medium
    description: What the rule catches, and why.
    terms: [example-insult]
    examples:
      match: ["you example-insult"]
      noMatch: ["an example"]
`;

function utcDay(d) {
  return d.toISOString().slice(0, 10);
}

const percent = (p) => (p == null ? '—' : `${Math.round(p * 1000) / 10} %`);

export function renderWorkbench(container) {
  const fileSelect = h('select', { id: 'wb-file', name: 'file' }, h('option', { value: '' }, 'A new file'));
  const loadButton = h('button', { type: 'button', id: 'wb-load' }, 'Load');
  const path = h('input', { id: 'wb-path', name: 'path', required: true, value: 'en/workbench.yaml', spellcheck: 'false', autocomplete: 'off', size: 30 });
  const content = h('textarea', { id: 'wb-content', name: 'content', rows: 16, required: true, spellcheck: 'false', class: 'mono' });
  content.value = EXAMPLE;
  const from = h('input', { id: 'wb-from', name: 'from', type: 'date', required: true, value: utcDay(new Date(Date.now() - 29 * DAY)) });
  const to = h('input', { id: 'wb-to', name: 'to', type: 'date', required: true, value: utcDay(new Date()) });
  const siteId = h('input', { id: 'wb-site', name: 'siteId', maxlength: 200, autocomplete: 'off', placeholder: 'every site' });
  const run = h('button', { type: 'submit', class: 'primary', id: 'wb-run' }, 'Run preview');
  const cancel = h('button', { type: 'button', class: 'danger', id: 'wb-cancel', hidden: true }, 'Cancel');
  const error = h('div', { class: 'alert error', id: 'wb-error', role: 'alert', hidden: true });
  const progress = h('progress', { id: 'wb-progress', max: 1, value: 0 });
  const progressText = h('span', { id: 'wb-progress-text', role: 'status' });
  const progressBox = h('div', { class: 'wb-progress', hidden: true }, progress, progressText, cancel);
  const results = h('div', { id: 'wb-results' });

  const form = h('form', { class: 'card wb-form', id: 'wb-form', 'aria-label': 'Candidate rule change' },
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'wb-file' }, 'Start from a rule file'), fileSelect),
      h('div', { class: 'field buttons' }, loadButton),
      h('div', { class: 'field' }, h('label', { for: 'wb-path' }, 'File path (in the rules directory)'), path)),
    h('label', { for: 'wb-content' }, 'Rule file (YAML, as in rules/; its examples are checked as a reload would)'),
    content,
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'wb-from' }, 'Comments from (UTC day)'), from),
      h('div', { class: 'field' }, h('label', { for: 'wb-to' }, 'To (UTC day, included)'), to),
      h('div', { class: 'field' }, h('label', { for: 'wb-site' }, 'Site'), siteId),
      h('div', { class: 'field buttons' }, run)));

  container.append(h('section', { class: 'workbench-view', 'aria-labelledby': 'wb-title' },
    h('h1', { id: 'wb-title' }, 'Rule workbench'),
    h('p', { class: 'muted' }, 'Try a changed or new rule file on the comments already stored, before it goes live: '
      + 'both the serving rules and yours judge them, and moderators\' decisions tell how right each is. Nothing is changed.'),
    form, error, progressBox, results));

  const showError = (err) => {
    clear(error).append(h('strong', {}, 'The preview could not run'), h('p', {}, err.message));
    error.hidden = false;
  };

  workbenchApi.files().then((files) => {
    for (const f of files) fileSelect.append(h('option', { value: f.path }, f.path));
  }).catch((err) => { if (!(err instanceof ApiError && err.status === 401)) showError(err); });

  loadButton.addEventListener('click', async () => {
    error.hidden = true;
    if (!fileSelect.value) {
      path.value = 'en/workbench.yaml';
      content.value = EXAMPLE;
      return;
    }
    try {
      const file = await workbenchApi.file(fileSelect.value);
      path.value = file.path;
      content.value = file.content;
      announce(`Loaded ${file.path}`);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) showError(err);
    }
  });

  let job = null;
  cancel.addEventListener('click', async () => {
    if (!job) return;
    cancel.disabled = true;
    try {
      await workbenchApi.cancel(job);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) showError(err);
    }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    clear(results);
    const fromDate = new Date(`${from.value}T00:00:00Z`);
    const toDate = new Date(new Date(`${to.value}T00:00:00Z`).getTime() + DAY);
    if (!(fromDate < toDate)) {
      showError(new Error('The first day must not be after the last.'));
      return;
    }
    run.disabled = true;
    try {
      const started = await workbenchApi.start({
        files: { [path.value.trim()]: content.value },
        from: fromDate.toISOString(),
        to: toDate.toISOString(),
        siteId: siteId.value.trim() || undefined,
      });
      job = started.id;
      cancel.disabled = false;
      cancel.hidden = false;
      progressBox.hidden = false;
      let view = started;
      while (container.isConnected) {
        showProgress(view);
        if (['DONE', 'FAILED', 'CANCELLED'].includes(view.status)) break;
        await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
        view = await workbenchApi.status(job);
      }
      cancel.hidden = true;
      if (view.status === 'DONE') renderResult(results, view.result);
      else if (view.status === 'FAILED') showError(new Error(view.error));
      announce(`Preview ${humanize(view.status).toLowerCase()}`);
    } catch (err) {
      cancel.hidden = true;
      if (!(err instanceof ApiError && err.status === 401)) showError(err);
    } finally {
      run.disabled = false;
    }
  });

  function showProgress(view) {
    progress.max = Math.max(1, view.total);
    progress.value = view.judged;
    const state = { QUEUED: 'Queued behind another preview', RUNNING: 'Judging', DONE: 'Done', FAILED: 'Failed', CANCELLED: 'Cancelled' }[view.status] || view.status;
    progressText.dataset.status = view.status;
    progressText.textContent = `${state}: ${view.judged} of ${view.total} comments judged`;
  }
}

function renderResult(results, result) {
  const agreement = result.moderators;
  results.append(...[
    h('div', { class: 'tiles' },
      tile('Comments judged', result.judged),
      tile('Changed', result.changed, 'wb-changed'),
      tile('Rejected by moderators, newly caught', agreement.rejectedNewlyCaught, 'wb-newly-caught'),
      tile('Approved by moderators, newly held', agreement.approvedNewlyHeld, 'wb-newly-held')),
    result.truncated
      ? h('p', { class: 'alert conflict' }, `The period holds more comments than a preview judges: the oldest ${result.total} were judged.`)
      : null,
    h('section', { class: 'card', 'aria-labelledby': 'wb-transitions-title' },
      h('h2', { id: 'wb-transitions-title' }, 'Decisions that change'),
      Object.keys(result.transitions).length
        ? table(['Serving → candidate', 'Comments'],
          Object.entries(result.transitions).map(([k, v]) => [k.split('→').map(humanize).join(' → '), v]), { id: 'wb-transitions' })
        : h('p', { class: 'empty' }, 'No decision changes.')),
    h('section', { class: 'card', 'aria-labelledby': 'wb-agreement-title' },
      h('h2', { id: 'wb-agreement-title' }, 'Agreement with moderators'),
      h('p', { class: 'muted small' }, 'Held = sent to review or rejected. Precision: of the decided comments a ruleset holds, '
        + 'how many moderators rejected; recall: of those moderators rejected, how many it holds.'),
      table(['', 'Serving rules', 'Candidate'], [
        [`Rejected by moderators (${agreement.rejected}), held`, agreement.rejectedHeldByServing, agreement.rejectedHeldByCandidate],
        [`Approved by moderators (${agreement.approved}), held`, agreement.approvedHeldByServing, agreement.approvedHeldByCandidate],
        ['Precision', percent(agreement.serving.precision), percent(agreement.candidate.precision)],
        ['Recall', percent(agreement.serving.recall), percent(agreement.candidate.recall)],
      ], { id: 'wb-agreement' })),
    h('section', { class: 'card', 'aria-labelledby': 'wb-rules-title' },
      h('h2', { id: 'wb-rules-title' }, 'Rules whose hits change'),
      result.rules.length
        ? table(['Rule', 'Serving', 'Candidate', 'Added', 'Lost'],
          result.rules.map((r) => [r.ruleId, r.serving, r.candidate, r.added, r.lost]), { id: 'wb-rules' })
        : h('p', { class: 'empty' }, 'No rule\'s hits change.')),
    h('section', { class: 'card', 'aria-labelledby': 'wb-sample-title' },
      h('h2', { id: 'wb-sample-title' }, `Changed comments (${result.sample.length} of ${result.changed})`),
      result.sample.length
        ? h('ol', { class: 'queue-list', id: 'wb-sample' }, result.sample.map(changedComment))
        : h('p', { class: 'empty' }, 'No comment changes.')),
  ].filter(Boolean)); // Element.append would show a null as the text "null"
}

/** Engine matches name their category and severity in capitals; the dashboard's spans take the API's spelling. */
function apiSpelling(matches) {
  return (matches || []).map((m) => ({ ...m, category: String(m.category).toLowerCase(), severity: String(m.severity).toLowerCase() }));
}

function changedComment(c) {
  const side = (label, decision, matches, cls) => {
    const { fragment, descriptions } = highlighted(c.body, apiSpelling(matches));
    return h('div', { class: `wb-side ${cls}` },
      h('p', { class: 'meta' }, h('strong', {}, label), ' ', h('span', { class: 'badge' }, humanize(decision))),
      h('p', { class: 'body' }, fragment),
      h('div', { hidden: true }, descriptions));
  };
  return h('li', { class: 'item', dataset: { commentId: c.id } },
    h('p', { class: 'meta muted' }, `Comment ${c.id} · site ${c.siteId}`,
      c.moderatorStatus ? [' · moderators: ', h('span', { class: `badge status-${c.moderatorStatus}` }, humanize(c.moderatorStatus))] : ' · not decided by a moderator'),
    h('div', { class: 'wb-sides' },
      side('Serving rules', c.servingDecision, c.servingMatches, 'serving'),
      side('Candidate', c.candidateDecision, c.candidateMatches, 'candidate')));
}
