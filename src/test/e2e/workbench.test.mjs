// The rule workbench page in headless Chromium, against the real service: a rule file loaded from the rules directory,
// a candidate rule tried on stored comments that moderators decided, what the page shows of it, and a refused candidate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, MODERATOR_TOKEN, RUN, useBrowser, call, submit, newPage, signIn, screenshot } from './browser.mjs';

useBrowser();

/** A word no shipped rule knows: only the candidate rule catches it. */
const WORD = `glorbix${RUN}`;
const RULE = (examples) => `language: en
category: personal_attack
rules:
  - id: en.personal_attack.e2e-${RUN}
    severity: medium
    description: A new insult the moderators keep rejecting.
    terms: [${WORD}]
    examples:
      match: [${examples}]
      noMatch: ["a flower box"]
`;

async function decide(commentId, action, reasonCode) {
  const res = await call('POST', `/api/v1/moderation/comments/${commentId}/decision`,
    { action, reasonCode, expectedVersion: 0 }, { token: ADMIN_TOKEN });
  assert.equal(res.status, 200, JSON.stringify(res.json));
}

test('a rule file is loaded from the rules directory into the editor', async () => {
  const onDisk = await call('GET', '/api/v1/admin/ruleset/files/en/obscene.yaml', undefined, { token: ADMIN_TOKEN });
  assert.equal(onDisk.status, 200);
  const page = await newPage();
  await signIn(page, '#/workbench');
  await page.getByRole('heading', { name: 'Rule workbench' }).waitFor();
  assert.ok(await page.getByRole('link', { name: 'Workbench' }).isVisible(), 'admins see the nav entry');
  await page.locator('#wb-file option[value="en/obscene.yaml"]').waitFor({ state: 'attached' });
  await page.locator('#wb-file').selectOption('en/obscene.yaml');
  await page.locator('#wb-load').click();
  await page.waitForFunction(() => document.getElementById('wb-path').value === 'en/obscene.yaml');
  assert.equal(await page.locator('#wb-content').inputValue(), onDisk.json.content);
  await page.close();
});

test('a candidate rule shows the transitions, the changed comments with their spans and the agreement with moderators', async () => {
  const articleId = `e2e-${RUN}-workbench`;
  const rejected1 = await submit(articleId, `wb-${RUN}-1`, `What a ${WORD} you are.`);
  const rejected2 = await submit(articleId, `wb-${RUN}-2`, `Only a ${WORD} would write this.`);
  const approved = await submit(articleId, `wb-${RUN}-3`, `My cat is called ${WORD}, she purrs.`);
  for (const c of [rejected1, rejected2, approved]) assert.equal(c.verdict.decision, 'ALLOW', 'the serving rules miss the word');
  await decide(rejected1.id, 'REJECT', 'INSULT');
  await decide(rejected2.id, 'REJECT', 'INSULT');
  await decide(approved.id, 'APPROVE', 'ACCEPTABLE');

  const page = await newPage();
  await signIn(page, '#/workbench');
  await page.locator('#wb-path').fill(`en/e2e-${RUN}.yaml`);
  await page.locator('#wb-content').fill(RULE(`"you ${WORD}"`));
  await page.locator('#wb-run').click();

  await page.locator('#wb-progress-text[data-status="DONE"]').waitFor({ timeout: 60000 });
  assert.match(await page.locator('#wb-progress-text').textContent(), /Done: (\d+) of \1 comments judged/);
  assert.equal(await page.locator('#wb-newly-caught .tile-n').textContent(), '2');
  assert.equal(await page.locator('#wb-newly-held .tile-n').textContent(), '1');
  const transition = page.locator('#wb-transitions tr', { hasText: 'Allow → Review' });
  assert.equal(await transition.locator('td').textContent(), '3');
  const rule = page.locator('#wb-rules tr', { hasText: `en.personal_attack.e2e-${RUN}` });
  assert.deepEqual(await rule.locator('td').allTextContents(), ['0', '3', '3', '0']);
  const agreement = await page.locator('#wb-agreement').textContent();
  assert.match(agreement, /Precision/);
  assert.doesNotMatch(await page.locator('#wb-results').textContent(), /\bnull\b|\bundefined\b/);

  for (const c of [rejected1, rejected2, approved]) {
    const item = page.locator(`#wb-sample li[data-comment-id="${c.id}"]`);
    await item.waitFor();
    assert.equal(await item.locator('.serving mark').count(), 0, 'the serving rules matched nothing');
    assert.equal(await item.locator('.serving .badge').textContent(), 'Allow');
    const mark = item.locator('.candidate mark');
    assert.equal(await mark.count(), 1);
    assert.equal(await mark.textContent(), WORD);
    assert.equal(await mark.getAttribute('data-rule-ids'), `en.personal_attack.e2e-${RUN}`);
    assert.equal(await item.locator('.candidate .badge').textContent(), 'Review');
    assert.match(await item.locator('.meta').first().textContent(), c.id === approved.id ? /Published/ : /Rejected/);
  }
  await screenshot(page, 'workbench.png');
  await page.close();
});

test('the admin pages are not offered to a moderator, whom the service would refuse', async () => {
  const page = await newPage();
  await signIn(page, '#/queue', MODERATOR_TOKEN);
  assert.equal(await page.getByRole('link', { name: 'Stats' }).isVisible(), true);
  assert.equal(await page.getByRole('link', { name: 'Workbench' }).isVisible(), false);
  assert.equal(await page.getByRole('link', { name: 'Webhooks' }).isVisible(), false);
  await page.close();
});

test('a candidate whose example fails is refused, naming the example', async () => {
  const page = await newPage();
  await signIn(page, '#/workbench');
  await page.locator('#wb-path').fill(`en/e2e-${RUN}-broken.yaml`);
  await page.locator('#wb-content').fill(RULE('"a perfectly polite sentence"'));
  await page.locator('#wb-run').click();
  const error = page.locator('#wb-error');
  await error.waitFor({ state: 'visible' });
  const text = await error.textContent();
  assert.match(text, /a perfectly polite sentence/);
  assert.match(text, new RegExp(`e2e-${RUN}-broken\\.yaml`));
  assert.equal(await page.locator('#wb-results').textContent(), '', 'no result is shown');
  await page.close();
});

test('the stats page lists a rule moderators mostly overturn as needing attention (what the workbench is for)', async () => {
  const articleId = `e2e-${RUN}-health`;
  let ruleId;
  // Enough overturned decisions (the default threshold: precision under 50 % after at least 5 decisions) to outweigh
  // whatever other tests confirmed of the same rule.
  for (let i = 0; i < 8; i++) {
    const held = await submit(articleId, `health-${RUN}-${i}`, `You are an idiot, reader ${i}.`);
    assert.equal(held.status, 'PENDING_REVIEW');
    ruleId = held.verdict.matches[0].ruleId;
    await decide(held.id, 'APPROVE', 'FALSE_POSITIVE');
  }
  const page = await newPage();
  await signIn(page, '#/stats');
  const card = page.locator('#rule-health');
  await card.waitFor();
  assert.match(await card.textContent(), /Precision under 50 %, judged once moderators decided at least 5/);
  const listed = card.locator(`li[data-rule-id="${ruleId}"]`);
  await listed.waitFor();
  assert.match(await listed.textContent(), /precision \d+ %/);
  assert.match(await listed.textContent(), /\d+ overturned · \d+ confirmed/);
  await screenshot(page, 'stats-rule-health.png');
  await page.close();
});
