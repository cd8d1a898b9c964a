/**
 * Types of the automatic analysis (organizations and claims). Pure data: the analysis runs on a
 * string and knows nothing of the DOM. Offsets are UTF-16 string indices, end exclusive.
 */

export const ORG_TYPES = [
  'company',
  'ai-lab',
  'investor',
  'regulator',
  'data-protection-authority',
  'ministry',
  'parliament',
  'government-agency',
  'intergovernmental',
  'standards-body',
  'ngo',
  'think-tank',
  'university',
  'research-institute',
  'court',
  'political-party',
  'media',
  'other',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export interface OrgMention {
  start: number;
  end: number;
  text: string;
  /** Stable id: the gazetteer id (e.g. a Wikidata QID or a slug) or `rule:<normalised name>`. */
  id: string;
  /** Canonical name in the text's language when known. */
  name: string;
  type: OrgType;
  /** Which cue found it. */
  source: 'gazetteer' | 'acronym' | 'head-word' | 'consistency';
  score: number;
}

/**
 * Kinds of claim (GUIDELINES.md §2), plus `fact`: a check-worthy factual statement with none of the
 * other kinds' cues (a record, an action, an event), which only the check-worthiness convention of
 * debate transcripts reports (claims/register.ts).
 */
export const CLAIM_KINDS = ['statistic', 'comparison', 'causal', 'prediction', 'position', 'fact'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface ClaimMention {
  /** The sentence's span. */
  start: number;
  end: number;
  kind: ClaimKind;
  /** Calibrated probability that the sentence is a claim (0..1). */
  score: number;
  /** Who makes the claim, when the sentence names them. */
  claimant?: { start: number; end: number; text: string };
  /** Cues that fired, for the "why" shown to the reader (e.g. "number", "reporting verb: argues"). */
  cues: string[];
}

export interface AnalysisOptions {
  /** Language hint (BCP 47, e.g. from <html lang>); detection decides when absent or unsupported. */
  lang?: string;
  /** Give up past this many ms (checked between sentences). */
  budgetMs?: number;
  /** Give up past this many characters. */
  maxChars?: number;
  now?: () => number;
  /**
   * Claim convention (claims/register.ts): 'auto' (default) reads it from the text's beginning;
   * 'policy' counts positions as claims (GUIDELINES §2), 'checkworthy' only check-worthy facts.
   */
  claimMode?: ClaimModeSetting;
}

export const CLAIM_MODES = ['policy', 'checkworthy'] as const;
export type ClaimMode = (typeof CLAIM_MODES)[number];
export type ClaimModeSetting = 'auto' | ClaimMode;

export interface AnalysisResult {
  /** Detected or hinted language ('en', 'fr', or another code / 'und'). */
  lang: string;
  orgs: OrgMention[];
  claims: ClaimMention[];
  /** Claims are only detected in English and French. */
  claimsEnabled: boolean;
  /** The claim convention used (set when claims are enabled). */
  claimMode?: ClaimMode;
  /** Set when the analysis stopped early; what was found before is kept. */
  gaveUp?: { reason: 'too-large' | 'time-budget' | 'not-text'; at: number };
  detectorVersion: string;
}
