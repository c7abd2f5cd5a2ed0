// What the dashboard's browser tests share: one headless Chromium that reaches only the service under test, API calls
// with Node's fetch, new pages that collect uncaught errors and Content-Security-Policy refusals, signing in, and the
// review queue's items and undo delay.
// Needs BASE_URL, ADMIN_TOKEN and MODERATOR_TOKEN (run.sh provides them).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = (process.env.BASE_URL || '').replace(/\/$/, '');
export const ADMIN_TOKEN = process.env.ADMIN_TOKEN;
export const MODERATOR_TOKEN = process.env.MODERATOR_TOKEN;
export const SHOTS = process.env.SCREENSHOT_DIR;
/** Letters only: rule terms fold digits into letters (l33t), so a word with digits would not be itself. */
export const RUN = Date.now().toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[d]);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** How long the queue waits before it sends a decision (queue.js UNDO_MS). */
export const UNDO_MS = 4000;

if (!BASE || !ADMIN_TOKEN || !MODERATOR_TOKEN) throw new Error('Set BASE_URL, ADMIN_TOKEN and MODERATOR_TOKEN (run.sh does)');

let context;
let userDataDir;
const pageErrors = [];

/** Starts the browser before the file's tests and, after them, closes it and fails on any page error. */
export function useBrowser() {
  before(async () => {
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 800 },
      timeout: 60000,
    });
    context.setDefaultTimeout(15000);
    const host = new URL(BASE).host;
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.host === host) return route.continue();
      return route.abort('blockedbyclient');
    });
  });
  after(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
}

export async function call(method, urlPath, body, { token, apiKey } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (apiKey) headers['X-Api-Key'] = apiKey;
  const res = await fetch(BASE + urlPath, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** A comment submitted and stored (201), on the default site or on the API key's. */
export async function submit(articleId, authorId, body, { apiKey, authorName = 'E2E reader' } = {}) {
  const res = await call('POST', '/api/v1/comments', { articleId, authorId, authorName, body }, { apiKey });
  assert.equal(res.status, 201, JSON.stringify(res.json));
  return res.json;
}

export async function newPage() {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
  });
  return page;
}

export async function signIn(page, hash, token = ADMIN_TOKEN) {
  await page.goto(`${BASE}/moderation/${hash}`);
  await page.locator('#token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#topbar').waitFor({ state: 'visible' });
}

/** Into SCREENSHOT_DIR when it is set: the whole page, or with fullPage false what the viewport shows. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, name), fullPage });
}

/** A comment's entry in the review queue page. */
export function queueListItem(page, commentId) {
  return page.locator(`#queue-list li.item[data-comment-id="${commentId}"]`);
}
