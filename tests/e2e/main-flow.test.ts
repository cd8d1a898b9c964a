// The reader's main flow in Chromium with the built e2e extension: highlight from the toolbar,
// reload, the in-page card, and the popup's list (edit note, delete, undo).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './helpers/chromium';
import {
  bodyText,
  highlightQuote,
  highlightSizes,
  highlightTexts,
  normalize,
  openCard,
  paintedCount,
  poll,
  ui,
  waitForState,
} from './helpers/lens';
import { FIXTURES, corpusAvailable, corpusSource, reportMissingCorpus } from './helpers/paths';
import { deleteEntry, editNote, item, search, showAllPages, undo } from './helpers/popup';
import { startServer, type StaticServer } from './helpers/server';
import path from 'node:path';

// A real saved page when the shared corpus is here; our own fixture otherwise.
const TARGET = corpusAvailable()
  ? { file: corpusSource('nytimes-2'), quote: 'at the closing, Yahoo will sell the stock in the single subsidiary' }
  : { file: path.join(FIXTURES, 'ai-policy-en.html'), quote: 'residents will be able to ask for a human review' };
if (!corpusAvailable()) reportMissingCorpus('main flow on nytimes-2 (ran on tests/fixtures/pages/ai-policy-en.html instead)');

const NOTE = 'Check the tax treatment of this sale';

describe('main flow (Chromium)', () => {
  let server: StaticServer;
  let lens: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ routes: { '/news/article.html': { file: TARGET.file } } });
    lens = await launchExtension({ extensionPath: inject('chromeExtension'), allowOrigins: [server.origin] });
    page = await lens.newPage();
    await page.goto(server.url('/news/article.html'), { waitUntil: 'load' });
    await waitForState(page);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('highlights the selection from the toolbar without changing the page text', async () => {
    const before = await bodyText(page);
    expect(await paintedCount(page)).toBe(0);

    await highlightQuote(page, TARGET.quote, { color: 'Yellow' });

    const state = await waitForState(page, (s) => s.painted === 1);
    expect(state.orphans).toBe(0);
    expect((await highlightSizes(page))['policy-lens-yellow']).toBe(1);
    expect(await highlightTexts(page)).toEqual([{ name: 'policy-lens-yellow', text: normalize(TARGET.quote) }]);
    expect(await bodyText(page)).toBe(before);
  });

  it('paints it again after a reload', async () => {
    await page.reload({ waitUntil: 'load' });
    await waitForState(page, (s) => s.painted === 1);
    expect(await highlightTexts(page)).toEqual([{ name: 'policy-lens-yellow', text: normalize(TARGET.quote) }]);
  });

  it('opens a card on click; Delete unpaints it and Undo brings it back', async () => {
    const card = await openCard(page, TARGET.quote);
    const label = (await card.getAttribute('aria-label')) ?? (await card.getAttribute('aria-labelledby'));
    expect(label, 'the card (role=dialog) has an accessible name').toBeTruthy();
    await expect.poll(() => card.getByRole('button', { name: 'Delete' }).count()).toBeGreaterThan(0);

    await card.getByRole('button', { name: 'Delete' }).click();
    expect(await poll(() => paintedCount(page), 0)).toBe(0);

    await ui(page).getByRole('button', { name: 'Undo' }).click();
    expect(await poll(() => paintedCount(page), 1)).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('lists it in the popup (All pages) and saves a note edited there', async () => {
    const popup = await lens.openPopup();
    try {
      await showAllPages(popup);
      await search(popup, TARGET.quote.split(' ').slice(0, 4).join(' '));
      const entry = item(popup, TARGET.quote);
      await entry.first().waitFor({ state: 'visible', timeout: 8_000 });
      expect(await entry.count()).toBe(1);
      await expect.poll(() => entry.innerText()).toMatch(/exact/i);

      await editNote(popup, entry, NOTE);
      await expect.poll(() => entry.innerText()).toContain(NOTE);
      // A fresh popup reads the note back from storage.
      await popup.reload();
      await showAllPages(popup);
      await expect.poll(() => item(popup, TARGET.quote).innerText(), { timeout: 8_000 }).toContain(NOTE);
    } finally {
      await popup.close();
    }
    // The page's card shows the new note (after a reload at the latest).
    await page.bringToFront();
    await page.reload({ waitUntil: 'load' });
    await waitForState(page, (s) => s.painted === 1);
    const card = await openCard(page, TARGET.quote);
    await expect.poll(async () => (await card.innerText()) + (await card.getByLabel('Note').inputValue().catch(() => ''))).toContain(NOTE);
    await page.keyboard.press('Escape');
  });

  it('deletes it from the popup and undoes the delete; the page follows', async () => {
    // Soft checks: whether the open page repaints live (the background tells its content script);
    // hard checks: what a reload shows, i.e. what was stored.
    const popup = await lens.openPopup();
    try {
      await showAllPages(popup);
      const entry = item(popup, TARGET.quote);
      await entry.first().waitFor({ state: 'visible', timeout: 8_000 });

      await deleteEntry(entry);
      await page.bringToFront();
      expect.soft(await poll(() => paintedCount(page), 0), 'page unpainted live after delete in popup').toBe(0);
      await page.reload({ waitUntil: 'load' });
      await waitForState(page, (s) => s.painted === 0);
      expect(await paintedCount(page)).toBe(0);

      await popup.bringToFront();
      await undo(popup);
      await page.bringToFront();
      expect.soft(await poll(() => paintedCount(page), 1), 'page repainted live after undo in popup').toBe(1);
      await page.reload({ waitUntil: 'load' });
      await waitForState(page, (s) => s.painted === 1);
      expect(await highlightTexts(page)).toEqual([{ name: 'policy-lens-yellow', text: normalize(TARGET.quote) }]);
    } finally {
      await popup.close();
    }
  });

  it('raised no errors from the extension', () => {
    expect(lens.extensionProblems()).toEqual([]);
  });
});
