/**
 * The stacker: a small logistic regression that turns the parts of the claim score (the
 * ClaimBuster check-worthiness logit, the hand-set effect / forecast / position parts) and a few
 * sentence-shape features into the final score, per language.
 *
 * Why: ClaimBuster labels many plain event reports ("The committee met on Tuesday") as
 * check-worthy, while GUIDELINES.md §2 says event reports, announcements and descriptions of
 * what a policy will do are not claims. The stacker learns how far to trust each part in policy
 * text. It is fitted by `scripts/train-claims.ts` on `data/claims/policy-{en,fr}.jsonl`, sentences
 * written and labelled by the project (never on an evaluation file), with the decision threshold
 * chosen by document-grouped cross-validation on that set and folded into the bias, so that
 * `score >= CLAIM_THRESHOLD` stays the decision rule.
 *
 * Cost: about 25 multiply-adds per sentence on values the parts already computed, plus one
 * lookup per cue and two per word for the sparse part (model.ts sparseStackLogit).
 */
import type { FeatureName, SentenceFeatures } from './features';

/** Names of the stacker inputs, in the order of the weights. */
export const STACK_FEATURES = [
  'check_logit', // logit of the ClaimBuster check-worthiness probability (no prior shift)
  'check_logit_nocue', // the same, when no statistic/comparison cue fired (event reports)
  'p_effect',
  'p_forecast',
  'p_position',
  'stat_cue', // number / percent / money / quantity word
  'comparison_cue', // comparative / superlative / trend
  'question',
  'byline',
  'fragment',
  'no_final_punct',
  'list_continuation',
  'len_short',
  'len_long',
  'directive',
  'past_event',
  'purpose',
  'starts_imperative',
  'first_person',
  'year_only', // a year and no other number ("in 2022")
  'quote',
] as const;
export type StackFeature = (typeof STACK_FEATURES)[number];

export interface StackerModel {
  bias: number;
  /** One weight per STACK_FEATURES entry. */
  weights: number[];
  /**
   * Optional sparse part, learned on the same project sentences: one weight per FEATURE_NAMES
   * entry (the cues themselves, not only the parts built from them) and "ngram\tweight" lines of
   * word unigrams and bigrams. This is what lets the stacker tell a fact sheet's "NIST will set
   * standards" (a description, not a claim) from "AI will transform work" (a forecast).
   */
  cues?: number[];
  vocab?: string;
}

const STAT: readonly FeatureName[] = ['number', 'percent', 'money', 'big_number'];
const COMPARISON: readonly FeatureName[] = ['comparative', 'superlative', 'trend'];
const SHAPES: ReadonlyArray<[StackFeature, FeatureName]> = [
  ['question', 'question'],
  ['byline', 'byline'],
  ['fragment', 'fragment'],
  ['no_final_punct', 'no_final_punct'],
  ['list_continuation', 'list_continuation'],
  ['len_short', 'len_short'],
  ['len_long', 'len_long'],
  ['directive', 'directive'],
  ['past_event', 'past_event'],
  ['purpose', 'purpose'],
  ['starts_imperative', 'starts_imperative'],
  ['first_person', 'first_person'],
  ['quote', 'quote'],
];
const INDEX = new Map<StackFeature, number>(STACK_FEATURES.map((n, i) => [n, i]));
const idx = (n: StackFeature): number => INDEX.get(n) as number;

const clampLogit = (p: number): number => {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.log(q / (1 - q));
};

/** The stacker's input vector (written into `out` when given, to avoid an allocation). */
export function stackInputs(f: SentenceFeatures, pCheck: number, pEffect: number, pForecast: number, pPosition: number, out?: Float64Array): Float64Array {
  const x = out ?? new Float64Array(STACK_FEATURES.length);
  x.fill(0);
  const on = f.on;
  const stat = STAT.some((c) => on.has(c));
  const cmp = COMPARISON.some((c) => on.has(c));
  const z = clampLogit(pCheck);
  x[idx('check_logit')] = z;
  if (!stat && !cmp) x[idx('check_logit_nocue')] = z;
  x[idx('p_effect')] = pEffect;
  x[idx('p_forecast')] = pForecast;
  x[idx('p_position')] = pPosition;
  if (stat) x[idx('stat_cue')] = 1;
  if (cmp) x[idx('comparison_cue')] = 1;
  for (const [name, feat] of SHAPES) if (on.has(feat)) x[idx(name)] = 1;
  if (on.has('year') && !stat) x[idx('year_only')] = 1;
  return x;
}

/** Logit of the dense part of the stacker (the sparse part is added by model.ts, which owns the n-gram tables). */
export function stackLogit(m: StackerModel, x: Float64Array): number {
  let z = m.bias;
  for (let i = 0; i < x.length; i++) z += (m.weights[i] ?? 0) * (x[i] as number);
  return z;
}
