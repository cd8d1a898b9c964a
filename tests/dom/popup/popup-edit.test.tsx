// @vitest-environment happy-dom
/** Editing, deleting with undo, and revealing annotations from the popup. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_B, fakeApi, pressEnter, renderPopup, sampleAnnotations, translator, type Lang } from './harness';

afterEach(cleanup);

const itemOf = (quote: string) => screen.getByText(quote).closest('li')!;

describe.each<Lang>(['en', 'fr'])('editing (%s)', (lang) => {
  const t = translator(lang);
  const a = sampleAnnotations();
  const quote = a.regle.target.selector[0].exact;

  it('edits colour, note and tags inline and saves through api.update', async () => {
    const api = fakeApi({ records: Object.values(a) });
    renderPopup(lang, api);
    const edit = await waitFor(() => within(itemOf(quote)).getByRole('button', { name: t('popupEdit') }));
    fireEvent.click(edit);
    expect(edit.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByRole('form', { name: t('popupEditorLabel') });
    const note = within(form).getByLabelText(t('popupNoteLabel')) as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(note.value).toBe('Article 53');
    fireEvent.input(note, { target: { value: 'Obligations des fournisseurs' } });
    fireEvent.input(within(form).getByLabelText(t('popupTagsLabel')), { target: { value: 'GPAI, obligations ,' } });
    fireEvent.click(within(form).getByRole('radio', { name: t('colorBlue') }));
    fireEvent.click(within(form).getByRole('button', { name: t('popupSave') }));

    await waitFor(() =>
      expect(api.update).toHaveBeenCalledWith(a.regle.id, { color: 'blue', note: 'Obligations des fournisseurs', tags: ['GPAI', 'obligations'] }),
    );
    expect(await screen.findByText('Obligations des fournisseurs')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(within(itemOf(quote)).getByRole('img', { name: t('colorBlue') })).toBeTruthy();
    // Focus returns to the item's Edit button.
    await waitFor(() => expect(document.activeElement?.textContent).toBe(t('popupEdit')));
    expect(document.activeElement?.closest('li')).toBe(itemOf(quote));
  });

  it('Escape cancels an edit without saving', async () => {
    const api = fakeApi({ records: Object.values(a) });
    renderPopup(lang, api);
    fireEvent.click(await waitFor(() => within(itemOf(quote)).getByRole('button', { name: t('popupEdit') })));
    const note = screen.getByLabelText(t('popupNoteLabel'));
    fireEvent.input(note, { target: { value: 'changed' } });
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(api.update).not.toHaveBeenCalled();
    expect(screen.getByText('Article 53')).toBeTruthy();
  });

  it('a failed save keeps the editor open and says so', async () => {
    const api = fakeApi({ records: Object.values(a) });
    api.update.mockRejectedValueOnce(new Error('disk full'));
    renderPopup(lang, api);
    fireEvent.click(await waitFor(() => within(itemOf(quote)).getByRole('button', { name: t('popupEdit') })));
    fireEvent.click(screen.getByRole('button', { name: t('popupSave') }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('popupErrorSave'));
    expect(alert.textContent).toContain('disk full');
    expect(screen.getByRole('form')).toBeTruthy();
  });

  it('deletes, announces with an Undo button, and undo calls restore', async () => {
    const api = fakeApi({ records: Object.values(a) });
    renderPopup(lang, api);
    fireEvent.click(await waitFor(() => within(itemOf(quote)).getByRole('button', { name: t('popupDelete') })));
    await waitFor(() => expect(api.remove).toHaveBeenCalledWith(a.regle.id));
    await waitFor(() => expect(screen.queryByText(quote)).toBeNull());

    const region = screen.getAllByRole('status').find((el) => el.classList.contains('undo'))!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    const undo = within(region).getByRole('button', { name: t('popupUndo') });
    expect(region.textContent).toContain(t('popupDeleted', quote));
    await waitFor(() => expect(document.activeElement).toBe(undo));

    fireEvent.click(undo);
    await waitFor(() => expect(api.restore).toHaveBeenCalledWith(a.regle.id));
    expect(await screen.findByText(quote)).toBeTruthy();
    expect(region.textContent).toBe(t('popupRestored'));
    await waitFor(() => expect(document.activeElement).toBe(itemOf(quote).querySelector('.item-reveal')));
  });

  it('reveals on this tab, or opens the page for another page', async () => {
    const onRevealed = vi.fn();
    const api = fakeApi({ records: Object.values(a) });
    renderPopup(lang, api, { onRevealed });
    const reveal = await waitFor(() => within(itemOf(quote)).getByRole('button', { name: quote }));
    fireEvent.click(reveal);
    await waitFor(() => expect(api.reveal).toHaveBeenCalledWith(a.regle.id, 7));
    await waitFor(() => expect(onRevealed).toHaveBeenCalledTimes(1));

    fireEvent.click(screen.getByRole('tab', { name: t('popupTabAllPages') }));
    const other = a.order.target.selector[0].exact;
    fireEvent.click(await waitFor(() => within(itemOf(other)).getByRole('button', { name: other })));
    await waitFor(() => expect(api.reveal).toHaveBeenLastCalledWith(a.order.id, undefined));
    expect(a.order.pageId).toBe(PAGE_B.id);
  });

  it('a failed reveal shows a message', async () => {
    const api = fakeApi({ records: Object.values(a) });
    api.reveal.mockRejectedValueOnce(new Error('tab closed'));
    renderPopup(lang, api);
    fireEvent.click(await waitFor(() => within(itemOf(quote)).getByRole('button', { name: quote })));
    expect((await screen.findByRole('alert')).textContent).toContain(t('popupErrorReveal'));
  });
});

describe('keyboard', () => {
  const t = translator('en');
  const a = sampleAnnotations();

  it('arrow keys, Home and End move between tabs and switch scope', async () => {
    const api = fakeApi();
    renderPopup('en', api);
    const [page, all] = screen.getAllByRole('tab') as [HTMLElement, HTMLElement];
    await waitFor(() => expect(page.getAttribute('aria-selected')).toBe('true'));
    expect(page.tabIndex).toBe(0);
    expect(all.tabIndex).toBe(-1);
    page.focus();
    fireEvent.keyDown(page, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(all);
    expect(all.getAttribute('aria-selected')).toBe('true');
    expect(all.tabIndex).toBe(0);
    await waitFor(() => expect(api.query).toHaveBeenLastCalledWith(expect.objectContaining({ scope: 'all' })));
    fireEvent.keyDown(all, { key: 'ArrowRight' }); // wraps
    expect(document.activeElement).toBe(page);
    fireEvent.keyDown(page, { key: 'End' });
    expect(document.activeElement).toBe(all);
    fireEvent.keyDown(all, { key: 'Home' });
    expect(document.activeElement).toBe(page);
    fireEvent.keyDown(page, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(all);
  });

  it('tab order: settings, tab, search, filters, then each item’s reveal, edit and delete', async () => {
    const { container } = renderPopup('en');
    await waitFor(() => expect(container.querySelectorAll('li.item')).toHaveLength(4));
    const { tabbables } = await import('./harness');
    const all = tabbables(container);
    expect(all[0]!.textContent).toBe(t('popupSettings'));
    const order = all.map((el) => el.getAttribute('role') ?? el.getAttribute('type') ?? el.tagName.toLowerCase());
    expect(order.slice(0, 7)).toEqual(['button', 'tab', 'search', 'summary', 'button', 'button', 'button']);
    const items = [...container.querySelectorAll('li.item')];
    const first = tabbables(items[0]!).map((el) => el.textContent);
    expect(first).toEqual([a.regle.target.selector[0].exact, t('popupEdit'), t('popupDelete')]);
    expect(container.querySelector('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])')).toBeNull();
    // Every form control has an accessible label.
    for (const input of container.querySelectorAll('input, textarea')) {
      const id = input.id;
      const labelled = input.closest('label') ?? (id ? container.querySelector(`label[for="${id}"]`) : null);
      expect(labelled, input.outerHTML).toBeTruthy();
    }
  });

  it('Enter on an item reveals it', async () => {
    const api = fakeApi();
    renderPopup('en', api);
    const quote = a.regle.target.selector[0].exact;
    const reveal = await screen.findByRole('button', { name: quote });
    expect(reveal.tagName).toBe('BUTTON'); // native activation: Enter and Space
    reveal.focus();
    pressEnter(reveal);
    await waitFor(() => expect(api.reveal).toHaveBeenCalledTimes(1));
    expect(api.reveal.mock.calls[0]![0]).toMatch(/^urn:uuid:/);
  });
});
