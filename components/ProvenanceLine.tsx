/**
 * Where an accepted suggestion came from: "Suggested by the analysis · claim: statistic · 87% ·
 * claimant: X", or the organization's name and type, marked "corrected" when the reader changed
 * the kind or claimant before accepting. Names and claimants come from the page: text only.
 */
import { Fragment } from 'preact';
import type { Provenance } from '../lib/model';
import { CLAIM_KIND_LABEL, orgTypeLabel } from './content/suggestion-labels';
import { isClaimKind } from './labels';
import { useUi } from './ui-context';

export function ProvenanceLine({ provenance: p }: { provenance: Provenance }) {
  const { t, formatNumber } = useUi();
  const isOrg = p.kind === 'organization' || (p.kind === undefined && p.orgName !== undefined);
  const parts: string[] = [t('popupProvSuggested')];
  if (isOrg) {
    if (!p.orgName) parts.push(t('suggestTagOrganization'));
    else if (p.orgType) parts.push(t('popupProvOrgTyped', [p.orgName, orgTypeLabel(t, p.orgType)]));
    else parts.push(t('popupProvOrg', p.orgName));
  } else if (p.kind !== undefined && isClaimKind(p.kind)) {
    parts.push(t('popupProvClaim', t(CLAIM_KIND_LABEL[p.kind])));
  }
  if (Number.isFinite(p.score)) parts.push(t('popupProvScore', formatNumber(Math.round(p.score * 100))));
  if (!isOrg && p.claimant) parts.push(t('popupProvClaimant', p.claimant));
  if (p.corrected) parts.push(t('popupProvCorrected'));

  return (
    <p class="provenance">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          <span class={p.corrected && i === parts.length - 1 ? 'provenance-corrected' : undefined}>{part}</span>
        </Fragment>
      ))}
    </p>
  );
}
