// End-to-end step of the soft credits card on the constituent page (decision 0134): a demo
// household member with more than a page of soft credits; "Load more" appends the next page.
import assert from 'node:assert/strict';

export async function softCreditSteps({ page, base, step }) {
  await step('constituent page: soft credits in cursor pages with Load more', async () => {
    const list = await (await page.request.get(`${base}/api/v1/constituents?kind=individual&limit=500`)).json();
    let found = null;
    for (const c of list.items) {
      const r = await (await page.request.get(`${base}/api/v1/constituents/${c.id}/soft-credits?limit=25`)).json();
      if (r.next_after !== null) {
        found = c;
        break;
      }
    }
    assert.ok(found, 'a demo constituent has more than 25 soft credits');
    await page.goto(`${base}/constituents/${found.id}`);
    const card = page.getByRole('region', { name: 'Soft credits' });
    const table = card.getByTestId('soft-credits');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 25);
    await card.getByRole('button', { name: 'Load more' }).click();
    await card.getByTestId('soft-credit-count').filter({ hasNotText: /^25 / }).waitFor();
    assert.ok((await table.locator('tbody tr').count()) > 25);
  });
}
