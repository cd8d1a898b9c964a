// @vitest-environment happy-dom
/** The popup in English and French: summary, tabs, search and filters, statuses. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_A, fakeApi, renderPopup, sampleAnnotations, translator, type Lang } from './harness';

afterEach(cleanup);

const quotes = () => screen.queryAllByRole('listitem').filter((li) => li.classList.contains('item')).map((li) => li.querySelector('.quote')!.textContent);

describe.each<Lang>(['en', 'fr'])('popup (%s)', (lang) => {
  const t = translator(lang);
  const a = sampleAnnotations();

  it('shows the page summary with counts by status', async () => {
    renderPopup(lang);
    expect(await screen.findByText(t('popupOnPageOther', '3'))).toBeTruthy();
    const counts = screen.getByRole('list', { name: t('popupCountsLabel') });
    expect(within(counts).getByText(t('popupCountItem', [t('popupStatusNameExact'), '1']))).toBeTruthy();
    expect(within(counts).getByText(t('popupCountItem', [t('popupStatusNameFuzzy'), '1']))).toBeTruthy();
    expect(within(counts).queryByText(t('popupCountItem', [t('popupStatusNameMoved'), '0']))).toBeNull();
  });

  it('opens on "This page", newest first, and "All pages" widens the scope', async () => {
    const api = fakeApi();
    renderPopup(lang, api);
    const thisPage = screen.getByRole('tab', { name: t('popupTabThisPage') });
    await waitFor(() => expect(quotes()).toHaveLength(4));
    expect(thisPage.getAttribute('aria-selected')).toBe('true');
    expect(quotes()[0]).toBe(a.regle.target.selector[0].exact);
    expect(api.query).toHaveBeenLastCalledWith(expect.objectContaining({ scope: 'page', pageId: PAGE_A.id, offset: 0 }));
    // Page titles are only worth showing when several pages are listed.
    expect(screen.queryByText(PAGE_A.title)).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: t('popupTabAllPages') }));
    await waitFor(() => expect(quotes()).toHaveLength(6));
    expect(quotes()[0]).toBe(a.order.target.selector[0].exact);
    expect(screen.getAllByText(PAGE_A.title).length).toBeGreaterThan(0);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { selected: true }).id);
    expect(screen.getByText(t('popupResultsOther', '6'))).toBeTruthy();
  });

  it('searches accent- and case-insensitively', async () => {
    renderPopup(lang);
    await waitFor(() => expect(quotes()).toHaveLength(4));
    fireEvent.input(screen.getByLabelText(t('popupSearchLabel')), { target: { value: 'REGLE' } });
    await waitFor(() => expect(quotes()).toEqual([a.regle.target.selector[0].exact]));
    expect(screen.getByText(t('popupResultsOne', '1'))).toBeTruthy();
    fireEvent.input(screen.getByLabelText(t('popupSearchLabel')), { target: { value: 'nothing like this' } });
    expect(await screen.findByText(t('popupNoMatch'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('popupClearSearch') }));
    await waitFor(() => expect(quotes()).toHaveLength(4));
  });

  it('filters by tag, colour and status', async () => {
    const api = fakeApi();
    renderPopup(lang, api);
    await waitFor(() => expect(quotes()).toHaveLength(4));

    fireEvent.click(screen.getByRole('checkbox', { name: t('popupTagWithCount', ['GPAI', '1']) }));
    await waitFor(() => expect(quotes()).toEqual([a.regle.target.selector[0].exact]));
    expect(api.query).toHaveBeenLastCalledWith(expect.objectContaining({ tags: ['GPAI'] }));
    expect(screen.getByText(t('popupFiltersActive', '1'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('popupClearFilters') }));
    await waitFor(() => expect(quotes()).toHaveLength(4));

    fireEvent.click(screen.getByRole('checkbox', { name: t('colorGreen') }));
    fireEvent.click(screen.getByRole('checkbox', { name: t('colorPink') }));
    await waitFor(() => expect(quotes()).toEqual([a.fuzzy, a.orphan].map((x) => x.target.selector[0].exact)));
    fireEvent.click(screen.getByRole('checkbox', { name: t('colorGreen') }));
    await waitFor(() => expect(quotes()).toEqual([a.orphan.target.selector[0].exact]));
    fireEvent.click(screen.getByRole('checkbox', { name: t('colorPink') }));

    fireEvent.click(screen.getByRole('checkbox', { name: t('popupStatusNameFuzzy') }));
    await waitFor(() => expect(quotes()).toEqual([a.fuzzy.target.selector[0].exact]));
    expect(api.query).toHaveBeenLastCalledWith(expect.objectContaining({ statuses: ['fuzzy'] }));
  });

  it('shows anchoring: fuzzy with its percentage and found text, orphan with its stored quote', async () => {
    renderPopup(lang);
    await waitFor(() => expect(quotes()).toHaveLength(4));
    const item = (x: { target: { selector: [{ exact: string }, unknown] } }) =>
      screen.getByText(x.target.selector[0].exact).closest('li')!;

    const fuzzy = item(a.fuzzy);
    expect(within(fuzzy).getByText(t('statusFuzzy', '87'))).toBeTruthy();
    expect(within(fuzzy).getByText('High-risk AI systems must be registered.')).toBeTruthy();
    expect(within(fuzzy).getByText(t('popupFoundText'))).toBeTruthy();

    const orphan = item(a.orphan);
    expect(orphan.classList.contains('item-orphan')).toBe(true);
    expect(within(orphan).getByText(t('statusOrphan'))).toBeTruthy();
    expect(within(orphan).getByText(t('popupOrphanHint'))).toBeTruthy();

    expect(within(item(a.regle)).getByText(t('statusExact'))).toBeTruthy();
    expect(within(item(a.regle)).queryByText(t('popupFoundText'))).toBeNull();
    expect(within(item(a.fresh)).getByText(t('statusUnknown'))).toBeTruthy();
    // Colour, note, tags and a localised date.
    expect(within(item(a.regle)).getByRole('img', { name: t('colorYellow') })).toBeTruthy();
    expect(within(item(a.regle)).getByText('Article 53')).toBeTruthy();
    expect(within(item(a.regle)).getByText('GPAI')).toBeTruthy();
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(Date.parse(a.regle.modified));
    expect(within(item(a.regle)).getByText(date).getAttribute('datetime')).toBe(a.regle.modified);
  });

  it('moved annotations whose text is unchanged show no "now reads"', async () => {
    renderPopup(lang);
    await waitFor(() => expect(quotes()).toHaveLength(4));
    fireEvent.click(screen.getByRole('tab', { name: t('popupTabAllPages') }));
    await waitFor(() => expect(quotes()).toHaveLength(6));
    const moved = screen.getByText(a.report.target.selector[0].exact).closest('li')!;
    expect(within(moved).getByText(t('statusMoved'))).toBeTruthy();
    expect(within(moved).queryByText(t('popupFoundText'))).toBeNull();
  });
});

describe('popup without a content script', () => {
  it('says it is not active and opens on "All pages"', async () => {
    const t = translator('en');
    renderPopup('en', fakeApi({ tab: null }));
    expect(await screen.findByText(t('popupNotActive'))).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('tab', { selected: true }).textContent).toBe(t('popupTabAllPages')));
    await waitFor(() => expect(quotes()).toHaveLength(6));
    fireEvent.click(screen.getByRole('tab', { name: t('popupTabThisPage') }));
    expect(await screen.findByText(t('popupPageUnavailable'))).toBeTruthy();
  });

  it('shows empty states', async () => {
    const t = translator('fr');
    renderPopup('fr', fakeApi({ records: [] }));
    expect(await screen.findByText(t('popupEmptyPage'))).toBeTruthy();
    expect(screen.getByText(t('popupNoTags'))).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: t('popupTabAllPages') }));
    expect(await screen.findByText(t('popupEmptyAll'))).toBeTruthy();
  });
});
