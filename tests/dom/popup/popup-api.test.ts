/** The popup's real PopupApi, over stand-ins for runtime.sendMessage and browser.tabs. */
import { describe, expect, it, vi } from 'vitest';
import { createPopupApi } from '../../../entrypoints/popup/api';
import { RequestError } from '../../../lib/messaging';
import type { QueryResult } from '../../../lib/protocol';

const ID = 'urn:uuid:00000000-0000-4000-8000-000000000001';

function tabs(reply: (message: unknown) => Promise<unknown>, active: { id?: number }[] = [{ id: 3 }]) {
  return { query: vi.fn(async () => active), sendMessage: vi.fn(async (_tabId: number, message: unknown) => reply(message)) };
}

describe('createPopupApi', () => {
  it('sends typed requests and unwraps replies', async () => {
    const value: QueryResult = { items: [], total: 0, tags: [], corrupt: 2 };
    const send = vi.fn(async () => ({ ok: true, value }));
    const api = createPopupApi(send, tabs(async () => undefined));
    await expect(api.query({ scope: 'all', offset: 0, limit: 50 })).resolves.toEqual(value);
    expect(send).toHaveBeenLastCalledWith({ type: 'annotations/query', scope: 'all', offset: 0, limit: 50 });
    await api.update(ID, { note: 'n' });
    expect(send).toHaveBeenLastCalledWith({ type: 'annotation/update', id: ID, patch: { note: 'n' } });
    await api.remove(ID);
    expect(send).toHaveBeenLastCalledWith({ type: 'annotation/delete', id: ID });
    await api.restore(ID);
    expect(send).toHaveBeenLastCalledWith({ type: 'annotation/restore', id: ID });
    await api.reveal(ID);
    expect(send).toHaveBeenLastCalledWith({ type: 'annotation/reveal', id: ID });
    await api.reveal(ID, 9);
    expect(send).toHaveBeenLastCalledWith({ type: 'annotation/reveal', id: ID, tabId: 9 });
  });

  it('turns an error reply or no reply into a RequestError', async () => {
    const failing = createPopupApi(async () => ({ ok: false, error: 'invalid annotations/query' }), tabs(async () => undefined));
    await expect(failing.query({ scope: 'all', offset: 0, limit: 50 })).rejects.toThrow(new RequestError('invalid annotations/query'));
    const silent = createPopupApi(async () => undefined, tabs(async () => undefined));
    await expect(silent.remove(ID)).rejects.toBeInstanceOf(RequestError);
  });

  it('reads the active tab’s status from its content script', async () => {
    const counts = { exact: 2, moved: 1, fuzzy: 0, orphan: 1 };
    const t = tabs(async () => ({ ok: true, value: { pageId: 'https://example.org/a', counts } }));
    const api = createPopupApi(async () => undefined, t);
    await expect(api.currentTab()).resolves.toEqual({ tabId: 3, pageId: 'https://example.org/a', counts });
    expect(t.sendMessage).toHaveBeenCalledWith(3, { type: 'content/status' });
  });

  it('tolerates a tab without a content script, and no tab at all', async () => {
    const none = createPopupApi(async () => undefined, tabs(async () => Promise.reject(new Error('Could not establish connection'))));
    await expect(none.currentTab()).resolves.toEqual({ tabId: 3, pageId: null, counts: { exact: 0, moved: 0, fuzzy: 0, orphan: 0 } });
    const noTab = createPopupApi(async () => undefined, tabs(async () => undefined, []));
    await expect(noTab.currentTab()).resolves.toBeNull();
  });
});

describe('createPopupApi: analysis and settings', () => {
  const counts = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };

  it('passes the content script’s analysis status through', async () => {
    const analysis = { state: 'done', lang: 'fr', claimsEnabled: true, organizations: 1, claims: 0, items: [{ key: 'org:Q1', kind: 'organization', text: 'CNIL', score: 0.9 }] };
    const api = createPopupApi(async () => undefined, tabs(async () => ({ ok: true, value: { pageId: null, counts, analysis } })));
    await expect(api.currentTab()).resolves.toEqual({ tabId: 3, pageId: null, counts, analysis });
  });

  it('asks the tab’s content script to reveal a suggestion', async () => {
    const t = tabs(async () => ({ ok: true, value: { found: true } }));
    const api = createPopupApi(async () => undefined, t);
    await expect(api.revealSuggestion(5, 'claim:abc')).resolves.toEqual({ found: true });
    expect(t.sendMessage).toHaveBeenCalledWith(5, { type: 'content/reveal-suggestion', key: 'claim:abc' });
    const silent = createPopupApi(async () => undefined, tabs(async () => undefined));
    await expect(silent.revealSuggestion(5, 'claim:abc')).rejects.toBeInstanceOf(RequestError);
  });

  it('opens the settings page', async () => {
    const open = vi.fn(async () => undefined);
    const api = createPopupApi(async () => undefined, tabs(async () => undefined), open);
    await api.openSettings();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
