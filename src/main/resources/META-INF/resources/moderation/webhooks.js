// Webhooks (admins): a site's endpoints (register, the secret shown once, rotate, disable), and per endpoint its
// delivery log (attempts, HTTP status, latency) with the dead letters and their manual redelivery.
import { h, clear, humanize, time, announce } from './dom.js';
import { request, ApiError } from './api.js';
import { table } from './tables.js';
import { toast } from './toast.js';

const BASE = '/api/v1/admin/webhooks';
const STATES = ['PENDING', 'DELIVERED', 'DEAD'];

const webhooksApi = {
  eventTypes: () => request('GET', `${BASE}/event-types`),
  list: () => request('GET', BASE),
  get: (id) => request('GET', `${BASE}/${encodeURIComponent(id)}`),
  register: (body) => request('POST', BASE, body),
  rotate: (id) => request('POST', `${BASE}/${encodeURIComponent(id)}/rotate`),
  disable: (id) => request('POST', `${BASE}/${encodeURIComponent(id)}/disable`),
  enable: (id) => request('POST', `${BASE}/${encodeURIComponent(id)}/enable`),
  remove: (id) => request('DELETE', `${BASE}/${encodeURIComponent(id)}`),
  deliveries: (id, state) => request('GET', `${BASE}/${encodeURIComponent(id)}/deliveries${state ? `?state=${state}` : ''}`),
  redeliver: (deliveryId) => request('POST', `${BASE}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`),
};

/** #/webhooks: the endpoints; #/webhooks/{id}?state=DEAD: one endpoint's delivery log. */
export function renderWebhooks(container, endpointId) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  if (endpointId) renderDeliveries(container, endpointId, STATES.includes(params.get('state')) ? params.get('state') : '');
  else renderEndpoints(container);
}

function failure(err) {
  if (err instanceof ApiError && err.status === 401) return null;
  return h('div', { class: 'alert error', role: 'alert' }, h('strong', {}, 'The service refused'), h('p', {}, err.message));
}

// ---- endpoints ---------------------------------------------------------------------------------------------

async function renderEndpoints(container) {
  const secretBox = h('div', { id: 'wh-secret', hidden: true });
  const errors = h('div', { id: 'wh-error' });
  const list = h('div', { id: 'wh-endpoints', 'aria-busy': 'true' });
  const types = h('fieldset', { class: 'wh-types' }, h('legend', {}, 'Event types'));
  const form = h('form', { class: 'card', id: 'wh-register', 'aria-labelledby': 'wh-register-title' },
    h('h2', { id: 'wh-register-title' }, 'Register an endpoint'),
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'wh-site' }, 'Site'),
        h('input', { id: 'wh-site', name: 'siteId', required: true, maxlength: 200, autocomplete: 'off', value: 'default' })),
      h('div', { class: 'field wh-url' }, h('label', { for: 'wh-url' }, 'URL'),
        h('input', { id: 'wh-url', name: 'url', type: 'url', required: true, maxlength: 2000, autocomplete: 'off', placeholder: 'https://news.example/hooks/moderation' }))),
    types,
    h('button', { type: 'submit', class: 'primary', id: 'wh-register-button' }, 'Register'));
  container.append(h('section', { class: 'webhooks-view', 'aria-labelledby': 'wh-title' },
    h('h1', { id: 'wh-title' }, 'Webhooks'),
    h('p', { class: 'muted' }, 'Each site\'s endpoints receive its events, signed (docs/webhooks.md). A secret is shown only when it is made: at registration and rotation.'),
    secretBox, errors, list, form));

  const showSecret = (endpoint, secret, what) => {
    clear(secretBox).append(h('div', { class: 'alert ok', role: 'status' },
      h('strong', {}, `${what}: the signing secret of ${endpoint.url}`),
      h('p', {}, 'Copy it now into the receiver\'s configuration: it is not shown again.'),
      h('p', {}, h('code', { class: 'mono wh-secret-value', id: 'wh-secret-value' }, secret)),
      endpoint.previousSecretExpiresAt
        ? h('p', { class: 'muted small' }, 'The previous secret signs too (a second v1 signature) until ', time(endpoint.previousSecretExpiresAt), '.')
        : null,
      h('button', { type: 'button', onclick: () => { secretBox.hidden = true; clear(secretBox); } }, 'I have copied it')));
    secretBox.hidden = false;
    secretBox.scrollIntoView({ block: 'nearest' });
  };

  const act = async (action, done) => {
    clear(errors);
    try {
      const answer = await action();
      await refresh();
      if (done) done(answer);
    } catch (err) {
      const problem = failure(err);
      if (problem) errors.append(problem);
    }
  };

  async function refresh() {
    list.setAttribute('aria-busy', 'true');
    try {
      const endpoints = await webhooksApi.list();
      clear(list);
      if (!endpoints.length) list.append(h('p', { class: 'empty' }, 'No endpoint is registered.'));
      else list.append(h('ul', { class: 'queue-list' }, endpoints.map(endpointItem)));
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }

  function endpointItem(e) {
    const disabled = !!e.disabledAt;
    return h('li', { class: `item wh-endpoint${disabled ? ' disabled' : ''}`, dataset: { endpointId: e.id } },
      h('div', { class: 'item-head' },
        h('h2', { class: 'item-title mono' }, e.url),
        h('span', { class: 'badge' }, `site ${e.siteId}`),
        disabled ? h('span', { class: 'badge wh-disabled' }, 'Disabled') : h('span', { class: 'badge status-PUBLISHED' }, 'Active')),
      h('p', { class: 'meta muted' }, `Events: ${e.eventTypes.join(', ')} · registered by ${e.createdBy || '—'} `, time(e.createdAt),
        e.previousSecretExpiresAt ? [' · previous secret signs until ', time(e.previousSecretExpiresAt)] : null,
        disabled ? [' · disabled ', time(e.disabledAt)] : null),
      h('div', { class: 'item-actions' },
        h('a', { href: `#/webhooks/${encodeURIComponent(e.id)}`, class: 'wh-log-link' }, 'Delivery log'),
        h('a', { href: `#/webhooks/${encodeURIComponent(e.id)}?state=DEAD`, class: 'wh-dead-link' }, 'Dead letters'),
        h('button', {
          type: 'button', class: 'wh-rotate',
          onclick: () => act(() => webhooksApi.rotate(e.id), (r) => showSecret(r.endpoint, r.secret, 'Rotated')),
        }, 'Rotate secret'),
        disabled
          ? h('button', { type: 'button', class: 'wh-enable', onclick: () => act(() => webhooksApi.enable(e.id), () => announce('Endpoint enabled')) }, 'Enable')
          : h('button', { type: 'button', class: 'wh-disable', onclick: () => act(() => webhooksApi.disable(e.id), () => announce('Endpoint disabled')) }, 'Disable'),
        h('button', {
          type: 'button', class: 'danger wh-delete',
          onclick: () => {
            // eslint-disable-next-line no-alert
            if (window.confirm(`Delete ${e.url} with its delivery log? What it is still owed is not sent.`)) {
              act(() => webhooksApi.remove(e.id), () => toast({ message: `Deleted ${e.url}`, timeout: 4000 }));
            }
          },
        }, 'Delete')));
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const eventTypes = [...types.querySelectorAll('input:checked')].map((i) => i.value);
    act(() => webhooksApi.register({ siteId: form.elements.siteId.value.trim(), url: form.elements.url.value.trim(), eventTypes }),
      (r) => { form.elements.url.value = ''; showSecret(r.endpoint, r.secret, 'Registered'); });
  });

  try {
    const known = await webhooksApi.eventTypes();
    types.append(...known.map((type) => h('label', { class: 'reason' },
      h('input', { type: 'checkbox', name: 'eventTypes', value: type, checked: true }), type)));
    await refresh();
  } catch (err) {
    list.setAttribute('aria-busy', 'false');
    const problem = failure(err);
    if (problem) errors.append(problem);
  }
}

// ---- one endpoint's delivery log -----------------------------------------------------------------------------

async function renderDeliveries(container, endpointId, state) {
  const log = h('div', { id: 'wh-deliveries', 'aria-busy': 'true' });
  const errors = h('div', { id: 'wh-error' });
  const tabs = h('div', { class: 'counts', role: 'group', 'aria-label': 'Deliveries shown' },
    ['', ...STATES].map((s) => h('a', {
      href: `#/webhooks/${encodeURIComponent(endpointId)}${s ? `?state=${s}` : ''}`,
      class: 'count', 'aria-current': s === state ? 'true' : undefined,
    }, s === 'DEAD' ? 'Dead letters' : s ? humanize(s) : 'All')));
  const title = h('h1', { id: 'wh-title' }, 'Delivery log');
  container.append(h('section', { class: 'webhooks-view', 'aria-labelledby': 'wh-title' },
    h('p', {}, h('a', { href: '#/webhooks' }, '← Webhook endpoints')), title, tabs, errors, log));

  async function refresh() {
    log.setAttribute('aria-busy', 'true');
    try {
      const [endpoint, deliveries] = await Promise.all([webhooksApi.get(endpointId), webhooksApi.deliveries(endpointId, state)]);
      title.textContent = `Delivery log of ${endpoint.url}`;
      clear(log);
      if (!deliveries.length) {
        log.append(h('p', { class: 'empty' }, state === 'DEAD' ? 'No dead letters.' : 'No deliveries.'));
        return;
      }
      log.append(table(['Event', 'Comment', 'State', 'Attempts', 'Last status', 'Last latency', 'Created', 'Delivered', ''],
        deliveries.map(row), { id: 'wh-delivery-table' }));
      for (const d of deliveries) {
        if (d.attempts.length) {
          log.append(h('details', { class: 'wh-attempts', dataset: { deliveryId: d.id } },
            h('summary', {}, `Attempts of ${d.eventType} #${d.sequence} (event ${d.eventId})`),
            table(['#', 'At', 'HTTP status', 'Latency', 'Error'],
              d.attempts.map((a, i) => [i + 1, time(a.at), a.httpStatus ?? '—', `${a.latencyMs} ms`, a.error || '']))));
        }
      }
    } catch (err) {
      const problem = failure(err);
      if (problem) errors.append(problem);
    } finally {
      log.setAttribute('aria-busy', 'false');
    }
  }

  function row(d) {
    const last = d.attempts[d.attempts.length - 1];
    const redeliver = h('button', {
      type: 'button', class: 'wh-redeliver',
      onclick: async () => {
        redeliver.disabled = true;
        clear(errors);
        try {
          await webhooksApi.redeliver(d.id);
          toast({ message: `Event ${d.eventType} #${d.sequence} will be sent again`, timeout: 4000 });
          await refresh();
        } catch (err) {
          redeliver.disabled = false;
          const problem = failure(err);
          if (problem) errors.append(problem);
        }
      },
    }, 'Redeliver');
    const stateBadge = h('span', { class: `badge wh-state wh-state-${d.state}`, dataset: { deliveryId: d.id } }, humanize(d.state));
    return [`${d.eventType} #${d.sequence}`, d.commentId || '—', stateBadge, d.attempts.length,
      last ? (last.httpStatus ?? (last.error ? 'no answer' : '—')) : '—', last ? `${last.latencyMs} ms` : '—',
      time(d.createdAt), d.deliveredAt ? time(d.deliveredAt) : '—', d.state === 'PENDING' ? '' : redeliver];
  }

  await refresh();
}
