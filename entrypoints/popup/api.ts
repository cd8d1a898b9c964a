/**
 * The popup's PopupApi over the extension: requests to the background with runtime.sendMessage,
 * and the active tab's status (and suggestion reveals) straight from its content script with
 * tabs.sendMessage.
 */
import { browser } from 'wxt/browser';
import type { CurrentTab, PopupApi } from '../../components/popup-api';
import { request, requestTab, type Send } from '../../lib/messaging';

const NO_COUNTS: CurrentTab['counts'] = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };

/** Builds the API; `send`, `tabs` and `openOptionsPage` are parameters so tests can stand in for the browser. */
export function createPopupApi(
  send: Send = (message) => browser.runtime.sendMessage(message),
  tabs: {
    query: () => Promise<{ id?: number }[]>;
    sendMessage: (tabId: number, message: unknown) => Promise<unknown>;
  } = {
    query: () => browser.tabs.query({ active: true, currentWindow: true }),
    sendMessage: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  },
  openOptionsPage: () => Promise<void> = () => browser.runtime.openOptionsPage(),
): PopupApi {
  return {
    async currentTab() {
      const [active] = await tabs.query();
      if (active?.id === undefined) return null;
      const tabId = active.id;
      try {
        const status = await requestTab((m) => tabs.sendMessage(tabId, m), { type: 'content/status' });
        return { tabId, pageId: status.pageId, counts: status.counts, ...(status.analysis ? { analysis: status.analysis } : {}) };
      } catch {
        // No content script here (browser page, PDF, a tab opened before install): not an error.
        return { tabId, pageId: null, counts: NO_COUNTS };
      }
    },
    query: (q) => request(send, { type: 'annotations/query', ...q }),
    update: (id, patch) => request(send, { type: 'annotation/update', id, patch }),
    remove: (id) => request(send, { type: 'annotation/delete', id }),
    restore: (id) => request(send, { type: 'annotation/restore', id }),
    reveal: (id, tabId) => request(send, { type: 'annotation/reveal', id, ...(tabId === undefined ? {} : { tabId }) }),
    // Closing the popup after a reveal (so the page and its card show) is main.tsx's `onRevealed`,
    // as for annotation reveals: the API only carries messages.
    revealSuggestion: (tabId, key) => requestTab((m) => tabs.sendMessage(tabId, m), { type: 'content/reveal-suggestion', key }),
    openSettings: () => openOptionsPage(),
  };
}
