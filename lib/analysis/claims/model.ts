/**
 * Claim scoring. Four parts, combined as a noisy-OR because each detects a different kind of
 * claim (GUIDELINES.md §2), then shape gates:
 *
 * - **check-worthiness** (statistics, comparisons): logistic regression learned by
 *   `scripts/train-claims.ts` from ClaimBuster (CC BY 4.0) only. English uses the cue features
 *   plus word n-grams; every other language the cue-only model (same data, cues whose lexicons
 *   exist in both languages), so French is scored through language-neutral features. Its logit is
 *   shifted from ClaimBuster's base rate to the base rate assumed for policy text (POLICY_PRIOR).
 * - **effect** (causal claims), **forecast** (predictions) and **position** (opinions,
 *   recommendations, calls, stances): ClaimBuster labels these non-check-worthy, so no licensed
 *   data teaches them; their weights are set by hand from the annotation guidelines, not fitted
 *   to any evaluation file.
 *
 * Shape gates: questions, bylines, headings and fragments are rarely claims.
 */
import { lowerBound } from '../sorted';
import { CLAIM_MODEL } from './model.generated';
import { FEATURE_NAMES, type FeatureName, type SentenceFeatures } from './features';
import { foldDigits, WordMemo, wordTokens, type WordToken } from './matcher';
import { CLAIM_STACKERS } from './stacker.generated';
import { STACK_FEATURES, stackInputs, stackLogit, type StackerModel } from './stacker';

/**
 * Sentences scoring at or above this are reported as claims. For a calibrated probability the
 * F1-optimal threshold is about half the attainable F1 (Lipton et al. 2014, "Thresholding
 * classifiers to maximize F1"): 0.35-0.4 for F1 0.7-0.8. ClaimBuster 5-fold CV puts the best F1
 * of the check-worthiness model at 0.35 too (`npm run train:claims`).
 */
export const CLAIM_THRESHOLD = 0.35;

/** ClaimBuster's share of check-worthy sentences (539 / 2,000 of the training file). */
export const TRAIN_PRIOR = 0.27;
/**
 * ASSUMPTION: share of claims among the sentences of the policy/news articles the extension
 * reads. Our reading of GUIDELINES.md and DESIGN-NOTES §4 is that claims are dense there (roughly
 * half of the sentences); we take 0.5, i.e. no preference either way, rather than fit it to any
 * evaluation file.
 */
export const POLICY_PRIOR = 0.5;
const logit = (p: number): number => Math.log(p / (1 - p));
/** Prior shift of the check-worthiness logit (Saerens et al. 2002): +1.0 for 0.27 → 0.5. */
export const PRIOR_SHIFT = logit(POLICY_PRIOR) - logit(TRAIN_PRIOR);

export interface LinearModel {
  bias: number;
  /** One weight per FEATURE_NAMES entry. */
  weights: number[];
}

export interface ClaimModelFile {
  version: string;
  features: readonly string[];
  /** Cue-only model (any language). */
  cues: LinearModel;
  /** English model: cues + n-grams; `vocab` is "ngram\tweight" lines. */
  en: LinearModel & { vocab: string };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Hand-set logit of "this sentence states a position" (see the module comment). */
// Set so that one strong stance cue alone (a recommendation "should / il faut", a first-person
// belief, an attributed quote) passes 0.5, while a lone evaluative word ("a landmark order") does not.
const POSITION_BIAS = -2.2;
const POSITION_WEIGHTS: Partial<Record<FeatureName, number>> = {
  deontic: 2.6,
  belief: 2.3,
  attribution_colon: 2.4,
  according_to: 1.2,
  reporting: 1.0,
  evaluative: 1.2,
  intensifier: 0.6,
  possibility: 0.5,
  negation: 0.3,
  comparative: 0.3,
  superlative: 0.3,
  first_person: 0.3,
  quote: 0.3,
  copula_eval: 1.4,
  starts_infinitive: 2.2,
  past_event: -0.8,
  directive: -1.5,
  purpose: -0.4,
  len_short: -1.0,
};

/**
 * Hand-set logit of "this sentence asserts an effect" (causal kind). One causal marker ("leads
 * to", "entraîne", "because", "risque de") passes the threshold; a purpose clause or a policy
 * directive ("will develop guidance to help agencies") does not (GUIDELINES.md §2, `claim = 0`
 * for descriptions of what a policy will do).
 */
const EFFECT_BIAS = -2.0;
const EFFECT_WEIGHTS: Partial<Record<FeatureName, number>> = {
  causal: 2.3,
  change_verb: 1.0,
  possibility: 0.4,
  trend: 0.4,
  negation: 0.2,
  directive: -2.2,
  purpose: -1.2,
  past_event: -0.6,
  starts_imperative: -1.0,
  len_short: -1.0,
};

/** Hand-set logit of "this sentence forecasts" (prediction kind): a future/forecast marker that
 * is not a directive of a policy ("The Department will develop…"). */
const FORECAST_BIAS = -2.4;
const FORECAST_WEIGHTS: Partial<Record<FeatureName, number>> = {
  prediction: 2.1,
  hedge: 0.5,
  possibility: 0.3,
  trend: 0.4,
  directive: -2.5,
  purpose: -0.8,
  past_event: -0.5,
  len_short: -1.0,
};

/** Multipliers of the final probability for sentence shapes that are rarely claims. */
const GATES: Partial<Record<FeatureName, number>> = {
  question: 0.15,
  byline: 0.1,
  fragment: 0.2,
  list_continuation: 0.6,
};

/**
 * An n-gram vocabulary ("ngram\tweight" lines, sorted by code units, as the training script
 * writes them): unigram weights, and bigram weights by first word (no string building).
 * Read lazily: a word's weights are found by binary search the first time it is looked up, then
 * kept. Parsing all 5,000 lines up front cost about 12 ms of the first analysis of each English
 * page in Chromium; a page's first screen has a few hundred distinct words.
 */
export class Vocab {
  private readonly lines: readonly string[];
  private readonly uniMemo = new Map<string, number>();
  private readonly biMemo = new Map<string, ReadonlyMap<string, number> | null>();

  /**
   * Per distinct word of the text (by its interned slot): its digit-folded form, its unigram weight
   * and its bigrams, so that scoring a sentence does one array read per word instead of three Map lookups.
   */
  readonly byWord: WordMemo<{ folded: string; uni: number; bi: ReadonlyMap<string, number> | null }>;

  constructor(vocab: string) {
    this.lines = vocab ? vocab.split('\n') : [];
    this.byWord = new WordMemo((w) => {
      const folded = foldDigits(w);
      return { folded, uni: this.uni(folded), bi: this.bi(folded) };
    });
  }

  /** Weight of the unigram `w` (0 when absent). */
  uni(w: string): number {
    let v = this.uniMemo.get(w);
    if (v === undefined) {
      // "w\t…" sorts before "w …" and "wx…": a tab is below every character of a gram.
      const key = `${w}\t`;
      const line = this.lines[lowerBound(this.lines, key)];
      v = line !== undefined && line.startsWith(key) ? Number(line.slice(key.length)) : 0;
      this.uniMemo.set(w, v);
    }
    return v;
  }

  /** Weights of the bigrams starting with `prev`, by second word (null when none). */
  bi(prev: string): ReadonlyMap<string, number> | null {
    let m = this.biMemo.get(prev);
    if (m === undefined) {
      const key = `${prev} `;
      let found: Map<string, number> | null = null;
      for (let i = lowerBound(this.lines, key); i < this.lines.length && this.lines[i]!.startsWith(key); i++) {
        const line = this.lines[i]!;
        const tab = line.lastIndexOf('\t');
        (found ??= new Map()).set(line.slice(key.length, tab), Number(line.slice(tab + 1)));
      }
      this.biMemo.set(prev, (m = found));
    }
    return m;
  }

}

/** Vocabularies by source string (the shipped ones, plus training folds). */
const vocabs = new Map<string, Vocab>();
export function parseVocab(vocab: string): Vocab {
  let m = vocabs.get(vocab);
  if (!m) {
    m = new Vocab(vocab);
    if (vocabs.size > 8) vocabs.clear();
    vocabs.set(vocab, m);
  }
  return m;
}

const FEATURE_INDEX = new Map<FeatureName, number>(FEATURE_NAMES.map((n, i) => [n, i]));

/** Linear score of `model` over the features that fired (plus n-grams when `toks` and `vocab` are given). */
export function linearScore(model: LinearModel, on: ReadonlySet<FeatureName>, toks?: readonly WordToken[], vocab?: Vocab): number {
  let z = model.bias;
  for (const name of on) {
    const i = FEATURE_INDEX.get(name);
    if (i !== undefined) z += model.weights[i] ?? 0;
  }
  if (toks && vocab) {
    // Same grams as forEachNgram (features.ts), looked up without building "a b" strings.
    let after = vocab.bi('<s>');
    for (const t of toks) {
      const w = vocab.byWord.get(t);
      z += w.uni + (after?.get(w.folded) ?? 0);
      after = w.bi;
    }
  }
  return z;
}

export interface ClaimScore {
  /** Final calibrated-ish probability (0..1). */
  score: number;
  /** Check-worthiness part (statistic/comparison/causal/prediction). */
  pCheck: number;
  /** Position part. */
  pPosition: number;
}

const handLogit = (bias: number, weights: Partial<Record<FeatureName, number>>, f: SentenceFeatures): number => {
  let z = bias;
  for (const name of f.on) z += weights[name] ?? 0;
  return z;
};

/** Probability that the checkworthy part fires, from the shipped model (or `model` for training). */
export function checkProbability(sentence: string, f: SentenceFeatures, lang: string, model: ClaimModelFile = CLAIM_MODEL, toks?: readonly WordToken[]): number {
  if (lang === 'en') {
    const vocab = parseVocab(model.en.vocab);
    return sigmoid(linearScore(model.en, f.on, toks ?? wordTokens(sentence), vocab));
  }
  return sigmoid(linearScore(model.cues, f.on));
}

/**
 * Each hand-set part needs its defining cue: without one, the part says nothing (probability 0),
 * so that the noisy-OR of several parts does not add up their biases on cue-less sentences.
 */
const POSITION_CUES: readonly FeatureName[] = ['deontic', 'belief', 'attribution_colon', 'according_to', 'reporting', 'evaluative', 'copula_eval', 'starts_infinitive'];
const EFFECT_CUES: readonly FeatureName[] = ['causal', 'change_verb'];
const FORECAST_CUES: readonly FeatureName[] = ['prediction'];
const anyOn = (f: SentenceFeatures, cues: readonly FeatureName[]): boolean => cues.some((c) => f.on.has(c));

/** Hand-set position probability. */
export function positionProbability(f: SentenceFeatures): number {
  return anyOn(f, POSITION_CUES) ? sigmoid(handLogit(POSITION_BIAS, POSITION_WEIGHTS, f)) : 0;
}

/** Hand-set probability that the sentence asserts an effect (causal kind). */
export function effectPart(f: SentenceFeatures): number {
  return anyOn(f, EFFECT_CUES) ? sigmoid(handLogit(EFFECT_BIAS, EFFECT_WEIGHTS, f)) : 0;
}

/** Hand-set probability that the sentence makes a forecast (prediction kind). */
export function forecastPart(f: SentenceFeatures): number {
  return anyOn(f, FORECAST_CUES) ? sigmoid(handLogit(FORECAST_BIAS, FORECAST_WEIGHTS, f)) : 0;
}

/** Hand-set probability that the sentence asserts an effect or makes a forecast. */
export function effectProbability(f: SentenceFeatures): number {
  return 1 - (1 - effectPart(f)) * (1 - forecastPart(f));
}

/**
 * Combines the parts and the shape gates. `pCheck` is the check-worthiness probability at
 * ClaimBuster's base rate; it is moved to POLICY_PRIOR unless `priorShift` says otherwise (0 to
 * score ClaimBuster itself).
 */
export function combine(pCheck: number, pPosition: number, f: SentenceFeatures, priorShift = PRIOR_SHIFT, pEffect = effectProbability(f)): ClaimScore {
  const shifted = priorShift === 0 ? pCheck : sigmoid(logit(Math.min(Math.max(pCheck, 1e-9), 1 - 1e-9)) + priorShift);
  let score = 1 - (1 - shifted) * (1 - pPosition) * (1 - pEffect);
  for (const name of f.on) score *= GATES[name] ?? 1;
  return { score, pCheck: shifted, pPosition };
}

/** Reused input buffer of the stacker (scoring is synchronous). */
const STACK_X = new Float64Array(STACK_FEATURES.length);

/**
 * The stacked score (stacker.ts) of a language that has a stacker: a logistic regression over the
 * parts, fitted on the project's own labelled policy sentences, whose bias already moves the
 * CV-chosen threshold to CLAIM_THRESHOLD. `pCheck` is at ClaimBuster's base rate (no prior shift:
 * the stacker learns its own).
 */
export function stackedScore(stack: StackerModel, pCheck: number, f: SentenceFeatures, sentence = '', toks?: readonly WordToken[]): ClaimScore {
  const pPosition = positionProbability(f);
  const x = stackInputs(f, pCheck, effectPart(f), forecastPart(f), pPosition, STACK_X);
  return { score: stackGate(sigmoid(stackLogit(stack, x) + sparseStackLogit(stack, f, sentence, toks)), f), pCheck, pPosition };
}

/**
 * Two rules of GUIDELINES.md are applied to the stacker's output as gates (training applies them
 * too, before the threshold is chosen), because a learned weight only lowers the odds:
 * - §2: every question is a non-claim, interviewer's or rhetorical (one full of figures still
 *   scored 0.8 without the gate);
 * - §3: an incident title ("#497: …", "Incident 171: …") is a claim only when it states an
 *   effect (or, as any sentence, a quantity), so without an effect or statistic cue it keeps a
 *   fraction of its score.
 */
export function stackGate(score: number, f: SentenceFeatures): number {
  let s = score;
  if (f.on.has('question')) s *= GATES.question ?? 1;
  if (f.on.has('incident_title') && effectPart(f) < 0.5 && !STAT_CUES.some((c) => f.on.has(c))) s *= INCIDENT_WITHOUT_EFFECT;
  return s;
}
const INCIDENT_WITHOUT_EFFECT = 0.3;
const STAT_CUES: readonly FeatureName[] = ['number', 'percent', 'money', 'big_number'];

/** The stacker's cue and n-gram terms (0 for a stacker without them). */
export function sparseStackLogit(stack: StackerModel, f: SentenceFeatures, sentence: string, toks?: readonly WordToken[]): number {
  if (!stack.cues && !stack.vocab) return 0;
  const sparse: LinearModel = { bias: 0, weights: stack.cues ?? [] };
  return stack.vocab ? linearScore(sparse, f.on, toks ?? wordTokens(sentence), parseVocab(stack.vocab)) : linearScore(sparse, f.on);
}

/**
 * Scores one sentence: the stacker of the language when there is one (`stacks`, default the
 * shipped ones), otherwise the noisy-OR of the parts with the prior shift and the shape gates.
 */
export function scoreSentence(
  sentence: string,
  f: SentenceFeatures,
  lang: string,
  model: ClaimModelFile = CLAIM_MODEL,
  toks?: readonly WordToken[],
  stacks: Readonly<Record<string, StackerModel | undefined>> = CLAIM_STACKERS,
): ClaimScore {
  const pCheck = checkProbability(sentence, f, lang, model, toks);
  const stack = stacks[lang === 'fr' ? 'fr' : 'en'];
  if (stack) return stackedScore(stack, pCheck, f, sentence, toks);
  return combine(pCheck, positionProbability(f), f);
}

