// End-to-end steps of personal data on the constituent page (decision 0190, docs/ui.md): an
// admin downloads a donor's personal data as a file, erases it with the typed confirmation
// (a wrong phrase refused at the field), sees the erased state, and the name no longer finds
// the donor in search. Called from run.mjs with the admin signed in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export async function privacySteps({ page, base, step, shot }) {
  await step('privacy: download a donor’s personal data, erase it, the name is gone from search', async () => {
    const session = await (await page.request.get(`${base}/api/v1/session`)).json();
    const headers = { 'X-CSRF-Token': session.csrf_token };
    const made = await page.request.post(`${base}/api/v1/constituents`, {
      data: { kind: 'individual', first_name: '은별', last_name: '소', notes: '지워질 메모' },
      headers,
    });
    assert.equal(made.status(), 201, await made.text());
    const donor = await made.json();
    const email = await page.request.post(`${base}/api/v1/constituents/${donor.id}/emails`, { data: { email: 'eunbyeol.so@example.org' }, headers });
    assert.equal(email.status(), 201, await email.text());

    await page.goto(`${base}/constituents/${donor.id}`);
    await page.getByRole('heading', { level: 1, name: donor.display_name }).waitFor();
    const card = page.getByTestId('privacy');
    const [file] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download personal data' }).click()]);
    assert.equal(file.suggestedFilename(), `personal-data-${donor.id}.json`);
    const doc = JSON.parse(readFileSync(await file.path(), 'utf8'));
    assert.equal(doc.format, 'steward-personal-data/1');
    assert.ok(JSON.stringify(doc).includes('eunbyeol.so@example.org'));

    await card.getByRole('button', { name: 'Erase personal data' }).click();
    await card.getByText(/^Keeps: each gift's amount/).waitFor();
    const confirm = card.getByLabel(`Type ERASE ${donor.id} to confirm`);
    await confirm.fill(`ERASE ${donor.id + 1}`);
    await card.getByRole('button', { name: 'Erase now' }).click();
    await card.getByText(`Type ERASE ${donor.id} exactly as shown.`).waitFor();
    await confirm.fill(`ERASE ${donor.id}`);
    await confirm.press('Enter');
    await page.getByTestId('erase-outcome').getByText('Emails: 1').waitFor();
    await page.getByRole('heading', { level: 1, name: `Erased donor #${donor.id}` }).waitFor();
    await page.getByTestId('erased-banner').waitFor();
    // The record says it was erased (erased_at), and the banner shows when.
    const erased = await (await page.request.get(`${base}/api/v1/constituents/${donor.id}`)).json();
    assert.match(erased.erased_at ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await page.getByTestId('erased-banner').getByText(/Erased /).waitFor();
    assert.equal(await card.getByRole('button', { name: 'Erase personal data' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Edit', exact: true }).count(), 0);
    await shot('constituent-erased');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Constituents' }).click();
    await page.getByRole('heading', { name: 'Constituents' }).waitFor();
    await page.getByLabel('Search').fill(donor.display_name);
    await page.getByText(`No constituent matches “${donor.display_name}”.`).waitFor();
  });
}
