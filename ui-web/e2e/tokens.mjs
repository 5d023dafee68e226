// End-to-end step of the API tokens page (decision 0134): from the user menu, create a token
// (the name is required), see the secret once, use it against the API, revoke it.
import assert from 'node:assert/strict';

export async function tokenSteps({ page, base, step, shot }) {
  await step('API tokens: create one, use it, revoke it', async () => {
    await page.goto(`${base}/`);
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitem', { name: 'My API tokens' }).click();
    await page.getByRole('heading', { name: 'My API tokens', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'New token' });
    await form.getByRole('button', { name: 'Create token' }).click();
    await form.getByText('Name the token.').waitFor();
    await form.getByLabel('Name').fill('월간 내보내기');
    await form.getByLabel('Access').selectOption('read');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('token-secret').locator('code').innerText()).trim();
    assert.ok(secret.length > 20, 'the token is shown');
    const row = page.getByTestId('tokens').getByRole('row').filter({ hasText: '월간 내보내기' });
    await row.waitFor();
    await shot('tokens');
    const used = await page.request.get(`${base}/api/v1/funds`, { headers: { Authorization: `Bearer ${secret}`, Cookie: '' } });
    assert.equal(used.status(), 200);
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await row.getByText('revoked').waitFor();
  });
}
