// The moderator API, as the dashboard uses it: bearer token from sessionStorage, JSON in and out, problems as errors.

const TOKEN_KEY = 'moderation.token';

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The claims of a JWT (not verified here: the service verifies it), or null when it is not one. */
export function tokenClaims(token) {
  try {
    const payload = token.split('.')[1];
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** An answer other than 2xx; `problem` is the RFC 9457 body (title, detail, errors[]) when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describeProblem(status, problem));
    this.status = status;
    this.problem = problem || {};
  }
}

export function describeProblem(status, problem) {
  if (!problem) return `The service answered ${status}`;
  const parts = [];
  if (problem.detail) parts.push(problem.detail);
  else if (problem.title) parts.push(problem.title);
  else parts.push(`The service answered ${status}`);
  for (const e of problem.errors || []) {
    parts.push(`${e.field ? e.field + ': ' : ''}${e.message}`);
  }
  return parts.join(' — ');
}

let onUnauthorized = () => {};
/** Called on any 401, with the problem's detail: the app returns to sign-in. */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

const TIMEOUT_MS = 20000;

export async function request(method, path, body, { token = getToken(), signal } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  if (signal) signal.addEventListener('abort', () => controller.abort());
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: `The service could not be reached (${e.name === 'AbortError' ? 'timed out' : e.message})` });
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (response.status === 401) {
    const error = new ApiError(401, data || { title: 'Unauthorized', detail: 'A valid bearer token is required' });
    onUnauthorized(error);
    throw error;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const BASE = '/api/v1/moderation';

export const api = {
  queue: (filter, opts) => request('GET', `${BASE}/queue${query(filter)}`, undefined, opts),
  claim: (limit) => request('POST', `${BASE}/queue/claim`, { limit }),
  decide: (commentId, { action, reasonCode, note, expectedVersion, revision }) =>
    request('POST', `${BASE}/comments/${encodeURIComponent(commentId)}/decision`,
      { action, reasonCode: reasonCode || null, note: note || null, expectedVersion, revision }),
  history: (commentId) => request('GET', `${BASE}/comments/${encodeURIComponent(commentId)}/history`),
  revisions: (commentId) => request('GET', `${BASE}/comments/${encodeURIComponent(commentId)}/revisions`),
  // An author is a site's; without a siteId the server takes the default site.
  author: (authorId, siteId) => request('GET', `${BASE}/authors/${encodeURIComponent(authorId)}${query({ siteId })}`),
  setStanding: (authorId, siteId, { status, until, reason }) =>
    request('POST', `${BASE}/authors/${encodeURIComponent(authorId)}/status${query({ siteId })}`, { status, until: until || null, reason }),
  stats: (from, to) => request('GET', `${BASE}/stats${query({ from, to })}`),
};

/** The author panel of a comment's author, on the comment's site. */
export const authorHash = (c) => `#/author/${encodeURIComponent(c.authorId)}${query({ siteId: c.siteId })}`;

export const REJECT_REASONS = ['PROFANITY', 'INSULT', 'HATE_SPEECH', 'HARASSMENT', 'THREAT', 'PERSONAL_DATA', 'SPAM', 'OFF_TOPIC', 'OTHER'];
export const APPROVE_REASONS = ['FALSE_POSITIVE', 'ACCEPTABLE'];
export const STATUSES = ['PENDING_REVIEW', 'REPORTED', 'PUBLISHED', 'REJECTED'];
export const CATEGORIES = ['obscene', 'derogatory', 'personal_attack', 'threat', 'personal_data'];
export const SORTS = ['OLDEST', 'NEWEST', 'SEVERITY'];
export const STANDINGS = ['ACTIVE', 'PREMODERATED', 'SUSPENDED', 'BANNED'];
