// The main flow in Firefox ESR (puppeteer-core over WebDriver BiDi; Playwright cannot drive stock
// Firefox): on our own fixture page, highlight from the toolbar, reload, still painted; the
// automatic analysis finishes and paints its suggestions.
// The extension is installed as a temporary add-on with `browser.installExtension()`.
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFirefox } from '../../scripts/find-browser.mjs';
import { IN_PAGE_SOURCE, normalize, type AnalysisState, type LensState } from './helpers/lens';
import { FIXTURES } from './helpers/paths';
import { startServer, type StaticServer } from './helpers/server';

const QUOTE = 'residents will be able to ask for a human review';
const js = (v: unknown) => JSON.stringify(v);

/** Evaluates `expression` in the page's main world with `__policyLensTest` defined. */
const inPage = <T>(page: Page, expression: string) => page.evaluate(`${IN_PAGE_SOURCE}\n;(${expression})`) as Promise<T>;

async function waitFor<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await fn().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not reached within ${timeout} ms (last: ${js(last)})`);
}

const state = (page: Page) => inPage<LensState | null>(page, '__policyLensTest.state()');

/** Centre of the toolbar's colour button `label`, found in the (e2e: open) shadow root. */
const COLOR_BUTTON = (label: string) => `(() => {
  const root = document.querySelector('policy-lens-ui')?.shadowRoot;
  const bar = root?.querySelector('[role="toolbar"]');
  if (!bar) return null;
  const btn = [...bar.querySelectorAll('button, [role="button"]')].find(
    (b) => b.getAttribute('aria-label') === ${js(label)} || b.textContent.trim() === ${js(label)});
  if (!btn) return null;
  const r = btn.getBoundingClientRect();
  return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
})()`;

describe('main flow (Firefox ESR)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServer({ routes: { '/news/fixture.html': { file: path.join(FIXTURES, 'ai-policy-en.html') } } });
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
    await browser.installExtension(inject('firefoxExtension'));
    page = await browser.newPage();
    page.on('pageerror', (err: unknown) => problems.push(err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`${msg.text()} ${msg.location().url ?? ''}`);
    });
    // Only the local server: anything else is aborted.
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.isInterceptResolutionHandled()) return;
      if (req.url().startsWith(server.origin + '/')) void req.continue();
      else void req.abort();
    });
    await page.goto(server.url('/news/fixture.html'), { waitUntil: 'load' });
    await waitFor('content script ready', () => state(page), (s) => s?.ready === true);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights from the toolbar and paints it again after a reload', async () => {
    const before = await inPage<string>(page, '__policyLensTest.bodyText()');
    const selected = await inPage<{ text: string } | null>(page, `__policyLensTest.select(${js(QUOTE)}, 1, true)`);
    expect(normalize(selected?.text ?? '')).toBe(QUOTE);

    const at = await waitFor(
      'toolbar with a "Yellow" button',
      () => page.evaluate(COLOR_BUTTON('Yellow')) as Promise<{ x: number; y: number } | null>,
      (p) => p !== null,
    );
    await page.mouse.click(at!.x, at!.y);

    await waitFor('highlight painted', () => state(page), (s) => s?.painted === 1);
    const sizes = await inPage<Record<string, number>>(page, '__policyLensTest.highlightSizes()');
    expect(sizes['policy-lens-yellow']).toBe(1);
    expect(await inPage<string>(page, '__policyLensTest.bodyText()')).toBe(before);

    await page.reload({ waitUntil: 'load' });
    await waitFor('painted after reload', () => state(page), (s) => s?.ready === true && s.painted === 1);
    const texts = await inPage<{ name: string; text: string }[]>(page, '__policyLensTest.highlightTexts()');
    expect(texts).toEqual([{ name: 'policy-lens-yellow', text: QUOTE }]);
  });

  it('analyses the article and paints its suggestions (the analysis is loaded on first use)', async () => {
    const analysis = (await waitFor(
      'analysis done',
      () => inPage<AnalysisState | null>(page, '__policyLensTest.analysis()'),
      (a) => a?.state === 'done',
    ))!;
    expect(analysis.organizations + analysis.claims).toBeGreaterThan(0);
    expect(analysis.painted).toBeGreaterThan(0);
    const painted = await inPage<{ kind: string; text: string }[]>(page, '__policyLensTest.suggestions()');
    expect(painted.length).toBe(analysis.painted);
  });

  it('raised no errors from the extension', () => {
    expect(problems.filter((p) => /moz-extension:|policy-lens/i.test(p))).toEqual([]);
  });
});
