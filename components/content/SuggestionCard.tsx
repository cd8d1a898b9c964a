import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { CLAIM_KINDS, type ClaimKind } from '@/lib/analysis/types';
import type { Translate } from '@/lib/i18n';
import type { Suggestion } from '@/lib/suggestions';
import { placeCard, type CardPosition } from './HighlightCard';
import { CLAIM_KIND_LABEL, orgTypeLabel, suggestionTitle } from './suggestion-labels';

export interface Correction {
  kind?: ClaimKind;
  claimant?: string;
}

interface Props {
  t: Translate;
  suggestion: Suggestion;
  position: CardPosition;
  /** Move focus into the card (opened from the keyboard or the popup, not by hovering). */
  takeFocus: boolean;
  onAccept: (correction?: Correction) => void;
  onDismiss: () => void;
  onClose: () => void;
}

/**
 * The card of an automatic suggestion: what it is, how sure the detector is, and why; accept it
 * as an annotation (optionally corrected) or dismiss it for this page.
 */
export function SuggestionCard({ t, suggestion: s, position, takeFocus, onAccept, onDismiss, onClose }: Props) {
  const id = useId();
  const [correcting, setCorrecting] = useState(false);
  const [kind, setKind] = useState<ClaimKind>(s.kind === 'organization' ? 'position' : s.kind);
  const [claimant, setClaimant] = useState(s.claimant ?? '');
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) rootRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [s.key, takeFocus]);
  const { top, left } = placeCard(position, 220);
  return (
    <div
      ref={rootRef}
      class="pl-panel pl-card pl-suggestion"
      role="dialog"
      aria-labelledby={`${id}-title`}
      style={{ top: `${top}px`, left: `${left}px` }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div class="pl-card-head">
        <h2 id={`${id}-title`}>{suggestionTitle(t, s.kind)}</h2>
        <span class="pl-status">{t('suggestScore', String(Math.round(s.score * 100)))}</span>
        <button type="button" class="pl-close" aria-label={t('contentClose')} onClick={onClose}>
          ×
        </button>
      </div>
      {s.org && <p class="pl-hint">{t('suggestCanonical', [s.org.name, orgTypeLabel(t, s.org.type)])}</p>}
      {s.kind !== 'organization' && <p class="pl-hint">{s.claimant ? t('suggestClaimant', s.claimant) : t('suggestNoClaimant')}</p>}
      <p class="pl-hint">{t('suggestWhy', s.cues.join(', '))}</p>
      {correcting && s.kind !== 'organization' && (
        <div class="pl-correct">
          <label for={`${id}-kind`}>{t('suggestKindLabel')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as ClaimKind)}>
            {CLAIM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(CLAIM_KIND_LABEL[k])}
              </option>
            ))}
          </select>
          <label for={`${id}-claimant`}>{t('suggestClaimantLabel')}</label>
          <input id={`${id}-claimant`} type="text" maxLength={300} value={claimant} onInput={(e) => setClaimant(e.currentTarget.value)} />
        </div>
      )}
      <div class="pl-actions">
        {correcting ? (
          <button type="button" class="pl-primary" onClick={() => onAccept({ kind, claimant: claimant.trim() })}>
            {t('suggestAcceptCorrected')}
          </button>
        ) : (
          <button type="button" class="pl-primary" onClick={() => onAccept()}>
            {t('suggestAccept')}
          </button>
        )}
        <button type="button" onClick={onDismiss}>
          {t('suggestDismiss')}
        </button>
        {!correcting && s.kind !== 'organization' && (
          <button type="button" onClick={() => setCorrecting(true)}>
            {t('suggestCorrect')}
          </button>
        )}
      </div>
    </div>
  );
}
