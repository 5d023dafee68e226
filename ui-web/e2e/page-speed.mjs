// Page speed (issue 9, decision 0213): the dashboard's initial load on the demo organisation from
// a cold browser cache on localhost, in a fresh tab of the signed-in session. Records the
// navigation timing (DOMContentLoaded, load) and the time until the dashboard's data is shown
// (the needs bars, the cards and the trend chart drawn, no spinner left), measured inside the
// page from the start of the navigation, three times. Writes e2e-artifacts/performance.json;
// fails when the median passes 1 s.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const dashboardBudgetMs = 1000;

// Installed before any page script: notes the moment the dashboard's data is on screen.
function watchForDashboardData() {
  const shown = () =>
    document.querySelector('[data-testid=needs]') &&
    document.querySelector('canvas') &&
    !document.querySelector('.state-loading');
  const done = () => {
    if (window.__stewardDataShown === undefined && shown()) {
      window.__stewardDataShown = performance.now();
      return true;
    }
    return window.__stewardDataShown !== undefined;
  };
  const start = () => {
    if (done()) return;
    const observer = new MutationObserver(() => {
      if (done()) observer.disconnect();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
  };
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
}

async function measureOnce(context, base) {
  const tab = await context.newPage();
  try {
    await tab.addInitScript(watchForDashboardData);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await tab.goto(base + '/', { waitUntil: 'load' });
    await tab.waitForFunction(() => window.__stewardDataShown !== undefined, null, { timeout: 10000 });
    const timing = await tab.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      const resources = performance.getEntriesByType('resource');
      return {
        domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
        loadMs: Math.round(nav.loadEventEnd),
        dataShownMs: Math.round(window.__stewardDataShown),
        requests: resources.length + 1,
        transferredBytes: resources.reduce((n, r) => n + (r.transferSize ?? 0), nav.transferSize ?? 0),
        // The waterfall: what was fetched, when it started and ended (ms from navigation start).
        resources: resources.map((r) => `${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${new URL(r.name).pathname}`),
      };
    });
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    return timing;
  } finally {
    await tab.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Three cold loads, judged by their median: one slow answer on a machine shared with builds
// is noise, a slower page is not.
export async function pageSpeedSteps({ context, base, step, artifacts }) {
  await step(`the dashboard loads from a cold browser cache within ${dashboardBudgetMs} ms (navigation timing, median of 3)`, async () => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await measureOnce(context, base));
    const summary = {
      domContentLoadedMs: median(runs.map((r) => r.domContentLoadedMs)),
      loadMs: median(runs.map((r) => r.loadMs)),
      dataShownMs: median(runs.map((r) => r.dataShownMs)),
    };
    const record = { page: 'dashboard', cache: 'cold', budgetMs: dashboardBudgetMs, measuredAt: new Date().toISOString(), median: summary, runs };
    writeFileSync(join(artifacts, 'performance.json'), JSON.stringify(record, null, 2) + '\n');
    for (const r of runs) {
      console.log(`       dashboard, cold cache: DOMContentLoaded ${r.domContentLoadedMs} ms, load ${r.loadMs} ms, data shown ${r.dataShownMs} ms, ${r.requests} requests, ${r.transferredBytes} bytes`);
    }
    console.log(`       ${runs[runs.length - 1].resources.join('\n       ')}`);
    for (const [what, ms] of [
      ['DOMContentLoaded', summary.domContentLoadedMs],
      ['load', summary.loadMs],
      ['data shown', summary.dataShownMs],
    ]) {
      assert.ok(ms > 0 && ms <= dashboardBudgetMs, `dashboard ${what} took ${ms} ms (median of 3; budget ${dashboardBudgetMs} ms)`);
    }
  });
}
