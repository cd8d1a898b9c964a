// @vitest-environment happy-dom
/** Failures, damaged data, hostile text and big lists. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeAnnotation } from '../../helpers/factories';
import { PAGE_A, fakeApi, renderPopup, sampleAnnotations, translator, type Lang } from './harness';

afterEach(cleanup);

describe.each<Lang>(['en', 'fr'])('robustness (%s)', (lang) => {
  const t = translator(lang);

  it('a failed query shows a readable message and can be retried', async () => {
    const base = fakeApi();
    const api = fakeApi({ query: base.query });
    api.query.mockRejectedValueOnce(new Error('no reply (is the extension running on this page?)'));
    renderPopup(lang, api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('popupErrorLoad'));
    expect(alert.textContent).toContain('no reply');
    fireEvent.click(screen.getByRole('button', { name: t('popupRetry') }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getAllByRole('listitem').filter((li) => li.classList.contains('item'))).toHaveLength(4);
  });

  it('a failing currentTab is treated as "no page"', async () => {
    const api = fakeApi();
    api.currentTab.mockRejectedValueOnce(new Error('boom'));
    renderPopup(lang, api);
    expect(await screen.findByText(t('popupNotActive'))).toBeTruthy();
    await waitFor(() => expect(api.query).toHaveBeenCalledWith(expect.objectContaining({ scope: 'all' })));
  });

  it('reports skipped damaged records', async () => {
    const records = [...Object.values(sampleAnnotations()), { id: 'x' }, null, { ...makeAnnotation(), color: 'red' }];
    renderPopup(lang, fakeApi({ records }));
    expect(await screen.findByText(t('popupCorruptOther', '3'))).toBeTruthy();
  });

  it('reports one skipped record in the singular', async () => {
    renderPopup(lang, fakeApi({ records: [makeAnnotation({ pageId: PAGE_A.id }), 'garbage'] }));
    expect(await screen.findByText(t('popupCorruptOne', '1'))).toBeTruthy();
  });

  it('renders hostile text as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { container } = renderPopup(
      lang,
      fakeApi({ records: [makeAnnotation({ pageId: PAGE_A.id, quote: evil, note: `<b>${evil}</b>`, tags: ['<script>x</script>'] })] }),
    );
    expect(await screen.findByText(evil)).toBeTruthy();
    expect(screen.getByText(`<b>${evil}</b>`)).toBeTruthy();
    expect(screen.getByText('<script>x</script>')).toBeTruthy();
    expect(container.querySelector('img, script, b')).toBeNull();
  });

  it('renders the first 50 items and pages with "Show more"', async () => {
    const records = Array.from({ length: 120 }, (_, i) =>
      makeAnnotation({ pageId: PAGE_A.id, quote: `Quote number ${i}`, modified: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }),
    );
    const api = fakeApi({ records });
    const { container } = renderPopup(lang, api);
    await waitFor(() => expect(container.querySelectorAll('li.item')).toHaveLength(50));
    expect(container.querySelector('li.item .quote')!.textContent).toBe('Quote number 119');
    const n = (x: number) => new Intl.NumberFormat(lang).format(x);
    fireEvent.click(screen.getByRole('button', { name: t('popupShowMore', n(70)) }));
    await waitFor(() => expect(container.querySelectorAll('li.item')).toHaveLength(100));
    expect(api.query).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 50, limit: 50 }));
    fireEvent.click(screen.getByRole('button', { name: t('popupShowMore', n(20)) }));
    await waitFor(() => expect(container.querySelectorAll('li.item')).toHaveLength(120));
    expect(screen.queryByRole('button', { name: /Show more|Afficher plus/ })).toBeNull();
    expect(container.querySelectorAll('li.item')[119]!.querySelector('.quote')!.textContent).toBe('Quote number 0');
  });

  it('ignores a slow answer to an outdated search', async () => {
    const base = fakeApi();
    let release: () => void = () => undefined;
    const api = fakeApi({
      query: async (q) => {
        if (q.text === 'slow') await new Promise<void>((r) => (release = r));
        return base.query(q);
      },
    });
    const { container } = renderPopup(lang, api);
    await waitFor(() => expect(container.querySelectorAll('li.item')).toHaveLength(4));
    const box = screen.getByLabelText(t('popupSearchLabel'));
    fireEvent.input(box, { target: { value: 'slow' } });
    fireEvent.input(box, { target: { value: 'High-risk' } });
    await waitFor(() => expect(container.querySelectorAll('li.item')).toHaveLength(1));
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(container.querySelectorAll('li.item')).toHaveLength(1);
  });
});
