// @vitest-environment happy-dom
/** The page's automatic analysis in the popup: counts, suggestions that reveal, and every state. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentTab } from '../../../components/popup-api';
import type { AnalysisStatus, SuggestionSummary } from '../../../lib/protocol';
import { PAGE_A, fakeApi, pressEnter, renderPopup, tabbables, translator, type Lang } from './harness';

afterEach(cleanup);

const COUNTS = { exact: 1, moved: 0, fuzzy: 1, orphan: 1 };

/** A finished analysis on page A unless overridden. */
function makeAnalysis(overrides: Partial<AnalysisStatus> = {}): AnalysisStatus {
  return {
    state: 'done',
    lang: 'en',
    claimsEnabled: true,
    organizations: 2,
    claims: 2,
    items: [
      { key: 'org:Q1', kind: 'organization', text: 'European Commission', score: 0.97 },
      { key: 'claim:abc', kind: 'statistic', text: 'Compute spending rose 40% last year.', score: 0.87 },
      { key: 'org:Q2', kind: 'organization', text: 'OpenAI', score: 0.91 },
      { key: 'claim:def', kind: 'position', text: 'The minister argues the rules are too strict.', score: 0.62 },
    ],
    ...overrides,
  };
}

function tabWith(analysis: AnalysisStatus | undefined, pageId: string | null = PAGE_A.id): CurrentTab {
  const counts = pageId ? COUNTS : { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
  return { tabId: 7, pageId, counts, ...(analysis ? { analysis } : {}) };
}

const suggestionList = (t: ReturnType<typeof translator>) => screen.getByRole('list', { name: t('popupSuggestionsLabel') });

describe.each<Lang>(['en', 'fr'])('page analysis (%s)', (lang) => {
  const t = translator(lang);
  const pct = (n: number) => t('suggestScore', String(n));

  it('summarises organizations and claims and lists each suggestion with kind, text and confidence', async () => {
    renderPopup(lang, fakeApi({ tab: tabWith(makeAnalysis()) }));
    const summary = await screen.findByText(
      t('popupAnalysisSummary', [t('popupAnalysisOrgsOther', '2'), t('popupAnalysisClaimsOther', '2')]),
    );
    expect(summary.getAttribute('role')).toBe('status');
    const buttons = within(suggestionList(t)).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      `${t('suggestOrganization')} European Commission ${pct(97)}`,
      `${t('suggestClaim', t('suggestKindStatistic'))} Compute spending rose 40% last year. ${pct(87)}`,
      `${t('suggestOrganization')} OpenAI ${pct(91)}`,
      `${t('suggestClaim', t('suggestKindPosition'))} The minister argues the rules are too strict. ${pct(62)}`,
    ]);
    // Each button says what activating it does.
    const hint = screen.getByText(t('popupSuggestionsHint'));
    expect(buttons.every((b) => b.getAttribute('aria-describedby') === hint.id)).toBe(true);
    // Short lists are shown directly, not folded away.
    expect(suggestionList(t).closest('details')).toBeNull();
    // The page's own counts are still there.
    expect(screen.getByText(t('popupOnPageOther', '3'))).toBeTruthy();
  });

  it('uses the singular for one organization and one claim', async () => {
    renderPopup(lang, fakeApi({ tab: tabWith(makeAnalysis({ organizations: 1, claims: 1, items: [] })) }));
    expect(
      await screen.findByText(t('popupAnalysisSummary', [t('popupAnalysisOrgsOne', '1'), t('popupAnalysisClaimsOne', '1')])),
    ).toBeTruthy();
    expect(screen.queryByRole('list', { name: t('popupSuggestionsLabel') })).toBeNull();
  });

  it('a suggestion button reveals it in the tab (click and Enter) and then closes the popup', async () => {
    const api = fakeApi({ tab: tabWith(makeAnalysis()) });
    const onRevealed = vi.fn();
    renderPopup(lang, api, { onRevealed });
    const button = await screen.findByRole('button', { name: new RegExp(`Compute spending rose 40%`) });
    fireEvent.click(button);
    await waitFor(() => expect(onRevealed).toHaveBeenCalledTimes(1));
    expect(api.revealSuggestion).toHaveBeenCalledWith(7, 'claim:abc');

    pressEnter(screen.getByRole('button', { name: /OpenAI/ }));
    await waitFor(() => expect(api.revealSuggestion).toHaveBeenLastCalledWith(7, 'org:Q2'));
    await waitFor(() => expect(onRevealed).toHaveBeenCalledTimes(2));
  });

  it('says so, and keeps the popup open, when the suggestion is gone or the tab does not answer', async () => {
    const api = fakeApi({ tab: tabWith(makeAnalysis()), revealSuggestion: async () => ({ found: false }) });
    const onRevealed = vi.fn();
    renderPopup(lang, api, { onRevealed });
    fireEvent.click(await screen.findByRole('button', { name: /OpenAI/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('popupErrorRevealSuggestion'));

    api.revealSuggestion.mockRejectedValueOnce(new Error('Could not establish connection'));
    fireEvent.click(screen.getByRole('button', { name: /European Commission/ }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Could not establish connection'));
    expect(screen.getByRole('alert').textContent).toContain(t('popupErrorRevealSuggestion'));
    expect(onRevealed).not.toHaveBeenCalled();
  });

  it('folds a long list behind a disclosure, out of the tab order until opened', async () => {
    const items: SuggestionSummary[] = Array.from({ length: 12 }, (_, i) => ({
      key: `claim:${i}`,
      kind: 'prediction',
      text: `Prediction number ${i}.`,
      score: 0.55,
    }));
    const { container } = renderPopup(lang, fakeApi({ tab: tabWith(makeAnalysis({ organizations: 0, claims: 12, items })) }));
    const summary = await screen.findByText(t('popupSuggestionsShow', '12'));
    expect(summary.tagName).toBe('SUMMARY');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    expect(tabbables(container).some((el) => el.classList.contains('suggestion-reveal'))).toBe(false);
    details.open = true;
    expect(tabbables(container).filter((el) => el.classList.contains('suggestion-reveal'))).toHaveLength(12);
    expect(within(details).getAllByRole('listitem')).toHaveLength(12);
  });

  it('analysis off: says so, with a button to the settings', async () => {
    const api = fakeApi({ tab: tabWith(makeAnalysis({ state: 'off', organizations: 0, claims: 0, items: [] })) });
    const { container } = renderPopup(lang, api);
    const message = await screen.findByText(t('popupAnalysisOff'), { exact: false });
    fireEvent.click(within(message).getByRole('button', { name: t('popupSettings') }));
    expect(api.openSettings).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.analysis-summary')).toBeNull();
  });

  it('no article: says so', async () => {
    renderPopup(lang, fakeApi({ tab: tabWith(makeAnalysis({ state: 'no-article', organizations: 0, claims: 0, items: [] })) }));
    expect(await screen.findByText(t('popupAnalysisNoArticle'))).toBeTruthy();
    expect(screen.queryByRole('list', { name: t('popupSuggestionsLabel') })).toBeNull();
  });

  it('running: says so, then shows the counts once the analysis is done', async () => {
    const api = fakeApi({ tab: tabWith(makeAnalysis({ state: 'running', organizations: 0, claims: 0, items: [] })) });
    api.currentTab
      .mockResolvedValueOnce(tabWith(makeAnalysis({ state: 'running', organizations: 0, claims: 0, items: [] })))
      .mockResolvedValueOnce(tabWith(makeAnalysis({ state: 'running', organizations: 0, claims: 0, items: [] })))
      .mockResolvedValue(tabWith(makeAnalysis()));
    renderPopup(lang, api, { analysisPollMs: 5 });
    expect(await screen.findByText(t('popupAnalysisRunning'))).toBeTruthy();
    expect(await screen.findByText(t('popupAnalysisSummary', [t('popupAnalysisOrgsOther', '2'), t('popupAnalysisClaimsOther', '2')]))).toBeTruthy();
    expect(screen.queryByText(t('popupAnalysisRunning'))).toBeNull();
    expect(api.currentTab).toHaveBeenCalledTimes(3);
  });

  it('claims not available in this language: says claims are English and French only', async () => {
    const orgsOnly = makeAnalysis({ lang: 'de', claimsEnabled: false, organizations: 1, claims: 0, items: [makeAnalysis().items[0]!] });
    renderPopup(lang, fakeApi({ tab: tabWith(orgsOnly) }));
    expect(await screen.findByText(t('popupAnalysisClaimsOff'))).toBeTruthy();
    expect(within(suggestionList(t)).getAllByRole('button')).toHaveLength(1);
  });

  it('a page read as a debate transcript: says only check-worthy facts are suggested', async () => {
    renderPopup(lang, fakeApi({ tab: tabWith(makeAnalysis({ claimMode: 'checkworthy' })) }));
    expect(await screen.findByText(t('popupAnalysisCheckworthy'))).toBeTruthy();
  });

  it('policy reading: no transcript note', async () => {
    renderPopup(lang, fakeApi({ tab: tabWith(makeAnalysis({ claimMode: 'policy' })) }));
    await screen.findByText(t('popupAnalysisSummary', [t('popupAnalysisOrgsOther', '2'), t('popupAnalysisClaimsOther', '2')]));
    expect(screen.queryByText(t('popupAnalysisCheckworthy'))).toBeNull();
  });

  it.each([
    ['too-large', 'popupAnalysisGaveUpTooLarge'],
    ['time-budget', 'popupAnalysisGaveUpTimeBudget'],
    ['not-text', 'popupAnalysisGaveUpNotText'],
    ['something-new', 'popupAnalysisGaveUpOther'],
  ] as const)('gave up (%s): says the analysis stopped early and why', async (reason, key) => {
    renderPopup(lang, fakeApi({ tab: tabWith(makeAnalysis({ gaveUp: reason })) }));
    expect(await screen.findByText(t(key))).toBeTruthy();
    // What it found before stopping is still listed.
    expect(within(suggestionList(t)).getAllByRole('button')).toHaveLength(4);
  });

  it('without an analysis report (older content script), shows nothing about it', async () => {
    renderPopup(lang, fakeApi({ tab: tabWith(undefined) }));
    expect(await screen.findByText(t('popupOnPageOther', '3'))).toBeTruthy();
    expect(screen.queryByRole('region', { name: t('popupAnalysisLabel') })).toBeNull();
  });

  it('a page with no highlights yet still shows its analysis, not "not active"', async () => {
    const { container } = renderPopup(lang, fakeApi({ tab: tabWith(makeAnalysis(), null) }));
    // "0 highlights" in English, "0 surlignage" in French (0 takes the singular there).
    const zero = new Intl.PluralRules(lang).select(0) === 'one' ? 'popupOnPageOne' : 'popupOnPageOther';
    expect(await screen.findByText(t(zero, '0'))).toBeTruthy();
    expect(container.querySelector('.summary-total')).toBeTruthy();
    expect(screen.queryByText(t('popupNotActive'))).toBeNull();
    expect(within(suggestionList(t)).getAllByRole('button')).toHaveLength(4);
  });

  it('the header’s Settings button opens the settings page', async () => {
    const api = fakeApi();
    renderPopup(lang, api);
    fireEvent.click(await screen.findByRole('button', { name: t('popupSettings') }));
    expect(api.openSettings).toHaveBeenCalledTimes(1);
  });

  it('renders page text in suggestions as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { container } = renderPopup(
      lang,
      fakeApi({ tab: tabWith(makeAnalysis({ items: [{ key: 'claim:evil', kind: 'causal', text: evil, score: 0.7 }] })) }),
    );
    expect(await screen.findByText(evil)).toBeTruthy();
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('an unknown kind from another version is labelled "Suggestion"', async () => {
    renderPopup(lang, fakeApi({ tab: tabWith(makeAnalysis({ items: [{ key: 'x:1', kind: 'rumour', text: 'Something.', score: 0.5 }] })) }));
    const button = await screen.findByRole('button', { name: /Something\./ });
    expect(button.textContent!.startsWith(t('suggestCardLabel'))).toBe(true);
  });
});
