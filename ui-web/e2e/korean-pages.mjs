// End-to-end check that the timeline, Tasks, Duplicates, Imports and Reports pages are in
// Korean when Korean is chosen (decision 0134). Leaves the UI in English.
export async function koreanPageSteps({ page, base, step, donor }) {
  await step('Korean: timeline, tasks, duplicates, imports and reports pages', async () => {
    await page.goto(`${base}/constituents/${donor.id}`);
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '타임라인' }).waitFor();
    await page.getByRole('group', { name: '이것만 보기' }).getByRole('button', { name: /^후원/ }).first().waitFor();
    await page.goto(`${base}/tasks`);
    await page.getByRole('heading', { name: '할 일', level: 1 }).waitFor();
    await page.getByLabel('담당자').waitFor();
    await page.goto(`${base}/duplicates`);
    await page.getByRole('heading', { name: '중복 후보' }).waitFor();
    await page.goto(`${base}/admin/imports`);
    await page.getByRole('heading', { name: '결제 가져오기' }).waitFor();
    await page.goto(`${base}/reports`);
    await page.getByRole('heading', { name: '보고서', level: 1 }).waitFor();
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
  });
}
