// End-to-end steps of the imports page (decision 0134): upload a small Stripe export (two
// Hangul donors nobody knows, one declined card), see the detected importer and the preview,
// commit with the progress bar, and resolve the review queue (one donor picked by search, one
// created). Called from run.mjs while the admin is signed in; leaves the UI in English.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'stripe-payments.csv');

export async function importSteps({ page, base, step, shot, donor }) {
  await step('imports: upload a Stripe export, see the importer and the preview', async () => {
    // The bundled Stripe importer is installed with the database; make sure it is enabled.
    const session = await (await page.request.get(`${base}/api/v1/session`)).json();
    const r = await page.request.post(`${base}/api/v1/plugins/org.steward.import.stripe/enable`, {
      headers: { 'X-CSRF-Token': session.csrf_token },
      data: {},
    });
    assert.ok(r.status() === 200 || r.status() === 409, `enable answered ${r.status()}`);
    await page.goto(`${base}/admin/imports`);
    await page.getByRole('heading', { name: 'Payment imports' }).waitFor();
    const form = page.getByRole('form', { name: 'Upload a file' });
    await form.getByRole('button', { name: 'Upload and preview' }).click();
    await form.getByText('Choose the file to import.').waitFor();
    await form.getByLabel('Payment file').setInputFiles(fixture);
    await form.getByLabel('Payments from unknown donors').selectOption('review');
    await form.getByLabel('Default fund').selectOption('MEDICAL');
    await form.getByRole('button', { name: 'Upload and preview' }).click();
    await page.getByRole('heading', { name: /^Import \d+: stripe-payments\.csv$/ }).waitFor();
    await page.getByTestId('import-plugin').filter({ hasText: 'org.steward.import.stripe' }).waitFor();
    const counts = page.getByTestId('import-counts');
    await counts.getByText('Need review').waitFor();
    await counts.getByText('Skipped').waitFor();
    await page.getByText('Examples: Skipped').click();
    await page.getByTestId('samples-skipped').getByText(/card_declined/).waitFor();
    await shot('admin-imports-preview');
  });

  await step('imports: commit with the progress bar to completion', async () => {
    await page.getByRole('button', { name: 'Commit import' }).click();
    await page.getByTestId('import-status').filter({ hasText: 'committed' }).waitFor({ timeout: 20000 });
    await page.getByTestId('import-done').waitFor();
  });

  await step('imports: the review queue: pick a donor by search, create another', async () => {
    const queue = page.getByTestId('review-queue');
    await queue.getByText('박서연').waitFor();
    const first = queue.locator('li').filter({ hasText: '박서연' });
    await first.getByRole('button', { name: /^Attach to donor/ }).click();
    await first.getByText('Find and choose the donor first.').waitFor();
    await first.getByLabel('Donor').fill(donor.name);
    await page.getByRole('option', { name: new RegExp(donor.name) }).first().click();
    await first.getByRole('button', { name: /^Attach to donor/ }).click();
    await first.waitFor({ state: 'detached' });
    const second = queue.locator('li').filter({ hasText: '이하늘' });
    await second.getByRole('button', { name: /^Create new donor/ }).click();
    await page.getByText('Nothing is waiting for review.').or(page.getByTestId('import-done').filter({ hasText: 'gifts recorded: 2' })).first().waitFor();
    await page.getByTestId('import-done').filter({ hasText: 'gifts recorded: 2' }).waitFor();
    await shot('admin-imports');
    await page.getByRole('link', { name: '← All imports' }).click();
    await page.getByTestId('imports').getByText('stripe-payments.csv').first().waitFor();
  });
}
