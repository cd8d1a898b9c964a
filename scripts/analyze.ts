/**
 * `npm run analyze -- --in FILE.jsonl --out PRED.jsonl` (contract: ../shared/docs/DESIGN-NOTES.md §7).
 * For each record {"id","lang"?,"text"} writes
 * {"id","orgs":[{"start","end","text"}],"claims":[{"start","end","score","kind","claimant"}],"score","label"}
 * where `score` is the highest sentence score of the record (for a one-sentence record, that
 * sentence's score) and `label` = score >= CLAIM_THRESHOLD; `claimant` is the claimant's text or null.
 *
 * Documents: the claim convention (lib/analysis/claims/register.ts) is a property of a document,
 * not of a sentence. Records that share a `doc` field are one document; records without one are,
 * together, one document (a file of sentences is read like one page). Each document's convention
 * is read as a page's is (index.ts textRegister: its text's beginning, records joined by line
 * breaks in file order), then every record is analysed with it.
 * Bad lines are reported on stderr and skipped. Last line:
 * `analyze records=N orgs=N claims=N chars_per_s=N`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeDetailed, CLAIM_THRESHOLD, primaryTag, textRegister } from '../lib/analysis';
import { detectLanguage } from '../lib/analysis/text';
import type { ClaimMode } from '../lib/analysis/types';

export interface PredRecord {
  id: string;
  orgs: Array<{ start: number; end: number; text: string }>;
  claims: Array<{ start: number; end: number; score: number; kind: string; claimant: string | null }>;
  score: number;
  label: 0 | 1;
}

const r4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Analyses one record (`claimMode`: its document's convention; read on the record alone when absent). */
export function predict(id: string, text: string, lang?: string, claimMode?: ClaimMode): PredRecord {
  const { result, sentences } = analyzeDetailed(text, { lang, budgetMs: 10_000, claimMode });
  let score = 0;
  for (const s of sentences) score = Math.max(score, s.score);
  return {
    id,
    orgs: result.orgs.map((o) => ({ start: o.start, end: o.end, text: o.text })),
    claims: result.claims.map((c) => ({ start: c.start, end: c.end, score: r4(c.score), kind: c.kind, claimant: c.claimant?.text ?? null })),
    score: r4(score),
    label: score >= CLAIM_THRESHOLD ? 1 : 0,
  };
}

export interface InputRecord {
  id: string;
  text: string;
  lang?: string;
  doc?: string;
}

/** The claim convention of each document of `records` (see the header), by document key. */
export function documentModes(records: readonly InputRecord[]): Map<string, ClaimMode> {
  const docs = new Map<string, InputRecord[]>();
  for (const r of records) {
    const key = docKey(r);
    const list = docs.get(key);
    if (list) list.push(r);
    else docs.set(key, [r]);
  }
  const modes = new Map<string, ClaimMode>();
  for (const [key, list] of docs) {
    const text = list.map((r) => r.text).join('\n');
    // The language as `analyze` takes it: an English or French hint as is, else detection.
    const hint = primaryTag(list[0]?.lang);
    modes.set(key, textRegister(text, hint === 'en' || hint === 'fr' ? hint : detectLanguage(text).lang));
  }
  return modes;
}
const docKey = (r: InputRecord): string => (r.doc === undefined ? '' : `doc:${r.doc}`);

/** Analyses records, each with its document's claim convention; exported for eval-analysis. */
export function predictAll(records: readonly InputRecord[]): PredRecord[] {
  const modes = documentModes(records);
  return records.map((r) => predict(r.id, r.text, r.lang, modes.get(docKey(r))));
}

export interface RunStats {
  records: number;
  orgs: number;
  claims: number;
  chars: number;
  ms: number;
  bad: number;
}

/**
 * Reads JSONL input lines, returns prediction lines and stats (bad lines reported via `warn`).
 * Every line is read first: a document's convention depends on all its records.
 */
export function runLines(lines: readonly string[], warn: (msg: string) => void = console.error): { out: string[]; stats: RunStats } {
  const stats: RunStats = { records: 0, orgs: 0, claims: 0, chars: 0, ms: 0, bad: 0 };
  const records: InputRecord[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let rec: { id?: unknown; lang?: unknown; text?: unknown; doc?: unknown };
    try {
      rec = JSON.parse(line) as typeof rec;
    } catch (e) {
      stats.bad++;
      warn(`line ${i + 1}: bad JSON (${(e as Error).message}); skipped`);
      return;
    }
    if (rec === null || typeof rec !== 'object' || typeof rec.text !== 'string' || (typeof rec.id !== 'string' && typeof rec.id !== 'number')) {
      stats.bad++;
      warn(`line ${i + 1}: needs {"id","text"}; skipped`);
      return;
    }
    const r: InputRecord = { id: String(rec.id), text: rec.text };
    if (typeof rec.lang === 'string') r.lang = rec.lang;
    if (typeof rec.doc === 'string' || typeof rec.doc === 'number') r.doc = String(rec.doc);
    records.push(r);
  });
  const t0 = performance.now();
  const modes = documentModes(records);
  stats.ms += performance.now() - t0;
  const out: string[] = [];
  for (const r of records) {
    const t1 = performance.now();
    const p = predict(r.id, r.text, r.lang, modes.get(docKey(r)));
    stats.ms += performance.now() - t1;
    stats.records++;
    stats.chars += r.text.length;
    stats.orgs += p.orgs.length;
    stats.claims += p.claims.length;
    out.push(JSON.stringify(p));
  }
  return { out, stats };
}

function main(): void {
  const args = process.argv.slice(2);
  const get = (n: string): string | undefined => {
    const i = args.indexOf(n);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const inPath = get('--in');
  const outPath = get('--out');
  if (!inPath || !outPath) {
    console.error('usage: npm run analyze -- --in FILE.jsonl --out PRED.jsonl');
    process.exit(2);
  }
  let input: string;
  try {
    input = readFileSync(inPath, 'utf8');
  } catch (e) {
    console.error(`cannot read ${inPath}: ${(e as Error).message}`);
    process.exit(2);
  }
  const { out, stats } = runLines(input.split('\n'));
  writeFileSync(outPath, out.length ? out.join('\n') + '\n' : '');
  if (stats.bad) console.error(`${stats.bad} bad line(s) skipped`);
  const cps = stats.ms > 0 ? Math.round((stats.chars / stats.ms) * 1000) : 0;
  console.log(`analyze records=${stats.records} orgs=${stats.orgs} claims=${stats.claims} chars_per_s=${cps}`);
}

if (process.argv[1] && /analyze\.ts$/.test(process.argv[1])) main();
