import type { Translate } from '@/lib/i18n';
import type { AnalysisStatus } from '@/lib/protocol';
import type { SuggestionKind } from '@/lib/suggestions';
import { suggestionTitle } from './suggestion-labels';

interface Props {
  t: Translate;
  analysis: AnalysisStatus;
  onOpen: (key: string) => void;
}

/** The accessible list of automatic suggestions: each jumps to its place and opens its card. */
export function SuggestionList({ t, analysis, onOpen }: Props) {
  if (analysis.state !== 'done') return null;
  return (
    <>
      <h3>{t('suggestListTitle')}</h3>
      <p class="pl-hint">{t('suggestListSummary', [String(analysis.organizations), String(analysis.claims)])}</p>
      {!analysis.claimsEnabled && <p class="pl-hint">{t('suggestClaimsOff')}</p>}
      {analysis.claimsEnabled && analysis.claimMode === 'checkworthy' && <p class="pl-hint">{t('suggestCheckworthy')}</p>}
      <ul class="pl-items">
        {analysis.items.map((s) => (
          <li key={`${s.key}-${s.text.length}`}>
            <button type="button" class={`pl-item pl-s-${s.kind}`} onClick={() => onOpen(s.key)}>
              <span class="pl-dot" aria-hidden="true" />
              <span class="pl-quote">{s.text}</span>
              <span class="pl-status">
                {suggestionTitle(t, s.kind as SuggestionKind)} · {Math.round(s.score * 100)}%
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
