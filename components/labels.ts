/**
 * Message keys for the model's enumerations, so components translate colours and anchoring
 * statuses the same way everywhere. Keys are literals (typed MessageKey) so the key scan test and
 * the type checker both see them.
 */
import { CLAIM_KINDS, type ClaimKind } from '../lib/analysis/types';
import type { MessageKey, Translate } from '../lib/i18n';
import type { AnchorReport, AnchorStatus, ColorName } from '../lib/model';
import { CLAIM_KIND_LABEL } from './content/suggestion-labels';

export const COLOR_LABEL: Record<ColorName, MessageKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
  orange: 'colorOrange',
};

/** Status names without figures, for filters and counts. */
export const STATUS_NAME: Record<AnchorStatus, MessageKey> = {
  exact: 'popupStatusNameExact',
  moved: 'popupStatusNameMoved',
  fuzzy: 'popupStatusNameFuzzy',
  orphan: 'popupStatusNameOrphan',
};

export const ANCHOR_STATUSES: readonly AnchorStatus[] = ['exact', 'moved', 'fuzzy', 'orphan'];

/** "exact", "moved", "fuzzy 87%", "not found", or "not checked yet" when never anchored. */
export function anchorLabel(t: Translate, anchor: AnchorReport | undefined): string {
  switch (anchor?.status) {
    case 'exact':
      return t('statusExact');
    case 'moved':
      return t('statusMoved');
    case 'fuzzy':
      return t('statusFuzzy', String(Math.round(anchor.confidence * 100)));
    case 'orphan':
      return t('statusOrphan');
    default:
      return t('statusUnknown');
  }
}

/** True for the claim kinds this version knows (a status from another version may name others). */
export function isClaimKind(kind: string): kind is ClaimKind {
  return (CLAIM_KINDS as readonly string[]).includes(kind);
}

/** "Organization", "Claim: statistic", or "Suggestion" for a kind this version does not know. */
export function suggestionKindLabel(t: Translate, kind: string): string {
  if (kind === 'organization') return t('suggestOrganization');
  return isClaimKind(kind) ? t('suggestClaim', t(CLAIM_KIND_LABEL[kind])) : t('suggestCardLabel');
}
