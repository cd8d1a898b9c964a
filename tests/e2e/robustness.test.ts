// Every corpus page loads in one Chromium with the extension active, the content script finishes
// its first anchoring pass and its automatic analysis (state "done" or "no-article"), and nothing
// the extension runs throws or logs an error. The suggestions it paints lie in the article: none in
// nav/header/footer/aside, and all inside one container smaller than the page (not <body>).
// Pages run one after another in one browser; the whole sweep must stay within a few minutes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, mentionsExtension, type ExtensionSession } from './helpers/chromium';
import { paintedLayout, readState, waitForAnalysis, waitForState } from './helpers/lens';
import { corpusAvailable, corpusPageNames, corpusSource, reportMissingCorpus } from './helpers/paths';
import { startServer, type StaticServer } from './helpers/server';

const PAGES = corpusPageNames();
const BUDGET_MS = 4 * 60_000;
if (!corpusAvailable()) reportMissingCorpus(`robustness sweep over the corpus pages`);

describe.skipIf(PAGES.length === 0)(`robustness on ${PAGES.length} corpus pages (Chromium)`, () => {
  let server: StaticServer;
  let lens: ExtensionSession;
  let page: Page;
  let started = 0;
  const timings: { name: string; ms: number; painted: string; analysis: string }[] = [];

  beforeAll(async () => {
    server = await startServer({ routes: Object.fromEntries(PAGES.map((n) => [`/corpus/${n}.html`, { file: corpusSource(n) }])) });
    lens = await launchExtension({ extensionPath: inject('chromeExtension'), allowOrigins: [server.origin] });
    page = await lens.newPage();
    started = Date.now();
  });

  afterAll(async () => {
    if (timings.length) {
      console.log(`[e2e] robustness: ${timings.length} pages in ${Date.now() - started} ms`);
      for (const t of timings.toSorted((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  slowest: ${t.name} ${t.ms} ms`);
      if (process.env.POLICY_LENS_E2E_VERBOSE === '1') for (const t of timings) console.log(`  analysis: ${t.name}: ${t.analysis}`);
    }
    await lens?.close();
    await server?.close();
  });

  it.each(PAGES)('%s: loads with the extension and no extension errors', async (name) => {
    const t0 = Date.now();
    const before = lens.problems.length;
    await page.goto(server.url(`/corpus/${name}.html`), { waitUntil: 'load', timeout: 45_000 });
    const state = await waitForState(page, () => true, 20_000);
    const analysis = await waitForAnalysis(page, () => true, 20_000);
    // Give late work (observers, idle callbacks) a moment to fail, if it is going to.
    await page.waitForTimeout(300);
    const mine = lens.problems.slice(before).filter(mentionsExtension);
    const layout = await paintedLayout(page, analysis.painted);
    timings.push({
      name,
      ms: Date.now() - t0,
      painted: JSON.stringify(state),
      analysis: `${analysis.state} ${analysis.lang} orgs=${analysis.organizations} claims=${analysis.claims} painted=${analysis.painted} ${analysis.ms} ms in ${layout.common ?? '-'}`,
    });
    expect(mine, `extension errors on ${name}`).toEqual([]);
    expect((await readState(page))?.ready).toBe(true);
    expect(['done', 'no-article'], `analysis state on ${name}`).toContain(analysis.state);
    expect(layout.count, `suggestions painted on ${name} (CSS highlights vs. published count)`).toBe(analysis.painted);
    expect(layout.furniture, `suggestions in nav/header/footer/aside on ${name}`).toEqual([]);
    if (layout.count > 0) expect(layout.commonIsPage, `suggestions on ${name} share no article container (common: ${layout.common})`).toBe(false);
  }, 60_000);

  it(`swept every page within ${BUDGET_MS / 1000} s`, () => {
    expect(timings).toHaveLength(PAGES.length);
    expect(Date.now() - started).toBeLessThan(BUDGET_MS);
  });
});
