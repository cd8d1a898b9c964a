/**
 * Kind of a claim from the cues that fired, in the guidelines' priority order
 * (statistic > comparison > causal > prediction > position; GUIDELINES.md §2).
 */
import type { ClaimKind, ClaimMode } from '../types';
import type { SentenceFeatures } from './features';

const STAT_CHANGE = /^(?:doubl|tripl|halv|multipli)/i;

/**
 * Picks the first kind whose cues fired; `position` when none did. Under the check-worthiness
 * convention (a debate transcript, register.ts) a reported claim is factual by definition, so what
 * would be a position there is a `fact`.
 */
export function claimKind(f: SentenceFeatures, mode: ClaimMode = 'policy'): ClaimKind {
  const kind = policyKind(f);
  return mode === 'checkworthy' && kind === 'position' ? 'fact' : kind;
}

function policyKind(f: SentenceFeatures): ClaimKind {
  const on = f.on;
  const change = f.matched.change_verb ?? '';
  if (on.has('percent') || on.has('money') || on.has('big_number') || on.has('number') || (change !== '' && STAT_CHANGE.test(change))) return 'statistic';
  if (on.has('comparative') || on.has('superlative') || on.has('trend')) return 'comparison';
  // A recommendation ("AI should benefit everyone") is a position even when its verb names an
  // effect: the sentence asserts what ought to be, not what is (GUIDELINES.md §2 examples).
  if (on.has('deontic') || on.has('starts_infinitive')) return 'position';
  if (on.has('causal') || on.has('change_verb')) return 'causal';
  if (on.has('prediction') && !on.has('directive')) return 'prediction';
  return 'position';
}

/** Human-readable cues for the reader's "why" (e.g. "number: 1,5", "reporting verb: argues"). */
const CUE_LABELS: Array<[keyof SentenceFeatures['matched'], string]> = [
    ['percent', 'percentage'],
    ['money', 'money'],
    ['big_number', 'quantity'],
    ['number', 'number'],
    ['comparative', 'comparison'],
    ['superlative', 'superlative'],
    ['trend', 'trend'],
    ['change_verb', 'change verb'],
    ['causal', 'causal marker'],
    ['prediction', 'prediction marker'],
    ['deontic', 'recommendation'],
    ['reporting', 'reporting verb'],
    ['according_to', 'attribution'],
    ['belief', 'stance marker'],
    ['evaluative', 'evaluative word'],
  ['hedge', 'hedge'],
];

export function claimCues(f: SentenceFeatures): string[] {
  const out: string[] = [];
  const on = f.on;
  for (let i = 0; i < CUE_LABELS.length; i++) {
    const [key, label] = CUE_LABELS[i] as [keyof SentenceFeatures['matched'], string];
    if (!on.has(key)) continue;
    const m = f.matched[key];
    if (m !== undefined) out.push(`${label}: ${m}`);
  }
  return out;
}
