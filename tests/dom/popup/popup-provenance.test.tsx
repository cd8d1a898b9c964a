// @vitest-environment happy-dom
/** Highlights accepted from automatic suggestions say where they came from. */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Provenance } from '../../../lib/model';
import { makeAnnotation } from '../../helpers/factories';
import { PAGE_A, fakeApi, renderPopup, translator, type Lang } from './harness';

afterEach(cleanup);

const DETECTOR = { detector: 'policy-lens-claims', version: '1.0.0' };

function makeProvenance(overrides: Partial<Provenance> = {}): Provenance {
  return { ...DETECTOR, score: 0.87, kind: 'statistic', claimant: 'The OECD', ...overrides };
}

/** Renders one annotation with this provenance and returns its provenance line (or null). */
async function provenanceLine(lang: Lang, provenance: Provenance | undefined, quote = 'Compute spending rose 40% last year.') {
  const { container } = renderPopup(lang, fakeApi({ records: [makeAnnotation({ pageId: PAGE_A.id, quote, ...(provenance ? { provenance } : {}) })] }));
  await waitFor(() => expect(container.querySelectorAll('li.item')).toHaveLength(1));
  return { line: container.querySelector<HTMLElement>('li.item .provenance'), container };
}

describe.each<Lang>(['en', 'fr'])('provenance (%s)', (lang) => {
  const t = translator(lang);
  const sep = ' · ';

  it('a claim: kind, confidence and claimant', async () => {
    const { line } = await provenanceLine(lang, makeProvenance());
    expect(line!.textContent).toBe(
      [t('popupProvSuggested'), t('popupProvClaim', t('suggestKindStatistic')), t('popupProvScore', '87'), t('popupProvClaimant', 'The OECD')].join(sep),
    );
    expect(line!.querySelector('.provenance-corrected')).toBeNull();
  });

  it('a claim with no claimant leaves the claimant out', async () => {
    const { claimant: _c, ...noClaimant } = makeProvenance({ kind: 'prediction', score: 0.6 });
    const { line } = await provenanceLine(lang, noClaimant);
    expect(line!.textContent).toBe([t('popupProvSuggested'), t('popupProvClaim', t('suggestKindPrediction')), t('popupProvScore', '60')].join(sep));
  });

  it('an organization: its name and type', async () => {
    const { line } = await provenanceLine(
      lang,
      { ...DETECTOR, score: 0.92, kind: 'organization', orgName: 'Mistral AI', orgType: 'ai-lab', orgId: 'Q1' },
      'Mistral',
    );
    expect(line!.textContent).toBe(
      [t('popupProvSuggested'), t('popupProvOrgTyped', ['Mistral AI', t('orgTypeAiLab')]), t('popupProvScore', '92')].join(sep),
    );
  });

  it('an organization without a type shows its name only', async () => {
    const { line } = await provenanceLine(lang, { ...DETECTOR, score: 0.5, kind: 'organization', orgName: 'CNIL' }, 'CNIL');
    expect(line!.textContent).toBe([t('popupProvSuggested'), t('popupProvOrg', 'CNIL'), t('popupProvScore', '50')].join(sep));
  });

  it('marks a corrected suggestion', async () => {
    const { line } = await provenanceLine(lang, makeProvenance({ kind: 'causal', claimant: 'The minister', corrected: true }));
    expect(line!.textContent).toBe(
      [
        t('popupProvSuggested'),
        t('popupProvClaim', t('suggestKindCausal')),
        t('popupProvScore', '87'),
        t('popupProvClaimant', 'The minister'),
        t('popupProvCorrected'),
      ].join(sep),
    );
    expect(line!.querySelector('.provenance-corrected')!.textContent).toBe(t('popupProvCorrected'));
  });

  it('a hand-made highlight has no provenance line', async () => {
    const { line } = await provenanceLine(lang, undefined);
    expect(line).toBeNull();
  });

  it('renders names and claimants from the page as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { line, container } = await provenanceLine(lang, makeProvenance({ claimant: evil }));
    expect(line!.textContent).toContain(evil);
    expect(screen.getByText(t('popupProvClaimant', evil))).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});
