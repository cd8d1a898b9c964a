/**
 * Runs `analyze` over a long article in slices, so the page's main thread is never held for long:
 * the text is cut at paragraph boundaries ('\n') into chunks of about `chunkChars`, each analysed
 * on its own (offsets shifted back), with `yieldToHost` between them. The language is decided
 * once, on the whole text, so every chunk is read the same way.
 *
 * Progressive: `first` names a span to analyse before the rest (what the reader sees), widened to
 * paragraph breaks; the rest follows in document order. `onChunk` gets each chunk's findings as
 * soon as they exist (to paint them). The merged result is put back in document order, so it is
 * the one a pass from the top gives: chunks are cut at the same kind of boundary either way.
 *
 * The text may come in two parts: `text` its beginning, `rest` all of it, asked for only once the
 * beginning no longer suffices (so the first chunks of a long page are analysed while the rest of
 * its text is still to be read). Every decision taken on the beginning (language, cuts) is one the
 * whole text gives too.
 */
import { lexiconFor } from './claims/cues';
import { CLAIM_MODEL } from './claims/model.generated';
import { parseVocab } from './claims/model';
import { forcedClaimMode, textRegister } from './claims/register';
import { REGISTER_MODEL } from './claims/register.generated';
import { analyze } from './index';
import { findOrganizations, getOrgModel } from './orgs';
import { getGazetteer } from './orgs/gazetteer';
import { detectLanguage, splitSentences } from './text';
import type { AnalysisResult, ClaimMode, ClaimModeSetting } from './types';

export interface ChunkedOptions {
  /** The page's declared language (used when detection cannot tell). */
  langHint?: string;
  /** Size of the first chunk; later chunks grow or shrink to take about `sliceMs` each. */
  chunkChars?: number;
  /** Target duration of one chunk, in ms (default 10). */
  sliceMs?: number;
  /** Stop past this many characters in all (the rest is not analysed; `gaveUp` says so). */
  maxChars?: number;
  /** Total time budget in ms (checked between chunks and inside each). */
  budgetMs?: number;
  yieldToHost?: () => Promise<void>;
  signal?: AbortSignal;
  now?: () => number;
  /**
   * The span of `text` to analyse first (e.g. the one on screen), asked once the detectors are warm
   * (so it is the span of that moment). Widened to paragraph breaks; null: from the top. Its time
   * is not charged to `budgetMs`.
   */
  first?: () => Span | null | Promise<Span | null>;
  /**
   * When `text` is only the beginning of the text: all of it (null: stop). Asked once, when the
   * beginning no longer suffices; its time is not charged to `budgetMs`.
   */
  rest?: () => Promise<string | null>;
  /**
   * Each chunk's findings (offsets in `text`) as soon as it is analysed, in the order analysed;
   * awaited before the next chunk. Its time is not charged to `budgetMs`.
   */
  onChunk?: (part: AnalysisResult, span: [number, number]) => void | Promise<void>;
  /** Claim convention (types.ts AnalysisOptions.claimMode); 'auto' by default. */
  claimMode?: ClaimModeSetting;
}

type Span = { start: number; end: number };

/** Characters `detectLanguage` reads (its default sample). */
const LANG_SAMPLE_CHARS = 4000;

/**
 * Cut points: each chunk ends at the last paragraph break before `size`, else at the last
 * sentence end, else at the last space (never inside a word, so no name is cut in two).
 */
export function chunkBounds(text: string, size: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const floor = start + size / 4;
      const nl = text.lastIndexOf('\n', end);
      const stop = Math.max(text.lastIndexOf('. ', end), text.lastIndexOf('? ', end), text.lastIndexOf('! ', end));
      const space = text.lastIndexOf(' ', end);
      if (nl > floor) end = nl + 1;
      else if (stop > floor) end = stop + 2;
      else if (space > start) end = space + 1;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** How far a span's end is moved to reach a paragraph break, before a sentence end does. */
const SNAP_CHARS = 2000;

/**
 * A cut at or before `at` (`back`) or at or after it: after a paragraph break ('\n') within
 * SNAP_CHARS, else after a sentence end, else after a space (as `chunkBounds` cuts: a page whose
 * blocks are not marked with '\n' is cut at sentences either way). Never inside a word.
 */
function snap(text: string, at: number, back: boolean): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  if (text[at - 1] === '\n') return at;
  if (back) {
    const nl = text.lastIndexOf('\n', at - 1);
    if (nl >= 0 && nl >= at - SNAP_CHARS) return nl + 1;
    const stop = Math.max(text.lastIndexOf('. ', at - 2), text.lastIndexOf('? ', at - 2), text.lastIndexOf('! ', at - 2));
    if (stop >= 0) return stop + 2;
    return text.lastIndexOf(' ', at - 1) + 1;
  }
  const nl = text.indexOf('\n', at);
  if (nl >= 0 && nl < at + SNAP_CHARS) return nl + 1;
  const stops = ['. ', '? ', '! '].map((s) => text.indexOf(s, at - 1)).filter((i) => i >= 0);
  if (stops.length) return Math.min(...stops) + 2;
  const space = text.indexOf(' ', at);
  return space < 0 ? text.length : space + 1;
}

/**
 * The order in which to analyse `[0, length)`: `first` widened to paragraph breaks (else sentence
 * ends, see `snap`), then what is before it, then what is after it (both in document order). So no
 * paragraph (or sentence) is split by the reordering.
 */
export function spanOrder(text: string, first: { start: number; end: number } | null | undefined): [number, number][] {
  const length = text.length;
  if (!first || !(first.end > first.start) || length === 0) return [[0, length]];
  const start = snap(text, Math.max(0, Math.min(length, Math.floor(first.start))), true);
  const end = Math.max(start, snap(text, Math.max(0, Math.min(length, Math.ceil(first.end))), false));
  const spans: [number, number][] = [
    [start, end],
    [0, start],
    [end, length],
  ];
  return spans.filter(([a, b]) => b > a);
}

export async function analyzeInChunks(text: string, opts: ChunkedOptions = {}): Promise<AnalysisResult> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const budgetMs = opts.budgetMs ?? 3000;
  const maxChars = opts.maxChars ?? 500_000;
  // Time spent outside the analysis (painting, waiting for the page's annotations or for the rest
  // of the text): not charged to the budget.
  let outside = 0;
  // The text so far: all of it once `whole`.
  let all = text;
  let whole = !opts.rest;
  const getWhole = async (): Promise<boolean> => {
    if (whole) return true;
    const t0 = now();
    const rest = await opts.rest!();
    outside += now() - t0;
    if (rest === null) return false;
    all = rest;
    whole = true;
    return true;
  };
  // The caller has just built the text (in the same task): the language is read in a task of its own.
  await opts.yieldToHost?.();
  // Read on the first LANG_SAMPLE_CHARS characters: a beginning that long gives the whole text's answer.
  if (all.length < LANG_SAMPLE_CHARS && !(await getWhole())) return { lang: 'und', orgs: [], claims: [], claimsEnabled: false, detectorVersion: '' };
  const detected = detectLanguage(all, LANG_SAMPLE_CHARS);
  const lang = detected.lang !== 'und' ? detected.lang : (opts.langHint ?? 'und');
  const merged: AnalysisResult = { lang, orgs: [], claims: [], claimsEnabled: false, detectorVersion: '' };
  if (all.length >= maxChars && !(await getWhole())) return merged;
  let work = all;
  const setWork = () => {
    work = all.length > maxChars ? all.slice(0, maxChars) : all;
    if (work.length < all.length) merged.gaveUp = { reason: 'too-large', at: work.length };
  };
  setWork();
  // The first use of each detector reads its tables (gazetteer, tagger weights, sentence-break
  // table, cue lexicon, n-gram vocabularies) and runs its code cold: in slices of their own, none
  // added to the first chunk. The tables are built at compile time and read lazily, so the reading
  // takes one slice; the cold runs of the detectors take one each.
  const fr = lang === 'fr';
  const fixedMode = forcedClaimMode(opts.claimMode);
  let claimMode: ClaimMode = fixedMode ?? 'policy';
  const warmUps: (() => unknown)[] = [
    () => {
      getGazetteer();
      if (!fr) getOrgModel();
      splitSentences('Warm up. Now.');
      lexiconFor(lang);
      if (lang === 'en') {
        parseVocab(CLAIM_MODEL.en.vocab);
        parseVocab(REGISTER_MODEL.vocab);
      }
    },
    () => findOrganizations('Warm up, OECD.', fr ? 'fr' : 'en'),
    () => {
      analyze('The agency said costs rose by 10% in 2024.', { lang });
      // The claim convention, like the language, is read once on the beginning (index.ts
      // textRegister; under a millisecond once the detectors are warm).
      if (!fixedMode) claimMode = textRegister(all, lang);
    },
  ];
  for (const warmUp of warmUps) {
    await opts.yieldToHost?.();
    if (opts.signal?.aborted) return merged;
    warmUp();
  }
  await opts.yieldToHost?.();
  const sliceMs = opts.sliceMs ?? 10;
  let size = opts.chunkChars ?? 1500;
  const parts: { start: number; orgs: AnalysisResult['orgs']; claims: AnalysisResult['claims'] }[] = [];
  const t0 = now();
  const first = await opts.first?.();
  outside += now() - t0;
  // A span to analyse first is placed (widened to paragraph breaks) on the whole text; from the
  // top, the beginning serves until a chunk reaches past it.
  if (first && first.end > first.start && !whole) {
    if (!(await getWhole())) return merged;
    setWork();
  }
  const spans: [number, number][] = whole ? spanOrder(work, first) : [[0, Infinity]];
  outer: for (const [spanStart, spanTo] of spans) {
    for (let start = spanStart; ; ) {
      if (opts.signal?.aborted) break outer;
      // A chunk is cut within its first size + 1 characters: the beginning must hold them.
      if (!whole && start + size + 1 > work.length) {
        if (!(await getWhole())) break outer;
        setWork();
      }
      const spanEnd = Math.min(spanTo, work.length);
      if (start >= spanEnd) break;
      const [, end] = chunkBounds(work.slice(start, Math.min(spanEnd, start + size + 1)), size)[0]!;
      const chunkEnd = Math.min(spanEnd, start + end);
      const left = budgetMs - (now() - started - outside);
      if (left <= 0) {
        merged.gaveUp = { reason: 'time-budget', at: start };
        break outer;
      }
      const t0 = now();
      const r = analyze(work.slice(start, chunkEnd), { lang, budgetMs: left, now, claimMode });
      // Next chunk sized to take about sliceMs at the speed just measured.
      const took = Math.max(0.5, now() - t0);
      // Growth at most doubles per chunk: one fast chunk (few sentences) must not make the next huge.
      size = Math.round(Math.min(20_000, 2 * (chunkEnd - start), Math.max(800, ((chunkEnd - start) * sliceMs) / took)));
      merged.claimsEnabled = r.claimsEnabled;
      if (r.claimMode) merged.claimMode = r.claimMode;
      merged.detectorVersion = r.detectorVersion;
      const part = {
        start,
        orgs: r.orgs.map((o) => ({ ...o, start: o.start + start, end: o.end + start })),
        claims: r.claims.map((c) => ({
          ...c,
          start: c.start + start,
          end: c.end + start,
          ...(c.claimant ? { claimant: { ...c.claimant, start: c.claimant.start + start, end: c.claimant.end + start } } : {}),
        })),
      };
      parts.push(part);
      if (opts.onChunk) {
        const t1 = now();
        await opts.onChunk({ lang, claimsEnabled: r.claimsEnabled, ...(r.claimMode ? { claimMode: r.claimMode } : {}), detectorVersion: r.detectorVersion, orgs: part.orgs, claims: part.claims }, [start, chunkEnd]);
        outside += now() - t1;
      }
      if (r.gaveUp && r.gaveUp.reason !== 'too-large') {
        merged.gaveUp = { reason: r.gaveUp.reason, at: r.gaveUp.at + start };
        break outer;
      }
      start = chunkEnd;
      await opts.yieldToHost?.();
    }
  }
  // Back in document order: the result a pass from the top gives.
  parts.sort((a, b) => a.start - b.start);
  for (const p of parts) {
    for (const o of p.orgs) merged.orgs.push(o);
    for (const c of p.claims) merged.claims.push(c);
  }
  return merged;
}
