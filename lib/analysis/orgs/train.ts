/**
 * Training of the organization tagger (model.ts), shared by `scripts/train-orgs.ts` and the unit
 * test that checks `model.generated.ts` is what training gives. Not imported by the detector, so
 * it stays out of the content-script bundle.
 *
 * A linear-chain CRF over the tagger's lattice (B/I only where the candidate code allows, O→I
 * forbidden, an inner word like "of" only inside a name), trained by SGD on the log-likelihood
 * with L2 regularisation and averaging of the iterates over the second half of training. While
 * training, a share of the word-identity features of each token is hidden ("lexical dropout"), so
 * the model learns the shapes, word classes and contexts that carry over to names it never saw
 * rather than memorising the names of the training articles. Deterministic for a given seed.
 *
 * Learned only from wikigold (CC BY 4.0): other NER files are evaluation data.
 */
import type { OrgMention } from '../types';
import { detectOrganizations } from './index';
import {
  CAN_B,
  CAN_I,
  DYNAMIC_FEATURES,
  INNER_ONLY,
  STATIC_FEATURES,
  TAG_B,
  TAG_I,
  TAG_O,
  dynamicFeatures,
  prepare,
  quantize,
  type ModelInput,
  type OrgModel,
  type Prepared,
} from './model';

export interface Gold {
  id: string;
  text: string;
  orgs: { start: number; end: number }[];
}

export interface Example {
  rec: Gold;
  /** Article number (wikigold ids `wikigold-d<N>s<M>`): folds never split an article. */
  doc: number;
  input: ModelInput;
  prep: Prepared;
  /** Reachable gold tags (TAG_O/B/I per token). */
  gold: Uint8Array;
}

export interface TrainOptions {
  folds: number;
  epochs: number;
  bits: number;
  /** SGD step at the start (decays as 1 / (1 + lr·l2·t)). */
  lr: number;
  l2: number;
  /** Share of word-identity features hidden from each token in training. */
  lexdrop: number;
  seed: number;
  /** Number of training runs averaged (seeds `seed`, `seed + 1`…). */
  seeds: number;
  /** Candidate values of the score added to opening a name, and of the minimum span confidence. */
  biases: number[];
  thresholds: number[];
  /**
   * The chosen setting loses at most this much cross-validated precision against the rules alone: a
   * wrong highlight costs the reader more than a missing one, and the tagger must not flood other genres.
   */
  precisionSlack: number;
  /**
   * Quantised weights of at most this many steps are dropped (zero): they barely move a score, and
   * the shipped model stores only non-zero weights (about a third fewer bytes at 2, CV unchanged).
   */
  prune: number;
}

export const TRAIN_DEFAULTS: TrainOptions = {
  folds: 5,
  epochs: 10,
  bits: 16,
  lr: 0.1,
  l2: 0.001,
  lexdrop: 0.3,
  seed: 12345,
  seeds: 4,
  biases: [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5],
  thresholds: [-1e9, 0, 0.25, 0.5, 0.75, 1],
  precisionSlack: 0.05,
  prune: 2,
};

/** Templates of `staticValues` (model.ts) that are word identities: the ones lexical dropout hides. */
const LEXICAL_TEMPLATES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 26, 27, 36];

/** Tokens, tagger input and reachable gold tags of each record. */
export function makeExamples(records: readonly Gold[], bits: number): Example[] {
  return records.map((rec) => {
    let input: ModelInput | undefined;
    detectOrganizations(rec.text, 'en', { model: null, onInput: (x) => (input = x) });
    const { t } = input!;
    const prep = prepare(input!, bits);
    const gold = new Uint8Array(t.count);
    for (const o of rec.orgs) {
      let first = true;
      for (let k = 0; k < t.count; k++) {
        if (t.end[k]! <= o.start || t.start[k]! >= o.end) continue;
        gold[k] = first ? TAG_B : TAG_I;
        first = false;
      }
    }
    // The reachable gold path: a token that cannot be B or I is O, and an I after O becomes B.
    for (let k = 0; k < t.count; k++) {
      const c = prep.cand[k]!;
      if (gold[k] === TAG_I && (k === 0 || gold[k - 1] === TAG_O)) gold[k] = TAG_B;
      if (gold[k] === TAG_B && !(c & CAN_B)) gold[k] = c & CAN_I && k > 0 && gold[k - 1] !== TAG_O ? TAG_I : TAG_O;
      if (gold[k] === TAG_I && !(c & CAN_I)) gold[k] = c & CAN_B ? TAG_B : TAG_O;
    }
    const doc = Number(/-d(\d+)s/.exec(rec.id)?.[1] ?? '0');
    return { rec, doc, input: input!, prep, gold };
  });
}

const lse3 = (a: number, b: number, c: number) => {
  const m = Math.max(a, b, c);
  if (m === -Infinity) return m;
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m));
};

/** Trains the CRF's weights (B and I relative to O, interleaved as in OrgModel) on `exs`. */
/**
 * Weights trained `opts.seeds` times (seeds `opts.seed`, `opts.seed + 1`…: another shuffling and
 * another lexical dropout) and averaged. One run's cross-validated F1 moves by about ±0.005 with
 * the seed alone; the average does not depend on one draw.
 */
export function trainWeights(exs: readonly Example[], opts: TrainOptions): Float32Array {
  const n = Math.max(1, opts.seeds);
  let sum: Float32Array | undefined;
  for (let k = 0; k < n; k++) {
    const w = trainOnce(exs, { ...opts, seed: opts.seed + k });
    if (!sum) sum = w;
    else for (let i = 0; i < w.length; i++) sum[i]! += w[i]!;
  }
  if (n > 1) for (let i = 0; i < sum!.length; i++) sum![i]! /= n;
  return sum!;
}

function trainOnce(exs: readonly Example[], opts: TrainOptions): Float32Array {
  const { bits, epochs, lr, l2, lexdrop } = opts;
  const size = 2 << bits;
  const w = new Float64Array(size); // stored weights; the true weights are scale × w (L2 by rescaling)
  const avg = new Float64Array(size);
  let scale = 1;
  let averaged = 0;
  let seed = opts.seed;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const order = exs.map((_, i) => i);
  const dyn = new Int32Array(DYNAMIC_FEATURES);
  const total = epochs * exs.length;
  const lexicalMask = LEXICAL_TEMPLATES.filter((f) => f < STATIC_FEATURES);
  let step = 0;
  // psi[(i*3+prev)*3+y]: log-potential of tag y at token i after tag prev; alpha/beta per token and tag.
  let psi = new Float64Array(0);
  let alpha = new Float64Array(0);
  let beta = new Float64Array(0);
  let hidden = new Uint8Array(0);
  const dynScore = (p: Prepared, input: ModelInput, i: number, prev: number, off: number) => {
    dynamicFeatures(p, input, i, prev, bits, dyn);
    let sc = 0;
    for (let f = 0; f < DYNAMIC_FEATURES; f++) sc += w[(dyn[f]! << 1) + off]!;
    return sc * scale;
  };
  const coefs: number[] = []; // token, prev, y, coefficient
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const { prep: p, input, gold } = exs[idx]!;
      const n = p.n;
      const eta = lr / (1 + lr * l2 * step);
      step++;
      scale *= 1 - eta * l2;
      if (scale < 1e-9) {
        for (let h = 0; h < size; h++) w[h]! *= scale;
        scale = 1;
      }
      if (psi.length < n * 9) {
        psi = new Float64Array(n * 9);
        alpha = new Float64Array(n * 3);
        beta = new Float64Array(n * 3);
        hidden = new Uint8Array(n * STATIC_FEATURES);
      }
      // Potentials, with this pass's hidden word-identity features.
      for (let i = 0; i < n; i++) {
        const c = p.cand[i]!;
        if (!c) continue;
        const base = i * STATIC_FEATURES;
        let sB = 0;
        let sI = 0;
        for (let f = 0; f < STATIC_FEATURES; f++) hidden[base + f] = 0;
        if (lexdrop > 0) for (const f of lexicalMask) if (rand() < lexdrop) hidden[base + f] = 1;
        for (let f = 0; f < STATIC_FEATURES; f++) {
          if (hidden[base + f]) continue;
          const h = p.feats[base + f]! << 1;
          sB += w[h]!;
          sI += w[h + 1]!;
        }
        sB *= scale;
        sI *= scale;
        const prevInner = i > 0 && (p.cand[i - 1]! & INNER_ONLY) !== 0;
        const prevCand = i > 0 && p.cand[i - 1]! !== 0;
        for (let prev = 0; prev < 3; prev++) {
          const o = (i * 3 + prev) * 3;
          const reachable = prev === TAG_O || prevCand;
          const leavesInner = prev === TAG_I && prevInner;
          psi[o] = reachable && !leavesInner ? 0 : -Infinity;
          psi[o + 1] = reachable && c & CAN_B && !leavesInner ? sB + dynScore(p, input, i, prev, 0) : -Infinity;
          psi[o + 2] = reachable && c & CAN_I && prev !== TAG_O ? sI + dynScore(p, input, i, prev, 1) : -Infinity;
        }
      }
      // Forward-backward over each stretch of candidates (the tokens around are O).
      coefs.length = 0;
      for (let a = 0; a < n; ) {
        if (!p.cand[a]) {
          a++;
          continue;
        }
        let b = a;
        while (b + 1 < n && p.cand[b + 1]) b++;
        for (let y = 0; y < 3; y++) alpha[a * 3 + y] = psi[(a * 3 + TAG_O) * 3 + y]!;
        for (let i = a + 1; i <= b; i++) {
          for (let y = 0; y < 3; y++) {
            alpha[i * 3 + y] = lse3(
              alpha[(i - 1) * 3]! + psi[i * 9 + y]!,
              alpha[(i - 1) * 3 + 1]! + psi[i * 9 + 3 + y]!,
              alpha[(i - 1) * 3 + 2]! + psi[i * 9 + 6 + y]!,
            );
          }
        }
        beta[b * 3] = 0;
        beta[b * 3 + 1] = 0;
        beta[b * 3 + 2] = p.cand[b]! & INNER_ONLY ? -Infinity : 0;
        for (let i = b - 1; i >= a; i--) {
          for (let prev = 0; prev < 3; prev++) {
            const o = ((i + 1) * 3 + prev) * 3;
            beta[i * 3 + prev] = lse3(psi[o]! + beta[(i + 1) * 3]!, psi[o + 1]! + beta[(i + 1) * 3 + 1]!, psi[o + 2]! + beta[(i + 1) * 3 + 2]!);
          }
        }
        const logZ = lse3(alpha[b * 3]! + beta[b * 3]!, alpha[b * 3 + 1]! + beta[b * 3 + 1]!, alpha[b * 3 + 2]! + beta[b * 3 + 2]!);
        for (let i = a; i <= b; i++) {
          const gy = gold[i]!;
          const gprev = i > a ? gold[i - 1]! : TAG_O;
          for (let prev = 0; prev < 3; prev++) {
            if (i === a && prev !== TAG_O) continue;
            const aPrev = i === a ? 0 : alpha[(i - 1) * 3 + prev]!;
            for (let y = 1; y < 3; y++) {
              const ps = psi[(i * 3 + prev) * 3 + y]!;
              if (ps === -Infinity) continue;
              const marginal = Math.exp(aPrev + ps + beta[i * 3 + y]! - logZ);
              const coef = (gy === y && gprev === prev ? 1 : 0) - marginal;
              if (coef !== 0) coefs.push(i, prev, y, coef);
            }
          }
        }
        a = b + 1;
      }
      // Gradient step on the stored weights.
      const k = eta / scale;
      for (let q = 0; q < coefs.length; q += 4) {
        const i = coefs[q]!;
        const prev = coefs[q + 1]!;
        const off = coefs[q + 2]! - 1;
        const d = k * coefs[q + 3]!;
        const base = i * STATIC_FEATURES;
        for (let f = 0; f < STATIC_FEATURES; f++) if (!hidden[base + f]) w[(p.feats[base + f]! << 1) + off]! += d;
        dynamicFeatures(p, input, i, prev, bits, dyn);
        for (let f = 0; f < DYNAMIC_FEATURES; f++) w[(dyn[f]! << 1) + off]! += d;
      }
      // Average of the iterates (every 50th) over the second half of training.
      if (step > total / 2 && ++averaged % 50 === 0) for (let h = 0; h < size; h++) avg[h]! += w[h]! * scale;
    }
  }
  const out = new Float32Array(size);
  const count = Math.floor(averaged / 50);
  for (let h = 0; h < size; h++) out[h] = count > 0 ? avg[h]! / count : w[h]! * scale;
  return out;
}

export interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

export const prf = (c: Counts) => {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

const zero = (): Counts => ({ tp: 0, pred: 0, gold: 0 });
const addTo = (into: Counts, c: Counts) => {
  into.tp += c.tp;
  into.pred += c.pred;
  into.gold += c.gold;
};

/** Exact-span counts of the whole detector (rules + tagger) on some examples. */
export function scoreDetector(
  exs: readonly Example[],
  model: OrgModel | null,
  bias: number,
  threshold: number,
  onErrors?: (rec: Gold, pred: OrgMention[]) => void,
): Counts {
  const c = zero();
  for (const { rec } of exs) {
    const gold = new Set(rec.orgs.map((o) => `${o.start}:${o.end}`));
    const ms = detectOrganizations(rec.text, 'en', { model, bias, threshold });
    const pred = new Set(ms.map((m) => `${m.start}:${m.end}`));
    c.gold += gold.size;
    c.pred += pred.size;
    for (const k of pred) if (gold.has(k)) c.tp++;
    onErrors?.(rec, ms);
  }
  return c;
}

export interface CvResult {
  rulesOnly: Counts;
  /** grid[b][t]: pooled counts at biases[b], thresholds[t]; perFold[f][b][t] the same per fold. */
  grid: Counts[][];
  perFold: Counts[][][];
  best: { b: number; t: number; bias: number; threshold: number };
}

/** k-fold cross-validation over contiguous blocks of articles, and the (bias, threshold) to ship. */
export function crossValidate(exs: readonly Example[], opts: TrainOptions, onFold?: (fold: number, model: OrgModel, test: Example[]) => void): CvResult {
  const { folds, biases, thresholds } = opts;
  const docs = [...new Set(exs.map((e) => e.doc))].sort((a, b) => a - b);
  const foldOf = new Map(docs.map((d, i) => [d, Math.floor((i * folds) / docs.length)]));
  const rulesOnly = zero();
  const grid = biases.map(() => thresholds.map(zero));
  const perFold: Counts[][][] = [];
  for (let f = 0; f < folds; f++) {
    const test = exs.filter((e) => foldOf.get(e.doc) === f);
    const model = quantize(trainWeights(exs.filter((e) => foldOf.get(e.doc) !== f), opts), opts.bits, opts.prune);
    addTo(rulesOnly, scoreDetector(test, null, 0, 0));
    perFold.push(
      biases.map((bias, b) =>
        thresholds.map((threshold, t) => {
          const c = scoreDetector(test, model, bias, threshold);
          addTo(grid[b]![t]!, c);
          return c;
        }),
      ),
    );
    onFold?.(f, model, test);
  }
  // Best pooled F1 among the settings that lose at most `precisionSlack` of the rules' precision.
  const floor = prf(rulesOnly).p - opts.precisionSlack;
  let best = { b: 0, t: 0 };
  let bestF = -1;
  biases.forEach((_, b) =>
    thresholds.forEach((_, t) => {
      const { p, f } = prf(grid[b]![t]!);
      if (p >= floor && f > bestF) {
        bestF = f;
        best = { b, t };
      }
    }),
  );
  return { rulesOnly, grid, perFold, best: { ...best, bias: biases[best.b]!, threshold: thresholds[best.t]! } };
}

/** The source of `model.generated.ts`. */
export function renderModule(model: OrgModel, data: string, bias: number, threshold: number, opts: TrainOptions): string {
  return `// Generated by scripts/train-orgs.ts from wikigold (CC BY 4.0): do not edit by hand.
// Linear-chain CRF, ${opts.epochs} epochs, L2 ${opts.l2}, lexical dropout ${opts.lexdrop}, 2^${opts.bits} hashed feature buckets,\n// weights averaged over ${opts.seeds} training runs (seeds ${opts.seed}…), then those of at most ${opts.prune} quantisation steps dropped;
// bias and threshold chosen by ${opts.folds}-fold cross-validation (best F1 losing at most ${opts.precisionSlack} of the rules' precision).
export const MODEL_BITS = ${model.bits};
export const MODEL_SCALE = ${model.scale};
export const MODEL_BIAS = ${bias};
export const MODEL_THRESHOLD = ${threshold};
export const MODEL_DATA =
  '${data}';
`;
}
