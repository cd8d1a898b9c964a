/**
 * Which claim convention a document gets.
 *
 * GUIDELINES.md §2 counts positions (opinions, recommendations, stances) as claims: in news and
 * policy text, who argues what is what a reader wants to see. In a debate transcript almost every
 * sentence is the speaker's own stance, and what a reader checks there are the factual claims:
 * fact-checkers' check-worthiness convention (ClaimBuster's: "check-worthy factual sentences";
 * opinions and plans are not). One score cannot follow both conventions (see
 * scripts/train-claims.ts), so the convention is chosen per document:
 * - `policy`: the stacked score (model.ts scoreSentence);
 * - `checkworthy`: the check-worthiness probability alone, shifted so that its cross-validated
 *   threshold on ClaimBuster lands on CLAIM_THRESHOLD.
 * A document reads as a debate transcript when the mean register probability of its sentences
 * (a logistic regression, debate sentences against written ones; weights in
 * register.generated.ts) reaches the trained threshold. Only English has debate data, so only
 * English is detected; the reader's settings can force either convention in any language.
 */
import { splitSentences } from '../text';
import type { ClaimMode, ClaimModeSetting } from '../types';
import { extractFeatures } from './features';
import { wordTokens } from './matcher';
import { linearScore, parseVocab, type LinearModel } from './model';
import { REGISTER_MODEL } from './register.generated';

export interface RegisterModel extends LinearModel {
  vocab: string;
  /** Mean sentence probability from which a document reads as a debate transcript. */
  docThreshold: number;
  /** Fewer sentences than this: never a transcript (too little to tell). */
  minSentences: number;
  /** Added to the check-worthiness logit in `checkworthy` mode. */
  checkShift: number;
  /** ClaimBuster F1 of the whole pipeline by 5-fold CV (printed by eval:analysis). */
  cvClaimBusterF1: number;
}

/** At most this many sentences (spread over the document) decide its register. */
export const REGISTER_SAMPLE = 64;
/**
 * Characters of a text's beginning whose sentences decide its register (as for its language: the
 * chunked page analysis decides both before its first chunk).
 */
export const REGISTER_SAMPLE_CHARS = 4000;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability that one sentence reads as debate speech. */
export function registerProbability(sentence: string, model: RegisterModel = REGISTER_MODEL): number {
  const toks = wordTokens(sentence);
  return sigmoid(linearScore(model, extractFeatures(sentence, 'en', toks).on, toks, parseVocab(model.vocab)));
}

export interface RegisterReading {
  mode: ClaimMode;
  /** Mean register probability of the sampled sentences (null: not measured, e.g. French). */
  transcript: number | null;
}

/**
 * The convention for a document of `sentences` in `lang`. Samples at most REGISTER_SAMPLE
 * sentences evenly, so the cost does not grow with the page.
 */
export function readRegister(sentences: readonly string[], lang: string, model: RegisterModel = REGISTER_MODEL): RegisterReading {
  if (lang !== 'en' || sentences.length < model.minSentences) return { mode: 'policy', transcript: null };
  const step = Math.max(1, sentences.length / REGISTER_SAMPLE);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < sentences.length && n < REGISTER_SAMPLE; i = Math.floor((n + 1) * step), n++) {
    sum += registerProbability(sentences[i] as string, model);
  }
  const transcript = sum / n;
  return { mode: transcript >= model.docThreshold ? 'checkworthy' : 'policy', transcript };
}

/**
 * The convention of a text read on its beginning (REGISTER_SAMPLE_CHARS): a function of those
 * characters only, so a text analysed in chunks (chunked.ts) gets the same answer as in one pass.
 */
export function textRegister(text: string, lang: string): ClaimMode {
  if (lang !== 'en') return 'policy';
  return readRegister(splitSentences(text.slice(0, REGISTER_SAMPLE_CHARS)).map((s) => s.text), lang).mode;
}

/** The convention a setting forces (null: 'auto' or anything else, read from the text). */
export const forcedClaimMode = (setting: ClaimModeSetting | undefined): ClaimMode | null =>
  setting === 'policy' || setting === 'checkworthy' ? setting : null;

/** The `checkworthy` score from the check-worthiness probability. */
export function checkworthyScore(pCheck: number, model: RegisterModel = REGISTER_MODEL): number {
  const p = Math.min(Math.max(pCheck, 1e-6), 1 - 1e-6);
  return sigmoid(Math.log(p / (1 - p)) + model.checkShift);
}
