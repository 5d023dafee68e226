// End-to-end steps of the gift-entry, constituent-editing, campaign, admin and Korean pages
// (decision 0133). Called from run.mjs while the admin is signed in (with a changed password),
// after the duplicates step; leaves the UI in English.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pluginFixture = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'plugin-fixtures', 'config_schema.so');

export async function uiPageSteps({ page, base, step, shot, donor }) {
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  await step('gift entry: a fund split must add up (shown live) and a tribute is saved with the gift', async () => {
    await page.goto(`${base}/gifts/new?constituent=${donor.id}`);
    await page.getByRole('heading', { name: 'New gift' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'amount');
    await page.keyboard.type('100');
    await page.getByRole('button', { name: 'Split over another fund' }).click();
    await page.getByLabel('Split 1 amount (USD)').fill('60');
    await page.getByLabel('Split 2 amount (USD)').fill('30');
    await page.getByTestId('split-status').filter({ hasText: '$10.00 left to allocate' }).waitFor();
    await page.getByRole('button', { name: 'Save gift' }).click();
    await page.getByText('The fund amounts must add up exactly to the gift amount.').waitFor();
    await page.getByRole('button', { name: /^Fill the rest \(Fund 2\)/ }).click();
    assert.equal(await page.getByLabel('Split 2 amount (USD)').inputValue(), '40.00');
    await page.getByTestId('split-status').filter({ hasText: 'matches the gift' }).waitFor();
    await page.getByLabel('Tribute').selectOption('in_memory');
    await page.getByLabel('Tribute').focus();
    await page.getByLabel('Honoree name').fill('김순자');
    await page.getByRole('button', { name: 'Save gift' }).click();
    await page.getByRole('status').filter({ hasText: '1 gift, $100.00' }).waitFor();
    const gifts = await (await page.request.get(`${base}/api/v1/gifts?constituent_id=${donor.id}&limit=500`)).json();
    const saved = gifts.items.find((g) => g.amount.minor === 10000 && g.tribute);
    assert.ok(saved, 'the split gift was saved');
    assert.deepEqual(saved.tribute.name, '김순자');
    assert.deepEqual(saved.allocations.map((a) => a.amount.minor).sort((a, b) => a - b), [4000, 6000]);
    await shot('gift-split');
  });

  await step('batch entry: control totals, a running total, a refused close, then a balanced close', async () => {
    await page.goto(`${base}/batches`);
    const form = page.getByRole('form', { name: 'New batch' });
    await form.getByLabel('Batch name').fill('3월 입금');
    await form.getByLabel('Control count (gifts)').fill('2');
    await form.getByLabel('Control total (USD)').fill('150');
    await form.getByRole('button', { name: 'Create and start entering' }).click();
    await page.getByRole('heading', { level: 1, name: /^Batch \d+: 3월 입금$/ }).waitFor();
    const lookup = page.getByRole('combobox', { name: 'Donor' });
    const enter = async (amount) => {
      await lookup.focus();
      await page.keyboard.type(donor.name);
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.type(amount);
      await page.keyboard.press('Enter');
    };
    await enter('100');
    await page.getByTestId('batch-running').filter({ hasText: '1 of 2 gifts' }).waitFor();
    await page.getByTestId('batch-balance').filter({ hasText: '1 gifts and $50.00 to go' }).waitFor();
    await page.getByRole('button', { name: 'Close batch' }).click();
    await page.getByRole('alert').filter({ hasText: /expected|differ|count|total/i }).waitFor();
    await enter('50');
    await page.getByTestId('batch-balance').filter({ hasText: 'Balanced' }).waitFor();
    await page.getByTestId('batch-gifts').getByRole('row').nth(2).waitFor();
    await shot('batch');
    await page.getByRole('button', { name: 'Close batch' }).click();
    await page.getByText(/^Closed /).waitFor();
    await page.getByText('This batch is closed; no more gifts can be entered.').waitFor();
  });

  await step('refund part of a gift from the constituent page', async () => {
    await page.goto(`${base}/constituents/${donor.id}`);
    const list = page.getByTestId('gift-list');
    await list.waitFor();
    // The first gifts went into the closed batch (the server refuses changes there); take the first one.
    await list.getByRole('row').filter({ hasText: '$123.45' }).getByRole('button', { name: /^Refund/ }).click();
    const form = page.getByRole('form', { name: 'Refund' });
    await form.getByLabel('Part of it').check();
    await form.getByLabel('Refund amount (USD)').fill('999999');
    await form.getByRole('button', { name: 'Record refund' }).click();
    await form.getByText(/^At most \$/).waitFor();
    await form.getByLabel('Refund amount (USD)').fill('10');
    await form.getByLabel('Reason').fill('이중 결제');
    await form.getByRole('button', { name: 'Record refund' }).click();
    await list.getByText('$10.00 refunded').first().waitFor();
  });

  await step('contact points and permissions: add an email, make it primary, do not email', async () => {
    await page.getByRole('button', { name: 'Edit contact' }).click();
    const add = page.getByRole('form', { name: 'Add email' });
    await add.getByLabel('Email').fill('not-an-email');
    await add.getByRole('button', { name: 'Add email' }).click();
    await add.getByText('Enter an email address like name@example.org.').waitFor();
    await add.getByLabel('Email').fill('e2e.contact@example.org');
    await add.getByRole('button', { name: 'Add email' }).click();
    await page.getByRole('link', { name: 'e2e.contact@example.org' }).waitFor();
    await page.getByRole('checkbox', { name: 'Do not email' }).check();
    await page.getByTestId('permissions').getByText('Do not email').waitFor();
    await page.getByRole('checkbox', { name: 'Do not email' }).uncheck();
    await page.getByTestId('permissions').waitFor({ state: 'detached' });
    const addr = page.getByRole('form', { name: 'Add address' });
    await addr.getByLabel('Street', { exact: true }).fill('종로구 세종대로 1');
    await addr.getByLabel('City').fill('서울');
    await addr.getByLabel('Country').fill('KR');
    await addr.getByRole('button', { name: 'Add address' }).click();
    await page.getByText(/종로구 세종대로 1, 서울/).first().waitFor();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
  });

  await step('relationships: add one by finding the other constituent, then remove it', async () => {
    await page.getByRole('button', { name: 'Add relationship' }).click();
    const form = page.getByRole('form', { name: 'Add relationship' });
    const other = await (await page.request.get(`${base}/api/v1/constituents?kind=individual&limit=5`)).json();
    const related = other.items.find((c) => c.id !== donor.id);
    await form.getByRole('combobox', { name: 'Related constituent' }).fill(related.display_name);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await form.getByLabel('Relationship').selectOption('sibling');
    await form.getByRole('button', { name: 'Save relationship' }).click();
    const list = page.getByTestId('relationships');
    await list.getByRole('link', { name: related.display_name }).waitFor();
    await list.getByRole('button', { name: `Remove ${related.display_name}` }).first().click();
    await list.getByRole('link', { name: related.display_name }).waitFor({ state: 'detached' }).catch(async () => {
      assert.equal(await list.getByRole('link', { name: related.display_name }).count(), 0);
    });
  });

  await step('bulk tag: select rows on the constituents page, add a tag, remove it', async () => {
    await nav('Constituents').click();
    await page.getByRole('heading', { name: 'Constituents' }).waitFor();
    const rows = page.getByRole('table').getByRole('checkbox');
    await rows.nth(1).check();
    await rows.nth(2).check();
    const bar = page.getByRole('form', { name: 'Bulk tag' });
    await bar.getByText('2 selected').waitFor();
    await bar.getByLabel('Tag').fill('봄 행사');
    await bar.getByRole('button', { name: 'Add tag to selected' }).click();
    await bar.getByText('Tag added to 2.').waitFor();
    const tagged = await (await page.request.get(`${base}/api/v1/constituents?tag=${encodeURIComponent('봄 행사')}`)).json();
    assert.equal(tagged.items.length, 2);
    await bar.getByRole('button', { name: 'Remove tag from selected' }).click();
    await bar.getByText('Tag removed from 2.').waitFor();
  });

  await step('campaigns: create one with a goal and dates, edit it, add an appeal', async () => {
    await nav('Campaigns').click();
    await page.getByRole('button', { name: 'New campaign' }).click();
    const form = page.getByRole('form', { name: 'New campaign' });
    await form.getByLabel('Code').fill('E2E26');
    await form.getByLabel('Name').fill('2026 봄 캠페인');
    await form.getByLabel('Goal (USD)').fill('5000.5.5');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Enter the goal as an amount in USD.').waitFor();
    await form.getByLabel('Goal (USD)').fill('5000');
    await form.getByLabel('Starts').fill('2026-03-01');
    await form.getByLabel('Ends').fill('2026-02-01');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('The end is before the start.').waitFor();
    await form.getByLabel('Ends').fill('2026-05-31');
    await form.getByRole('button', { name: 'Save' }).click();
    const card = page.getByTestId('campaigns').getByRole('listitem').filter({ hasText: '2026 봄 캠페인' });
    await card.getByText('of $5,000.00').waitFor();
    await card.getByRole('button', { name: /^Edit/ }).click();
    const edit = card.getByRole('form', { name: 'Edit campaign' });
    await edit.getByLabel('Goal (USD)').fill('7500');
    await edit.getByRole('button', { name: 'Save' }).click();
    await card.getByText('of $7,500.00').waitFor();
    await card.getByRole('button', { name: /^Show appeals/ }).click();
    await card.getByRole('button', { name: 'New appeal' }).click();
    const appeal = card.getByRole('form', { name: 'New appeal' });
    await appeal.getByLabel('Code').fill('E2E-MAIL');
    await appeal.getByLabel('Name').fill('봄 편지');
    await appeal.getByRole('button', { name: 'Save' }).click();
    await card.getByRole('cell', { name: '봄 편지 E2E-MAIL' }).waitFor();
    await shot('campaign-edit');
  });

  await step('admin: add a user with a role, disable it, reset its password', async () => {
    await nav('Admin').click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByRole('button', { name: 'Add user' }).click();
    const form = page.getByRole('form', { name: 'Add user' });
    await form.getByLabel('Username').fill('e2e fund');
    await form.getByLabel('Display name').fill('모금 담당 이');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('Use 2 to 100 letters, digits, dots, dashes or underscores.').waitFor();
    await form.getByLabel('Username').fill('e2efund');
    await form.getByLabel('Role').selectOption('fundraiser');
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByTestId('one-time-password').getByText('One-time password for e2efund').waitFor();
    const row = page.getByTestId('users').getByRole('row').filter({ hasText: 'e2efund' });
    await row.getByRole('button', { name: 'Disable e2efund' }).click();
    await row.getByText('disabled').waitFor();
    await row.getByRole('button', { name: 'Enable e2efund' }).click();
    await row.getByText('active').waitFor();
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Reset password e2efund' }).click();
    await page.getByTestId('one-time-password').waitFor();
    await row.getByText('must change password').waitFor();
    await row.getByLabel('Role of e2efund').selectOption('analyst');
    await page.waitForFunction(() => document.querySelector('#main select[id^="role-"]') !== null);
    await shot('admin-users');
  });

  await step('admin: settings, and the audit log filtered by entity and date', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Settings' });
    const name = form.getByLabel('Organisation name');
    const old = await name.inputValue();
    await form.getByLabel('Base currency').fill('US');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Use a three-letter currency code (USD, KRW).').waitFor();
    await form.getByLabel('Base currency').fill('USD');
    await name.fill('새희망 선교회 (e2e)');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Settings saved.').waitFor();
    await name.fill(old || 'Steward');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Settings saved.').waitFor();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit log' }).click();
    const filters = page.getByRole('form', { name: 'Audit filters' });
    await filters.getByLabel('Entity type').fill('user');
    const today = new Date().toISOString().slice(0, 10);
    await filters.getByLabel('From').fill(today);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByTestId('audit');
    await table.getByRole('row').nth(1).waitFor();
    const types = await table.locator('tbody tr td:nth-child(4)').allInnerTexts();
    assert.ok(types.length > 0 && types.every((t) => t.startsWith('user')), `audit rows: ${types.join(', ')}`);
    await shot('admin-audit');
  });

  await step('admin: plugins: upload, configure from the schema, enable, disable, remove', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Plugins' }).click();
    await page.getByRole('heading', { name: 'Plugins' }).waitFor();
    await page.getByTestId('plugins').or(page.getByText('No plugins installed.')).first().waitFor();
    if (!existsSync(pluginFixture)) {
      console.log('       (no plugin fixture built: upload steps skipped)');
      return;
    }
    const install = page.getByRole('form', { name: 'Install a plugin' });
    await install.getByLabel('Plugin file').setInputFiles(pluginFixture);
    await install.getByRole('button', { name: 'Install' }).click();
    await install.getByText(/^Installed Fixture configured mailer/).waitFor();
    const card = page.getByTestId('plugin-org.steward.test.configured');
    await card.getByRole('button', { name: /^Configure/ }).click();
    const config = card.getByRole('form', { name: /^Settings of/ });
    await config.getByLabel('port').fill('99999');
    await config.getByRole('button', { name: 'Save' }).click();
    await config.getByText('At most 65535.').waitFor();
    await config.getByLabel('host *').fill('smtp.example.org');
    await config.getByLabel('port').fill('587');
    await config.getByLabel('security').selectOption('starttls');
    await config.getByRole('button', { name: 'Save' }).click();
    await config.waitFor({ state: 'detached' });
    await card.getByRole('button', { name: /^Enable/ }).click();
    await card.getByTestId('plugin-state').filter({ hasText: 'enabled' }).waitFor();
    await shot('admin-plugins');
    await card.getByRole('button', { name: /^Disable/ }).click();
    await card.getByTestId('plugin-state').filter({ hasText: 'installed' }).waitFor();
    // Remove, right after enable/disable (once crashed the server; now covered here and by
    // tests/core/http/api_plugins_remove_test.cpp).
    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: /^Remove/ }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByTestId('plugins').or(page.getByText('No plugins installed.')).first().waitFor();
  });

  await step('Korean: the language switch changes every label, money and dates, and is remembered', async () => {
    await page.goto(`${base}/constituents/${donor.id}`);
    await page.getByRole('heading', { level: 1, name: donor.name }).waitFor();
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: '한국어' }).click();
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '후원자' }).waitFor();
    await page.getByRole('heading', { name: '연도별 후원' }).waitFor();
    await page.getByRole('link', { name: '후원 기록' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '연도별 후원' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
    await page.goto(`${base}/gifts/new`);
    await page.getByRole('heading', { name: '새 후원' }).waitFor();
    await page.getByRole('button', { name: '후원 저장' }).click();
    await page.getByText('목록에서 후원자를 선택하세요.').waitFor();
    await shot('korean');
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await nav('Constituents').waitFor();
  });
}
