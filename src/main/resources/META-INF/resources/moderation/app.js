// Moderation dashboard: sign-in, routing between the views, global keyboard shortcuts.
import { h, clear, announce } from './dom.js';
import { api, ApiError, getToken, setToken, clearToken, tokenClaims, setUnauthorizedHandler } from './api.js';
import { installTooltips } from './tooltip.js';
import * as queue from './queue.js';
import { renderAuthor } from './author.js';
import { renderHistory } from './history.js';
import { renderStats } from './stats.js';
import { renderWorkbench } from './workbench.js';
import { renderWebhooks } from './webhooks.js';
import { renderNotices } from './notices.js';
import { renderAppeals } from './appeals.js';

const main = document.getElementById('main');
const topbar = document.getElementById('topbar');
let signInMessage = '';

/** #/queue?status=REPORTED → {view: 'queue', arg: undefined, params: URLSearchParams} */
export function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  const [view, ...rest] = path.split('/');
  return { view: view || 'queue', arg: rest.length ? decodeURIComponent(rest.join('/')) : undefined, params: new URLSearchParams(search) };
}

function render() {
  if (!getToken()) {
    renderSignIn();
    return;
  }
  const { view, arg, params } = route();
  topbar.hidden = false;
  const claims = tokenClaims(getToken()) || {};
  const who = document.getElementById('whoami');
  clear(who).appendChild(h('span', {}, 'Signed in as ', h('strong', {}, claims.upn || claims.sub || 'unknown'),
    claims.exp ? h('span', { class: 'muted' }, ` (token until ${new Date(claims.exp * 1000).toLocaleTimeString()})`) : null));
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
    // Admin pages: the service refuses them to other roles, so their links are shown to admins only.
    a.hidden = a.dataset.role !== undefined && !(Array.isArray(claims.groups) && claims.groups.includes(a.dataset.role));
  }
  clear(main);
  switch (view) {
    case 'stats':
      document.title = 'Stats · Moderation';
      renderStats(main, params);
      break;
    case 'workbench':
      document.title = 'Rule workbench · Moderation';
      renderWorkbench(main);
      break;
    case 'webhooks':
      document.title = 'Webhooks · Moderation';
      renderWebhooks(main, arg);
      break;
    case 'notices':
      document.title = 'Notices · Moderation';
      renderNotices(main, params);
      break;
    case 'appeals':
      document.title = 'Appeals · Moderation';
      renderAppeals(main, params);
      break;
    case 'author':
      document.title = `Author ${arg} · Moderation`;
      renderAuthor(main, arg, params.get('siteId') || undefined);
      break;
    case 'history':
      document.title = 'Comment history · Moderation';
      renderHistory(main, arg);
      break;
    default:
      document.title = 'Queue · Moderation';
      queue.renderQueue(main, params);
  }
}

function renderSignIn() {
  topbar.hidden = true;
  document.title = 'Sign in · Moderation';
  clear(main);
  const message = h('p', { class: 'error', role: 'alert', id: 'sign-in-message' }, signInMessage);
  const tokenField = h('textarea', {
    id: 'token', name: 'token', rows: 4, required: true, spellcheck: 'false', autocomplete: 'off',
    'aria-describedby': 'token-help', placeholder: 'eyJhbGciOiJSUzI1NiIs…',
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'card sign-in', id: 'sign-in-form' },
    h('h1', {}, 'Moderation dashboard'),
    message,
    h('label', { for: 'token' }, 'Bearer token'),
    tokenField,
    h('p', { id: 'token-help', class: 'muted' },
      'A JWT with the moderator or admin role. It is kept for this browser tab only (sessionStorage) and sent only to this service.'),
    submit,
    h('details', { class: 'mint' },
      h('summary', {}, 'No token? Mint one on the embedded default'),
      h('p', {}, 'In the service\'s directory, after it has started once (it generates its key pair in data/jwt/):'),
      h('pre', {}, h('code', {}, 'java scripts/MintToken.java alice moderator')),
      h('p', { class: 'muted' }, 'NAME [moderator|admin] [HOURS] [KEY_FILE]; in production your identity provider issues tokens.')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = tokenField.value.trim().replace(/^Bearer\s+/i, '');
    if (!token) return;
    submit.disabled = true;
    message.textContent = '';
    try {
      await api.queue({ limit: 1 }, { token });
      setToken(token);
      signInMessage = '';
      if (!location.hash || location.hash === '#/' || location.hash === '#') location.hash = '#/queue';
      render();
      main.focus();
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) {
        message.textContent = 'This token is valid but carries neither the moderator nor the admin role.';
      } else if (!(err instanceof ApiError && err.status === 401)) {
        message.textContent = err.message;
      }
      submit.disabled = false;
    }
  });
  main.append(form);
  tokenField.focus();
}

setUnauthorizedHandler((error) => {
  const had = !!getToken();
  clearToken();
  queue.cancelAllPending('Signed out: pending decisions were not sent.');
  signInMessage = had
    ? `Your session ended: the service refused the token (${error.problem.detail || 'expired or invalid'}). Sign in again.`
    : `The service refused this token (${error.problem.detail || 'expired or invalid'}).`;
  renderSignIn();
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await queue.flushPending();
  clearToken();
  signInMessage = 'Signed out.';
  renderSignIn();
});

document.getElementById('author-lookup').addEventListener('submit', (e) => {
  e.preventDefault();
  const id = e.target.elements.authorId.value.trim();
  if (id) location.hash = `#/author/${encodeURIComponent(id)}`;
});

const helpDialog = document.getElementById('help-dialog');
document.getElementById('help-button').addEventListener('click', () => helpDialog.showModal());

function typing(target) {
  return target instanceof Element && (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null);
}

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  if (!getToken() || typing(e.target) || document.querySelector('dialog[open]')) return;
  if (e.key === '?') {
    e.preventDefault();
    helpDialog.showModal();
    return;
  }
  if (route().view === 'queue' || e.key === 'u') {
    if (queue.handleKey(e)) e.preventDefault();
  }
});

window.addEventListener('beforeunload', (e) => {
  if (queue.hasPending()) {
    e.preventDefault();
    e.returnValue = '';
  }
});

window.addEventListener('hashchange', () => {
  render();
  announce(document.title);
});

installTooltips();
render();
