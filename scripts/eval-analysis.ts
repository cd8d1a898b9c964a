/**
 * `npm run eval:analysis`: runs our analysis and the compromise baselines (compromise for
 * English, fr-compromise for French; same run, same machine) on every dev file of
 * ../shared/eval/data, scores both with `node ../shared/eval/score.mjs`, and prints one table.
 *
 * Claimant accuracy (aipolicy files): over gold claims whose `claimant` is given, the share where
 * one of our claims in that record has a claimant whose text matches the gold one after
 * normalisation (case, quotes, spaces), either equal or one containing the other on word
 * boundaries ("President Biden" ~ "Biden"). `claimant_spurious` = share of gold claims with no
 * claimant where we name one.
 *
 * ClaimBuster and wikigold are our training sets: their rows are in-sample (optimistic). For
 * wikigold the row also gives the 5-fold cross-validation of the tagger at the shipped setting (the
 * same figure `npx tsx scripts/train-orgs.ts` prints); for ClaimBuster the row gives the 5-fold
 * cross-validation of the whole pipeline that `npm run train:claims` measured (register model and
 * check-worthiness model of each held-out fold trained without it; register.generated.ts).
 *
 * Documents: as `npm run analyze` reads them (records sharing `doc`; a file without `doc` is one),
 * because the claim convention is chosen per document (lib/analysis/claims/register.ts).
 *
 * Usage: npm run eval:analysis [-- --data DIR] [--keep]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { predictAll, type PredRecord } from './analyze';
import { MODEL_BIAS, MODEL_THRESHOLD } from '../lib/analysis/orgs/model.generated';
import { REGISTER_MODEL } from '../lib/analysis/claims/register.generated';
import { TRAIN_DEFAULTS, crossValidate, makeExamples, prf, type Gold as OrgGold } from '../lib/analysis/orgs/train';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dataArg = args.indexOf('--data');
const dataDir = dataArg >= 0 ? (args[dataArg + 1] as string) : join(root, '..', 'shared', 'eval', 'data');
const scorer = join(dataDir, '..', 'score.mjs');
if (!existsSync(dataDir) || !existsSync(scorer)) {
  console.log(`eval:analysis: evaluation data not found (expected ${join('..', 'shared', 'eval')} next to the project, with data/ and score.mjs); nothing to evaluate.`);
  console.log('eval:analysis files=0 skipped=missing-shared-eval');
  process.exit(0);
}

interface Gold {
  id: string;
  lang: string;
  text: string;
  orgs?: Array<{ start: number; end: number }>;
  label?: number;
  doc?: string;
  claimant?: string | null;
}
const readJsonl = (p: string): Gold[] =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold);

// ------------------------------------------------------------------ baselines (as ../shared/eval/baselines.mjs)
type Nlp = (text: string) => {
  organizations(): { json(o: { offset: boolean }): Array<{ offset: { start: number; length: number } }> };
  has(match: string): boolean;
};
// Imported by a computed name: fr-compromise ships .ts typings that fail `tsc` under strict mode.
const load = async (name: string): Promise<Nlp> => ((await import(name)) as { default: Nlp }).default;
const nlpEn = await load('compromise');
const nlpFr = await load('fr-compromise');

function cutPossessive(text: string, s: number, e: number): [number, number] {
  let str = text.slice(s, e).replace(/[\s,;:!?"'’)\]]+$/, '');
  if (/\.$/.test(str) && !/(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Corp|Co|Ltd|Bros|Jr|St|Dept|Assn)\.)$/.test(str)) str = str.slice(0, -1);
  str = str.replace(/['’]s$/, '');
  return [s, s + str.length];
}
function baselinePredict(g: Gold): { orgs: Array<{ start: number; end: number }>; score: number; label: number } {
  const lib = g.lang === 'fr' ? nlpFr : nlpEn;
  const doc = lib(g.text);
  const orgs = doc
    .organizations()
    .json({ offset: true })
    .map((o) => {
      const [start, end] = cutPossessive(g.text, o.offset.start, o.offset.start + o.offset.length);
      return { start, end };
    });
  const num = doc.has('#Value');
  const cmp = doc.has('(#Comparative|#Superlative|than|plus|moins)');
  const rep = doc.has('({say}|{argue}|{claim}|{warn}|{estimate}|{predict}|{expect}|{believe}|{announce}|{report}|{cause}|according to|#Modal|selon)');
  // As baselines.mjs: any tag fires => claim; the score (share of tags) gives AP.
  const hits = Number(num) + Number(cmp) + Number(rep);
  return { orgs, score: hits / 3, label: hits > 0 ? 1 : 0 };
}

// ------------------------------------------------------------------ scoring

function score(task: 'orgs' | 'claims', gold: string, pred: string, threshold?: number): string[] {
  const extra = threshold === undefined ? [] : ['--threshold', String(threshold)];
  const out = execFileSync(process.execPath, [scorer, task, gold, pred, ...extra], { encoding: 'utf8' });
  return out.trim().split('\n');
}
const num = (line: string, re: RegExp): number => Number((re.exec(line) ?? [])[1] ?? NaN);

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
function claimantMatches(ours: string, gold: string): boolean {
  const a = ` ${norm(ours)} `;
  const b = ` ${norm(gold)} `;
  return a.trim() !== '' && (a === b || a.includes(b) || b.includes(a));
}

// ------------------------------------------------------------------ run

const tmp = mkdtempSync(join(tmpdir(), 'eval-analysis-'));
const files = readdirSync(dataDir)
  .filter((f) => f.endsWith('.dev.jsonl') && !f.startsWith('aipolicy_docs'))
  .sort();
interface Row {
  file: string;
  task: string;
  ours: string;
  base: string;
  note: string;
}
const rows: Row[] = [];
const summary: Record<string, string> = {};
let oursChars = 0;
let oursMs = 0;
let baseChars = 0;
let baseMs = 0;
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'nan');

for (const file of files) {
  const goldPath = join(dataDir, file);
  const gold = readJsonl(goldPath);
  const short = file.replace(/\.dev\.jsonl$/, '');
  const chars = gold.reduce((a, g) => a + g.text.length, 0);
  // Ours (one warm-up pass on a few records, then timed).
  predictAll(gold.slice(0, 20));
  let t0 = performance.now();
  // Documents as `npm run analyze` reads them (a `doc` field, else the file), for the claim convention.
  const ours: PredRecord[] = predictAll(gold);
  const ms = performance.now() - t0;
  oursChars += chars;
  oursMs += ms;
  for (const g of gold.slice(0, 20)) baselinePredict(g);
  t0 = performance.now();
  const base = gold.map((g) => ({ id: g.id, ...baselinePredict(g) }));
  const bms = performance.now() - t0;
  baseChars += chars;
  baseMs += bms;
  const po = join(tmp, `ours__${file}`);
  const pb = join(tmp, `base__${file}`);
  writeFileSync(po, ours.map((p) => JSON.stringify(p)).join('\n') + '\n');
  writeFileSync(pb, base.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const speed = `${Math.round((chars / ms) * 1000).toLocaleString('en-US')} vs ${Math.round((chars / bms) * 1000).toLocaleString('en-US')} chars/s`;
  const baseName = gold[0]?.lang === 'fr' ? 'fr-compromise' : 'compromise';

  if (gold[0]?.orgs !== undefined) {
    const lo = score('orgs', goldPath, po).at(-1) ?? '';
    const lb = score('orgs', goldPath, pb).at(-1) ?? '';
    const e = num(lo, /exact F1=([\d.]+)/);
    const l = num(lo, /lenient F1=([\d.]+)/);
    rows.push({
      file: short,
      task: 'orgs exact / lenient F1',
      ours: `${f3(e)} / ${f3(l)}`,
      base: `${f3(num(lb, /exact F1=([\d.]+)/))} / ${f3(num(lb, /lenient F1=([\d.]+)/))}`,
      note: `${baseName}; ${speed}`,
    });
    const key = short.replace(/^ner_/, '');
    if (short.includes('wikigold')) {
      // The tagger's training set: the in-sample figure flatters it, so the row also gives its CV.
      const cv = crossValidate(makeExamples(gold as OrgGold[], TRAIN_DEFAULTS.bits), { ...TRAIN_DEFAULTS, biases: [MODEL_BIAS], thresholds: [MODEL_THRESHOLD] });
      const cvF = prf(cv.grid[0]![0]!).f;
      rows[rows.length - 1]!.note = `IN-SAMPLE (tagger's training set); ${TRAIN_DEFAULTS.folds}-fold CV exact F1 ${f3(cvF)}; ${rows[rows.length - 1]!.note}`;
      summary[`orgs_exact_f1_${key}_insample`] = f3(e);
      summary[`orgs_lenient_f1_${key}_insample`] = f3(l);
      summary[`orgs_exact_f1_${key}_cv`] = f3(cvF);
    } else {
      summary[`orgs_exact_f1_${key}`] = f3(e);
      summary[`orgs_lenient_f1_${key}`] = f3(l);
    }
  }
  if (gold[0]?.label !== undefined) {
    const lo = score('claims', goldPath, po);
    const lb = score('claims', goldPath, pb);
    const allO = lo.find((x) => x.startsWith('ALL')) ?? '';
    const allB = lb.find((x) => x.startsWith('ALL')) ?? '';
    const f = num(allO, / F1=([\d.]+)/);
    const ap = num(allO, /AP=([\d.]+)/);
    const isTrain = short.includes('claimbuster');
    rows.push({
      file: short,
      task: 'claims F1 / P / R / AP',
      ours: `${f3(f)} / ${f3(num(allO, / P=([\d.]+)/))} / ${f3(num(allO, / R=([\d.]+)/))} / ${f3(ap)}`,
      base: `${f3(num(allB, / F1=([\d.]+)/))} / ${f3(num(allB, / P=([\d.]+)/))} / ${f3(num(allB, / R=([\d.]+)/))} / ${f3(num(allB, /AP=([\d.]+)/))}`,
      note: `${isTrain ? `IN-SAMPLE (training set); 5-fold CV F1 ${f3(REGISTER_MODEL.cvClaimBusterF1)} (train:claims, transcript mode); ` : ''}compromise tags; ${speed}`,
    });
    const key = short.replace(/^claims_en_/, '');
    summary[`claims_f1_${key}${isTrain ? '_insample' : ''}`] = f3(f);
    summary[`claims_ap_${key}${isTrain ? '_insample' : ''}`] = f3(ap);
    if (isTrain) summary[`claims_f1_${key}_cv`] = f3(REGISTER_MODEL.cvClaimBusterF1);
  }
  if (gold[0]?.claimant !== undefined) {
    let given = 0;
    let hit = 0;
    let none = 0;
    let spurious = 0;
    let kinds = 0;
    let kindHit = 0;
    ours.forEach((p, i) => {
      const g = gold[i] as Gold & { kind?: string | null };
      if (!g.label) return;
      const names = p.claims.map((c) => c.claimant).filter((c): c is string => !!c);
      if (g.claimant) {
        given++;
        if (names.some((n) => claimantMatches(n, g.claimant as string))) hit++;
      } else {
        none++;
        if (names.length) spurious++;
      }
      if (p.claims.length && g.kind) {
        kinds++;
        if (p.claims.some((c) => c.kind === g.kind)) kindHit++;
      }
    });
    rows.push({
      file: short,
      task: 'claimant acc / spurious; kind acc',
      ours: `${f3(hit / Math.max(given, 1))} (${hit}/${given}) / ${f3(spurious / Math.max(none, 1))}; ${f3(kindHit / Math.max(kinds, 1))}`,
      base: 'n/a',
      note: 'kind acc over gold claims we also flag',
    });
    summary[`claimant_acc_${short}`] = f3(hit / Math.max(given, 1));
  }
}

const oursCps = Math.round((oursChars / oursMs) * 1000);
const baseCps = Math.round((baseChars / baseMs) * 1000);
console.log('| dev file | metric | ours | compromise / fr-compromise | notes |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.file} | ${r.task} | ${r.ours} | ${r.base} | ${r.note} |`);
console.log(`\nthroughput (all files, orgs + claims, one thread): ours ${oursCps.toLocaleString('en-US')} chars/s, compromise ${baseCps.toLocaleString('en-US')} chars/s, ratio ${(oursCps / baseCps).toFixed(1)}x`);
if (!args.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
else console.log(`predictions kept in ${tmp}`);
const keys = Object.entries(summary)
  .map(([k, v]) => `${k}=${v}`)
  .join(' ');
console.log(`eval:analysis files=${files.length} ${keys} chars_per_s=${oursCps} compromise_chars_per_s=${baseCps}`);
