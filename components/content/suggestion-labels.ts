import type { ClaimKind, OrgType } from '@/lib/analysis/types';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { SuggestionKind } from '@/lib/suggestions';

export const CLAIM_KIND_LABEL: Record<ClaimKind, MessageKey> = {
  statistic: 'suggestKindStatistic',
  comparison: 'suggestKindComparison',
  causal: 'suggestKindCausal',
  prediction: 'suggestKindPrediction',
  position: 'suggestKindPosition',
  fact: 'suggestKindFact',
};

export const ORG_TYPE_LABEL: Record<OrgType, MessageKey> = {
  company: 'orgTypeCompany',
  'ai-lab': 'orgTypeAiLab',
  investor: 'orgTypeInvestor',
  regulator: 'orgTypeRegulator',
  'data-protection-authority': 'orgTypeDataProtectionAuthority',
  ministry: 'orgTypeMinistry',
  parliament: 'orgTypeParliament',
  'government-agency': 'orgTypeGovernmentAgency',
  intergovernmental: 'orgTypeIntergovernmental',
  'standards-body': 'orgTypeStandardsBody',
  ngo: 'orgTypeNgo',
  'think-tank': 'orgTypeThinkTank',
  university: 'orgTypeUniversity',
  'research-institute': 'orgTypeResearchInstitute',
  court: 'orgTypeCourt',
  'political-party': 'orgTypePoliticalParty',
  media: 'orgTypeMedia',
  other: 'orgTypeOther',
};

/** "Organization" or "Claim: statistic". */
export function suggestionTitle(t: Translate, kind: SuggestionKind): string {
  return kind === 'organization' ? t('suggestOrganization') : t('suggestClaim', t(CLAIM_KIND_LABEL[kind]));
}

export function orgTypeLabel(t: Translate, type: string): string {
  return t(ORG_TYPE_LABEL[type as OrgType] ?? 'orgTypeOther');
}
