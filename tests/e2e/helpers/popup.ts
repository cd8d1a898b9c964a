// Playwright helpers for the popup (popup.html opened as a tab, see chromium.ts `openPopup`).
// The contract: tabs "This page" / "All pages", a search box, a list of annotations showing the
// quote, the note and a status ("exact", "moved", "fuzzy N%", "not found").
import type { Locator, Page } from 'playwright-core';

/** Switches to the "All pages" view (the only one that works when the popup is a tab). */
export async function showAllPages(popup: Page): Promise<void> {
  const tab = popup.getByRole('tab', { name: 'All pages' });
  await tab.click();
  await popup.waitForFunction(() => true); // let Preact render
}

/** Types into the popup's search box. */
export async function search(popup: Page, text: string): Promise<void> {
  const box = popup.getByRole('searchbox').or(popup.getByRole('textbox', { name: /search/i })).first();
  await box.fill(text);
}

/** The list item showing `quote` (matched on its first words, in case the popup shortens it). */
export function item(popup: Page, quote: string): Locator {
  const start = quote.split(/\s+/).slice(0, 5).join(' ');
  return popup.getByRole('listitem').filter({ hasText: start });
}

const button = (scope: Locator | Page, name: RegExp): Locator => scope.getByRole('button', { name });

/**
 * Edits an annotation's note from the popup: uses a "Note" field in the item if there is one,
 * else clicks the item's "Edit" button first; saves with a "Save" button when there is one,
 * otherwise by leaving the field.
 */
export async function editNote(popup: Page, entry: Locator, note: string): Promise<void> {
  let field = entry.getByLabel('Note', { exact: true });
  if (!(await field.isVisible().catch(() => false))) {
    await button(entry, /edit/i).first().click();
    field = entry.getByLabel('Note', { exact: true }).or(popup.getByLabel('Note', { exact: true })).first();
  }
  await field.fill(note);
  const save = button(popup, /^save/i);
  if (await save.first().isVisible().catch(() => false)) await save.first().click();
  else await field.press('Tab');
}

export async function deleteEntry(entry: Locator): Promise<void> {
  await button(entry, /delete/i).first().click();
}

export async function undo(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Undo' }).click();
}

/**
 * Changes analysis settings as the options page would: merges `patch` into the stored
 * `settings.analysis` (chrome.storage.sync, read from an extension page), then brings `page`
 * back to the front. The content script re-analyses on the storage change.
 */
export async function setAnalysisSettings(lens: { openPopup(): Promise<Page> }, page: Page, patch: Record<string, unknown>): Promise<void> {
  const popup = await lens.openPopup();
  try {
    await popup.evaluate(async (p) => {
      type Sync = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
      const sync = (globalThis as unknown as { chrome: { storage: { sync: Sync } } }).chrome.storage.sync;
      const { settings } = (await sync.get('settings')) as { settings?: { analysis?: object } };
      const base = settings ?? { version: 1, analysis: {} };
      await sync.set({ settings: { ...base, version: 1, analysis: { ...base.analysis, ...p } } });
    }, patch);
  } finally {
    await popup.close();
  }
  await page.bringToFront();
}
