// Playwright helpers for the content script's test contract (e2e builds):
// - user highlights are painted as CSS Custom Highlights `policy-lens-<colour>`;
// - the in-page UI is one <policy-lens-ui> element with an (e2e: open) shadow root;
// - `document.documentElement.dataset.policyLensState` = {"ready","painted","orphans","pageId"}
//   after each anchoring pass.
// Playwright's CSS and role locators pierce open shadow roots, so `ui(page).getByRole(...)` works.
// No Vitest import here: scripts/demo.mjs uses these helpers too.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './paths';

/** The main-world helper script (plain JS, see in-page.js). */
export const IN_PAGE_SOURCE = fs.readFileSync(path.join(ROOT, 'tests/e2e/helpers/in-page.js'), 'utf8');

/** Evaluates `expression` in the page's main world with `__policyLensTest` defined. */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(`${IN_PAGE_SOURCE}\n;(${expression})`) as Promise<T>;
}

const js = (value: unknown) => JSON.stringify(value);

export interface LensState {
  ready: boolean;
  painted: number;
  orphans: number;
  pageId: string;
}

export type Rect = { x: number; y: number; endX: number; endY: number };

export const COLOR_LABELS = ['Yellow', 'Green', 'Blue', 'Pink', 'Purple', 'Orange'] as const;
export type ColorLabel = (typeof COLOR_LABELS)[number];

export const ui = (page: Page): Locator => page.locator('policy-lens-ui');
export const toolbar = (page: Page): Locator => ui(page).getByRole('toolbar');

export const readState = (page: Page) => inPage<LensState | null>(page, '__policyLensTest.state()');

/** Waits until the content script reports a finished anchoring pass that satisfies `accept`. */
export async function waitForState(
  page: Page,
  accept: (s: LensState) => boolean = () => true,
  timeout = 15_000,
): Promise<LensState> {
  const deadline = Date.now() + timeout;
  let last: LensState | null = null;
  while (Date.now() < deadline) {
    last = await readState(page).catch(() => null);
    if (last?.ready && accept(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`content script state never matched within ${timeout} ms; last: ${js(last)}`);
}

export const highlightSizes = (page: Page) => inPage<Record<string, number>>(page, '__policyLensTest.highlightSizes()');
export const highlightTexts = (page: Page) =>
  inPage<{ name: string; text: string }[]>(page, '__policyLensTest.highlightTexts()');
export const bodyText = (page: Page) => inPage<string>(page, '__policyLensTest.bodyText()');
export const locateQuote = (page: Page, quote: string, occurrence = 1) =>
  inPage<Rect | null>(page, `__policyLensTest.locate(${js(quote)}, ${occurrence})`);
export const quoteContext = (page: Page, quote: string, occurrence = 1) =>
  inPage<{ prefix: string; suffix: string } | null>(page, `__policyLensTest.context(${js(quote)}, ${occurrence})`);

/**
 * Selects `quote` and waits for the toolbar. First the way a mouse user ends a selection
 * (selection + mouseup); if no toolbar shows, the keyboard way (Shift+Arrow out and back).
 */
export async function selectQuote(
  page: Page,
  quote: string,
  occurrence = 1,
  via: 'mouse' | 'keyboard' = 'mouse',
): Promise<Locator> {
  const selected = await inPage<{ text: string; rect: Rect } | null>(
    page,
    `__policyLensTest.select(${js(quote)}, ${occurrence}, ${via === 'mouse'})`,
  );
  if (!selected) throw new Error(`quote not found on ${page.url()}: ${js(quote)}`);
  if (normalize(selected.text) !== normalize(quote)) {
    throw new Error(`selected ${js(selected.text)} instead of ${js(quote)}`);
  }
  const bar = toolbar(page);
  try {
    if (via === 'keyboard') throw new Error('keyboard route');
    await bar.waitFor({ state: 'visible', timeout: 4_000 });
  } catch {
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowLeft');
    await bar.waitFor({ state: 'visible', timeout: 6_000 });
  }
  return bar;
}

export const normalize = (s: string): string => s.replace(/[ \t\n\r\f]+/g, ' ').trim();

export interface HighlightOptions {
  color?: ColorLabel;
  note?: string;
  tags?: string[];
  occurrence?: number;
}

/**
 * The field labelled `label` in `scope`; when it is folded away (the toolbar keeps its note in a
 * <details> disclosure), clicks the disclosure that shows the same word first.
 */
export async function revealField(scope: Locator, label: string): Promise<Locator> {
  // Only form fields: a tag list may carry the same accessible name.
  const field = scope.locator('input, textarea').and(scope.getByLabel(label, { exact: true }));
  if (!(await field.first().isVisible().catch(() => false))) {
    await scope.locator('summary').filter({ hasText: label }).first().click();
    await field.first().waitFor({ state: 'visible', timeout: 4_000 });
  }
  return field.first();
}

/**
 * Selects `quote`, fills the toolbar's note and tags if given, clicks the colour.
 * Tags are typed one by one, each followed by Enter (the tag field's own hint).
 */
export async function highlightQuote(page: Page, quote: string, options: HighlightOptions = {}): Promise<void> {
  const bar = await selectQuote(page, quote, options.occurrence ?? 1);
  const scope = ui(page);
  if (options.note !== undefined) await (await revealField(scope, 'Note')).fill(options.note);
  if (options.tags?.length) {
    const tags = await revealField(scope, 'Tags');
    for (const tag of options.tags) {
      await tags.fill(tag);
      await tags.press('Enter');
    }
  }
  await bar.getByRole('button', { name: options.color ?? 'Yellow', exact: true }).click();
}

/** Clicks the painted highlight over `quote` (a real mouse click) and returns its card. */
export async function openCard(page: Page, quote: string, occurrence = 1): Promise<Locator> {
  const rect = await locateQuote(page, quote, occurrence);
  if (!rect) throw new Error(`quote not found on ${page.url()}: ${js(quote)}`);
  await page.mouse.click(rect.x, rect.y);
  const card = ui(page).getByRole('dialog');
  await card.waitFor({ state: 'visible', timeout: 6_000 });
  return card;
}

/** Number of painted user-highlight ranges, all colours together. */
export async function paintedCount(page: Page): Promise<number> {
  const sizes = await highlightSizes(page);
  return Object.values(sizes).reduce((a, b) => a + b, 0);
}

/** Polls `fn` until it returns `expected` (deep equality) or the time runs out; returns the last value. */
export async function poll<T>(fn: () => Promise<T>, expected: T, timeout = 8_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = await fn();
  while (js(last) !== js(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await fn();
  }
  return last;
}

/** Visible occurrences (1-based) of `quote` that a painted user highlight covers. */
export const paintedOccurrences = (page: Page, quote: string) =>
  inPage<number[]>(page, `__policyLensTest.paintedOccurrences(${js(quote)})`);

// ---- Automatic suggestions (organizations, claims) -------------------------------------------
// e2e builds set `document.documentElement.dataset.policyLensAnalysis` after each analysis, and
// paint suggestions as CSS highlights `policy-lens-s-<kind>`.

export const SUGGESTION_KINDS = ['organization', 'statistic', 'comparison', 'causal', 'prediction', 'position', 'fact'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const CLAIM_KINDS: SuggestionKind[] = SUGGESTION_KINDS.filter((k) => k !== 'organization');

export interface AnalysisState {
  state: 'done' | 'off' | 'no-article' | string;
  lang: string;
  claimsEnabled: boolean;
  /** The claim convention the analysis used (lib/analysis/claims/register.ts). */
  claimMode?: 'policy' | 'checkworthy';
  organizations: number;
  claims: number;
  painted: number;
  /** From the start of analysePage to painted. */
  ms: number;
}

export interface SuggestionLayout {
  count: number;
  /** Suggestions outside the root element asked for (kind: text). */
  outside: string[];
  /** Suggestions inside nav/header/footer/aside. */
  furniture: string[];
  /** The closest element holding every suggestion (tag#id.classes), null when none. */
  common: string | null;
  /** Whether that element is <body> or <html> (i.e. the suggestions share no article container). */
  commonIsPage: boolean;
  /** Its share of the body's text (0..1). */
  commonShare: number;
}

export const readAnalysis = (page: Page) => inPage<AnalysisState | null>(page, '__policyLensTest.analysis()');

/** Waits until the content script published an analysis that satisfies `accept`. */
export async function waitForAnalysis(
  page: Page,
  accept: (s: AnalysisState) => boolean = () => true,
  timeout = 20_000,
): Promise<AnalysisState> {
  const deadline = Date.now() + timeout;
  let last: AnalysisState | null = null;
  while (Date.now() < deadline) {
    last = await readAnalysis(page).catch(() => null);
    if (last && accept(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`analysis never matched within ${timeout} ms on ${page.url()}; last: ${js(last)}`);
}

/** Every painted suggestion of `kinds` (default all): kind and normalised text. */
export const suggestionTexts = (page: Page, kinds?: readonly SuggestionKind[]) =>
  inPage<{ kind: SuggestionKind; text: string }[]>(page, `__policyLensTest.suggestions(${kinds ? js(kinds) : 'undefined'})`);

/**
 * For each visible occurrence of `quote` (inside `root` when given), the fraction of its
 * characters painted as a suggestion of `kinds` (default all).
 */
export const suggestionCoverage = (page: Page, quote: string, kinds?: readonly SuggestionKind[], root?: string) =>
  inPage<number[]>(
    page,
    `__policyLensTest.suggestionCoverage(${js(quote)}, ${kinds ? js(kinds) : 'undefined'}, ${root ? js(root) : 'undefined'})`,
  );

/** Where the suggestions lie, read by scrolling through the page; `settleMs`: a slower scan (see in-page.js). */
const suggestionLayout = (page: Page, root?: string, settleMs = 0) =>
  inPage<SuggestionLayout>(page, `__policyLensTest.suggestionLayout(${root ? js(root) : 'undefined'}, ${settleMs})`);

/**
 * `suggestionLayout`, for a check against the `painted` count the extension published: a quick scan
 * can miss highlights on a busy machine (a late observer report, in-page.js), so when its count
 * differs the page is scanned again pausing at each screen, as a reader would, and that scan is
 * the one checked.
 */
export async function paintedLayout(page: Page, painted: number, root?: string): Promise<SuggestionLayout> {
  const quick = await suggestionLayout(page, root);
  return quick.count === painted ? quick : suggestionLayout(page, root, 400);
}

/**
 * The card of a suggestion (English UI): a dialog named "Organization" or "Claim: <kind>". A user
 * highlight's card (e.g. the one opening after Accept) is another dialog, named "Highlight".
 */
export const suggestionCard = (page: Page): Locator => ui(page).getByRole('dialog', { name: /^(Organization$|Claim: )/ });

/** Rests the mouse over `quote` (scrolled into view) and returns the card that opens on hover. */
export async function hoverSuggestion(page: Page, quote: string, occurrence = 1): Promise<Locator> {
  const rect = await locateQuote(page, quote, occurrence);
  if (!rect) throw new Error(`quote not found on ${page.url()}: ${js(quote)}`);
  await page.mouse.move(rect.x - 3, rect.y);
  await page.mouse.move(rect.x, rect.y, { steps: 2 });
  const card = suggestionCard(page);
  await card.waitFor({ state: 'visible', timeout: 4_000 });
  return card;
}

/** Clicks `quote` (a real click, near its start) and returns the suggestion card that opens. */
export async function clickSuggestion(page: Page, quote: string, occurrence = 1): Promise<Locator> {
  const rect = await locateQuote(page, quote, occurrence);
  if (!rect) throw new Error(`quote not found on ${page.url()}: ${js(quote)}`);
  await page.mouse.click(rect.x, rect.y);
  const card = suggestionCard(page);
  await card.waitFor({ state: 'visible', timeout: 6_000 });
  return card;
}
