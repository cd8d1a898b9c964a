/**
 * Runs `analyze` over a long article in slices, so the page's main thread is never held for long:
 * the text is cut at paragraph boundaries ('\n') into chunks of about `chunkChars`, each analysed
 * on its own (offsets shifted back), with `yieldToHost` between them. The language is decided
 * once, on the whole text, so every chunk is read the same way.
 */
import { analyze } from './index';
import { detectLanguage } from './text';
import type { AnalysisResult } from './types';

export interface ChunkedOptions {
  /** The page's declared language (used when detection cannot tell). */
  langHint?: string;
  chunkChars?: number;
  /** Stop past this many characters in all (the rest is not analysed; `gaveUp` says so). */
  maxChars?: number;
  /** Total time budget in ms (checked between chunks and inside each). */
  budgetMs?: number;
  yieldToHost?: () => Promise<void>;
  signal?: AbortSignal;
  now?: () => number;
}

/** Cut points: chunk ends at the last paragraph break before `size` (or the size itself). */
export function chunkBounds(text: string, size: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > start + size / 4) end = nl + 1;
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
  const detected = detectLanguage(text);
  const lang = detected.lang !== 'und' ? detected.lang : (opts.langHint ?? 'und');
  const work = text.length > maxChars ? text.slice(0, maxChars) : text;
  const merged: AnalysisResult = { lang, orgs: [], claims: [], claimsEnabled: false, detectorVersion: '' };
  if (work.length < text.length) merged.gaveUp = { reason: 'too-large', at: work.length };
  for (const [start, end] of chunkBounds(work, opts.chunkChars ?? 6000)) {
    if (opts.signal?.aborted) break;
    const left = budgetMs - (now() - started);
    if (left <= 0) {
      merged.gaveUp = { reason: 'time-budget', at: start };
      break;
    }
    const r = analyze(work.slice(start, end), { lang, budgetMs: left, now });
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
    await opts.yieldToHost?.();
  }
  return merged;
}
