/**
 * "On this page: N organizations, M claims" and the automatic suggestions of the active tab, each a
 * button that shows it on the page. Or why there is nothing: analysis off, no article, still
 * running, claims not available in the page's language, or the analysis stopped early.
 * Suggestion text comes from the page: it is rendered as text only.
 */
import { useId } from 'preact/hooks';
import type { MessageKey } from '../lib/i18n';
import type { AnalysisStatus, SuggestionSummary } from '../lib/protocol';
import { suggestionKindLabel } from './labels';
import { useUi } from './ui-context';

interface Props {
  analysis: AnalysisStatus;
  onReveal(key: string): void;
  onOpenSettings(): void;
  /** Why the last reveal failed, shown under the list. */
  error?: { message: string; detail?: string } | null;
}

/** Longer lists are folded behind a disclosure so the highlights stay in view. */
export const SHORT_SUGGESTION_LIST = 5;

/** Reasons lib/analysis gives for stopping early; another reason gets the generic sentence. */
const GAVE_UP: Record<string, MessageKey> = {
  'too-large': 'popupAnalysisGaveUpTooLarge',
  'time-budget': 'popupAnalysisGaveUpTimeBudget',
  'not-text': 'popupAnalysisGaveUpNotText',
};

export function PageAnalysis({ analysis, onReveal, onOpenSettings, error }: Props) {
  const { t, plural, formatNumber } = useUi();
  const id = useId();

  if (analysis.state === 'off') {
    return (
      <section class="analysis" aria-label={t('popupAnalysisLabel')}>
        <p role="status">
          {t('popupAnalysisOff')}{' '}
          <button type="button" class="link-button" onClick={onOpenSettings}>
            {t('popupSettings')}
          </button>
        </p>
      </section>
    );
  }
  if (analysis.state === 'no-article' || analysis.state === 'running') {
    return (
      <section class="analysis" aria-label={t('popupAnalysisLabel')}>
        <p role="status">{t(analysis.state === 'running' ? 'popupAnalysisRunning' : 'popupAnalysisNoArticle')}</p>
      </section>
    );
  }

  const items = analysis.items;
  const list = items.length > 0 && (
    <>
      <p class="hint" id={`${id}-hint`}>
        {t('popupSuggestionsHint')}
      </p>
      <ul class="suggestions-list" aria-label={t('popupSuggestionsLabel')}>
        {items.map((item) => (
          <SuggestionButton key={item.key} item={item} hintId={`${id}-hint`} onReveal={onReveal} />
        ))}
      </ul>
    </>
  );

  return (
    <section class="analysis" aria-label={t('popupAnalysisLabel')}>
      <p class="analysis-summary" role="status">
        {t('popupAnalysisSummary', [
          plural(analysis.organizations, 'popupAnalysisOrgsOne', 'popupAnalysisOrgsOther'),
          plural(analysis.claims, 'popupAnalysisClaimsOne', 'popupAnalysisClaimsOther'),
        ])}
      </p>
      {!analysis.claimsEnabled && <p class="hint">{t('popupAnalysisClaimsOff')}</p>}
      {analysis.claimsEnabled && analysis.claimMode === 'checkworthy' && <p class="hint">{t('popupAnalysisCheckworthy')}</p>}
      {analysis.gaveUp !== undefined && <p class="warning">{t(GAVE_UP[analysis.gaveUp] ?? 'popupAnalysisGaveUpOther')}</p>}
      {list &&
        (items.length > SHORT_SUGGESTION_LIST ? (
          <details class="suggestions">
            <summary>{t('popupSuggestionsShow', formatNumber(items.length))}</summary>
            {list}
          </details>
        ) : (
          <div class="suggestions">{list}</div>
        ))}
      {error && (
        <p class="error" role="alert">
          {error.message}
          {error.detail && <span class="error-detail"> {error.detail}</span>}
        </p>
      )}
    </section>
  );
}

function SuggestionButton({ item, hintId, onReveal }: { item: SuggestionSummary; hintId: string; onReveal(key: string): void }) {
  const { t, formatNumber } = useUi();
  return (
    <li class="suggestion">
      <button type="button" class="suggestion-reveal" aria-describedby={hintId} onClick={() => onReveal(item.key)}>
        <span class={item.kind === 'organization' ? 'suggestion-kind kind-organization' : 'suggestion-kind kind-claim'}>
          {suggestionKindLabel(t, item.kind)}
        </span>{' '}
        <span class="suggestion-text">{item.text}</span>{' '}
        <span class="suggestion-score">{t('suggestScore', formatNumber(Math.round(item.score * 100)))}</span>
      </button>
    </li>
  );
}
