// End-to-end test of the dashboard's notices and appeals queues in Debian's headless Chromium (playwright-core).
// Needs a running service (BASE_URL) and a moderator token (MODERATOR_TOKEN); run.sh provides both. Notices and
// appeals are filed without a site key (the default site), as a site's backend would with its key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MODERATOR_TOKEN as TOKEN, RUN, useBrowser, call, submit as submitComment, newPage, signIn, screenshot,
} from './browser.mjs';

useBrowser();

async function expect(status, method, urlPath, body, token) {
  const res = await call(method, urlPath, body, { token });
  assert.equal(res.status, status, `${method} ${urlPath}: ${JSON.stringify(res.json)}`);
  return res.json;
}

const submit = (articleId, body) => submitComment(articleId, `reader-${RUN}`, body, { authorName: 'Ada' });
const appeal = (commentId) => expect(201, 'POST', `/api/v1/comments/${commentId}/appeals`, { reason: 'I meant no harm.' });

async function signedIn(hash) {
  const page = await newPage();
  await signIn(page, hash, TOKEN);
  return page;
}

test('a notice is shown in the notices queue and acted on: the comment is removed', async () => {
  const comment = await submit(`e2e-${RUN}-notice`, 'See you at the town hall tonight.');
  const notice = await expect(201, 'POST', `/api/v1/comments/${comment.id}/notices`, {
    notifierName: 'Nora Notifier', notifierEmail: 'nora@example.org', explanation: 'A veiled threat.',
    legalGround: `Criminal code s. 241 (${RUN})`, goodFaith: true,
  });

  const page = await signedIn('#/notices');
  assert.equal(await page.locator('[data-nav=notices]').getAttribute('aria-current'), 'page');
  const li = page.locator(`#notices-list li[data-notice-id="${notice.id}"]`);
  await li.waitFor();
  assert.ok((await li.textContent()).includes(`Criminal code s. 241 (${RUN})`));
  assert.ok((await li.locator('p.body').textContent()).includes('See you at the town hall tonight.'));
  await screenshot(page, 'notices.png', { fullPage: false });

  // No reply, no decision: the form says so and nothing is sent.
  await li.getByRole('button', { name: 'Act: remove the comment' }).click();
  assert.ok(!(await call('GET', `/api/v1/notices/${notice.id}`)).json.decidedAt);

  await li.getByLabel('Reply to the notifier').fill('The comment threatens a person; it was removed.');
  await li.getByLabel('Reason (to act)').selectOption('THREAT');
  await li.getByRole('button', { name: 'Act: remove the comment' }).click();
  await li.waitFor({ state: 'detached' });
  assert.equal((await expect(200, 'GET', `/api/v1/notices/${notice.id}`)).status, 'ACTED');
  assert.equal((await expect(200, 'GET', `/api/v1/comments/${comment.id}`)).status, 'REJECTED');
  await page.close();
});

test('an appeal of a machine removal is reversed from the appeals queue; one of my own decisions is not mine to decide', async () => {
  const removed = await submit(`e2e-${RUN}-appeal`, 'fuck you');
  assert.equal(removed.status, 'REJECTED');
  const machineAppeal = await appeal(removed.id);

  const held = await submit(`e2e-${RUN}-appeal`, 'you are a moron');
  const version = (await expect(200, 'GET', `/api/v1/moderation/comments/${held.id}`, undefined, TOKEN)).version;
  await expect(200, 'POST', `/api/v1/moderation/comments/${held.id}/decision`,
    { action: 'REJECT', reasonCode: 'INSULT', expectedVersion: version }, TOKEN);
  const ownAppeal = await appeal(held.id);

  const page = await signedIn('#/appeals');
  const machineItem = page.locator(`#appeals-list li[data-appeal-id="${machineAppeal.id}"]`);
  const ownItem = page.locator(`#appeals-list li[data-appeal-id="${ownAppeal.id}"]`);
  await machineItem.waitFor();
  await ownItem.waitFor();
  assert.equal(await machineItem.locator('.contested-by').textContent(), 'the rules (system)');
  await screenshot(page, 'appeals.png', { fullPage: false });

  // The moderator who rejected it sees why they cannot decide, and the service refuses them too.
  assert.ok((await ownItem.textContent()).includes('another moderator decides this appeal'));
  assert.ok(await ownItem.getByRole('button', { name: 'Reverse: publish the comment' }).isDisabled());
  await expect(403, 'POST', `/api/v1/moderation/appeals/${ownAppeal.id}/decision`,
    { outcome: 'UPHOLD', reply: 'mine' }, TOKEN);

  await machineItem.getByLabel('Reply to the appellant').fill('A joke between friends; restored.');
  await machineItem.getByRole('button', { name: 'Reverse: publish the comment' }).click();
  await machineItem.waitFor({ state: 'detached' });
  assert.equal((await expect(200, 'GET', `/api/v1/comments/${removed.id}`)).status, 'PUBLISHED');
  const decided = await expect(200, 'GET', `/api/v1/appeals/${machineAppeal.id}`);
  assert.equal(decided.status, 'REVERSED');
  assert.equal(decided.reply, 'A joke between friends; restored.');

  // Decided appeals are one status filter away.
  await page.locator('#appeals-status').selectOption('REVERSED');
  await page.locator(`#appeals-list li[data-appeal-id="${machineAppeal.id}"]`).waitFor();
  await page.close();
});
