// End-to-end steps of the main navigation (decision 0203): one line at 1280 px in English and
// Korean; at 1024 px and on a narrow window a "Menu" button opens the links, by keyboard too
// (Enter opens, Escape closes and returns focus, a link closes it). Screenshots at 1280 and
// 1024. Called from run.mjs with the admin signed in; leaves the window at 1280 in English.
import assert from 'node:assert/strict';

async function oneLine(page) {
  const nav = page.getByRole('navigation', { name: /^(Main|주 메뉴)$/ });
  const links = nav.getByRole('link');
  const n = await links.count();
  assert.ok(n >= 8, `nav has ${n} links`);
  const first = await links.first().boundingBox();
  const last = await links.nth(n - 1).boundingBox();
  assert.ok(first && last, 'links are visible');
  assert.ok(Math.abs(first.y - last.y) < 2, `links on one line (first y ${first.y}, last y ${last.y})`);
  const bar = await page.locator('header.topbar').boundingBox();
  assert.ok(bar && bar.height < 64, `top bar is one row (${bar?.height}px)`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= page.viewportSize().width, `no sideways scroll (${width}px)`);
}

export async function navigationSteps({ page, base, step, shot }) {
  await step('navigation: one line at 1280 px, in English and Korean', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Menu' }).isVisible(), false);
    await oneLine(page);
    await shot('nav-1280');
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '대시보드', level: 1 }).waitFor();
    await oneLine(page);
    await shot('nav-1280-ko');
    await page.locator('.user-menu > button').click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  });

  for (const width of [1024, 480]) {
    await step(`navigation: the compact menu at ${width} px, by keyboard`, async () => {
      await page.setViewportSize({ width, height: 800 });
      const toggle = page.getByRole('button', { name: 'Menu' });
      await toggle.waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      assert.equal(await nav.isVisible(), false);
      await toggle.focus();
      await page.keyboard.press('Enter');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await nav.getByRole('link', { name: 'Campaigns' }).waitFor();
      const width2 = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width2 <= width, `no sideways scroll (${width2}px)`);
      if (width === 1024) await shot('nav-1024');
      await page.keyboard.press('Escape');
      assert.equal(await nav.isVisible(), false);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Menu');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/constituents`);
      await page.getByRole('heading', { name: 'Constituents', level: 1 }).waitFor();
      assert.equal(await nav.isVisible(), false);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
