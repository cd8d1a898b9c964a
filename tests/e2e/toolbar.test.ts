// The selection toolbar's own fields and the keyboard route, on our fixture page (runs without
// ../shared): a note and tags typed in the toolbar are saved with the highlight; a keyboard
// selection (Shift+Arrow) shows the toolbar too; each colour paints under its own highlight name.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './helpers/chromium';
import { highlightQuote, highlightSizes, normalize, openCard, selectQuote, waitForState } from './helpers/lens';
import { FIXTURES } from './helpers/paths';
import { startServer, type StaticServer } from './helpers/server';

const NOTE_QUOTE = 'a yearly review will cost about $240,000';
const KEY_QUOTE = 'welcomed the vote but asked the city to publish the evaluation reports';

describe('selection toolbar (Chromium, fixture page)', () => {
  let server: StaticServer;
  let lens: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ routes: { '/local/council-ai.html': { file: path.join(FIXTURES, 'ai-policy-en.html') } } });
    lens = await launchExtension({ extensionPath: inject('chromeExtension'), allowOrigins: [server.origin] });
    page = await lens.newPage();
    await page.goto(server.url('/local/council-ai.html'), { waitUntil: 'load' });
    await waitForState(page);
  });

  afterAll(async () => {
    await lens?.close();
    await server?.close();
  });

  it('keyboard selection (Shift+Arrow) shows the toolbar; Blue paints policy-lens-blue', async () => {
    const bar = await selectQuote(page, KEY_QUOTE, 1, 'keyboard');
    await bar.getByRole('button', { name: 'Blue', exact: true }).click();
    await waitForState(page, (s) => s.painted === 1);
    expect((await highlightSizes(page))['policy-lens-blue']).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('saves the note and tags typed in the toolbar with the new highlight', async () => {
    await highlightQuote(page, NOTE_QUOTE, { color: 'Green', note: 'Cost claim: source?', tags: ['budget', 'audit'] });
    // Typing in the toolbar moves focus out of the page, which clears the page's selection: the
    // toolbar must keep the range it was opened for, not re-read the live selection on click.
    await waitForState(page, (s) => s.painted === 2);
    expect((await highlightSizes(page))['policy-lens-green']).toBe(1);

    await page.reload({ waitUntil: 'load' });
    await waitForState(page, (s) => s.painted === 2);
    const card = await openCard(page, NOTE_QUOTE);
    expect(await card.getByLabel('Note', { exact: true }).inputValue()).toBe('Cost claim: source?');
    const text = normalize(await card.innerText());
    expect(text).toContain('budget');
    expect(text).toContain('audit');
  });

  it('raised no errors from the extension', () => {
    expect(lens.extensionProblems()).toEqual([]);
  });
});
