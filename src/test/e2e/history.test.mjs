// End-to-end test of the dashboard's comment history in Debian's headless Chromium (playwright-core): a removal
// reversed on the author's appeal reads as the appeal's decision, naming the appeal. Needs a running service
// (BASE_URL) and a moderator token (MODERATOR_TOKEN); run.sh provides both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MODERATOR_TOKEN as TOKEN, RUN, useBrowser, call, submit, newPage, signIn } from './browser.mjs';

useBrowser();

async function expect(status, method, urlPath, body, token) {
  const res = await call(method, urlPath, body, { token });
  assert.equal(res.status, status, `${method} ${urlPath}: ${JSON.stringify(res.json)}`);
  return res.json;
}

test('a removal reversed on appeal shows in the history as the appeal decision, with the appeal', async () => {
  const removed = await submit(`e2e-${RUN}-history`, `reader-${RUN}`, 'fuck you', { authorName: 'Ada' });
  assert.equal(removed.status, 'REJECTED');
  const appeal = await expect(201, 'POST', `/api/v1/comments/${removed.id}/appeals`, { reason: 'Only joking.' });
  await expect(200, 'POST', `/api/v1/moderation/appeals/${appeal.id}/decision`,
    { outcome: 'REVERSE', reply: 'A joke between friends; restored.' }, TOKEN);

  const page = await newPage();
  await signIn(page, `#/history/${removed.id}`, TOKEN);
  const reversal = page.locator('.timeline li.event.action-APPEAL_DECISION');
  await reversal.waitFor();
  const text = await reversal.textContent();
  assert.ok(text.includes('Appeal decision'), text);
  assert.ok(text.includes(appeal.id), text);
  assert.ok(text.includes('Rejected → Published'), text);
  assert.ok(text.includes('A joke between friends; restored.'), text);
  await page.close();
});
