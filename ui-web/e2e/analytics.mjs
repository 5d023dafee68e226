// End-to-end steps of the analytics explorer (decision 0135): a wrong value shown at its
// field, a query by year and fund with a filter, the table (sorted by amount) and its chart,
// the shared link reopening the same query, the server's 422 next to the field, the CSV
// download, and the page in Korean. Called from run.mjs with the admin signed in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export async function analyticsSteps({ page, base, step, shot }) {
  await step('analytics: a bad limit at its field, then giving by year and fund with a filter', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics', exact: true }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Analytics query' });
    await form.getByLabel('Row limit').fill('0');
    await form.getByRole('button', { name: 'Run query' }).click();
    await form.getByText('Enter a whole number from 1 to 10,000.').waitFor();
    await form.getByLabel('Row limit').fill('');
    await form.getByRole('checkbox', { name: 'Fund', exact: true }).check();
    await form.getByLabel('Period unit').selectOption('year');
    await form.getByLabel('From').fill('2020-01-01');
    await form.getByRole('button', { name: 'Add filter' }).click();
    await form.getByLabel('Field').selectOption('amount');
    await form.getByLabel('Condition').selectOption('>=');
    await form.getByLabel(/^Amount \(/).fill('1.5.0');
    await form.getByRole('button', { name: 'Run query' }).click();
    await form.getByText(/Enter an amount in the base currency/).waitFor();
    await form.getByLabel(/^Amount \(/).fill('10');
    await form.getByRole('button', { name: 'Run query' }).click();
    const table = page.getByTestId('analytics-table');
    await table.waitFor();
    assert.ok((await table.locator('tbody tr').count()) > 1);
    await page.getByTestId('report-chart').locator('canvas').waitFor();
    const amounts = async () => (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).map((s) => Number(s.replace(/[^0-9.]/g, '')));
    await table.getByRole('button', { name: /^Amount/ }).click();
    const sorted = await amounts();
    assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a));
    await page.getByRole('radio', { name: 'Bar' }).check();
    await page.getByTestId('report-chart').locator('canvas').waitFor();
    await shot('analytics');
  });

  await step('analytics: the link reopens the query; a server 422 shows at its field; CSV', async () => {
    const url = page.url();
    assert.match(url, /\/analytics\?q=/);
    await page.goto(`${base}/`);
    await page.goto(url);
    await page.getByTestId('analytics-table').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Fund', exact: true }).isChecked(), true);
    // A query the page does not check itself (an edited link: "in" is no operator for amounts)
    // is refused by the server (422) and the message is shown at that filter.
    const bad = encodeURIComponent(JSON.stringify({ measures: ['amount'], dimensions: [], grain: 'month', from: '', to: '', filters: [{ field: 'appeal', op: 'in', values: ['1'] }, { field: 'amount', op: 'in', values: ['10'] }], limit: '' }));
    await page.goto(`${base}/analytics?q=${bad}`);
    const form = page.getByRole('form', { name: 'Analytics query' });
    await form.locator('[data-key="filters.1"] .field-error').filter({ hasText: /unknown operator/ }).waitFor();
    await page.goto(url);
    await page.getByTestId('analytics-table').waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    assert.match(text, /amount/);
    // Saved on the server under a name (a name is needed), then opened from a plain /analytics.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Enter a name to save the query under.').waitFor();
    await page.getByLabel('Name this query').fill('연도별 기금');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved “연도별 기금”.').waitFor();
    // A query an older version kept in this browser is offered once to move to the server.
    await page.evaluate(() => window.localStorage.setItem('steward.analytics.saved', JSON.stringify([{ name: 'Browser query', q: JSON.stringify({ measures: ['gift_count'], dimensions: ['method'], grain: 'month', from: '', to: '', filters: [], limit: '' }) }])));
    await page.goto(`${base}/analytics`);
    const offer = page.getByTestId('move-local');
    await offer.getByText(/Browser query/).waitFor();
    await offer.getByRole('button', { name: 'Move to the server' }).click();
    await page.getByText('Moved to the server: 1.').waitFor();
    assert.equal(await page.evaluate(() => window.localStorage.getItem('steward.analytics.saved')), null);
    const saved = await (await page.request.get(`${base}/api/v1/analytics/saved-queries`)).json();
    assert.deepEqual(saved.items.map((q) => q.name).sort(), ['Browser query', '연도별 기금']);
    await page.getByLabel('Open a saved query').selectOption({ label: '연도별 기금' });
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByText('“연도별 기금” is shared with everyone who uses analytics.').waitFor();
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByTestId('analytics-table').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Fund', exact: true }).isChecked(), true);
  });
}

// The explorer in Korean: headings, group names (kinds translated) and money; switches the
// language there and back.
export async function analyticsKoreanSteps({ page, base, step, shot }) {
  await step('analytics in Korean: labels, groups and money', async () => {
    const q = encodeURIComponent(JSON.stringify({ measures: ['amount', 'donor_count'], dimensions: ['kind'], grain: 'month', from: '2020-01-01', to: '', filters: [], limit: '' }));
    await page.goto(`${base}/analytics?q=${q}`);
    await page.getByTestId('analytics-table').waitFor();
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '분석', level: 1 }).waitFor();
    const table = page.getByTestId('analytics-table');
    await table.getByRole('button', { name: /^후원자 유형/ }).waitFor();
    await table.getByRole('button', { name: /^금액/ }).waitFor();
    await table.getByRole('cell', { name: '개인', exact: true }).first().waitFor();
    await shot('analytics-ko');
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
  });
}
