// Every corpus page loads in one Chromium with the extension active, the content script finishes
// its first anchoring pass, and nothing the extension runs throws or logs an error. Pages run one
// after another in one browser; the whole sweep must stay within a few minutes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, mentionsExtension, type ExtensionSession } from './helpers/chromium';
import { readState, waitForState } from './helpers/lens';
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
  const timings: { name: string; ms: number; painted: string }[] = [];

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
    }
    await lens?.close();
    await server?.close();
  });

  it.each(PAGES)('%s: loads with the extension and no extension errors', async (name) => {
    const t0 = Date.now();
    const before = lens.problems.length;
    await page.goto(server.url(`/corpus/${name}.html`), { waitUntil: 'load', timeout: 45_000 });
    const state = await waitForState(page, () => true, 20_000);
    // Give late work (observers, idle callbacks) a moment to fail, if it is going to.
    await page.waitForTimeout(300);
    const mine = lens.problems.slice(before).filter(mentionsExtension);
    timings.push({ name, ms: Date.now() - t0, painted: JSON.stringify(state) });
    expect(mine, `extension errors on ${name}`).toEqual([]);
    expect((await readState(page))?.ready).toBe(true);
  }, 60_000);

  it(`swept every page within ${BUDGET_MS / 1000} s`, () => {
    expect(timings).toHaveLength(PAGES.length);
    expect(Date.now() - started).toBeLessThan(BUDGET_MS);
  });
});
