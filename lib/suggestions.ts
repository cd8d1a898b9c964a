/**
 * Turns the analysis of an article into the suggestions shown to the reader: filtered by the
 * settings and by what the reader dismissed, each with a key that stays the same on later visits
 * (offsets move when the page changes; the text and kind do not).
 */
import type { AnalysisResult, ClaimKind, OrgMention } from './analysis/types';
import { textHash } from './fingerprint';
import type { AnalysisSettings } from './settings';

export type SuggestionKind = 'organization' | ClaimKind;

export interface Suggestion {
  key: string;
  kind: SuggestionKind;
  start: number;
  end: number;
  text: string;
  score: number;
  /** Why: the cues that fired ("gazetteer", "acronym", "number", "reporting verb: argues"…). */
  cues: string[];
  org?: Pick<OrgMention, 'id' | 'name' | 'type' | 'source'>;
  claimant?: string;
}

/** Organizations are keyed by their identity, claims by their sentence. */
export function suggestionKey(kind: SuggestionKind, text: string, orgId?: string): string {
  if (kind === 'organization') return `org:${orgId ?? text.toLowerCase()}`;
  return `claim:${textHash(text)}`;
}

export function buildSuggestions(
  result: AnalysisResult,
  text: string,
  settings: AnalysisSettings,
  dismissed: ReadonlySet<string>,
): Suggestion[] {
  const out: Suggestion[] = [];
  if (!settings.enabled) return out;
  if (settings.organizations) {
    for (const o of result.orgs) {
      const key = suggestionKey('organization', o.text, o.id);
      if (dismissed.has(key)) continue;
      out.push({
        key,
        kind: 'organization',
        start: o.start,
        end: o.end,
        text: o.text,
        score: o.score,
        cues: [o.source],
        org: { id: o.id, name: o.name, type: o.type, source: o.source },
      });
    }
  }
  if (settings.claims && result.claimsEnabled) {
    for (const c of result.claims) {
      if (c.score < settings.threshold || !settings.kinds[c.kind]) continue;
      const sentence = text.slice(c.start, c.end);
      const key = suggestionKey(c.kind, sentence);
      if (dismissed.has(key)) continue;
      out.push({
        key,
        kind: c.kind,
        start: c.start,
        end: c.end,
        text: sentence,
        score: c.score,
        cues: c.cues,
        ...(c.claimant ? { claimant: c.claimant.text } : {}),
      });
    }
  }
  return out.sort(byReadingOrder);
}

/** Reading order; a claim before the organizations inside it (a stable sort keeps ties in place). */
export function byReadingOrder(a: Suggestion, b: Suggestion): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Suggestions built chunk by chunk (`buildSuggestions` on each chunk's findings, chunks taken in
 * any order) as one list in reading order: the list `buildSuggestions` gives for the merged
 * result, since chunks do not overlap (two suggestions on the same span come from the same chunk
 * and keep their order there).
 */
export function mergeSuggestions(parts: readonly (readonly Suggestion[])[]): Suggestion[] {
  return parts.flat().sort(byReadingOrder);
}
