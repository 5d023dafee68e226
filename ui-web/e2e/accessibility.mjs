// Accessibility check (decision 0213): axe-core (a locked devDependency, run inside the page)
// over every main page in English and in Korean. A serious or critical violation of WCAG 2 A/AA
// (contrast, labels, accessible names, landmarks, ...) fails the step and is printed with the
// element it was found on. Called from run.mjs with the admin signed in; leaves the UI in English.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The pages a development team, an admin and an analyst use every day; `ready` is a selector
// that is on the page once its data is shown.
export function accessibilityPages(donor) {
  return [
    ['dashboard', '/', '[data-testid=needs]'],
    ['constituents', '/constituents', 'table'],
    ['constituent page', `/constituents/${donor.id}`, '[data-testid=giving-count]'],
    ['gift entry', '/gifts/new', 'form'],
    ['gifts', '/gifts', 'main h1'],
    ['batches', '/batches', 'main h1'],
    ['funds', '/funds', '[data-testid=fund-list]'],
    ['campaigns', '/campaigns', '[data-testid=campaigns]'],
    ['tasks', '/tasks', 'main h1'],
    ['segments', '/segments', '[data-testid=segment-count]'],
    ['duplicates', '/duplicates', 'main h1'],
    ['imports', '/admin/imports', 'main h1'],
    ['mail', '/mail', 'main h1'],
    ['mail templates', '/mail/templates', 'main h1'],
    ['mail statements', '/mail/statements', 'main h1'],
    ['mail deliveries', '/mail/deliveries', 'main h1'],
    ['mail runs', '/mail/runs', 'main h1'],
    ['reports', '/reports', 'main h1'],
    ['analytics', '/analytics', 'main h1'],
    ['api tokens', '/tokens', 'main h1'],
    ['admin users', '/admin/users', 'main h1'],
    ['admin plugins', '/admin/plugins', 'main h1'],
    ['admin audit', '/admin/audit', 'main h1'],
    ['admin settings', '/admin/settings', 'main h1'],
  ];
}

// Runs axe in the page (evaluated over the DevTools protocol, so the page's CSP does not apply)
// and answers the serious and critical violations, one line each.
export async function axeProblems(page) {
  const results = await page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`),
    }));
  }, axeSource);
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describe(problems) {
  return problems.map((p) => `${p.impact} ${p.id}: ${p.help}\n      ${p.nodes.join('\n      ')}`).join('\n    ');
}

async function setLanguage(page, base, language) {
  await page.goto(`${base}/`);
  await page.locator('.user-menu > button').click();
  await page.getByRole('menuitemradio', { name: language === 'ko' ? '한국어' : 'English' }).click();
  await page.getByRole('heading', { name: language === 'ko' ? '대시보드' : 'Dashboard', level: 1 }).waitFor();
}

export async function accessibilitySteps({ page, base, step, donor }) {
  for (const language of ['en', 'ko']) {
    await step(`accessibility (axe, WCAG 2 AA): every main page in ${language === 'ko' ? 'Korean' : 'English'}`, async () => {
      await setLanguage(page, base, language);
      const failures = [];
      for (const [name, path, ready] of accessibilityPages(donor)) {
        await page.goto(base + path);
        await page.locator(ready).first().waitFor();
        // Let lists and charts finish loading (no spinner left).
        await page.waitForFunction(() => !document.querySelector('[aria-busy=true], .state-loading'), null, { timeout: 5000 }).catch(() => {});
        assert.equal(await page.evaluate(() => document.documentElement.lang), language, `${name}: <html lang>`);
        const problems = await axeProblems(page);
        if (problems.length) failures.push(`${name} (${path}):\n    ${describe(problems)}`);
      }
      assert.equal(failures.length, 0, `serious or critical accessibility problems:\n  ${failures.join('\n  ')}`);
    });
  }
  await setLanguage(page, base, 'en');
}
