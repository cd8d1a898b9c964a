// The claim convention in the page: a debate transcript gets fact-checkers' check-worthy factual
// claims (not every opinion), an article every kind; the settings can force a convention.
// Runs on the project's own fixture pages (tests/fixtures/pages), so it needs no ../shared.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './helpers/chromium';
import { CLAIM_KINDS, suggestionCoverage, waitForAnalysis, waitForState } from './helpers/lens';
import { FIXTURES } from './helpers/paths';
import { setAnalysisSettings } from './helpers/popup';
import { startServer, type StaticServer } from './helpers/server';

const ROOT = '.article-body';
const OPINION = 'I believe every child in this city deserves a safe school and a good teacher.';
const RECORD = 'My opponent voted against the transit budget three times.';
const FIGURE = 'He cut the library hours by thirty percent in his first year.';

describe('claim convention: debate transcript and article (Chromium)', () => {
  let server: StaticServer;
  let lens: ExtensionSession;
  let page: Page;

  const setConvention = (convention: string) => setAnalysisSettings(lens, page, { convention });

  beforeAll(async () => {
    server = await startServer({
      routes: {
        '/politics/debate.html': { file: path.join(FIXTURES, 'debate-transcript-en.html') },
        '/local/council-ai.html': { file: path.join(FIXTURES, 'ai-policy-en.html') },
      },
    });
    lens = await launchExtension({ extensionPath: inject('chromeExtension'), allowOrigins: [server.origin] });
    page = await lens.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('reads the transcript as one: factual claims painted (a record as a fact), opinions not', async () => {
    await page.goto(server.url('/politics/debate.html'));
    await waitForState(page);
    const analysis = await waitForAnalysis(page, (s) => s.state === 'done');
    expect(analysis.lang).toBe('en');
    expect(analysis.claimMode).toBe('checkworthy');
    expect(await suggestionCoverage(page, FIGURE, ['statistic'], ROOT)).toEqual([1]);
    expect(await suggestionCoverage(page, RECORD, ['fact'], ROOT)).toEqual([1]);
    expect(await suggestionCoverage(page, OPINION, CLAIM_KINDS, ROOT)).toEqual([0]);
  });

  it('the setting "all claims" paints the opinions of the same page as positions', async () => {
    await setConvention('policy');
    await waitForAnalysis(page, (s) => s.state === 'done' && s.claimMode === 'policy');
    expect((await suggestionCoverage(page, OPINION, CLAIM_KINDS, ROOT))[0]).toBeGreaterThan(0.95);
    expect(await suggestionCoverage(page, RECORD, ['fact'], ROOT)).toEqual([0]);
    await setConvention('auto');
    await waitForAnalysis(page, (s) => s.state === 'done' && s.claimMode === 'checkworthy');
  });

  it('reads an article as policy text: positions are claims', async () => {
    await page.goto(server.url('/local/council-ai.html'));
    await waitForState(page);
    const analysis = await waitForAnalysis(page, (s) => s.state === 'done');
    expect(analysis.claimMode).toBe('policy');
    expect(analysis.claims).toBeGreaterThan(0);
  });
});
