/**
 * Benchmark of re-anchoring (DESIGN-NOTES §7 `npm run bench`), next to a Hypothesis-style baseline.
 * Also exports that baseline, which scripts/eval-anchoring.ts uses too.
 */
import search from 'approx-string-match';
import type { SelectorSet } from '../../lib/model';

/**
 * Hypothesis client's strategy (src/annotator/anchoring: position with an exact-quote check, then
 * match-quote.ts): approx-string-match with maxErrors = min(256, floor(len/2)), best candidate by
 * quote 50 / prefix 20 / suffix 20 / position 2, and no acceptance threshold.
 */
export function hypothesisAnchor(text: string, selectors: SelectorSet): { start: number; end: number } | null {
  const [quote, position] = selectors;
  const exact = quote.exact;
  if (!exact) return null;
  if (position && text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end };
  const maxErrors = Math.min(256, Math.floor(exact.length / 2));
  const matches = search(text, exact, maxErrors);
  if (matches.length === 0) return null;
  const textMatchScore = (t: string, s: string) => {
    if (s.length === 0 || t.length === 0) return 0;
    const m = search(t, s, s.length);
    return m.length ? 1 - m[0]!.errors / s.length : 0;
  };
  let best: { start: number; end: number } | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / exact.length;
    const prefixScore = quote.prefix ? textMatchScore(text.slice(Math.max(0, m.start - quote.prefix.length), m.start), quote.prefix) : 1;
    const suffixScore = quote.suffix ? textMatchScore(text.slice(m.end, m.end + quote.suffix.length), quote.suffix) : 1;
    const posScore = position ? 1 - Math.abs(m.start - position.start) / text.length : 1;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = { start: m.start, end: m.end };
    }
  }
  return best;
}
