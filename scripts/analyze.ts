/**
 * `npm run analyze -- --in FILE.jsonl --out PRED.jsonl` (contract: ../shared/docs/DESIGN-NOTES.md §7).
 * For each record {"id","lang"?,"text"} writes
 * {"id","orgs":[{"start","end","text"}],"claims":[{"start","end","score","kind","claimant"}],"score","label"}
 * where `score` is the highest sentence score of the record (for a one-sentence record, that
 * sentence's score) and `label` = score >= CLAIM_THRESHOLD; `claimant` is the claimant's text or null.
 * Bad lines are reported on stderr and skipped. Last line:
 * `analyze records=N orgs=N claims=N chars_per_s=N`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeDetailed, CLAIM_THRESHOLD } from '../lib/analysis';

export interface PredRecord {
  id: string;
  orgs: Array<{ start: number; end: number; text: string }>;
  claims: Array<{ start: number; end: number; score: number; kind: string; claimant: string | null }>;
  score: number;
  label: 0 | 1;
}

const r4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Analyses one record; exported for eval-analysis. */
export function predict(id: string, text: string, lang?: string): PredRecord {
  const { result, sentences } = analyzeDetailed(text, { lang, budgetMs: 10_000 });
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

export interface RunStats {
  records: number;
  orgs: number;
  claims: number;
  chars: number;
  ms: number;
  bad: number;
}

/** Reads JSONL input lines, returns prediction lines and stats (bad lines reported via `warn`). */
export function runLines(lines: readonly string[], warn: (msg: string) => void = console.error): { out: string[]; stats: RunStats } {
  const out: string[] = [];
  const stats: RunStats = { records: 0, orgs: 0, claims: 0, chars: 0, ms: 0, bad: 0 };
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let rec: { id?: unknown; lang?: unknown; text?: unknown };
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
    const t0 = performance.now();
    const p = predict(String(rec.id), rec.text, typeof rec.lang === 'string' ? rec.lang : undefined);
    stats.ms += performance.now() - t0;
    stats.records++;
    stats.chars += rec.text.length;
    stats.orgs += p.orgs.length;
    stats.claims += p.claims.length;
    out.push(JSON.stringify(p));
  });
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
