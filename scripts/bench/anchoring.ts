/**
 * Benchmark of re-anchoring (DESIGN-NOTES §7 `npm run bench`), next to a Hypothesis-style baseline.
 * Also exports that baseline, which scripts/eval-anchoring.ts uses too.
 */
import search from 'approx-string-match';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { buildTextIndex, describeSpan, anchorMany, type AnchorItem } from '../../lib/anchoring/index';
import type { SelectorSet } from '../../lib/model';
import { rng } from '../lib/random';

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

// ---------------------------------------------------------------------------
// The benchmark



function pageTextOf(name: string): string | null {
  const file = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'pages', name, 'source.html');
  if (!fs.existsSync(file)) return null;
  return buildTextIndex(parseHTML(fs.readFileSync(file, 'utf8')).document).text;
}

function generatedText(chars: number): string {
  const rand = rng(7);
  const words = 'the of and a to in is that for on with as by at from regulator commission agency model data policy rules risk report said would could new first public open safety law court market companies government'.split(' ');
  let out = '';
  while (out.length < chars) {
    const n = 8 + Math.floor(rand() * 20);
    const sent = Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
    out += sent[0]!.toUpperCase() + sent.slice(1) + '. ';
  }
  return out.slice(0, chars).trim();
}

interface Workload {
  text: string;
  items: AnchorItem[];
  missing: number;
  moved: number;
}

/** 500 annotations on `text`; the new text has an insertion (moved) and deleted quotes (missing). */
function workload(original: string, count = 500, seed = 1): Workload {
  const rand = rng(seed);
  const spans: [number, number][] = [];
  const words = [...original.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length] as [number, number]);
  // 40% name-sized quotes (1–3 words starting with a capital, as a reader highlights names), 60% phrases and sentences.
  const capital = words.map((w, i) => [w, i] as const).filter(([[a], i]) => i > 0 && /^\p{Lu}/u.test(original[a]!) && /[a-z,]$/.test(original[words[i - 1]![1] - 1]!));
  while (spans.length < count) {
    if (rand() < 0.4 && capital.length) {
      const [, i] = capital[Math.floor(rand() * capital.length)]!;
      const k = 1 + Math.floor(rand() * 2);
      spans.push([words[i]![0], words[Math.min(words.length - 1, i + k - 1)]![1]]);
    } else {
      const w = Math.floor(rand() * (words.length - 30));
      const k = 5 + Math.floor(rand() * 20);
      spans.push([words[w]![0], words[w + k - 1]![1]]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const items = spans.map((s, i) => ({ id: `a${i}`, selectors: describeSpan(original, s[0], s[1]) }));
  // Delete every 10th quote (non-overlapping with its neighbours' deletions), insert text at 60%.
  // Deleted quotes are chosen among those that overlap no other one, so deleting them does not
  // also damage their neighbours' quotes.
  const cuts: [number, number][] = [];
  for (let i = 1; i < spans.length - 1 && cuts.length < count / 10; i += 3) {
    const [a, b] = spans[i]!;
    if (spans[i - 1]![1] < a && spans[i + 1]![0] > b) cuts.push([a, b]);
  }
  let text = '';
  let pos = 0;
  const insertAt = Math.floor(original.length * 0.6);
  let inserted = false;
  for (const [a, b] of cuts) {
    if (!inserted && a > insertAt) {
      text += original.slice(pos, insertAt) + ' Update: this article was revised with new reporting from our correspondents. ';
      pos = insertAt;
      inserted = true;
    }
    text += original.slice(pos, a);
    pos = b;
  }
  text += original.slice(pos);
  const moved = spans.filter((s) => s[0] > insertAt).length;
  return { text, items, missing: cuts.length, moved };
}

async function runOurs(w: Workload) {
  let longest = 0;
  let sliceStart = performance.now();
  let busy = 0;
  const t0 = performance.now();
  const res = await anchorMany(w.text, w.items, {
    sliceMs: 8,
    yieldToHost: async () => {
      const d = performance.now() - sliceStart;
      busy += d;
      longest = Math.max(longest, d);
      await new Promise<void>((r) => setImmediate(r));
      sliceStart = performance.now();
    },
  });
  const last = performance.now() - sliceStart;
  busy += last;
  longest = Math.max(longest, last);
  const wall = performance.now() - t0;
  const orphans = [...res.values()].filter((m) => m.status === 'orphan').length;
  return { busy, wall, longest, orphans };
}

function runBaseline(w: Workload) {
  let longest = 0;
  let orphans = 0;
  const t0 = performance.now();
  for (const it of w.items) {
    const t = performance.now();
    if (!hypothesisAnchor(w.text, it.selectors)) orphans++;
    longest = Math.max(longest, performance.now() - t);
  }
  return { total: performance.now() - t0, longestQuote: longest, orphans };
}

/** Re-anchoring 500 stored annotations: ours (sliced) vs a Hypothesis-style baseline (unsliced). */
export async function benchAnchoring(): Promise<string[]> {
  const lines: string[] = [];
  let big = pageTextOf('wikipedia-2');
  const articleSource = pageTextOf('quanta-1');
  let article = articleSource ? articleSource.slice(Math.max(0, Math.floor(articleSource.length / 2) - 10_000), Math.floor(articleSource.length / 2) + 10_000) : null;
  if (!big || !article) {
    lines.push('anchoring: ../shared/corpus missing, using generated text');
    big = generatedText(130_000);
    article = generatedText(20_000);
  }
  for (const [label, text] of [
    ['wikipedia-2', big],
    ['20k article', article],
  ] as const) {
    const w = workload(text);
    runBaseline(workload(text.slice(0, 5000), 20)); // warm up both
    await runOurs(workload(text.slice(0, 5000), 20));
    const ours = await runOurs(w);
    const base = runBaseline(w);
    lines.push(
      `anchoring ${label} (${text.length} chars, 500 annotations: ${w.moved} moved, ${w.missing} missing): ` +
        `ours ${ours.busy.toFixed(1)} ms busy (${ours.wall.toFixed(1)} ms wall), longest task ${ours.longest.toFixed(1)} ms, ${ours.orphans} orphaned | ` +
        `baseline ${base.total.toFixed(1)} ms in one task (slowest quote ${base.longestQuote.toFixed(1)} ms), ${base.orphans} orphaned | ` +
        `speed-up x${(base.total / ours.busy).toFixed(1)}`,
    );
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchAnchoring().then((lines) => lines.forEach((l) => console.log(l)));
}
