/**
 * Sentence-level claim detection: features → score (model.ts) → kind → claimant. Pure.
 */
import type { ClaimMention, ClaimMode, OrgMention } from '../types';
import type { Sentence } from '../text';
import { extractFeatures } from './features';
import { claimCues, claimKind } from './kind';
import { findClaimant } from './claimant';
import { wordTokens } from './matcher';
import { CLAIM_THRESHOLD, checkProbability, scoreSentence } from './model';
import { checkworthyScore } from './register';

export { CLAIM_THRESHOLD } from './model';

/** A scored sentence, claim or not (the analysis reports only those at or above the threshold). */
export interface ScoredSentence extends ClaimMention {
  isClaim: boolean;
}

/** Scores one sentence of `text` (claimant only looked for when it is a claim). */
export function scoreClaim(text: string, s: Sentence, lang: string, orgs: readonly OrgMention[], threshold = CLAIM_THRESHOLD, mode: ClaimMode = 'policy'): ScoredSentence {
  const toks = wordTokens(s.text);
  const f = extractFeatures(s.text, lang, toks);
  // register.ts: a debate transcript gets the check-worthiness convention.
  const score = mode === 'checkworthy' ? checkworthyScore(checkProbability(s.text, f, lang, undefined, toks)) : scoreSentence(s.text, f, lang, undefined, toks).score;
  const isClaim = score >= threshold;
  // Cues (the reader's "why") are only built for reported claims.
  const out: ScoredSentence = { start: s.start, end: s.end, kind: claimKind(f, mode), score, cues: isClaim ? claimCues(f) : [], isClaim };
  if (isClaim) {
    const sentence = text.slice(s.start, s.end);
    // The tokens are those of `s.text`: passed on when it is the same text (always, for spans of
    // splitSentences over `text`).
    const claimant = findClaimant(sentence, s.start, lang, orgs, sentence === s.text ? toks : undefined);
    if (claimant) out.claimant = claimant;
  }
  return out;
}
