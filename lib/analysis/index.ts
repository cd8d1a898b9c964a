/**
 * The automatic analysis of an article's text: language, organisations and claims. Pure (a string
 * in, data out; no DOM, the clock is a parameter) and bounded: it never throws on odd input and
 * stops cleanly past `maxChars` or `budgetMs`, keeping what it found (`gaveUp`).
 */
import { findOrganizations } from './orgs';
import { scoreClaim, type ScoredSentence } from './claims';
import { forcedClaimMode, textRegister } from './claims/register';
import { CLAIM_MODEL } from './claims/model.generated';
import { detectLanguage, splitSentences } from './text';
import type { AnalysisOptions, AnalysisResult, ClaimMention, ClaimMode, OrgMention } from './types';

export { CLAIM_THRESHOLD } from './claims';
export { textRegister } from './claims/register';
export type { ScoredSentence } from './claims';

/** Identifies the detectors, so stored automatic highlights can be recomputed when it changes. */
export const DETECTOR_VERSION = `analysis-1;claims=${CLAIM_MODEL.version}`;

export const DEFAULT_MAX_CHARS = 500_000;
export const DEFAULT_BUDGET_MS = 2_000;
/** Languages with claim detection (lexicons and models). */
const CLAIM_LANGS = new Set(['en', 'fr']);
/** Sentences between two clock reads. */
const CLOCK_EVERY = 32;

/** Share of control characters / U+FFFD in a sample above which the input is not text. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || c === 0x7f) bad++;
  }
  return bad / n > 0.05;
}

/** A cut at or before `max` that does not split a sentence when one ends nearby. */
function cutAt(text: string, max: number): number {
  const window = text.slice(Math.max(0, max - 2000), max);
  const m = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  return m >= 0 ? max - window.length + m + 1 : max;
}

/** The primary language subtag of a BCP 47 tag, lower-cased ('' when none). */
export function primaryTag(lang: string | undefined): string {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec((lang ?? '').trim());
  return m?.[1]?.toLowerCase() ?? '';
}

/** The result plus every scored sentence (claims and non-claims), for evaluation tools. */
export interface DetailedAnalysis {
  result: AnalysisResult;
  sentences: ScoredSentence[];
}

/** Analyses `text`; see `analyze`. Also returns the scores of sentences below the threshold. */
export function analyzeDetailed(text: string, opts: AnalysisOptions = {}): DetailedAnalysis {
  return run(text, opts, true);
}

/** The analysis; `keepSentences`: also list every scored sentence (`analyze` does not need them). */
function run(text: string, opts: AnalysisOptions, keepSentences: boolean): DetailedAnalysis {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const maxChars = Math.max(0, opts.maxChars ?? DEFAULT_MAX_CHARS);
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  const input = typeof text === 'string' ? text : '';
  const result: AnalysisResult = { lang: 'und', orgs: [], claims: [], claimsEnabled: false, detectorVersion: DETECTOR_VERSION };
  const sentences: ScoredSentence[] = [];
  if (input.length === 0) return { result, sentences };
  if (looksBinary(input)) {
    result.gaveUp = { reason: 'not-text', at: 0 };
    return { result, sentences };
  }
  let work = input;
  if (input.length > maxChars) {
    const at = cutAt(input, maxChars);
    work = input.slice(0, at);
    result.gaveUp = { reason: 'too-large', at };
  }

  const hint = primaryTag(opts.lang);
  // An English or French hint is trusted as is (no detection pass).
  let lang = hint;
  if (!CLAIM_LANGS.has(hint)) {
    const detected = detectLanguage(work);
    lang = detected.lang !== 'und' ? detected.lang : hint || 'und';
  }
  result.lang = lang;
  result.claimsEnabled = CLAIM_LANGS.has(lang);

  let orgs: OrgMention[] = [];
  try {
    orgs = findOrganizations(work, lang);
    // Outside English and French only the multilingual gazetteer is trusted (the rules are EN/FR).
    if (!result.claimsEnabled) orgs = orgs.filter((o) => o.source === 'gazetteer');
  } catch {
    orgs = []; // A bug in a detector must not break the page; claims still run.
  }
  result.orgs = orgs;
  if (!result.claimsEnabled) return { result, sentences };

  const split = splitSentences(work);
  // The claim convention (claims/register.ts): forced by the settings, else read on the text.
  const mode: ClaimMode = forcedClaimMode(opts.claimMode) ?? textRegister(work, lang);
  result.claimMode = mode;
  for (let i = 0; i < split.length; i++) {
    const s = split[i];
    if (!s) continue;
    if (i % CLOCK_EVERY === 0 && now() - started > budgetMs) {
      result.gaveUp = { reason: 'time-budget', at: s.start };
      break;
    }
    const scored = scoreClaim(work, s, lang, orgs, undefined, mode);
    if (keepSentences) sentences.push(scored);
    if (scored.isClaim) {
      // The ClaimMention part of `scored` (same keys, same order as an object rest would give).
      const claim: ClaimMention = { start: scored.start, end: scored.end, kind: scored.kind, score: scored.score, cues: scored.cues };
      if (scored.claimant) claim.claimant = scored.claimant;
      result.claims.push(claim);
    }
  }
  return { result, sentences };
}

/**
 * Analyses an article's text: language (hint from `opts.lang` when it is English or French,
 * detection otherwise), organisations (every language; gazetteer only outside EN/FR) and
 * sentence-level claims (EN/FR). Never throws; bounded by `maxChars` and `budgetMs`.
 */
export function analyze(text: string, opts: AnalysisOptions = {}): AnalysisResult {
  return run(text, opts, false).result;
}
