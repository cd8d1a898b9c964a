/**
 * Claim scoring. Two parts, combined as a noisy-OR because they detect different things:
 *
 * - **check-worthiness** (statistics, comparisons, effects, forecasts): logistic regression
 *   learned by `scripts/train-claims.ts` from ClaimBuster (CC BY 4.0) only. English uses the cue
 *   features plus word n-grams; every other language the cue-only model (same data, cues whose
 *   lexicons exist in both languages), so French is scored through language-neutral features.
 * - **position** (opinions, recommendations, calls, stances): ClaimBuster labels those as
 *   non-check-worthy, so no licensed data teaches them; the weights below are set by hand from
 *   the annotation guidelines (GUIDELINES.md §2), not fitted to any evaluation file.
 *
 * Then shape gates: questions, bylines, headings and fragments are rarely claims.
 */
import { CLAIM_MODEL } from './model.generated';
import { FEATURE_NAMES, type FeatureName, type SentenceFeatures } from './features';
import { wordTokens, type WordToken } from './matcher';

/** Sentences scoring at or above this are reported as claims (the score is a probability). */
export const CLAIM_THRESHOLD = 0.5;

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
  past_event: -0.8,
  directive: -1.5,
  len_short: -1.0,
};

/** Multipliers of the final probability for sentence shapes that are rarely claims. */
const GATES: Partial<Record<FeatureName, number>> = {
  question: 0.15,
  byline: 0.1,
  fragment: 0.2,
  list_continuation: 0.6,
};

/** An n-gram vocabulary: unigram weights, and bigram weights by first word (no string building). */
export interface Vocab {
  uni: Map<string, number>;
  bi: Map<string, Map<string, number>>;
}

/** Parsed "ngram\tweight" vocabularies, by source string (the shipped one plus training folds). */
const vocabs = new Map<string, Vocab>();
export function parseVocab(vocab: string): Vocab {
  let m = vocabs.get(vocab);
  if (!m) {
    m = { uni: new Map(), bi: new Map() };
    for (const line of vocab.split('\n')) {
      const tab = line.lastIndexOf('\t');
      if (tab <= 0) continue;
      const gram = line.slice(0, tab);
      const w = Number(line.slice(tab + 1));
      const sp = gram.indexOf(' ');
      if (sp < 0) m.uni.set(gram, w);
      else {
        const a = gram.slice(0, sp);
        let inner = m.bi.get(a);
        if (!inner) m.bi.set(a, (inner = new Map()));
        inner.set(gram.slice(sp + 1), w);
      }
    }
    if (vocabs.size > 8) vocabs.clear();
    vocabs.set(vocab, m);
  }
  return m;
}

const FEATURE_INDEX = new Map<FeatureName, number>(FEATURE_NAMES.map((n, i) => [n, i]));
const DIGIT = /\d/;

/** Linear score of `model` over the features that fired (plus n-grams when `toks` and `vocab` are given). */
export function linearScore(model: LinearModel, on: ReadonlySet<FeatureName>, toks?: readonly WordToken[], vocab?: Vocab): number {
  let z = model.bias;
  for (const name of on) {
    const i = FEATURE_INDEX.get(name);
    if (i !== undefined) z += model.weights[i] ?? 0;
  }
  if (toks && vocab) {
    // Same grams as forEachNgram (features.ts), looked up without building "a b" strings.
    let prev = '<s>';
    for (const t of toks) {
      const w = DIGIT.test(t.lower) ? t.lower.replace(/\d/g, '0') : t.lower;
      z += (vocab.uni.get(w) ?? 0) + (vocab.bi.get(prev)?.get(w) ?? 0);
      prev = w;
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

/** Probability that the checkworthy part fires, from the shipped model (or `model` for training). */
export function checkProbability(sentence: string, f: SentenceFeatures, lang: string, model: ClaimModelFile = CLAIM_MODEL, toks?: readonly WordToken[]): number {
  if (lang === 'en') {
    const vocab = parseVocab(model.en.vocab);
    return sigmoid(linearScore(model.en, f.on, toks ?? wordTokens(sentence), vocab));
  }
  return sigmoid(linearScore(model.cues, f.on));
}

/** Hand-set position probability. */
export function positionProbability(f: SentenceFeatures): number {
  let z = POSITION_BIAS;
  for (const name of f.on) z += POSITION_WEIGHTS[name] ?? 0;
  return sigmoid(z);
}

/** Combines both parts and the shape gates. */
export function combine(pCheck: number, pPosition: number, f: SentenceFeatures): ClaimScore {
  let score = 1 - (1 - pCheck) * (1 - pPosition);
  for (const name of f.on) score *= GATES[name] ?? 1;
  return { score, pCheck, pPosition };
}

/** Scores one sentence. */
export function scoreSentence(sentence: string, f: SentenceFeatures, lang: string, model: ClaimModelFile = CLAIM_MODEL, toks?: readonly WordToken[]): ClaimScore {
  return combine(checkProbability(sentence, f, lang, model, toks), positionProbability(f), f);
}

