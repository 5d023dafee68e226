// End-to-end steps of the mail pages (decision 0135): the acknowledgment queue with its views,
// a dry run, then the thank-yous sent (letters as a PDF download; email outcomes shown, whatever
// the mailer answers), year-end statements checked and a donor's statement PDF, a template
// edited (a new version) and previewed for a donor chosen by typing, and the deliveries list.
// Called from run.mjs with the admin signed in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export async function mailSteps({ page, base, step, shot }) {
  await step('mail: the thank-you queue, a dry run, then send (letters as a PDF)', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail', exact: true }).click();
    await page.getByRole('heading', { name: 'Gifts waiting for a thank-you', level: 1 }).waitFor();
    const queue = page.getByTestId('ack-queue');
    await queue.waitFor();
    const all = await queue.locator('tbody tr').count();
    assert.ok(all > 0);
    await page.getByRole('radio', { name: /^Personal call/ }).check();
    const calls = await queue.locator('tbody tr').count().catch(() => 0);
    assert.ok(calls < all);
    await page.getByRole('radio', { name: /^All/ }).check();
    await page.getByRole('button', { name: 'Prepare thank-yous' }).click();
    await page.getByRole('heading', { name: /nothing has been sent yet/ }).waitFor();
    await page.getByTestId('thank-letters').getByText('will be printed').first().waitFor();
    await shot('mail-queue');
    // Sending needs a sender address: without it the server's 422 is shown and nothing is sent.
    const settings = await page.request.get(`${base}/api/v1/mail/settings`);
    if (!(await settings.json())['mail.from']) {
      await page.getByRole('button', { name: /^Send now/ }).click();
      await page.getByRole('alert').filter({ hasText: /mail\.from/ }).waitFor();
      const session = await (await page.request.get(`${base}/api/v1/session`)).json();
      const put = await page.request.put(`${base}/api/v1/mail/settings`, {
        data: { 'mail.from': '새희망 선교회 <office@example.org>' },
        headers: { 'X-CSRF-Token': session.csrf_token, 'If-Match': settings.headers()['etag'] },
      });
      assert.equal(put.status(), 200, await put.text());
    }
    await page.getByRole('button', { name: /^Send now/ }).click();
    await page.getByRole('heading', { name: 'Thank-yous sent' }).waitFor();
    await page.getByTestId('thank-letters').getByText('printed', { exact: true }).first().waitFor();
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download letters (PDF)' }).click()]);
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  await step('mail: year-end statements checked, a donor statement PDF', async () => {
    await page.getByRole('navigation', { name: 'Mail' }).getByRole('link', { name: 'Year-end statements' }).click();
    await page.getByRole('heading', { name: 'Year-end statements', level: 1 }).waitFor();
    const year = page.getByLabel('Year', { exact: true });
    await year.fill('20x5');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Enter a year like 2025.').waitFor();
    await year.fill(String(new Date().getFullYear() - 1));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('heading', { name: /nothing issued yet/ }).waitFor();
    await page.getByTestId('statement-run').getByText('will be issued').first().waitFor();
    await page.getByText(/before issuing/).click();
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Statement of/ }).first().click()]);
    assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1'), '%PDF-');
    await shot('mail-statements');
  });

  await step('mail: edit a template (new version) and preview it for a donor', async () => {
    await page.getByRole('navigation', { name: 'Mail' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByTestId('templates').waitFor();
    await page.getByRole('button', { name: 'Edit thank-you-email (Korean)' }).click();
    const form = page.getByRole('form', { name: /thank-you-email \(Korean\)/ });
    await form.getByRole('button', { name: 'Save as new version' }).click();
    await form.getByText('Nothing has changed.').waitFor();
    await form.getByLabel('Subject').fill('{{donor.name}} 님, 정말 고맙습니다');
    await form.getByRole('button', { name: 'Save as new version' }).click();
    await form.getByText(/^Saved as version \d+\./).waitFor();
    await page.getByRole('button', { name: 'Preview thank-you-email (Korean)' }).click();
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.getByText('Choose a donor from the list.').waitFor();
    const lookup = page.getByLabel('Donor to preview with');
    await lookup.fill('박');
    await page.getByRole('option').first().waitFor();
    const name = (await page.getByRole('option').first().innerText()).split('\n')[0].trim();
    await lookup.press('ArrowDown');
    await lookup.press('Enter');
    await page.getByRole('button', { name: 'Show preview' }).click();
    const subject = page.getByTestId('preview-subject');
    await subject.waitFor();
    assert.match(await subject.innerText(), /님, 정말 고맙습니다$/);
    assert.ok(name.length > 0);
    await shot('mail-templates');
  });

  await step('mail: the recent deliveries list', async () => {
    await page.getByRole('navigation', { name: 'Mail' }).getByRole('link', { name: 'Deliveries' }).click();
    await page.getByRole('heading', { name: 'Recent deliveries', level: 1 }).waitFor();
    // With a mailer the thank-yous above are listed; without one the list is empty.
    await page.locator('[data-testid=deliveries], .state-empty').first().waitFor();
    await page.getByLabel('Status').selectOption('rejected');
    await page.locator('[data-testid=deliveries], .state-empty').first().waitFor();
    await shot('mail-deliveries');
  });

  await step('mail: the runs list and the thank-you run sent above', async () => {
    await page.getByRole('navigation', { name: 'Mail' }).getByRole('link', { name: 'Runs' }).click();
    await page.getByRole('heading', { name: 'Thank-you and statement runs', level: 1 }).waitFor();
    const runs = page.getByTestId('mail-runs');
    const first = runs.locator('tbody tr').first();
    await first.getByText('finished', { exact: true }).waitFor();
    assert.match(await first.innerText(), /Thank-yous[\s\S]*\(100%\)[\s\S]*by user:e2eadmin/);
    assert.equal(await first.getByRole('button', { name: 'Cancel run' }).count(), 0);
    await shot('mail-runs');
    await first.getByRole('link', { name: /Thank-yous$/ }).click();
    await page.getByTestId('run-state').filter({ hasText: 'finished' }).waitFor();
    await page.getByTestId('run-letters').getByText('printed', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Download letters (PDF)' }).waitFor();
    await page.getByRole('link', { name: 'All runs' }).click();
    await runs.waitFor();
  });
}

// The mail pages in Korean (after mailSteps, on the deliveries page); back to English at the end.
export async function mailKoreanSteps({ page, base, step, shot }) {
  await step('mail pages in Korean', async () => {
    await page.goto(`${base}/mail/deliveries`);
    await page.getByRole('heading', { name: 'Recent deliveries', level: 1 }).waitFor();
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '최근 발송 기록', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: '우편·메일' }).getByRole('link', { name: '감사 인사' }).click();
    await page.getByRole('heading', { name: '감사 인사를 기다리는 후원', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: '우편·메일' }).getByRole('link', { name: '서식' }).click();
    await page.getByRole('heading', { name: '메일 서식', level: 1 }).waitFor();
    await page.getByTestId('templates').getByText('감사 이메일').waitFor();
    await shot('mail-templates-ko');
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Mail templates', level: 1 }).waitFor();
  });
}
