// End-to-end step (decision 0203): in Korean, a field error the server finds (a first name over
// 200 bytes: 80 Hangul syllables) is shown next to the field in Korean, from the error's code
// (errors[].code); English shows the server's own words. Called from run.mjs, admin signed in.
import assert from 'node:assert/strict';

export async function koreanErrorSteps({ page, base, step }) {
  await step('Korean: a server field error in Korean next to its field', async () => {
    const session = await (await page.request.get(`${base}/api/v1/session`)).json();
    const made = await page.request.post(`${base}/api/v1/constituents`, {
      data: { kind: 'individual', first_name: '하늘', last_name: '윤' },
      headers: { 'X-CSRF-Token': session.csrf_token },
    });
    assert.equal(made.status(), 201, await made.text());
    const donor = await made.json();
    await page.goto(`${base}/constituents/${donor.id}`);
    await page.getByRole('heading', { level: 1, name: donor.display_name }).waitFor();
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: '한국어' }).click();
    await page.getByRole('button', { name: '수정', exact: true }).click();
    const form = page.getByRole('form', { name: /.+/ }).filter({ has: page.getByLabel('이름', { exact: true }) });
    await form.getByLabel('이름', { exact: true }).fill('가'.repeat(80));
    await form.getByRole('button', { name: '저장' }).click();
    await form.getByText('너무 깁니다 (최대 200바이트, 한글은 한 글자에 3바이트)').waitFor();
    assert.equal(await form.getByLabel('이름', { exact: true }).getAttribute('aria-invalid'), 'true');
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('First name', { exact: true }).fill('가'.repeat(80));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('is longer than 200 bytes').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });
}
