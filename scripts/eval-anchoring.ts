/**
 * Evaluation of re-anchoring on real pages (DESIGN-NOTES §7).
 *
 *   npx tsx scripts/eval-anchoring.ts --pages ../shared/corpus/pages [--limit-pages N] [--passages N] [--workers N] [--verbose]
 *
 * For every DIR/<name>/source.html: pick passages deterministically (organisation-name-sized
 * quotes of 1–3 words, sentences, spans across a paragraph boundary, long spans), describe each
 * as selectors on the original page with our text index, mutate the page with
 * ../shared/corpus/mutate.mjs (every default kind), re-anchor with lib/anchoring on each variant
 * and judge with the variant's manifest. The Hypothesis-style baseline runs on the same cases.
 * Ends with one summary line:
 *   anchoring pages=N cases=N correct=0.000 wrong=0.000 deleted_orphaned=0.000 baseline_wrong=0.000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseHTML } from 'linkedom';
import { buildTextIndex, describeSpan, anchor, type AnchorMatch } from '../lib/anchoring/index';
import { explainExact } from '../lib/anchoring/match';
import { hypothesisAnchor } from './bench/anchoring';
import { rng } from './lib/random';

// ---------------------------------------------------------------------------
// Types shared by the main thread and workers

type PassageKind = 'short' | 'sentence' | 'cross-paragraph' | 'long';
type Outcome = 'correct' | 'wrong' | 'orphaned';
interface CaseResult {
  page: string;
  passage: PassageKind;
  kind: string; // mutation kind or 'unchanged'
  expect: 'anchored' | 'orphaned';
  ours: Outcome;
  oursStatus: string;
  oursMs: number;
  base: Outcome;
  baseMs: number;
  judgeFallback: boolean;
  quote: string;
  /** For cases that were not correct: stored context vs the variant's expected context. */
  detail?: string;
}
interface PageResult {
  page: string;
  cases: CaseResult[];
  passagesUsed: number;
  rejected: Record<string, number>;
  textSameAsMutate: boolean;
  parseMs: number;
  indexMs: number;
}

// ---------------------------------------------------------------------------
// Helpers

interface MutateVariant {
  kind: string;
  expect: 'anchored' | 'orphaned' | 'fuzzy';
  ok: boolean;
  problem?: string;
  html?: string;
  occurrences?: number;
  expectedOccurrence?: number;
  prefix?: string;
  suffix?: string;
  position?: { start: number; end: number };
}
interface MutateModule {
  mutatePage(html: string, o: { quote: string; occurrence: number; kinds?: string[] }): { variants: MutateVariant[] };
  pageText(html: string): { text: string };
  DEFAULT_KINDS: string[];
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
function allIndexes(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

interface Passage {
  kind: PassageKind;
  start: number;
  end: number;
}

/** Paragraph spans [start, end) in our text: <p>/<li>/<dd>/<blockquote> with enough text. */
function paragraphs(doc: Document, index: ReturnType<typeof buildTextIndex>): [number, number][] {
  const out: [number, number][] = [];
  // Article-like blocks: paragraphs, quotes, and list items long enough not to be navigation.
  // What a reader highlights: article paragraphs, not navigation, headers, footers or forms.
  const add = (el: Element) => {
    // linkedom's Range is minimal; offsetsOf only reads the boundary points.
    const r = { startContainer: el, startOffset: 0, endContainer: el, endOffset: el.childNodes.length } as unknown as Range;
    const o = index.offsetsOf(r);
    if (!o) return;
    let { start, end } = o;
    while (start < end && index.text[start] === ' ') start++;
    while (end > start && index.text[end - 1] === ' ') end--;
    if (end - start >= 60) out.push([start, end]);
  };
  for (const el of Array.from(doc.querySelectorAll('p, li, dd, blockquote'))) {
    if (el.closest('nav, header, footer, aside, menu, form, button')) continue;
    if (el.localName !== 'p' && el.localName !== 'blockquote' && (!el.closest('article, main') || (el.textContent ?? '').length < 100)) continue;
    add(el);
  }
  // Pages that set their article in <div>s (some Japanese and syndicated pages): blocks holding
  // enough text of their own, outside navigation.
  if (out.length < 12) {
    for (const el of Array.from(doc.querySelectorAll('div, td, section'))) {
      if (el.closest('nav, header, footer, aside, menu, form, button, script, style')) continue;
      let own = 0;
      for (const n of Array.from(el.childNodes)) if (n.nodeType === 3) own += (n.textContent ?? '').trim().length;
      if (own >= 40) add(el);
    }
  }
  out.sort((a, b) => a[0] - b[0]);
  // drop nested duplicates (li > p)
  return out.filter((p, i) => i === 0 || p[0] >= out[i - 1]![1]);
}

/** Candidate passages, in a deterministic order of preference, interleaving the kinds. */
function candidatePassages(text: string, paras: [number, number][], seed: number): Passage[] {
  const rand = rng(seed);
  const pick = <T>(arr: T[]): T | undefined => arr[Math.floor(rand() * arr.length)];
  const shorts: Passage[] = [];
  const sentences: Passage[] = [];
  const crosses: Passage[] = [];
  const longs: Passage[] = [];
  const shuffled = paras.map((p, i) => [p, i, rand()] as const).sort((a, b) => a[2] - b[2]);
  // Small pages need several passages from each paragraph: later rounds pick again (each pick is
  // random, so they differ), after every paragraph has given one of each kind.
  const rounds = Math.max(3, Math.ceil(40 / Math.max(1, paras.length)));
  const order = Array.from({ length: rounds }, () => shuffled).flat();
  for (const [[a, b], i] of order) {
    const para = text.slice(a, b);
    const cjk = CJK.test(para);
    // short: a capitalised 1–3 word name not starting a sentence (else any 1–3 words); CJK: 2–6 chars
    if (cjk) {
      const len = 2 + Math.floor(rand() * 5);
      const s = a + Math.floor(rand() * Math.max(1, b - a - len));
      if (!/[\s。！？、，]/.test(text.slice(s, s + len))) shorts.push({ kind: 'short', start: s, end: s + len });
    } else {
      const names = [...para.matchAll(/(?<=[a-z,;:] )\p{Lu}[\p{L}\p{N}&.-]*(?: \p{Lu}[\p{L}\p{N}&.-]*){0,2}/gu)];
      const m = pick(names);
      if (m && m.index !== undefined) {
        let e = a + m.index + m[0].length;
        while (/[.,]/.test(text[e - 1] ?? '')) e--;
        if (e - (a + m.index) >= 2) shorts.push({ kind: 'short', start: a + m.index, end: e });
      } else {
        const words = [...para.matchAll(/\S+/g)];
        const k = 1 + Math.floor(rand() * 3);
        const w0 = Math.floor(rand() * Math.max(1, words.length - k));
        const first = words[w0];
        const last = words[Math.min(words.length - 1, w0 + k - 1)];
        if (first?.index !== undefined && last?.index !== undefined) {
          shorts.push({ kind: 'short', start: a + first.index, end: a + last.index + last[0].length });
        }
      }
    }
    // sentence
    const sents = [...para.matchAll(cjk ? /[^。！？]+[。！？]/g : /[^.!?]+[.!?]+(?=\s|$)/g)]
      .map((m) => [a + m.index! + (m[0].length - m[0].trimStart().length), a + m.index! + m[0].length] as [number, number])
      .filter(([s, e]) => e - s >= (cjk ? 10 : 25) && e - s <= 400);
    const s = pick(sents);
    if (s) sentences.push({ kind: 'sentence', start: s[0], end: s[1] });
    // across a paragraph boundary: end of this paragraph + start of the next, when adjacent
    const next = paras[i + 1];
    if (next && next[0] === b + 1) {
      const tailLen = cjk ? 6 : 20 + Math.floor(rand() * 40);
      const headLen = cjk ? 6 : 20 + Math.floor(rand() * 40);
      let st = Math.max(a, b - tailLen);
      let en = Math.min(next[1], next[0] + headLen);
      if (!cjk) {
        while (st > a && text[st - 1] !== ' ') st--;
        while (en < next[1] && text[en] !== ' ') en++;
      }
      crosses.push({ kind: 'cross-paragraph', start: st, end: en });
    }
    // long: a whole paragraph of 200+ chars, sometimes with the next one
    if (b - a >= 200) longs.push({ kind: 'long', start: a, end: next && next[0] === b + 1 && rand() < 0.5 ? next[1] : b });
  }
  const out: Passage[] = [];
  const seen = new Set<string>();
  const lists = [shorts, sentences, shorts, sentences, crosses, longs];
  for (let round = 0; out.length < 400; round++) {
    let added = false;
    for (const l of lists) {
      const p = l.shift();
      if (p && !seen.has(`${p.start}:${p.end}`)) {
        seen.add(`${p.start}:${p.end}`);
        out.push(p);
        added = true;
      }
    }
    if (!added) break;
  }
  return out;
}

function judgeAnchored(
  text: string,
  exact: string,
  v: MutateVariant,
  m: { start: number; end: number } | null,
): { outcome: Outcome; fallback: boolean } {
  if (!m) return { outcome: 'orphaned', fallback: false };
  const occ = allIndexes(text, exact);
  let expStart: number | undefined;
  let fallback = false;
  if (occ.length === v.occurrences && v.expectedOccurrence) expStart = occ[v.expectedOccurrence - 1];
  else {
    // our text differs from mutate's somewhere (different hidden-element rules): use the context
    fallback = true;
    let best = -1;
    for (const o of occ) {
      const score =
        (text.slice(Math.max(0, o - 32), o) === v.prefix ? 1 : 0) + (text.slice(o + exact.length, o + exact.length + 32) === v.suffix ? 1 : 0);
      if (score > best) {
        best = score;
        expStart = o;
      }
    }
  }
  if (expStart === undefined) return { outcome: 'wrong', fallback };
  const expEnd = expStart + exact.length;
  const overlap = Math.min(expEnd, m.end) - Math.max(expStart, m.start);
  return { outcome: overlap >= exact.length * 0.5 && overlap > 0 ? 'correct' : 'wrong', fallback };
}

function judge(expect: 'anchored' | 'orphaned', text: string, exact: string, v: MutateVariant, m: { start: number; end: number } | null) {
  if (expect === 'orphaned') return { outcome: (m ? 'wrong' : 'correct') as Outcome, fallback: false };
  return judgeAnchored(text, exact, v, m);
}

// ---------------------------------------------------------------------------
// One page (runs in a worker)

async function evalPage(dir: string, name: string, passages: number, mutateUrl: string): Promise<PageResult> {
  const mutate = (await import(mutateUrl)) as MutateModule;
  const html = fs.readFileSync(path.join(dir, name, 'source.html'), 'utf8');
  let t0 = performance.now();
  const { document } = parseHTML(html);
  const parseMs = performance.now() - t0;
  t0 = performance.now();
  const index = buildTextIndex(document);
  const indexMs = performance.now() - t0;
  const T = index.text;
  const M = mutate.pageText(html).text.replace(/ $/, '');
  const same = T === M;
  const paras = paragraphs(document as unknown as Document, index);
  const cands = candidatePassages(T, paras, hashString(name));
  const rejected: Record<string, number> = {};
  const cases: CaseResult[] = [];
  let used = 0;
  const kinds = mutate.DEFAULT_KINDS;
  for (const p of cands) {
    if (used >= passages) break;
    const exact = T.slice(p.start, p.end);
    const selectors = describeSpan(T, p.start, p.end);
    // the occurrence of this passage in mutate's text
    const occT = allIndexes(T, exact);
    let occurrence = occT.indexOf(p.start) + 1;
    if (!same) {
      // Our text and mutate's differ (hidden-element rules): map the passage by its context, and
      // only when that is unambiguous in both texts (a repeated block that mutate considers
      // hidden would otherwise be mutated in the wrong copy).
      const sameCtx = (t: string, o: number) => t.slice(Math.max(0, o - 32), o) === selectors[0].prefix && t.slice(o + exact.length, o + exact.length + 32) === selectors[0].suffix;
      const occM = allIndexes(M, exact);
      const inM = occM.filter((o) => sameCtx(M, o));
      const inT = occT.filter((o) => sameCtx(T, o));
      if (inM.length !== 1 || inT.length !== 1) {
        rejected['not mappable to mutate text'] = (rejected['not mappable to mutate text'] ?? 0) + 1;
        continue;
      }
      occurrence = occM.indexOf(inM[0]!) + 1;
    }
    let res: { variants: MutateVariant[] };
    try {
      res = mutate.mutatePage(html, { quote: exact, occurrence, kinds });
    } catch (e) {
      const key = `mutate error: ${String((e as Error).message).slice(0, 40)}`;
      rejected[key] = (rejected[key] ?? 0) + 1;
      continue;
    }
    const bad = res.variants.find((v) => !v.ok || !v.html);
    if (bad) {
      const key = `${bad.kind}: ${bad.problem ?? 'no html'}`.slice(0, 70);
      rejected[key] = (rejected[key] ?? 0) + 1;
      continue;
    }
    used++;
    const runCase = (kind: string, expect: 'anchored' | 'orphaned', text: string, v: MutateVariant) => {
      let t = performance.now();
      const ours: AnchorMatch = anchor(text, selectors);
      const oursMs = performance.now() - t;
      t = performance.now();
      const base = hypothesisAnchor(text, selectors);
      const baseMs = performance.now() - t;
      const oj = judge(expect, text, exact, v, ours.status === 'orphan' ? null : ours);
      const bj = judge(expect, text, exact, v, base);
      cases.push({
        page: name,
        passage: p.kind,
        kind,
        expect,
        ours: oj.outcome,
        oursStatus: ours.status === 'orphan' ? `orphan:${ours.reason}` : ours.status,
        oursMs,
        base: bj.outcome,
        baseMs,
        judgeFallback: oj.fallback,
        quote: exact.length > 80 ? exact.slice(0, 77) + '...' : exact,
        detail:
          oj.outcome === 'correct'
            ? undefined
            : `stored ${JSON.stringify(selectors[0].prefix)} [${selectors[1].start}] ${JSON.stringify(selectors[0].suffix)}\n      now    ${JSON.stringify(v.prefix ?? '')} [${v.position?.start ?? '?'}] ${JSON.stringify(v.suffix ?? '')}` +
              `\n      cands ${explainExact(text, selectors).slice(0, 4).map((x) => `@${x.at} p=${x.prefix?.toFixed(2)} s=${x.suffix?.toFixed(2)} ctx=${x.ctx.toFixed(2)} ev=${x.evidence.toFixed(2)}`).join('; ')}` +
              (ours.status !== 'orphan' ? `\n      got [${ours.start}] ${JSON.stringify(text.slice(Math.max(0, ours.start - 32), ours.start))} | ${JSON.stringify(text.slice(ours.end, ours.end + 32))}` : ''),
      });
    };
    runCase('unchanged', 'anchored', T, { kind: 'unchanged', expect: 'anchored', ok: true, occurrences: occT.length, expectedOccurrence: occT.indexOf(p.start) + 1 });
    for (const v of res.variants) {
      const { document: d2 } = parseHTML(v.html!);
      const text2 = buildTextIndex(d2).text;
      runCase(v.kind, v.expect === 'orphaned' ? 'orphaned' : 'anchored', text2, v);
    }
  }
  return { page: name, cases, passagesUsed: used, rejected, textSameAsMutate: same, parseMs, indexMs };
}

// ---------------------------------------------------------------------------
// Main

function parseArgs(argv: string[]) {
  const o = { pages: '', limitPages: Infinity, passages: 20, workers: Math.min(2, os.cpus().length), verbose: false, only: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i] ?? '';
    if (a === '--pages') o.pages = val();
    else if (a === '--limit-pages') o.limitPages = Number(val());
    else if (a === '--passages') o.passages = Number(val());
    else if (a === '--workers') o.workers = Math.max(1, Number(val()));
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--only') o.only = val().split(',');
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.pages) o.pages = path.join('..', 'shared', 'corpus', 'pages');
  return o;
}

const pct = (n: number, d: number) => (d ? (n / d).toFixed(3) : '0.000');

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dir = path.resolve(process.cwd(), o.pages);
  // mutate.mjs lives next to the pages directory (../shared/corpus/mutate.mjs)
  const mutateUrl = pathToFileURL(path.resolve(dir, '..', 'mutate.mjs')).href;
  const names = fs
    .readdirSync(dir)
    .filter((n) => fs.existsSync(path.join(dir, n, 'source.html')))
    .filter((n) => o.only.length === 0 || o.only.includes(n))
    .sort()
    .slice(0, o.limitPages);
  const t0 = performance.now();
  const results: PageResult[] = [];
  const queue = [...names];
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(
        // tsx's loader is per thread: register it in the worker, then load this file there.
        `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`,
        { eval: true, workerData: { dir, passages: o.passages, mutateUrl } },
      );
      const next = () => {
        const n = queue.shift();
        if (n === undefined) {
          void w.terminate();
          resolve();
        } else w.postMessage(n);
      };
      w.on('message', (r: PageResult) => {
        results.push(r);
        process.stderr.write(`  ${r.page}: ${r.passagesUsed} passages, ${r.cases.length} cases\n`);
        next();
      });
      w.on('error', reject);
      next();
    });
  await Promise.all(Array.from({ length: Math.min(o.workers, names.length) }, runWorker));
  results.sort((a, b) => a.page.localeCompare(b.page));
  const all = results.flatMap((r) => r.cases);
  const kinds = ['unchanged', ...new Set(all.map((c) => c.kind).filter((k) => k !== 'unchanged'))];

  console.log(`\nAnchoring evaluation: ${results.length} pages, ${all.length} cases, ${((performance.now() - t0) / 1000).toFixed(1)} s wall`);
  console.log(`text index identical to mutate.mjs pageText on ${results.filter((r) => r.textSameAsMutate).length}/${results.length} pages (elsewhere judged by occurrence/context)`);
  const head = `${'kind'.padEnd(16)} ${'cases'.padStart(5)} | ours: correct  wrong orphaned  ms/case | baseline: correct  wrong orphaned  ms/case`;
  console.log(head);
  console.log('-'.repeat(head.length));
  const row = (label: string, cs: CaseResult[]) => {
    const n = cs.length;
    const c = (f: (x: CaseResult) => boolean) => cs.filter(f).length;
    const ms = (f: (x: CaseResult) => number) => (n ? cs.reduce((s, x) => s + f(x), 0) / n : 0).toFixed(3);
    console.log(
      `${label.padEnd(16)} ${String(n).padStart(5)} |       ${pct(c((x) => x.ours === 'correct'), n)}  ${pct(c((x) => x.ours === 'wrong'), n)}   ${pct(c((x) => x.ours === 'orphaned'), n)}  ${ms((x) => x.oursMs).padStart(7)} |           ${pct(c((x) => x.base === 'correct'), n)}  ${pct(c((x) => x.base === 'wrong'), n)}   ${pct(c((x) => x.base === 'orphaned'), n)}  ${ms((x) => x.baseMs).padStart(7)}`,
    );
  };
  for (const k of kinds) row(k, all.filter((c) => c.kind === k));
  console.log('-'.repeat(head.length));
  for (const pk of ['short', 'sentence', 'cross-paragraph', 'long']) row(`[${pk}]`, all.filter((c) => c.passage === pk));
  row('all', all);
  const statuses = new Map<string, number>();
  for (const c of all) statuses.set(`${c.kind}/${c.oursStatus}`, (statuses.get(`${c.kind}/${c.oursStatus}`) ?? 0) + 1);
  console.log('\nour statuses: ' + [...statuses].map(([k, v]) => `${k}=${v}`).join(' '));
  const rejected = new Map<string, number>();
  for (const r of results) for (const [k, v] of Object.entries(r.rejected)) rejected.set(k, (rejected.get(k) ?? 0) + v);
  if (rejected.size) {
    console.log('passages rejected by mutate.mjs (another passage was taken instead):');
    for (const [k, v] of [...rejected].sort((a, b) => b[1] - a[1])) console.log(`  ${String(v).padStart(4)}  ${k}`);
  }
  const short = results.filter((r) => r.passagesUsed < o.passages);
  if (short.length) console.log(`pages with fewer than ${o.passages} passages: ${short.map((r) => `${r.page}(${r.passagesUsed})`).join(', ')}`);
  console.log(`judged by context fallback: ${all.filter((c) => c.judgeFallback).length} cases`);
  const bad = [...all.filter((c) => c.ours === 'wrong'), ...all.filter((c) => c.ours === 'orphaned')];
  if (bad.length) {
    console.log(`\nnot correct (ours), first ${Math.min(o.verbose ? 200 : 25, bad.length)} of ${bad.length}:`);
    for (const c of bad.slice(0, o.verbose ? 200 : 25)) {
      console.log(`  ${c.ours.padEnd(8)} ${c.kind.padEnd(16)} ${c.page.padEnd(14)} ${c.passage.padEnd(15)} ${c.oursStatus.padEnd(22)} ${JSON.stringify(c.quote)}`);
      if (o.verbose && c.detail) console.log(`      ${c.detail}`);
    }
  }
  const del = all.filter((c) => c.kind === 'delete-sentence');
  const n = all.length;
  console.log(
    `anchoring pages=${results.length} cases=${n} correct=${pct(all.filter((c) => c.ours === 'correct').length, n)} wrong=${pct(all.filter((c) => c.ours === 'wrong').length, n)} deleted_orphaned=${pct(del.filter((c) => c.ours === 'correct').length, del.length)} baseline_wrong=${pct(all.filter((c) => c.base === 'wrong').length, n)}`,
  );
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  const { dir, passages, mutateUrl } = workerData as { dir: string; passages: number; mutateUrl: string };
  parentPort!.on('message', (name: string) => {
    evalPage(dir, name, passages, mutateUrl).then(
      (r) => parentPort!.postMessage(r),
      (e) => parentPort!.postMessage({ page: name, cases: [], passagesUsed: 0, rejected: { [`page error: ${String(e)}`.slice(0, 80)]: 1 }, textSameAsMutate: false, parseMs: 0, indexMs: 0 }),
    );
  });
}

