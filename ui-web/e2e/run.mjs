// End-to-end tests: Debian's Chromium driven by playwright-core against a real `steward serve`
// (started by scripts/lib/ui.sh with the demo loaded and a fresh admin). Never downloads a
// browser. Environment:
//   STEWARD_E2E_URL       http://127.0.0.1:PORT
//   STEWARD_E2E_USER      the admin's username
//   STEWARD_E2E_PASSWORD  its one-time password (the test changes it)
//   STEWARD_E2E_VIEWER, STEWARD_E2E_VIEWER_PASSWORD   a viewer without the restricted grant
//   CHROMIUM              browser path (default /usr/bin/chromium)
// Screenshots of each main page go to ui-web/e2e-artifacts/. Exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { createHmac } from 'node:crypto';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uiPageSteps } from './ui-pages.mjs';
import { importSteps } from './admin-imports.mjs';
import { reportSteps } from './reports.mjs';
import { koreanPageSteps } from './korean-pages.mjs';
import { softCreditSteps } from './soft-credits.mjs';
import { tokenSteps } from './tokens.mjs';
import { batchListSteps } from './batch-list.mjs';
import { analyticsKoreanSteps, analyticsSteps } from './analytics.mjs';
import { mailKoreanSteps, mailSteps } from './mail.mjs';
import { bulkAndProblemSteps } from './bulk-and-problems.mjs';
import { appealMailSteps } from './appeal-mail.mjs';
import { privacySteps } from './privacy.mjs';
import { navigationSteps } from './navigation.mjs';
import { koreanErrorSteps } from './korean-errors.mjs';
import { pageSpeedSteps } from './page-speed.mjs';
import { accessibilitySteps } from './accessibility.mjs';

const base = process.env.STEWARD_E2E_URL ?? 'http://127.0.0.1:8080';
const username = process.env.STEWARD_E2E_USER ?? 'admin';
const oneTime = process.env.STEWARD_E2E_PASSWORD;
const newPassword = '북한 여성 돕기 맑은 하늘 2026';
const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'e2e-artifacts');
mkdirSync(artifacts, { recursive: true });
if (!oneTime) {
  console.error('e2e: STEWARD_E2E_PASSWORD is not set');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.setDefaultTimeout(10000);
const problems = [];
page.on('console', (m) => {
  if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) problems.push(m.text());
});
page.on('pageerror', (e) => problems.push(String(e)));

let failed = 0;
const started = Date.now();
async function step(name, fn) {
  const t = Date.now();
  try {
    await fn();
    console.log(`  ok   ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    failed++;
    console.log(`  FAIL ${name}\n${e.stack ?? e}`);
    if (problems.length) console.log(`  page errors:\n    ${problems.join("\n    ")}`);
    await page.screenshot({ path: join(artifacts, `failure-${failed}.png`), fullPage: true }).catch(() => {});
    throw e;
  }
}
const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

let donor = { id: 0, name: '' };
let restricted = { id: 0, name: '' };

// RFC 6238 code for a base32 secret (what an authenticator app shows).
function totp(secret, now = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}
let before = { count: 0, lifetime: '' };

try {
  await step('the sign-in page loads under the Content-Security-Policy', async () => {
    const response = await page.goto(base + '/');
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot('sign-in');
  });

  await step('a wrong password shows an error and keeps the user on the sign-in page', async () => {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /sign-in failed|wrong|incorrect/i }).waitFor();
  });

  await step('sign in with the one-time password and make the forced password change', async () => {
    await page.getByLabel('Password').fill(oneTime);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('Current (one-time) password').fill(oneTime);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Use at least 12 characters').waitFor();
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  await step('the dashboard shows needs coverage, cards and the trend chart', async () => {
    await page.getByRole('heading', { name: 'Needs this month' }).waitFor();
    await page.getByTestId('needs').getByText('Financial and Medical Support').waitFor();
    await page.getByRole('heading', { name: 'Year to date' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await shot('dashboard');
  });

  await pageSpeedSteps({ context, base, step, artifacts });

  await step('pick a demo donor with a Hangul name', async () => {
    const r = await page.request.get(base + '/api/v1/constituents?kind=individual&limit=100&q=' + encodeURIComponent('김'));
    assert.equal(r.status(), 200);
    const found = (await r.json()).items.find((c) => /^[\uac00-\ud7a3]+$/.test(c.display_name));
    assert.ok(found, 'the demo has an individual with a Hangul name');
    donor = { id: found.id, name: found.display_name };
    // A restricted donor (the admin has the grant) for the viewer's check later.
    let after = null;
    for (let i = 0; i < 20 && !restricted.id; i++) {
      const page_ = await (await page.request.get(`${base}/api/v1/constituents?limit=500${after ? `&after=${after}` : ''}`)).json();
      const hit = page_.items.find((c) => c.restricted);
      if (hit) restricted = { id: hit.id, name: hit.display_name };
      after = page_.next_after;
      if (after === null) break;
    }
    assert.ok(restricted.id, 'the demo has a restricted donor');
  });

  await step('search a constituent in Hangul as you type and open the page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Constituents' }).click();
    await page.getByRole('heading', { name: 'Constituents' }).waitFor();
    await page.getByLabel('Search').fill(donor.name);
    const link = page.getByRole('table').getByRole('link', { name: donor.name, exact: true });
    await link.first().waitFor();
    await shot('constituents');
    await link.first().click();
    await page.getByRole('heading', { level: 1, name: donor.name }).waitFor();
    await page.getByRole('heading', { name: 'Giving by year' }).waitFor();
    before = {
      count: Number(await page.getByTestId('giving-count').innerText()),
      lifetime: await page.getByTestId('giving-lifetime').innerText(),
    };
    await shot('constituent');
  });

  await step('record a gift with the keyboard and see the giving summary change', async () => {
    await page.getByRole('link', { name: 'Record a gift' }).click();
    await page.getByRole('heading', { name: 'New gift' }).waitFor();
    const amount = page.getByLabel(/^Amount/);
    await amount.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'amount');
    await page.keyboard.type('12.345');
    await page.keyboard.press('Enter');
    await page.getByText('Enter an amount like 50.00').waitFor();
    await amount.fill('');
    await amount.focus();
    await page.keyboard.type('123.45');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '1 gift, $123.45' }).waitFor();
    await shot('gift-entry');
    await page.goto(`${base}/constituents/${donor.id}`);
    await page.getByRole('heading', { level: 1, name: donor.name }).waitFor();
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="giving-count"]')?.textContent) === n,
      before.count + 1,
    );
    const lifetime = await page.getByTestId('giving-lifetime').innerText();
    assert.notEqual(lifetime, before.lifetime, 'lifetime giving changed');
    await page.getByTestId('gift-list').getByText('$123.45').first().waitFor();
  });

  await step('gift entry from scratch: find the donor by typing, Enter to pick, Enter to save', async () => {
    await page.goto(`${base}/gifts/new`);
    const lookup = page.getByRole('combobox', { name: 'Donor' });
    await lookup.waitFor();
    await lookup.focus();
    await page.keyboard.type(donor.name);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '1 gift, $50.00' }).waitFor();
    // Ready for the next gift: the donor field is empty and focused.
    assert.equal(await lookup.inputValue(), '');
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
  });

  await step('edit a name in place; a stale edit shows "changed by someone else"', async () => {
    await page.goto(`${base}/constituents/${donor.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Notes').fill('전화 선호 (prefers calls)');
    // Someone else changes the record meanwhile.
    const fresh = await page.request.get(`${base}/api/v1/constituents/${donor.id}`);
    const session = await (await page.request.get(`${base}/api/v1/session`)).json();
    const body = await fresh.json();
    body.salutation = '선생님';
    const put = await page.request.put(`${base}/api/v1/constituents/${donor.id}`, {
      data: body,
      headers: { 'If-Match': fresh.headers()['etag'], 'X-CSRF-Token': session.csrf_token },
    });
    assert.equal(put.status(), 200);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('changed by someone else').waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Notes').fill('전화 선호 (prefers calls)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('전화 선호 (prefers calls)').waitFor();
  });

  await step('funds page lists the demo funds', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Funds' }).click();
    await page.getByTestId('fund-list').getByRole('cell', { name: 'Secure Transportation' }).waitFor();
    await page.getByTestId('needs-month').waitFor();
    await page.getByTestId('mrr').waitFor();
    await page.getByTestId('upcoming').or(page.getByText('No recurring gifts expected.')).waitFor();
    const month = await page.getByLabel('Month', { exact: true }).inputValue();
    await page.getByRole('button', { name: 'Previous month' }).click();
    await page.waitForFunction((m) => document.querySelector('input[type=month]')?.value !== m, month);
    await page.getByTestId('needs-month').waitFor();
    await shot('funds');
  });

  await step('campaigns page shows goal against raised and the appeals with results', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    const list = page.getByTestId('campaigns');
    await list.waitFor();
    await list.getByRole('button', { name: /^Show appeals/ }).first().click();
    await list.locator('table[data-testid^=appeals-]').first().getByRole('row', { name: /^No appeal/ }).waitFor();
    await shot('campaigns');
  });

  const taskTitle = `감사 편지 보내기 ${Date.now() % 100000}`;
  await step('constituent timeline: add an interaction and a task, filter by kind, change the stage, add a tag', async () => {
    await page.goto(`${base}/constituents/${donor.id}`);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    await page.getByRole('button', { name: 'Add interaction' }).click();
    const form = page.getByRole('form', { name: 'Add interaction' });
    await form.getByLabel('Kind').selectOption('meeting');
    await form.getByRole('button', { name: 'Save interaction' }).click();
    await form.getByText('Enter a summary.').waitFor();
    await form.getByLabel('Summary').fill('교회에서 만남');
    await form.getByRole('button', { name: 'Save interaction' }).click();
    await timeline.getByText('Meeting: 교회에서 만남').waitFor();
    await page.getByRole('button', { name: 'Add interaction' }).click();
    await form.getByLabel('Kind').selectOption('note');
    await form.getByLabel('Summary').fill('목회 상담 기록');
    await form.getByRole('checkbox', { name: /Restricted/ }).check();
    await form.getByRole('button', { name: 'Save interaction' }).click();
    await timeline.getByRole('listitem').filter({ hasText: 'Note: 목회 상담 기록' }).getByText('restricted').waitFor();
    await page.getByRole('button', { name: 'Add task' }).click();
    const taskForm = page.getByRole('form', { name: 'Add task' });
    await taskForm.getByLabel('Task').fill(taskTitle);
    await taskForm.getByLabel('Due').fill('2020-01-15');
    await taskForm.getByRole('button', { name: 'Save task' }).click();
    await timeline.getByText(`Task: ${taskTitle}`).waitFor();
    await page.getByRole('button', { name: /^Tasks \d+$/ }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=timeline] li')].every((li) => li.dataset.kind === 'task'));
    await page.getByRole('button', { name: 'Show all' }).click();
    const stageForm = page.getByRole('form', { name: 'Change stage' });
    await stageForm.getByLabel('Move to').selectOption('cultivate');
    await stageForm.getByLabel('Note').fill('첫 만남 후');
    await stageForm.getByRole('button', { name: 'Change stage' }).click();
    await page.getByTestId('stage-history').getByText('첫 만남 후').waitFor();
    assert.equal(await page.getByTestId('stage-current').innerText(), 'cultivate');
    const tag = `기도 ${Date.now() % 1000}`;
    await page.getByLabel('New tag').fill(tag);
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByTestId('tags').getByText(tag).waitFor();
    await shot('constituent-timeline');
  });

  await step('tasks page: my overdue task, complete it, find it under Done and reopen it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    const row = page.getByRole('row').filter({ hasText: taskTitle });
    await row.getByText('overdue').waitFor();
    await shot('tasks');
    await row.getByRole('button', { name: /^Complete/ }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByLabel('Status').selectOption('done');
    await row.getByRole('button', { name: /^Reopen/ }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByLabel('Status').selectOption('open');
    await row.getByText('overdue').waitFor();
  });

  await step('segments: build a filter, see the live count, save it and page its members', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
    const count = page.getByTestId('segment-count');
    await page.waitForFunction(() => /^\d+ constituents?$/.test(document.querySelector('[data-testid=segment-count]')?.textContent ?? ''));
    const everyone = Number((await count.innerText()).split(' ')[0]);
    await page.getByLabel('Kind').selectOption('individual');
    await page.getByLabel('One gift of at least').fill('lots');
    await page.getByText(/not a decimal amount/).waitFor();
    await page.getByLabel('One gift of at least').fill('100');
    await page.waitForFunction((n) => {
      const m = /^(\d+) constituents?$/.exec(document.querySelector('[data-testid=segment-count]')?.textContent ?? '');
      return m && Number(m[1]) < n;
    }, everyone);
    const name = `후원자 ${Date.now() % 100000}`;
    await page.getByLabel('Segment name').fill(name);
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
    await page.getByTestId('segment-members').getByRole('link').first().waitFor();
    await page.getByRole('link', { name: 'Export CSV' }).waitFor();
    await shot('segments');
  });

  await step('duplicates: compare a pair side by side, choose a value, merge and open the survivor', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click();
    const pairs = await (await page.request.get(base + '/api/v1/duplicates?limit=50')).json();
    const pair = pairs.items.find((p) => ![donor.id, restricted.id].includes(p.first.id) && ![donor.id, restricted.id].includes(p.second.id));
    assert.ok(pair, 'the demo has a duplicate pair');
    const row = page.getByTestId('pairs').getByRole('row').filter({ has: page.getByRole('link', { name: pair.first.display_name, exact: true }) })
      .filter({ has: page.getByRole('link', { name: pair.second.display_name, exact: true }) }).first();
    await row.getByRole('button', { name: /^Compare/ }).click();
    const compare = page.getByTestId('compare');
    await compare.waitFor();
    await compare.getByRole('row', { name: /^display name/ }).getByRole('radio').nth(1).check();
    await shot('duplicates');
    await page.getByRole('button', { name: `Merge into #${pair.first.id}` }).click();
    await page.getByTestId('merged').getByRole('link', { name: 'Open the surviving record' }).click();
    await page.getByRole('heading', { level: 1, name: pair.second.display_name }).waitFor();
    const gone = await page.request.get(`${base}/api/v1/constituents/${pair.second.id}`);
    assert.notEqual(gone.status(), 200);
  });

  await uiPageSteps({ page, base, step, shot, donor });
  await importSteps({ page, base, step, shot, donor });
  await reportSteps({ page, base, step, shot });
  await softCreditSteps({ page, base, step });
  await tokenSteps({ page, base, step, shot });
  await batchListSteps({ page, base, step });
  await analyticsSteps({ page, base, step, shot });
  await analyticsKoreanSteps({ page, base, step, shot });
  await mailSteps({ page, base, step, shot });
  await mailKoreanSteps({ page, base, step, shot });
  await appealMailSteps({ page, base, step, shot });
  await bulkAndProblemSteps({ page, base, step });
  await privacySteps({ page, base, step, shot });
  await navigationSteps({ page, base, step, shot });
  await koreanErrorSteps({ page, base, step });
  await koreanPageSteps({ page, base, step, donor });
  await accessibilitySteps({ page, base, step, donor });

  await step('with TOTP turned on, signing in asks for the second factor', async () => {
    const session = await (await page.request.get(`${base}/api/v1/session`)).json();
    const headers = { 'X-CSRF-Token': session.csrf_token };
    const begin = await page.request.post(`${base}/api/v1/session/totp`, { data: {}, headers });
    assert.equal(begin.status(), 201);
    const { secret } = await begin.json();
    const confirm = await page.request.post(`${base}/api/v1/session/totp/confirm`, { data: { code: totp(secret) }, headers });
    assert.equal(confirm.status(), 200, await confirm.text());
    const { recovery_codes: recovery } = await confirm.json();
    await page.getByRole('button', { name: /admin|Administrator/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('is not a valid code').waitFor();
    await page.getByLabel('Code').fill(recovery[0]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  await step('sign out from the user menu', async () => {
    await page.getByRole('button', { name: /admin|Administrator/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    const r = await page.request.get(base + '/api/v1/session');
    assert.equal(r.status(), 401);
  });

  if (process.env.STEWARD_E2E_VIEWER) {
    await step('a viewer sees no change controls and no restricted donor', async () => {
      await page.getByLabel('Username').fill(process.env.STEWARD_E2E_VIEWER);
      await page.getByLabel('Password').fill(process.env.STEWARD_E2E_VIEWER_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'New gift' }).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Admin', exact: true }).count(), 0);
      await page.goto(`${base}/constituents/${donor.id}`);
      await page.getByRole('heading', { level: 1, name: donor.name }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Edit', exact: true }).count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Record a gift' }).count(), 0);
      await page.getByTestId('timeline').getByText('Meeting: 교회에서 만남').waitFor();
      assert.equal(await page.getByTestId('timeline').getByText('목회 상담 기록').count(), 0);
      for (const name of ['Add interaction', 'Add task', 'Change stage', 'Add tag']) {
        assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, name);
      }
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Constituents' }).click();
      await page.getByRole('heading', { name: 'Constituents' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Export CSV' }).count(), 0);
      await page.getByLabel('Search').fill(restricted.name);
      await page.getByText(`No constituent matches “${restricted.name}”.`).waitFor();
      await page.goto(`${base}/constituents/${restricted.id}`);
      await page.getByRole('alert').filter({ hasText: /does not exist/ }).waitFor();
    });
  }

  await step('no script errors or Content-Security-Policy violations', async () => {
    assert.deepEqual(problems, []);
  });
} catch {
  // reported by step()
} finally {
  await browser.close();
}
console.log(`e2e: ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(failed ? 1 : 0);
