// The webhooks page in headless Chromium, against the real service and a real receiver on loopback (node:http; run.sh
// starts the service with loopback targets allowed and a short dead-letter time): an endpoint registered with its secret
// shown once, deliveries signed with it and shown in the log, rotation, a dead letter redelivered, and disabling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { ADMIN_TOKEN, RUN, useBrowser, call, submit, newPage, signIn, screenshot } from './browser.mjs';

useBrowser();

/** A receiver that records every request and answers `status`. */
const receiver = { status: 200, received: [], server: null, url: '' };

before(async () => {
  receiver.server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      receiver.received.push({ signature: req.headers['moderation-signature'], eventId: req.headers['moderation-event-id'], body, json: JSON.parse(body) });
      res.writeHead(receiver.status).end();
    });
  });
  await new Promise((resolve) => { receiver.server.listen(0, '127.0.0.1', resolve); });
  receiver.url = `http://127.0.0.1:${receiver.server.address().port}/hooks`;
});

after(async () => {
  receiver.server.closeAllConnections();
  await new Promise((resolve) => { receiver.server.close(resolve); });
});

async function until(what, condition, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => { setTimeout(resolve, 150); });
  }
}

const judgedEventOf = (commentId) => receiver.received.find((r) => r.json.type === 'comment.judged' && r.json.commentId === commentId);

function verifies(delivery, secret) {
  const t = /t=(\d+)/.exec(delivery.signature)[1];
  const expected = crypto.createHmac('sha256', secret).update(`${t}.${delivery.body}`).digest('hex');
  return delivery.signature.split(',').some((part) => part === `v1=${expected}`);
}

test('an endpoint registered on the page receives signed events, its log shows them, a dead letter is redelivered, a disabled endpoint gets nothing', async () => {
  const siteId = `e2e-hooks-${RUN}`;
  const key = await call('POST', '/api/v1/admin/api-keys', { siteId, name: 'e2e hooks backend' }, { token: ADMIN_TOKEN });
  assert.equal(key.status, 201, JSON.stringify(key.json));
  const apiKey = key.json.key;

  const page = await newPage();
  await signIn(page, '#/webhooks');
  assert.ok(await page.getByRole('link', { name: 'Webhooks' }).isVisible());
  await page.locator('#wh-register input[value="comment.judged"]').waitFor();
  await page.locator('#wh-site').fill(siteId);
  await page.locator('#wh-url').fill(receiver.url);
  for (const box of await page.locator('#wh-register input[type=checkbox]').all()) {
    if (await box.getAttribute('value') !== 'comment.judged') await box.uncheck();
  }
  await page.locator('#wh-register-button').click();

  // The secret, shown once.
  const secret = (await page.locator('#wh-secret-value').textContent()).trim();
  assert.match(secret, /^whsec_/);
  const endpoint = page.locator('li.wh-endpoint', { hasText: receiver.url });
  await endpoint.waitFor();
  assert.match(await endpoint.textContent(), new RegExp(`site ${siteId}`));
  assert.match(await endpoint.textContent(), /Events: comment\.judged/);
  const endpointId = await endpoint.getAttribute('data-endpoint-id');
  await page.getByRole('button', { name: 'I have copied it' }).click();
  assert.equal(await page.locator('#wh-secret-value').count(), 0, 'the secret is gone once copied');
  await page.reload();
  await page.locator(`li[data-endpoint-id="${endpointId}"]`).waitFor();
  assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');

  // A comment's event arrives signed with that secret; the log shows the delivery, its status and latency.
  const first = await submit(`e2e-${RUN}-hooks`, `hooks-${RUN}`, 'A calm and friendly remark.', { apiKey });
  const delivered = await until('the first event', () => judgedEventOf(first.id));
  assert.ok(verifies(delivered, secret), `signed with the secret shown: ${delivered.signature}`);
  await page.locator(`li[data-endpoint-id="${endpointId}"] .wh-log-link`).click();
  await page.getByRole('heading', { name: `Delivery log of ${receiver.url}` }).waitFor();
  const row = page.locator('#wh-delivery-table tbody tr', { hasText: first.id });
  await until('the delivery shown as delivered', async () => {
    await page.reload();
    await row.waitFor();
    return (await row.textContent()).includes('Delivered');
  });
  // Cells after the row's header (the event): comment, state, attempts, last status, last latency, …
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[0], first.id);
  assert.equal(cells[1], 'Delivered');
  assert.equal(cells[2], '1', 'one attempt');
  assert.equal(cells[3], '200');
  assert.match(cells[4], /^\d+ ms$/);

  // Rotation: a new secret, shown once; deliveries are signed with both for the grace period.
  await page.goto(`${page.url().split('#')[0]}#/webhooks`);
  await page.locator(`li[data-endpoint-id="${endpointId}"] .wh-rotate`).click();
  const rotated = (await page.locator('#wh-secret-value').textContent()).trim();
  assert.match(rotated, /^whsec_/);
  assert.notEqual(rotated, secret);
  await page.locator(`li[data-endpoint-id="${endpointId}"]`, { hasText: 'previous secret signs until' }).waitFor();

  // The receiver fails: the delivery is dead-lettered, shown under Dead letters, redelivered from the page.
  receiver.status = 500;
  const second = await submit(`e2e-${RUN}-hooks`, `hooks-${RUN}`, 'Another calm remark.', { apiKey });
  await page.goto(`${page.url().split('#')[0]}#/webhooks/${endpointId}?state=DEAD`);
  const dead = page.locator('#wh-delivery-table tbody tr', { hasText: second.id });
  await until('the dead letter', async () => {
    await page.reload();
    await page.locator('#wh-deliveries[aria-busy="false"]').waitFor();
    return (await dead.count()) === 1;
  }, 30000);
  const failedAttempts = receiver.received.filter((r) => r.json.commentId === second.id);
  assert.ok(failedAttempts.length >= 2, `retried before giving up: ${failedAttempts.length}`);
  assert.equal((await dead.locator('td').allTextContents())[3], '500');
  await screenshot(page, 'webhooks-dead-letters.png');
  receiver.status = 200;
  const sentBefore = receiver.received.length;
  await dead.getByRole('button', { name: 'Redeliver' }).click();
  await until('the redelivery', () => receiver.received.slice(sentBefore).find((r) => r.json.commentId === second.id));
  const redelivered = receiver.received.slice(sentBefore).find((r) => r.json.commentId === second.id);
  assert.equal(redelivered.eventId, failedAttempts[0].eventId, 'the same event id');
  assert.ok(verifies(redelivered, rotated) && verifies(redelivered, secret), 'signed with both secrets during the grace period');

  // Disabled: the site's events are not sent to it.
  await page.goto(`${page.url().split('#')[0]}#/webhooks`);
  await page.locator(`li[data-endpoint-id="${endpointId}"] .wh-disable`).click();
  await page.locator(`li[data-endpoint-id="${endpointId}"] .wh-disabled`).waitFor();
  const afterDisable = receiver.received.length;
  const third = await submit(`e2e-${RUN}-hooks`, `hooks-${RUN}`, 'A third calm remark.', { apiKey });
  await new Promise((resolve) => { setTimeout(resolve, 2500); });
  assert.equal(receiver.received.slice(afterDisable).filter((r) => r.json.commentId === third.id).length, 0);
  await screenshot(page, 'webhooks.png');
  await page.close();
});
