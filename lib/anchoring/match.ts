/**
 * Re-anchoring a stored selector set in a normalised text. Pure (strings in, offsets out).
 *
 * Order of cost (DESIGN-NOTES §2):
 *  (a) the stored position, when it still holds the exact quote and the context agrees;
 *  (b) every exact occurrence of the quote, chosen by prefix/suffix similarity; a tie → orphan;
 *  (c) a fuzzy match (Myers bit-parallel via approx-string-match) with a tight error budget,
 *      scored into a confidence and accepted only above a threshold.
 *
 * Unlike Hypothesis (any candidate within len/2 errors, no threshold: "Linus" → "chines",
 * h#2634), every accepted match has to be supported by the quote itself *and* by its context
 * unless the quote is long enough to identify itself. When in doubt we orphan: a missing
 * highlight is visible and recoverable, a highlight on the wrong words silently misleads.
 *
 * Speed: the fuzzy search never scans the whole page with Myers. By the pigeonhole principle a
 * match with ≤ k errors contains at least one of k+1 disjoint pieces of the quote unchanged, so
 * we find those pieces with the native indexOf and verify only small windows around them
 * (Myers over a 130k-char page costs ~1–3 ms per quote; the filter ~0.05 ms).
 */
import search from 'approx-string-match';
import type { SelectorSet } from '../model';
import { TrigramModel } from './similarity';

export type AnchorMatch =
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; confidence: number }
  | { status: 'orphan'; confidence: number; reason: 'not-found' | 'ambiguous' | 'low-confidence' };

export type AnchoredMatch = Extract<AnchorMatch, { start: number }>;
export type OrphanMatch = Extract<AnchorMatch, { status: 'orphan' }>;

export interface AnchorOptions {
  /** A trigram index of the text, shared by many fuzzy searches on it (see anchorMany). */
  grams?: GramIndex;
  /** Minimum confidence of a fuzzy match (default 0.8). */
  minFuzzyConfidence?: number;
  /** Quotes longer than this are matched by head and tail, then checked in full (default 256). */
  longQuote?: number;
}

/** Collapses whitespace the way the text index does, so stored selectors compare with its text. */
export function normalizeSelectorText(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ');
}

interface Prepared {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  prefixModel: TrigramModel;
  suffixModel: TrigramModel;
}

function prepare(selectors: SelectorSet): Prepared {
  const [quote, position] = selectors;
  const exact = normalizeSelectorText(quote.exact);
  const start = Number.isFinite(position?.start) ? position.start : -1;
  const prefix = normalizeSelectorText(quote.prefix ?? '');
  const suffix = normalizeSelectorText(quote.suffix ?? '');
  return {
    exact,
    prefix,
    suffix,
    start,
    end: start >= 0 ? start + exact.length : -1,
    prefixModel: new TrigramModel(prefix),
    suffixModel: new TrigramModel(suffix),
  };
}

// ---------------------------------------------------------------------------
// Context evidence

/** Similarity (0..1) of the stored context on one side with the text at a candidate; null = no evidence. */
function sideSimilarity(model: TrigramModel, text: string, at: number, before: boolean): number | null {
  const stored = model.stored;
  const p = stored.length;
  if (p === 0) {
    // An empty stored side means the quote touched the text's edge: evidence only if it still does.
    const atEdge = before ? at === 0 : at >= text.length;
    return atEdge ? 1 : null;
  }
  // A window with some slack, so that a word inserted into the context costs only the trigrams
  // it breaks, but at a price: otherwise a short passage inserted right next to a copy of the
  // quote (a duplicate sentence) would look like a perfect context.
  const slack = 16;
  let sim: number;
  if (before) {
    if (text.startsWith(stored, at - p)) return 1;
    sim = Math.max(model.containment(text, Math.max(0, at - p), at), model.containment(text, Math.max(0, at - p - slack), at) - 0.15);
  } else {
    if (text.startsWith(stored, at)) return 1;
    sim = Math.max(model.containment(text, at, Math.min(text.length, at + p)), model.containment(text, at, Math.min(text.length, at + p + slack)) - 0.15);
  }
  // Very short stored context (quote near the edge of the text) is weak evidence.
  if (p < 12) sim = 0.4 + (sim - 0.4) * (p / 12);
  return Math.max(0, sim);
}

/**
 * Context score (0..1) of a candidate at [start, end). One side agreeing fully is strong evidence
 * (an insertion before a paragraph replaces the whole prefix of a quote that opens it), so the
 * better side weighs more than the worse one.
 */
export function contextScore(text: string, q: Pick<Prepared, 'prefixModel' | 'suffixModel'>, start: number, end: number): number {
  return combineSides(sideSimilarity(q.prefixModel, text, start, true), sideSimilarity(q.suffixModel, text, end, false));
}

function combineSides(p: number | null, s: number | null): number {
  if (p === null && s === null) return 0.5;
  if (p === null) return s!;
  if (s === null) return p;
  const hi = Math.max(p, s);
  const lo = Math.min(p, s);
  return 0.65 * hi + 0.35 * lo;
}

/** How close a position is to the stored one (0..1, 0 beyond a few thousand characters). */
function nearness(textLength: number, stored: number, at: number): number {
  if (stored < 0) return 0.5;
  const scale = Math.max(3000, textLength * 0.1);
  return Math.max(0, 1 - Math.abs(at - stored) / scale);
}

/**
 * Evidence for an exact occurrence: its context, plus a bonus when it is near the stored position
 * and a penalty when it is far. Position alone never decides, but it separates "the paragraph
 * got an ad or an update note before it" (near, one side of context intact) from "the sentence
 * was deleted and a look-alike remains elsewhere on the page" (typically far away).
 */
function exactEvidence(text: string, q: Prepared, at: number, occurrences: number): { ctx: number; evidence: number } {
  const end = at + q.exact.length;
  const p = sideSimilarity(q.prefixModel, text, at, true);
  const s = sideSimilarity(q.suffixModel, text, end, false);
  const ctx = combineSides(p, s);
  const near = nearness(text.length, q.start, at);
  let evidence = ctx + 0.3 * near - 0.15;
  // A short quote (a name, a word) recurs by chance: when a sentence is deleted, the next
  // occurrence of "The" or of a name may sit right where the old one was, with one side of its
  // context intact. So a short quote needs both sides of its context to agree — except the
  // signature of a block inserted next to its paragraph: one side fully intact, still close to
  // its old position. A deleted sentence leaves a look-alike with an intact *prefix* when the
  // quote began its sentence and the next sentence begins with the same word ("The", a name
  // that is the subject of the article), so that side is trusted only for rare quotes; an
  // intact *suffix* with a replaced prefix is what an update note or ad inserted before the
  // paragraph produces, and a deletion rarely does.
  const need = minSideSimilarity(q.exact.length);
  if (need > 0 && p !== null && s !== null && Math.min(p, s) < need) {
    const oneSided = near >= 0.7 && q.exact.length >= 4 && ((s >= 0.95 && occurrences <= 20) || (p >= 0.95 && occurrences <= 3));
    if (!oneSided) evidence = Math.min(evidence, 0);
  }
  return { ctx, evidence };
}

function minSideSimilarity(len: number): number {
  if (len < 16) return 0.5;
  if (len < 32) return 0.3;
  return 0;
}

/**
 * Evidence needed to accept an exact occurrence of a quote that is unique in the text. Short quotes
 * (an organisation name) say little by themselves; from ~128 characters a unique quote is its own
 * proof. A repeated quote always needs its context.
 */
function uniqueExactThreshold(len: number): number {
  if (len <= 24) return 0.6;
  if (len >= 128) return -Infinity;
  // A unique sentence-sized quote close to its old place needs little context: ads or notes
  // inserted on both sides of a one-paragraph quote replace all of it.
  if (len <= 48) return 0.6 - ((len - 24) / 24) * 0.5; // 0.6 → 0.1
  return 0.1 - ((len - 48) / 80) * 0.4; // 0.1 → -0.3
}
const REPEATED_EXACT_THRESHOLD = 0.6;
/** The best candidate must beat the runner-up by this much, else the match is ambiguous. */
const AMBIGUITY_MARGIN = 0.1;

function allIndexesOf(text: string, needle: string, limit = 100_000): number[] {
  const out: number[] = [];
  let i = text.indexOf(needle);
  while (i >= 0 && out.length < limit) {
    out.push(i);
    i = text.indexOf(needle, i + 1);
  }
  return out;
}

/** For evaluation and debugging: the evidence behind each exact occurrence. */
export function explainExact(text: string, selectors: SelectorSet): { at: number; prefix: number | null; suffix: number | null; ctx: number; evidence: number }[] {
  const q = prepare(selectors);
  return allIndexesOf(text, q.exact, 50).map((at) => ({
    at,
    prefix: sideSimilarity(q.prefixModel, text, at, true),
    suffix: sideSimilarity(q.suffixModel, text, at + q.exact.length, false),
    ...exactEvidence(text, q, at, allIndexesOf(text, q.exact, 50).length),
  }));
}

/**
 * The occurrences worth scoring in full when there are very many: those close to the stored
 * position, and those with the most context characters agreeing right next to them (a cheap
 * character comparison). The rest lost both sides and are far away, so their evidence is below
 * any threshold anyway.
 */
function mostPromising(text: string, q: Prepared, hits: number[], keep: number): number[] {
  const len = q.exact.length;
  const pl = q.prefix.length;
  const near: number[] = [];
  const scored: [number, number][] = [];
  for (const h of hits) {
    if (q.start >= 0 && Math.abs(h - q.start) <= 3000) {
      near.push(h);
      continue;
    }
    let a = 0;
    while (a < pl && text.charCodeAt(h - 1 - a) === q.prefix.charCodeAt(pl - 1 - a)) a++;
    let b = 0;
    while (b < q.suffix.length && text.charCodeAt(h + len + b) === q.suffix.charCodeAt(b)) b++;
    scored.push([h, a + b]);
  }
  scored.sort((x, y) => y[1] - x[1]);
  return [...near.slice(0, 200), ...scored.slice(0, keep).map((x) => x[0])];
}

// ---------------------------------------------------------------------------
// (a) + (b): exact passes

/**
 * The cheap passes. Returns a final match, or null when only a fuzzy search can decide
 * (quote not found, or found only where the context disagrees).
 */
export function anchorExact(text: string, selectors: SelectorSet, grams?: GramIndex): AnchorMatch | null {
  const g = grams && grams.text === text ? grams : undefined;
  const q = prepare(selectors);
  if (!q.exact) return { status: 'orphan', confidence: 0, reason: 'not-found' };
  const len = q.exact.length;

  // (a) the stored position
  if (q.start >= 0 && text.startsWith(q.exact, q.start)) {
    // Both sides intact: done, without scanning the text (the common case on an unchanged page).
    if (text.startsWith(q.prefix, q.start - q.prefix.length) && text.startsWith(q.suffix, q.end)) {
      return { status: 'exact', start: q.start, end: q.end, confidence: 1 };
    }
    const unique = g ? g.findAll(q.exact, 2).length === 1 : text.indexOf(q.exact) === q.start && text.indexOf(q.exact, q.start + 1) < 0;
    const { ctx, evidence } = exactEvidence(text, q, q.start, unique ? 1 : 2);
    if ((ctx >= 0.5 && evidence > 0) || (unique && evidence >= uniqueExactThreshold(len))) {
      return { status: 'exact', start: q.start, end: q.end, confidence: 1 };
    }
  }

  // (b) every occurrence of the exact quote
  const hits = g ? g.findAll(q.exact) : allIndexesOf(text, q.exact);
  if (hits.length === 0) return null;
  let best = -1;
  let bestScore = -Infinity;
  let second = -Infinity;
  // A very common quote ("the", a name repeated 500 times on a long page): score in full only
  // the occurrences that could win — near the stored position, or with a few characters of
  // context intact right next to them. The others are far and lost both sides, so their
  // evidence is below any threshold anyway.
  const scored = hits.length > 64 ? mostPromising(text, q, hits, 48) : hits;
  for (const h of scored) {
    const { evidence } = exactEvidence(text, q, h, hits.length);
    if (evidence > bestScore) {
      second = bestScore;
      bestScore = evidence;
      best = h;
    } else if (evidence > second) second = evidence;
  }
  const threshold = hits.length === 1 ? uniqueExactThreshold(len) : REPEATED_EXACT_THRESHOLD;
  if (bestScore < threshold) return null; // maybe a fuzzy match with a better context exists
  if (hits.length > 1 && bestScore - second < AMBIGUITY_MARGIN) {
    return { status: 'orphan', confidence: 0, reason: 'ambiguous' };
  }
  return { status: best === q.start ? 'exact' : 'moved', start: best, end: best + len, confidence: 1 };
}

// ---------------------------------------------------------------------------
// (c) fuzzy pass

/** Errors allowed for a quote of this length: none for short quotes, ~12% for long ones. */
export function errorBudget(len: number): number {
  if (len < 12) return 0;
  if (len < 24) return 1 + Math.floor((len - 12) / 8); // 12–19: 1, 20–23: 2
  return Math.min(64, Math.floor(len * 0.12));
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

const MAX_PIECE_HITS = 2000;
/** Largest range scanned with Myers directly when the piece filter cannot help. */
const MAX_SCAN = 12_000;

/**
 * Positions of every character trigram of a text, built once when many fuzzy searches run on the
 * same text (anchorMany): a piece lookup then costs its hits instead of a scan of the whole page
 * (indexOf over a 130k-char two-byte string is ~0.5 ms, times every piece of every quote).
 */
export class GramIndex {
  private static readonly BITS = 18;
  /** Bucket b holds positions order[start[b] .. start[b+1]). */
  private readonly start: Int32Array;
  private readonly order: Int32Array;
  constructor(readonly text: string) {
    // Counting sort of positions by a hash of their trigram: typed arrays only, a few ms.
    const n = Math.max(0, text.length - 2);
    const size = 1 << GramIndex.BITS;
    const keys = new Int32Array(n);
    const start = new Int32Array(size + 1);
    for (let i = 0; i < n; i++) {
      const k = GramIndex.hash(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2));
      keys[i] = k;
      start[k + 1]!++;
    }
    for (let b = 0; b < size; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, size);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[fill[keys[i]!]!++] = i;
    this.start = start;
    this.order = order;
  }
  private static hash(a: number, b: number, c: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> (32 - GramIndex.BITS);
  }
  /** All start positions of `exact`, ascending (via its rarest trigram). */
  findAll(exact: string, limit = 100_000): number[] {
    if (exact.length < 3) return allIndexesOf(this.text, exact, limit);
    let bestOff = 0;
    let bestSize = Infinity;
    for (let o = 0; o + 2 < exact.length && o < 64; o++) {
      const b = GramIndex.hash(exact.charCodeAt(o), exact.charCodeAt(o + 1), exact.charCodeAt(o + 2));
      const size = this.start[b + 1]! - this.start[b]!;
      if (size < bestSize) {
        bestSize = size;
        bestOff = o;
      }
    }
    const b = GramIndex.hash(exact.charCodeAt(bestOff), exact.charCodeAt(bestOff + 1), exact.charCodeAt(bestOff + 2));
    const out: number[] = [];
    for (let j = this.start[b]!, end = this.start[b + 1]!; j < end && out.length < limit; j++) {
      const i = this.order[j]! - bestOff;
      if (i >= 0 && this.text.startsWith(exact, i)) out.push(i);
    }
    return out;
  }

  /** Start positions of `piece` (≥ 3 chars), ascending; null when there are more than `limit`. */
  find(piece: string, limit: number): number[] | null {
    const b = GramIndex.hash(piece.charCodeAt(0), piece.charCodeAt(1), piece.charCodeAt(2));
    const out: number[] = [];
    for (let j = this.start[b]!, end = this.start[b + 1]!; j < end; j++) {
      const i = this.order[j]!;
      if (this.text.startsWith(piece, i)) {
        out.push(i);
        if (out.length > limit) return null;
      }
    }
    return out;
  }
}

/**
 * Approximate occurrences of `pattern` with ≤ k errors in text[lo, hi).
 *
 * Filter (lossless, q-gram lemma): cut the pattern into P ≥ k+1 disjoint pieces; k edits destroy
 * at most k of them, so a real match holds ≥ P−k pieces unchanged, all on nearly the same
 * diagonal (text offset − pattern offset, within ±k). Pieces are found with the native indexOf;
 * only clusters of ≥ P−k hits within 2k diagonals are verified with Myers (approx-string-match).
 * A piece too common to be useful is dropped and the required count lowered by one.
 */
function fuzzyCandidates(text: string, pattern: string, k: number, lo = 0, hi = text.length, grams?: GramIndex): Candidate[] {
  if (lo > 0 || hi < text.length) {
    // A window: search its own (short) copy, then shift the offsets back.
    return fuzzyCandidates(text.slice(lo, hi), pattern, k).map((c) => ({ start: c.start + lo, end: c.end + lo, errors: c.errors }));
  }
  const len = pattern.length;
  const pieces = Math.max(k + 1, Math.min(64, Math.floor(len / 6)));
  const pieceLen = Math.floor(len / pieces);
  let need = pieces - k;
  if (pieceLen < 3) {
    // Filter useless: scan the range with Myers directly, if it is small enough.
    if (hi - lo > MAX_SCAN) return [];
    return search(text.slice(lo, hi), pattern, k).map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }));
  }
  const diagonals: number[] = [];
  for (let p = 0; p < pieces; p++) {
    const off = p * pieceLen;
    const piece = pattern.slice(off, p === pieces - 1 ? len : off + pieceLen);
    const mark = diagonals.length;
    if (grams && grams.text === text) {
      const found = grams.find(piece, MAX_PIECE_HITS);
      if (found) for (const i of found) diagonals.push(i - off);
      else need--; // too common: drop this piece (one fewer intact piece is guaranteed)
      continue;
    }
    let i = text.indexOf(piece, lo);
    while (i >= 0 && i < hi) {
      diagonals.push(i - off);
      if (diagonals.length - mark > MAX_PIECE_HITS) {
        diagonals.length = mark; // too common: drop this piece (one fewer intact piece is guaranteed)
        need--;
        break;
      }
      i = text.indexOf(piece, i + 1);
    }
  }
  if (need <= 0) {
    if (hi - lo > MAX_SCAN) return [];
    return search(text.slice(lo, hi), pattern, k).map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }));
  }
  if (diagonals.length < need) return [];
  diagonals.sort((a, b) => a - b);
  const windows: [number, number][] = [];
  for (let a = 0, b = 0; b < diagonals.length; b++) {
    while (diagonals[b]! - diagonals[a]! > 2 * k) a++;
    if (b - a + 1 >= need) {
      const w0 = Math.max(lo, diagonals[b]! - 2 * k);
      const w1 = Math.min(hi, diagonals[a]! + len + 2 * k);
      const last = windows[windows.length - 1];
      if (last && w0 <= last[1]) last[1] = Math.max(last[1], w1);
      else windows.push([w0, w1]);
    }
  }
  // A short quote of common pieces (need = 1) clusters everywhere: verify near the old place only.
  if (windows.length > MAX_WINDOWS) return [];
  const out: Candidate[] = [];
  for (const [a, b] of windows) {
    for (const m of search(text.slice(a, b), pattern, k)) out.push({ start: m.start + a, end: m.end + a, errors: m.errors });
  }
  return out;
}
const MAX_WINDOWS = 150;

/** Trims whitespace the match picked up at its edges (the quote itself has none there). */
function trimToQuote(text: string, c: Candidate, exact: string): Candidate {
  let { start, end } = c;
  if (exact[0] !== ' ') while (start < end && text[start] === ' ') start++;
  if (exact[exact.length - 1] !== ' ') while (end > start && text[end - 1] === ' ') end--;
  return { start, end, errors: c.errors };
}

/** Long quotes: locate head and tail, then check the whole quote only in the window they span. */
function longQuoteCandidates(text: string, exact: string, k: number): Candidate[] {
  const part = 64;
  const head = exact.slice(0, part);
  const tail = exact.slice(exact.length - part);
  const kPart = errorBudget(part);
  const heads = fuzzyCandidates(text, head, kPart);
  if (heads.length === 0 || heads.length > 50) return [];
  const tails = fuzzyCandidates(text, tail, kPart);
  if (tails.length === 0 || tails.length > 50) return [];
  const out: Candidate[] = [];
  for (const h of heads) {
    for (const t of tails) {
      const span = t.end - h.start;
      if (span < exact.length - k || span > exact.length + k) continue;
      const a = Math.max(0, h.start - 2);
      const b = Math.min(text.length, t.end + 2);
      const window = text.slice(a, b);
      if (window.includes(exact)) {
        const i = window.indexOf(exact);
        out.push({ start: a + i, end: a + i + exact.length, errors: 0 });
        continue;
      }
      for (const m of search(window, exact, k)) out.push({ start: m.start + a, end: m.end + a, errors: m.errors });
    }
  }
  return out;
}

/** The fuzzy pass alone (after `anchorExact` returned null). */
export function anchorFuzzy(text: string, selectors: SelectorSet, opts: AnchorOptions = {}): AnchorMatch {
  const q = prepare(selectors);
  const len = q.exact.length;
  const k = errorBudget(len);
  if (k === 0 || len === 0) return { status: 'orphan', confidence: 0, reason: 'not-found' };
  const minConf = opts.minFuzzyConfidence ?? 0.8;
  const longQuote = opts.longQuote ?? 256;

  const score = (c: Candidate) => {
    const quoteSim = 1 - c.errors / len;
    const ctx = contextScore(text, q, c.start, c.end);
    const pos = nearness(text.length, q.start, c.start);
    // Long quotes carry their own evidence; short ones lean on their context.
    const wq = len >= 128 ? 0.75 : 0.55;
    return { quoteSim, ctx, confidence: wq * quoteSim + (0.9 - wq) * ctx + 0.1 * pos };
  };

  const decide = (cands: Candidate[]): AnchorMatch | null => {
    let best: { c: Candidate; confidence: number } | null = null;
    let second = 0;
    for (const raw of cands) {
      // Exact occurrences were already judged (and rejected) by the exact passes.
      if (raw.errors === 0) continue;
      const c = trimToQuote(text, raw, q.exact);
      if (c.end <= c.start) continue;
      const s = score(c);
      if (s.quoteSim < 0.75) continue;
      if (!best || s.confidence > best.confidence) {
        if (best && !overlaps(best.c, c)) second = Math.max(second, best.confidence);
        best = { c, confidence: s.confidence };
      } else if (!overlaps(best.c, c)) second = Math.max(second, s.confidence);
    }
    if (!best) return null;
    if (best.confidence < minConf) return { status: 'orphan', confidence: round(best.confidence), reason: 'low-confidence' };
    if (best.confidence - second < AMBIGUITY_MARGIN / 2) return { status: 'orphan', confidence: round(best.confidence), reason: 'ambiguous' };
    return { status: 'fuzzy', start: best.c.start, end: best.c.end, confidence: round(best.confidence) };
  };

  if (len > longQuote) {
    return decide(longQuoteCandidates(text, q.exact, k)) ?? { status: 'orphan', confidence: 0, reason: 'not-found' };
  }
  // Near the old position first: an edited passage usually stays roughly where it was.
  if (q.start >= 0) {
    const radius = 2048 + len;
    const lo = Math.max(0, q.start - radius);
    const hi = Math.min(text.length, q.end + radius);
    const near = decide(fuzzyCandidates(text, q.exact, k, lo, hi));
    if (near && near.status === 'fuzzy' && near.confidence >= 0.9) return near;
  }
  return decide(fuzzyCandidates(text, q.exact, k, 0, text.length, opts.grams)) ?? { status: 'orphan', confidence: 0, reason: 'not-found' };
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Finds a stored selector set in `text`: exact, moved, fuzzy (with a confidence) or orphan. */
export function anchorSelectors(text: string, selectors: SelectorSet, opts: AnchorOptions = {}): AnchorMatch {
  return anchorExact(text, selectors) ?? anchorFuzzy(text, selectors, opts);
}
