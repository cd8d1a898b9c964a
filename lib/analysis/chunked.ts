/**
 * Runs `analyze` over a long article in slices, so the page's main thread is never held for long:
 * the text is cut at paragraph boundaries ('\n') into chunks of about `chunkChars`, each analysed
 * on its own (offsets shifted back), with `yieldToHost` between them. The language is decided
 * once, on the whole text, so every chunk is read the same way.
 */
import { lexiconFor } from './claims/lexicon';
import { CLAIM_MODEL } from './claims/model.generated';
import { parseVocab } from './claims/model';
import { analyze } from './index';
import { findOrganizations, getOrgModel } from './orgs';
import { getGazetteer } from './orgs/gazetteer';
import { detectLanguage, splitSentences } from './text';
import type { AnalysisResult } from './types';

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
}

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

export async function analyzeInChunks(text: string, opts: ChunkedOptions = {}): Promise<AnalysisResult> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const budgetMs = opts.budgetMs ?? 3000;
  const maxChars = opts.maxChars ?? 500_000;
  // The caller has just built the text (in the same task): the language is read in a task of its own.
  await opts.yieldToHost?.();
  const detected = detectLanguage(text);
  const lang = detected.lang !== 'und' ? detected.lang : (opts.langHint ?? 'und');
  const work = text.length > maxChars ? text.slice(0, maxChars) : text;
  const merged: AnalysisResult = { lang, orgs: [], claims: [], claimsEnabled: false, detectorVersion: '' };
  if (work.length < text.length) merged.gaveUp = { reason: 'too-large', at: work.length };
  // The first use of each detector builds its tables (gazetteer trie, tagger weights, sentence
  // segmenter, cue lexicon, n-gram vocabulary): each in its own slice, none added to the first chunk.
  const fr = lang === 'fr';
  const warmUps: (() => unknown)[] = [
    () => getGazetteer(),
    ...(fr ? [] : [() => getOrgModel()]),
    () => findOrganizations('Warm up, OECD.', fr ? 'fr' : 'en'),
    () => splitSentences('Warm up. Now.'),
    () => lexiconFor(lang),
    ...(lang === 'en' ? [() => parseVocab(CLAIM_MODEL.en.vocab)] : []),
    () => analyze('The agency said costs rose by 10% in 2024.', { lang }),
  ];
  for (const warmUp of warmUps) {
    await opts.yieldToHost?.();
    if (opts.signal?.aborted) return merged;
    warmUp();
  }
  await opts.yieldToHost?.();
  const sliceMs = opts.sliceMs ?? 10;
  let size = opts.chunkChars ?? 1500;
  for (let start = 0; start < work.length; ) {
    if (opts.signal?.aborted) break;
    const [, end] = chunkBounds(work.slice(start, start + size + 1), size)[0]!;
    const chunkEnd = Math.min(work.length, start + end);
    const left = budgetMs - (now() - started);
    if (left <= 0) {
      merged.gaveUp = { reason: 'time-budget', at: start };
      break;
    }
    const t0 = now();
    const r = analyze(work.slice(start, chunkEnd), { lang, budgetMs: left, now });
    // Next chunk sized to take about sliceMs at the speed just measured.
    const took = Math.max(0.5, now() - t0);
    // Growth at most doubles per chunk: one fast chunk (few sentences) must not make the next huge.
    size = Math.round(Math.min(20_000, 2 * (chunkEnd - start), Math.max(800, ((chunkEnd - start) * sliceMs) / took)));
    merged.claimsEnabled = r.claimsEnabled;
    merged.detectorVersion = r.detectorVersion;
    for (const o of r.orgs) merged.orgs.push({ ...o, start: o.start + start, end: o.end + start });
    for (const c of r.claims) {
      merged.claims.push({
        ...c,
        start: c.start + start,
        end: c.end + start,
        ...(c.claimant ? { claimant: { ...c.claimant, start: c.claimant.start + start, end: c.claimant.end + start } } : {}),
      });
    }
    if (r.gaveUp && r.gaveUp.reason !== 'too-large') {
      merged.gaveUp = { reason: r.gaveUp.reason, at: r.gaveUp.at + start };
      break;
    }
    start = chunkEnd;
    await opts.yieldToHost?.();
  }
  return merged;
}
