// End-to-end test of edited comments in the moderator dashboard (headless Chromium, playwright-core): the queue
// decides on the revision it shows, a decision on a replaced revision is explained, the history lists every revision.
// Needs a running service (BASE_URL) and a moderator token (MODERATOR_TOKEN); run.sh provides both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, MODERATOR_TOKEN, RUN, UNDO_MS, useBrowser, call, submit, newPage, signIn, queueListItem as item,
} from './browser.mjs';

useBrowser();

const INSULT = 'Second thoughts: you are an idiot.';

async function edit(comment, body) {
  const res = await call('PUT', `/api/v1/comments/${comment.id}`, { authorId: comment.authorId, body });
  assert.equal(res.status, 200, JSON.stringify(res.json));
  return res.json;
}

async function approveWithKeyboard(page, li, id) {
  await li.focus();
  await page.keyboard.press('a');
  return page.waitForResponse((r) => r.url().endsWith(`/comments/${id}/decision`), { timeout: UNDO_MS + 10000 });
}

test('an edit held for review is decided on its latest revision, and the history lists both revisions', async () => {
  const articleId = `e2e-${RUN}-edited`;
  const comment = await submit(articleId, `reader-${RUN}-edit`, 'A careful, well sourced article.',
    { authorName: 'Eda' });
  assert.equal(comment.status, 'PUBLISHED');
  const edited = await edit(comment, INSULT);
  assert.equal(edited.status, 'PENDING_REVIEW');
  assert.equal(edited.revision, 2);

  const page = await newPage();
  await signIn(page, `#/queue?articleId=${articleId}`, MODERATOR_TOKEN);
  const li = item(page, comment.id);
  await li.waitFor();
  assert.match(await li.locator('.meta').textContent(), /edited: revision 2/);
  assert.equal(await li.locator('p.body').textContent(), INSULT);

  const response = await approveWithKeyboard(page, li, comment.id);
  assert.equal(response.status(), 200);
  const sent = JSON.parse(response.request().postData());
  assert.equal(sent.revision, 2, 'the decision names the revision shown');
  await li.waitFor({ state: 'detached' });

  await page.goto(`${BASE}/moderation/#/history/${comment.id}`);
  const revisions = page.locator('.revisions > li');
  await revisions.nth(1).waitFor();
  assert.equal(await revisions.count(), 2);
  assert.match(await revisions.nth(0).textContent(), /Revision 1.*Published/s);
  assert.match(await revisions.nth(1).textContent(), /Revision 2 \(latest\)/);
  const marked = await revisions.nth(1).locator('mark').allTextContents();
  assert.ok(marked.some((text) => text.includes('idiot')), JSON.stringify(marked));
  await page.locator('.timeline li.action-MODERATOR_DECISION').waitFor();
  assert.match(await page.locator('.timeline li.action-MODERATOR_DECISION').textContent(), /revision 2/);
  await page.close();
});

test('approving a revision its author has replaced meanwhile is refused and explained', async () => {
  const articleId = `e2e-${RUN}-replaced`;
  const comment = await submit(articleId, `reader-${RUN}-replaced`, 'What a load of sh!t, honestly.',
    { authorName: 'Eda' });
  assert.equal(comment.status, 'PENDING_REVIEW');

  const page = await newPage();
  await signIn(page, `#/queue?articleId=${articleId}`, MODERATOR_TOKEN);
  const li = item(page, comment.id);
  await li.waitFor();
  // The author replaces the text the moderator is reading.
  await edit(comment, INSULT);

  const response = await approveWithKeyboard(page, li, comment.id);
  assert.equal(response.status(), 409);
  assert.equal(JSON.parse(response.request().postData()).revision, 1);
  const alert = page.locator('#alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /latest revision is 2/);
  // The reloaded queue shows the latest revision, for a decision on it.
  await li.locator('p.body', { hasText: INSULT }).waitFor();
  await page.close();
});
