// End-to-end steps of the reports page (decision 0134): pick a report, fill its generated
// form (a wrong value is shown next to the field), run it, see the table and its chart, sort
// it, and download the same run as CSV and XLSX. Called from run.mjs with the admin signed in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export async function reportSteps({ page, base, step, shot }) {
  await step('reports: run a report from its generated form, see the table and chart, sort', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await page.getByLabel('Report', { exact: true }).selectOption({ label: 'Top donors' });
    const form = page.getByRole('form', { name: 'Parameters' });
    const limit = form.getByLabel(/^How many donors/);
    await limit.fill('many');
    await form.getByRole('button', { name: 'Run report' }).click();
    await form.getByText('Enter a whole number.').waitFor();
    await limit.fill('5');
    await form.getByLabel(/^Count individuals or households/).selectOption('household');
    await form.getByRole('button', { name: 'Run report' }).click();
    const table = page.getByTestId('report-table');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 5);
    await page.getByTestId('report-chart').locator('canvas').waitFor();
    const totals = async () => (await table.locator('tbody tr td:nth-child(4)').allInnerTexts()).map((s) => Number(s.replace(/[^0-9.]/g, '')));
    const before = await totals();
    assert.ok(before.every((v) => v > 0), `totals: ${before}`);
    await table.getByRole('button', { name: /^Total/ }).click();
    const sorted = await totals();
    assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a));
    await table.getByRole('button', { name: /^Total/ }).click();
    const ascending = await totals();
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
    await shot('reports');
  });

  await step('reports: download the run as CSV and XLSX', async () => {
    const form = page.getByRole('form', { name: 'Parameters' });
    const [csv] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    assert.match(text, /Rank/);
    assert.equal(text.trim().split(/\r?\n/).length, 6, text);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download XLSX' }).click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    assert.equal(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1'), 'PK');
  });
}
