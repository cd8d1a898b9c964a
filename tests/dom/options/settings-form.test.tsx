// @vitest-environment happy-dom
/**
 * The settings page over WXT's fake browser: it reads `storage.sync` 'settings' through
 * parseSettings, writes the whole Settings object on every change, and resets to defaults.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsForm, percentToThreshold } from '../../../components/SettingsForm';
import { createSettingsApi, type SettingsArea } from '../../../entrypoints/options/settings-api';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { pressEnter, tabbables, translator, type Lang } from '../popup/harness';

afterEach(cleanup);

/** Settings with overrides on the analysis part. */
function makeSettings(analysis: Partial<Settings['analysis']> = {}): Settings {
  const base = structuredClone(DEFAULT_SETTINGS);
  return { ...base, analysis: { ...base.analysis, ...analysis } };
}

const stored = async () => (await fakeBrowser.storage.sync.get('settings')).settings as Settings | undefined;

function renderForm(lang: Lang, area: SettingsArea = fakeBrowser.storage.sync) {
  const t = translator(lang);
  const view = render(<SettingsForm api={createSettingsApi(area)} t={t} locale={lang} />);
  return { ...view, t };
}

describe.each<Lang>(['en', 'fr'])('settings form (%s)', (lang) => {
  const t = translator(lang);
  const checkbox = (key: Parameters<typeof t>[0]) => screen.getByRole<HTMLInputElement>('checkbox', { name: t(key) });
  const slider = () => screen.getByRole<HTMLInputElement>('slider', { name: t('optionsThreshold') });

  it('loads the stored values', async () => {
    await fakeBrowser.storage.sync.set({
      settings: makeSettings({ organizations: false, threshold: 0.7, kinds: { ...DEFAULT_SETTINGS.analysis.kinds, causal: false } }),
    });
    renderForm(lang);
    expect(screen.getByRole('status').textContent).toBe(t('optionsLoading'));
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    expect(checkbox('optionsEnabled').checked).toBe(true);
    expect(checkbox('optionsOrganizations').checked).toBe(false);
    expect(checkbox('optionsClaims').checked).toBe(true);
    expect(checkbox('optionsKindCausal').checked).toBe(false);
    expect(checkbox('optionsKindStatistic').checked).toBe(true);
    expect(slider().value).toBe('70');
    expect(slider().getAttribute('aria-valuetext')).toBe(t('optionsThresholdValue', '70'));
    expect(screen.getByText(t('optionsThresholdValue', '70')).tagName).toBe('OUTPUT');
  });

  it('shows defaults when nothing is stored', async () => {
    renderForm(lang);
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    for (const key of ['optionsEnabled', 'optionsOrganizations', 'optionsClaims', 'optionsKindPosition'] as const) expect(checkbox(key).checked).toBe(true);
    expect(slider().value).toBe('50');
  });

  it.each([
    ['a string', 'garbage'],
    ['a wrong shape', { analysis: { enabled: 'yes', organizations: 1, kinds: null, threshold: 7 } }],
    ['a number', 42],
  ])('a damaged stored value (%s) shows the defaults', async (_label, value) => {
    await fakeBrowser.storage.sync.set({ settings: value });
    renderForm(lang);
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    expect(checkbox('optionsEnabled').checked).toBe(true);
    expect(checkbox('optionsOrganizations').checked).toBe(true);
    expect(checkbox('optionsKindComparison').checked).toBe(true);
    expect(slider().value).toBe('50');
    // Nothing is written until the reader changes something.
    expect(await stored()).toEqual(value);
  });

  it('keeps the valid parts of a partly damaged value', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 1, analysis: { enabled: false, threshold: 3, kinds: { position: false, statistic: 'no' } } } });
    renderForm(lang);
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    expect(checkbox('optionsEnabled').checked).toBe(false);
    expect(checkbox('optionsKindPosition').checked).toBe(false);
    expect(checkbox('optionsKindStatistic').checked).toBe(true);
    expect(slider().value).toBe('50');
  });

  it('saves each toggle as the whole settings object, and says "Saved"', async () => {
    renderForm(lang);
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    fireEvent.click(checkbox('optionsOrganizations'));
    await waitFor(async () => expect(await stored()).toEqual(makeSettings({ organizations: false })));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(t('optionsSaved')));

    fireEvent.click(checkbox('optionsKindPrediction'));
    await waitFor(async () =>
      expect(await stored()).toEqual(makeSettings({ organizations: false, kinds: { ...DEFAULT_SETTINGS.analysis.kinds, prediction: false } })),
    );

    fireEvent.click(checkbox('optionsClaims'));
    await waitFor(async () => expect((await stored())!.analysis.claims).toBe(false));
    // The kinds and threshold only matter for claims: their group is disabled, not hidden.
    expect(screen.getByRole('group', { name: t('optionsKindsLegend') }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(checkbox('optionsEnabled'));
    await waitFor(async () => expect((await stored())!.analysis.enabled).toBe(false));
    expect(screen.getByRole('group', { name: t('optionsSuggestLegend') }).hasAttribute('disabled')).toBe(true);
    expect((await stored())!.version).toBe(1);
  });

  it('shows the threshold while sliding and saves it on release', async () => {
    renderForm(lang);
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    fireEvent.input(slider(), { target: { value: '65' } });
    expect(screen.getByText(t('optionsThresholdValue', '65'))).toBeTruthy();
    expect(await stored()).toBeUndefined();
    fireEvent.change(slider(), { target: { value: '80' } });
    await waitFor(async () => expect(await stored()).toEqual(makeSettings({ threshold: 0.8 })));
    expect(slider().getAttribute('aria-valuetext')).toBe(t('optionsThresholdValue', '80'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(t('optionsSaved')));
  });

  it('saves the claim convention chosen in its list, which offers all three', async () => {
    renderForm(lang);
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: t('optionsConvention') });
    expect(select.value).toBe('auto');
    expect([...select.options].map((o) => o.textContent)).toEqual([t('optionsConventionAuto'), t('optionsConventionPolicy'), t('optionsConventionCheckworthy')]);
    expect(select.getAttribute('aria-describedby')).toBe(screen.getByText(t('optionsConventionHint')).id);
    fireEvent.change(select, { target: { value: 'checkworthy' } });
    await waitFor(async () => expect(await stored()).toEqual(makeSettings({ convention: 'checkworthy' })));
  });

  it('resets to defaults', async () => {
    await fakeBrowser.storage.sync.set({ settings: makeSettings({ enabled: false, organizations: false, threshold: 0.9 }) });
    renderForm(lang);
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    expect(checkbox('optionsEnabled').checked).toBe(false);
    const reset = screen.getByRole('button', { name: t('optionsReset') });
    pressEnter(reset);
    await waitFor(async () => expect(await stored()).toEqual(DEFAULT_SETTINGS));
    expect(checkbox('optionsEnabled').checked).toBe(true);
    expect(checkbox('optionsOrganizations').checked).toBe(true);
    expect(slider().value).toBe('50');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(t('optionsResetDone')));
  });

  it('says so when the settings cannot be read, and shows the defaults', async () => {
    const area: SettingsArea = { get: () => Promise.reject(new Error('storage unavailable')), set: async () => undefined };
    renderForm(lang, area);
    expect((await screen.findByRole('alert')).textContent).toBe(t('optionsErrorLoad'));
    expect(checkbox('optionsEnabled').checked).toBe(true);
  });

  it('says so when a change cannot be saved', async () => {
    const area: SettingsArea = { get: async () => ({}), set: vi.fn(() => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))) };
    renderForm(lang, area);
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    fireEvent.click(checkbox('optionsClaims'));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(t('optionsErrorSave', 'QUOTA_BYTES_PER_ITEM quota exceeded')),
    );
    expect(area.set).toHaveBeenCalledWith({ settings: makeSettings({ claims: false }) });
  });

  it('every control is labelled and reachable with Tab, in reading order', async () => {
    const { container } = renderForm(lang);
    await screen.findByRole('heading', { name: t('optionsAnalysisHeading') });
    const names = tabbables(container).map((el) =>
      el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? container.querySelector(`label[for="${el.id}"]`)?.textContent : el.textContent,
    );
    expect(names).toEqual([
      t('optionsEnabled'),
      t('optionsOrganizations'),
      t('optionsClaims'),
      t('optionsKindStatistic'),
      t('optionsKindComparison'),
      t('optionsKindCausal'),
      t('optionsKindPrediction'),
      t('optionsKindPosition'),
      t('optionsKindFact'),
      t('optionsConvention'),
      t('optionsThreshold'),
      t('optionsReset'),
    ]);
    expect(checkbox('optionsClaims').getAttribute('aria-describedby')).toBe(screen.getByText(t('optionsClaimsHint')).id);
    expect(slider().getAttribute('aria-describedby')).toBe(screen.getByText(t('optionsThresholdHint')).id);
    const form = screen.getByRole('form', { name: t('optionsAnalysisHeading') });
    expect(within(form).getAllByRole('checkbox')).toHaveLength(9);
  });
});

describe('percentToThreshold', () => {
  it.each([
    [0, 0],
    [50, 0.5],
    [73, 0.75],
    [72, 0.7],
    [100, 1],
    [140, 1],
    [-10, 0],
  ])('slider value %s is stored as %s', (value, threshold) => {
    expect(percentToThreshold(value)).toBe(threshold);
  });
});
