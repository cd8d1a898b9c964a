// Re-anchoring in Chromium: annotate a real page, then serve edited copies of it at the SAME URL
// (annotations are keyed by the page's URL) made by ../shared/corpus/mutate.mjs, and check each
// variant's expectation: anchored on the same words, or orphaned (not painted, reported).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './helpers/chromium';
import { highlightQuote, highlightTexts, normalize, paintedOccurrences, poll, paintedCount, waitForState } from './helpers/lens';
import { CORPUS, corpusAvailable, corpusSource, reportMissingCorpus } from './helpers/paths';
import { item, search, showAllPages } from './helpers/popup';
import { startServer, type StaticServer } from './helpers/server';

interface Variant {
  kind: string;
  expect: 'anchored' | 'orphaned' | 'fuzzy';
  ok: boolean;
  html: string;
  occurrences: number;
  expectedOccurrence?: number;
  exactAfter?: string;
  problem?: string;
}
interface Mutation {
  quote: { exact: string };
  variants: Variant[];
}
type MutatePage = (html: string, options: { quote?: string; kinds?: string[]; seed?: number }) => Mutation;

const PAGE = 'nytimes-2';
const QUOTE = 'at the closing, Yahoo will sell the stock in the single subsidiary';
const KINDS = ['insert-before', 'reword-near', 'wrap-ads', 'markup-split', 'duplicate-quote', 'delete-sentence', 'reword-inside'];
const URL_PATH = '/news/reanchor.html';

const available = corpusAvailable() && fs.existsSync(path.join(CORPUS, 'mutate.mjs'));
if (!available) reportMissingCorpus('re-anchoring on mutated corpus pages (mutate.mjs)');

describe.skipIf(!available)(`re-anchoring on edited copies of ${PAGE} (Chromium)`, () => {
  let server: StaticServer;
  let lens: ExtensionSession;
  let page: Page;
  let mutation: Mutation;
  const variant = (kind: string): Variant => {
    const v = mutation.variants.find((x) => x.kind === kind);
    if (!v || !v.ok) throw new Error(`mutate.mjs could not make ${kind}: ${v?.problem ?? 'missing'}`);
    return v;
  };

  /** Serves `html` at the annotated URL, reloads, and waits for the anchoring pass. */
  async function serve(html: string) {
    server.set(URL_PATH, { body: html });
    await page.reload({ waitUntil: 'load' });
    return waitForState(page);
  }

  beforeAll(async () => {
    const { mutatePage } = (await import(pathToFileURL(path.join(CORPUS, 'mutate.mjs')).href)) as { mutatePage: MutatePage };
    const original = fs.readFileSync(corpusSource(PAGE), 'utf8');
    mutation = mutatePage(original, { quote: QUOTE, kinds: KINDS });
    server = await startServer({ routes: { [URL_PATH]: { body: original } } });
    lens = await launchExtension({ extensionPath: inject('chromeExtension'), allowOrigins: [server.origin] });
    page = await lens.newPage();
    await page.goto(server.url(URL_PATH), { waitUntil: 'load' });
    await waitForState(page);
    await highlightQuote(page, mutation.quote.exact, { color: 'Green' });
    await waitForState(page, (s) => s.painted === 1);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  const anchoredKinds = ['insert-before', 'reword-near', 'wrap-ads', 'markup-split', 'duplicate-quote'];
  it.each(anchoredKinds)('%s: still painted on the same words', async (kind) => {
    const v = variant(kind);
    const state = await serve(v.html);
    expect(state).toMatchObject({ painted: 1, orphans: 0 });
    expect((await highlightTexts(page)).map((h) => h.text)).toEqual([normalize(mutation.quote.exact)]);
    // The right occurrence (duplicate-quote: the original place is now occurrence 2).
    expect(await paintedOccurrences(page, mutation.quote.exact)).toEqual([v.expectedOccurrence ?? 1]);
  });

  it('delete-sentence: not painted, reported as an orphan in the page state and the popup', async () => {
    const state = await serve(variant('delete-sentence').html);
    expect(state).toMatchObject({ painted: 0, orphans: 1 });
    expect(await paintedCount(page)).toBe(0);

    const popup = await lens.openPopup();
    try {
      await showAllPages(popup);
      await search(popup, mutation.quote.exact.split(' ').slice(0, 4).join(' '));
      const entry = item(popup, mutation.quote.exact);
      await entry.first().waitFor({ state: 'visible', timeout: 8_000 });
      await expect.poll(() => entry.innerText()).toMatch(/not found/i);
    } finally {
      await popup.close();
      await page.bringToFront();
    }
  });

  it('reword-inside: orphaned, or attached to the edited words only', async () => {
    const v = variant('reword-inside');
    const state = await serve(v.html);
    const texts = (await highlightTexts(page)).map((h) => h.text);
    if (state.painted === 0) {
      expect(state.orphans).toBe(1);
      expect(texts).toEqual([]);
    } else {
      expect(state.painted).toBe(1);
      expect(texts).toHaveLength(1);
      // Attached to the edited words (give or take a word at the edges), never to other text.
      const after = normalize(v.exactAfter ?? '');
      const painted = texts[0] ?? '';
      expect(after.includes(painted) || (painted.includes(after) && painted.length <= after.length + 16), painted).toBe(true);
      expect(await paintedOccurrences(page, after)).toEqual([1]);
    }
  });

  it('back on the original page: painted exactly again', async () => {
    const original = fs.readFileSync(corpusSource(PAGE), 'utf8');
    const state = await serve(original);
    expect(state).toMatchObject({ painted: 1, orphans: 0 });
    expect(await poll(() => paintedOccurrences(page, mutation.quote.exact), [1])).toEqual([1]);
  });

  it('raised no errors from the extension', () => {
    expect(lens.extensionProblems()).toEqual([]);
  });
});
