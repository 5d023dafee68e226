// End-to-end step of the batches list (decision 0134): the batch closed by the batch-entry step
// shows under Closed with its control against the entered count and total.
export async function batchListSteps({ page, base, step }) {
  await step('batches: the list shows open and closed batches, control vs entered', async () => {
    await page.goto(`${base}/batches`);
    const card = page.getByRole('region', { name: 'Batches' });
    await card.getByTestId('batch-list').or(card.getByText('No batches here.')).first().waitFor();
    await card.getByLabel('Status').selectOption('closed');
    const row = card.getByTestId('batch-list').getByRole('row').nth(1);
    await row.getByText('balances').waitFor();
    await row.getByText(/^Closed /).waitFor();
    await card.getByLabel('Status').selectOption('all');
    await card.getByTestId('batch-list').waitFor();
  });
}
