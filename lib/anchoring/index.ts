/**
 * The one anchoring API the rest of the extension uses: describe a DOM range as a selector set,
 * and find selector sets again in a page. Nothing outside lib/anchoring knows how quotes are
 * matched (HOUSE-STYLE habit 7).
 */
import type { SelectorSet } from '../model';
import { describeSpan } from './describe';
import { anchorExact, anchorFuzzy, anchorSelectors, GramIndex, type AnchorMatch, type AnchorOptions } from './match';
import type { TextIndex } from './text-index';

export { buildTextIndex, buildTextIndexSliced, startTextIndex, type TextIndex, type TextIndexBuild, type TextIndexOptions } from './text-index';
export { describeSpan } from './describe';
export type { AnchorMatch, AnchoredMatch, OrphanMatch, AnchorOptions } from './match';

/** Selectors for a DOM range of the indexed page, or null when the range holds no indexed text. */
export function describeRange(index: TextIndex, range: Range): SelectorSet | null {
  const offsets = index.offsetsOf(range);
  if (!offsets) return null;
  let { start, end } = offsets;
  // A selection often starts or ends on a collapsed space: the quote is the words.
  while (start < end && index.text[start] === ' ') start++;
  while (end > start && index.text[end - 1] === ' ') end--;
  if (end <= start) return null;
  return describeSpan(index.text, start, end);
}

/** Finds one stored selector set in the page text. */
export function anchor(text: string, selectors: SelectorSet, opts?: AnchorOptions): AnchorMatch {
  return anchorSelectors(text, selectors, opts);
}

export interface AnchorItem {
  id: string;
  selectors: SelectorSet;
}

export interface AnchorManyOptions extends AnchorOptions {
  /** Stops the work (the result then holds what was anchored so far). */
  signal?: AbortSignal;
  /** Gives the main thread back to the page between slices (e.g. requestIdleCallback-based). */
  yieldToHost?: () => Promise<void>;
  /** Longest synchronous slice, in ms (default 8). */
  sliceMs?: number;
  /** Clock, for tests (default performance.now). */
  now?: () => number;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const defaultNow = () => performance.now();

/**
 * Anchors many annotations without blocking the page: every cheap exact pass first (so most
 * highlights can be painted at once), then the fuzzy searches, in slices of at most ~sliceMs
 * separated by `yieldToHost`. Stops when `signal` aborts.
 */
export async function anchorMany(
  text: string,
  items: readonly AnchorItem[],
  opts: AnchorManyOptions = {},
): Promise<Map<string, AnchorMatch>> {
  const { signal, sliceMs = 8 } = opts;
  const yieldToHost = opts.yieldToHost ?? defaultYield;
  const now = opts.now ?? defaultNow;
  const out = new Map<string, AnchorMatch>();
  const fuzzy: AnchorItem[] = [];
  let sliceStart = now();
  const maybeYield = async () => {
    if (now() - sliceStart >= sliceMs) {
      await yieldToHost();
      sliceStart = now();
    }
  };
  // Many annotations on one page: index its trigrams once (a few ms), so each exact or fuzzy
  // search costs its hits rather than a scan of the whole text.
  const grams = opts.grams ?? (items.length >= 16 ? new GramIndex(text) : undefined);
  if (grams && !opts.grams) await maybeYield();
  for (const item of items) {
    if (signal?.aborted) return out;
    const m = anchorExact(text, item.selectors, grams);
    if (m) out.set(item.id, m);
    else fuzzy.push(item);
    await maybeYield();
  }
  const fuzzyOpts: AnchorOptions = grams ? { ...opts, grams } : fuzzy.length >= 4 ? { ...opts, grams: new GramIndex(text) } : opts;
  for (const item of fuzzy) {
    if (signal?.aborted) return out;
    out.set(item.id, anchorFuzzy(text, item.selectors, fuzzyOpts));
    await maybeYield();
  }
  return out;
}

/** The same as `anchorMany` in one synchronous run (Node scripts, tests). */
export function anchorManySync(text: string, items: readonly AnchorItem[], opts: AnchorOptions = {}): Map<string, AnchorMatch> {
  const out = new Map<string, AnchorMatch>();
  for (const item of items) out.set(item.id, anchorSelectors(text, item.selectors, opts));
  return out;
}
