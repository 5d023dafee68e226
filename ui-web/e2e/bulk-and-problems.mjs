// End-to-end steps (decision 0135): bulk tag of a whole page goes to the server in one request
// (POST /api/v1/tags/{id}/members), and a server error's title reads in Korean when Korean is
// chosen (the detail stays as the server wrote it). Called from run.mjs with the admin signed in.
import assert from 'node:assert/strict';

export async function bulkAndProblemSteps({ page, base, step }) {
  await step('bulk tag: a whole page tagged in one request', async () => {
    await page.goto(`${base}/constituents`);
    await page.getByRole('heading', { name: 'Constituents' }).waitFor();
    const boxes = page.getByRole('table').getByRole('checkbox');
    await boxes.nth(1).waitFor();
    const rows = (await boxes.count()) - 1;
    await boxes.first().check();
    const bar = page.getByRole('form', { name: 'Bulk tag' });
    await bar.getByText(`${rows} selected`).waitFor();
    await bar.getByLabel('Tag').fill('연말 감사 행사');
    const posts = [];
    const watch = (r) => {
      if (r.method() === 'POST' && /\/api\/v1\/tags\/\d+\/members$/.test(new URL(r.url()).pathname)) posts.push(r.url());
    };
    page.on('request', watch);
    await bar.getByRole('button', { name: 'Add tag to selected' }).click();
    await bar.getByText(`Tag added to ${rows}.`).waitFor();
    page.off('request', watch);
    assert.equal(posts.length, 1);
    await bar.getByRole('button', { name: 'Remove tag from selected' }).click();
    await bar.getByText(`Tag removed from ${rows}.`).waitFor();
  });

  await step('Korean: a server error title in Korean', async () => {
    await page.goto(`${base}/constituents/99999999`);
    await page.getByRole('alert').filter({ hasText: /does not exist/ }).waitFor();
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: '한국어' }).click();
    await page.getByRole('button', { name: '다시 시도' }).click();
    await page.getByRole('alert').filter({ hasText: /^해당 후원자가 없습니다|^존재하지 않습니다/ }).waitFor();
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('alert').filter({ hasText: /does not exist/ }).waitFor();
  });
}
