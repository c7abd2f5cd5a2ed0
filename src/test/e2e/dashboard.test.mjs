// End-to-end test of the moderator dashboard in Debian's headless Chromium, driven by playwright-core.
// Needs a running service (BASE_URL) and a moderator token (MODERATOR_TOKEN); run.sh provides both.
// SCREENSHOT_DIR, when set, receives screenshots of the queue (desktop and phone), the author panel and the stats page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, MODERATOR_TOKEN as TOKEN, RUN, UNDO_MS, useBrowser, call, submit, newPage, signIn, screenshot,
  queueListItem as item,
} from './browser.mjs';

useBrowser();

/** The moderator's name, as the service records it: the token's upn. */
const MODERATOR = JSON.parse(Buffer.from(TOKEN.split('.')[1], 'base64url')).upn;

// ---- API helpers (Node's fetch, straight to the service) -----------------------------------------------------

async function queueItem(articleId, id, status) {
  const q = new URLSearchParams({ articleId, limit: '100' });
  if (status) q.set('status', status);
  const res = await call('GET', `/api/v1/moderation/queue?${q}`, undefined, { token: TOKEN });
  assert.equal(res.status, 200);
  return res.json.items.find((i) => i.comment.id === id);
}

// ---- page helpers ------------------------------------------------------------------------------------------

/** The decision requests the page sends from now on, as they leave. */
function decisionRequests(page) {
  const sent = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/v1\/moderation\/comments\/[^/]+\/decision$/.test(r.url())) sent.push(r);
  });
  return sent;
}

// ---- tests -------------------------------------------------------------------------------------------------

test('a held comment is shown with its spans highlighted, approved with the keyboard, then published', async () => {
  const articleId = `e2e-${RUN}-approve`;
  const comment = await submit(articleId, `reader-${RUN}-1`, 'You are an idiot, frankly.', { authorName: 'Ada' });
  assert.equal(comment.status, 'PENDING_REVIEW');
  const matches = comment.verdict.matches;
  assert.ok(matches.some((m) => m.category === 'personal_attack'), JSON.stringify(matches));

  const page = await newPage();
  await signIn(page, `#/queue?articleId=${articleId}`, TOKEN);
  const li = item(page, comment.id);
  await li.waitFor();

  // The matched span, in the original text, by its UTF-16 offsets. Overlapping matches make one mark listing all rules.
  const widest = matches.reduce((a, m) => (m.end - m.start > a.end - a.start ? m : a));
  const marks = li.locator('mark');
  assert.equal(await marks.count(), 1);
  assert.equal(await marks.first().textContent(), widest.excerpt);
  assert.equal(await li.locator('p.body').textContent(), comment.body, 'the body is the original text');
  const ruleIds = (await marks.first().getAttribute('data-rule-ids')).split(' ');
  assert.deepEqual(ruleIds.sort(), matches.map((m) => m.ruleId).sort());

  // Rule, category and severity on keyboard focus (a visible tooltip, and the mark's accessible description).
  await marks.first().focus();
  const tooltip = page.locator('#tooltip');
  await tooltip.waitFor({ state: 'visible' });
  const tip = await tooltip.textContent();
  for (const m of matches) {
    assert.ok(tip.includes(m.ruleId) && tip.includes(m.category) && tip.includes(m.severity), tip);
  }
  const describedBy = await marks.first().getAttribute('aria-describedby');
  assert.ok((await page.locator(`#${describedBy}`).textContent()).includes(widest.ruleId));

  // Approve with the keyboard: focus the item, press a. Nothing is sent during the undo delay.
  await li.focus();
  const pressedAt = Date.now();
  await page.keyboard.press('a');
  await page.locator('#undo-toast').waitFor({ state: 'visible' });
  assert.match(await page.locator('#undo-toast').textContent(), /Undo \(u\)/);
  assert.equal(await li.getAttribute('data-pending'), 'APPROVE');
  const response = await page.waitForResponse((r) => r.url().endsWith(`/comments/${comment.id}/decision`), { timeout: UNDO_MS + 10000 });
  assert.ok(Date.now() - pressedAt >= UNDO_MS - 250, 'the decision waited for the undo delay');
  assert.equal(response.status(), 200);
  const sent = JSON.parse(response.request().postData());
  assert.equal(sent.action, 'APPROVE');
  assert.equal(sent.expectedVersion, 0);
  await li.waitFor({ state: 'detached' });

  // The public thread shows it.
  const thread = await call('GET', `/api/v1/articles/${articleId}/comments`);
  assert.equal(thread.status, 200);
  assert.ok(thread.json.items.some((c) => c.id === comment.id && c.body === comment.body), JSON.stringify(thread.json));

  // Its history records the moderator's decision.
  await page.goto(`${BASE}/moderation/#/history/${comment.id}`);
  await page.locator('.timeline li.action-MODERATOR_DECISION').waitFor();
  assert.ok((await page.locator('.timeline').textContent()).includes(`by ${MODERATOR}`));
  await page.close();
});

test('spans are sliced by UTF-16 offsets, also after characters outside the BMP', async () => {
  const articleId = `e2e-${RUN}-utf16`;
  const comment = await submit(articleId, `reader-${RUN}-2`, 'Great piece 😀😀 but what a load of sh!t',
    { authorName: 'Émile' });
  assert.equal(comment.status, 'PENDING_REVIEW');
  const page = await newPage();
  await signIn(page, `#/queue?articleId=${articleId}`, TOKEN);
  const li = item(page, comment.id);
  await li.waitFor();
  assert.deepEqual(await li.locator('mark').allTextContents(), comment.verdict.matches.map((m) => m.excerpt));
  await page.close();
});

test('invisible and direction-changing characters in a body are shown as visible markers', async () => {
  const articleId = `e2e-${RUN}-invisible`;
  const body = 'Open evil\u202egnp.exe, zero\u200bwidth, what a load of sh!t';
  const comment = await submit(articleId, `reader-${RUN}-6`, body, { authorName: 'Ida' });
  assert.equal(comment.body, body, 'the body is stored as written');
  const page = await newPage();
  await signIn(page, `#/queue?articleId=${articleId}`, TOKEN);
  const li = item(page, comment.id);
  await li.waitFor();
  const shown = await li.locator('p.body').textContent();
  assert.ok(!/[\u202e\u200b]/.test(shown), 'no invisible character reaches the page');
  assert.ok(shown.includes('evil⟨U+202E⟩gnp.exe') && shown.includes('zero⟨U+200B⟩width'), shown);
  assert.deepEqual(await li.locator('mark').allTextContents(), comment.verdict.matches.map((m) => m.excerpt));
  await page.close();
});

test('u undoes a decision within the delay, and nothing is sent', async () => {
  const articleId = `e2e-${RUN}-undo`;
  const comment = await submit(articleId, `reader-${RUN}-3`, 'What a load of sh!t, honestly', { authorName: 'Bo' });
  assert.equal(comment.status, 'PENDING_REVIEW');
  const page = await newPage();
  const sentDecisions = decisionRequests(page);
  await signIn(page, `#/queue?articleId=${articleId}`, TOKEN);
  const li = item(page, comment.id);
  await li.waitFor();

  await li.focus();
  await page.keyboard.press('a');
  await page.locator('#undo-toast').waitFor({ state: 'visible' });
  await page.keyboard.press('u');
  await page.locator('#undo-toast').waitFor({ state: 'detached' });
  assert.equal(await li.getAttribute('data-pending'), null);

  // Reject with the keyboard too (r, pick reason 2 = INSULT, Enter), then undo it with the toast's button.
  await li.focus();
  await page.keyboard.press('r');
  await page.locator('#reject-dialog').waitFor({ state: 'visible' });
  await page.keyboard.press('2');
  assert.equal(await page.locator('#reject-reason-INSULT').isChecked(), true);
  await page.keyboard.press('Enter');
  await page.locator('#reject-dialog').waitFor({ state: 'hidden' });
  assert.equal(await li.getAttribute('data-pending'), 'REJECT');
  await page.getByRole('button', { name: 'Undo (u)' }).click();

  await page.waitForTimeout(UNDO_MS + 1500);
  assert.equal(sentDecisions.length, 0, 'no decision was sent');
  assert.equal(await li.getAttribute('data-pending'), null);
  const still = await queueItem(articleId, comment.id);
  assert.equal(still.comment.status, 'PENDING_REVIEW');
  assert.equal(still.version, 0);
  await page.close();
});

test('a conflict (409) is explained to the moderator, and the queue reloaded', async () => {
  const articleId = `e2e-${RUN}-conflict`;
  const comment = await submit(articleId, `reader-${RUN}-4`, 'You are an idiot, frankly.', { authorName: 'Cy' });
  const page = await newPage();
  await signIn(page, `#/queue?articleId=${articleId}`, TOKEN);
  const li = item(page, comment.id);
  await li.waitFor();

  // Another moderator decides first, through the API.
  const other = await call('POST', `/api/v1/moderation/comments/${comment.id}/decision`,
    { action: 'APPROVE', reasonCode: 'ACCEPTABLE', expectedVersion: 0 }, { token: TOKEN });
  assert.equal(other.status, 200, JSON.stringify(other.json));

  await li.focus();
  await page.keyboard.press('r');
  await page.locator('#reject-dialog').waitFor({ state: 'visible' });
  await page.keyboard.press('Enter'); // the suggested reason (INSULT for a personal attack) is preselected
  const response = await page.waitForResponse((r) => r.url().endsWith(`/comments/${comment.id}/decision`), { timeout: UNDO_MS + 10000 });
  assert.equal(response.status(), 409);
  const problem = await response.json();
  const alert = page.locator('#alert');
  await alert.waitFor({ state: 'visible' });
  const text = await alert.textContent();
  assert.ok(text.includes('409'), text);
  assert.ok(text.includes(problem.detail), `the problem's detail is shown: ${text}`);
  assert.ok(text.includes(`Moderator decision by ${MODERATOR}`), text);
  // Reloaded: the comment is published now, no longer waiting, and counted as published.
  await li.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.count[data-status=PUBLISHED] .count-n').textContent(), '1');
  assert.equal((await queueItem(articleId, comment.id, 'PUBLISHED')).comment.status, 'PUBLISHED');
  await page.close();
});

test('a refused token returns to sign-in with a message', async () => {
  const page = await newPage();
  await page.goto(`${BASE}/moderation/`);
  await page.locator('#token').fill('not-a-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#sign-in-message').filter({ hasText: 'refused' }).waitFor();
  assert.equal(await page.locator('#topbar').isVisible(), false, 'no navigation before sign-in');

  await signIn(page, '#/queue', TOKEN);
  await page.evaluate(() => sessionStorage.setItem('moderation.token', 'expired.or.forged'));
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.locator('#sign-in-message').filter({ hasText: 'session ended' }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('moderation.token')), null);
  await page.close();
});

test('author panel sets a standing with a reason', async () => {
  const authorId = `reader-${RUN}-5`;
  await submit(`e2e-${RUN}-author`, authorId, 'Call me at +44 20 7946 0958 or mail john.doe@example.com',
    { authorName: 'Dee' });
  const page = await newPage();
  await signIn(page, `#/author/${authorId}`, TOKEN);
  await page.locator('#author-standing').waitFor();
  assert.equal(await page.locator('#author-standing').textContent(), 'Active');
  await page.getByLabel('New standing').selectOption('SUSPENDED');
  await page.getByLabel('Suspended until').fill('2099-01-01T12:00');
  await page.getByLabel(/^Reason/).fill('Posts other people\'s phone numbers');
  await page.getByRole('button', { name: 'Set standing' }).click();
  await page.locator('#author-standing').filter({ hasText: 'Suspended' }).waitFor();
  const profile = await call('GET', `/api/v1/moderation/authors/${authorId}`, undefined, { token: TOKEN });
  assert.equal(profile.json.standing, 'SUSPENDED');
  assert.equal(profile.json.reason, 'Posts other people\'s phone numbers');
  await screenshot(page, 'author.png', { fullPage: false });
  await page.close();
});

test('queue and stats pages at 1280×800 and at phone width (screenshots)', async () => {
  // A few more comments so that the pictures show a realistic queue; a few decisions for the stats.
  const articleId = `e2e-${RUN}-climate`;
  const bodies = [
    ['u-ada', 'Ada', 'You are an idiot, frankly. The data says the opposite.'],
    ['u-bo', 'Bo', 'What a load of sh!t, the minister never said that.'],
    ['u-cy', 'Cy', 'Call me at +44 20 7946 0958 or mail john.doe@example.com for the real numbers'],
    ['u-dee', 'Dee', 'Great piece 😀 but what a load of sh!t in the comments'],
    ['u-eve', 'Eve', 'You are a moron if you believe this'],
  ];
  const made = [];
  for (const [authorId, authorName, body] of bodies) {
    made.push(await submit(articleId, `${authorId}-${RUN}`, body, { authorName }));
  }
  for (const [i, c] of made.slice(0, 2).entries()) {
    const res = await call('POST', `/api/v1/moderation/comments/${c.id}/decision`,
      i === 0 ? { action: 'APPROVE', reasonCode: 'FALSE_POSITIVE', expectedVersion: 0 } : { action: 'REJECT', reasonCode: 'PROFANITY', expectedVersion: 0 }, { token: TOKEN });
    assert.equal(res.status, 200);
  }

  const page = await newPage(); // the browser's viewport: 1280×800
  await signIn(page, '#/queue?sort=SEVERITY', TOKEN);
  await page.locator('#queue-list li.item').first().waitFor();
  await page.locator('#queue-list li.item mark').first().focus(); // show a tooltip in the picture
  await page.locator('#tooltip').waitFor({ state: 'visible' });
  await screenshot(page, 'queue.png', { fullPage: false });

  await page.goto(`${BASE}/moderation/#/stats`);
  await page.locator('.stats-view svg.chart').first().waitFor();
  assert.ok(await page.locator('.stats-view svg.chart rect').count() > 0, 'the daily chart has bars');
  await page.getByRole('heading', { name: 'Rules moderators overturn most' }).waitFor();
  assert.ok(await page.locator('section[aria-labelledby=overturn-title] svg.chart rect').count() > 0, 'the overturned-rules chart has bars');
  await screenshot(page, 'stats.png');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE}/moderation/#/queue`);
  await page.locator('#queue-list li.item').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
  await screenshot(page, 'queue-phone.png', { fullPage: false });
  await page.close();
});
