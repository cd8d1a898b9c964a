import { browser } from 'wxt/browser';
import { BackgroundService } from '@/lib/background/service';
import { openPolicyLensDb, type PolicyLensDb } from '@/lib/db';
import type { BackgroundToContent } from '@/lib/protocol';
import { translatorFrom } from '@/lib/i18n';

const MENU_ID = 'policy-lens-highlight';

/** A per-install creator id, so exported annotations say who made them without naming anyone. */
async function creatorId(): Promise<string> {
  const { creator } = await browser.storage.local.get('creator');
  if (typeof creator === 'string') return creator;
  const id = `urn:policy-lens:user:${crypto.randomUUID()}`;
  await browser.storage.local.set({ creator: id });
  return id;
}

async function sendToActiveTab(message: BackgroundToContent[keyof BackgroundToContent]): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
}

export default defineBackground(() => {
  let db: Promise<PolicyLensDb> | null = null;
  const service = new BackgroundService({
    db: () => (db ??= openPolicyLensDb()),
    creator: creatorId,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    openTab: async (url) => (await browser.tabs.create({ url })).id,
    broadcast: async (message) => {
      const tabs = await browser.tabs.query({});
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
    },
  });

  // Every listener is registered synchronously: an MV3 worker woken by an event must find them.
  browser.runtime.onMessage.addListener((message, sender) => service.handle(message, sender));

  const t = translatorFrom(browser.i18n.getMessage as (key: string) => string);
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('contextMenuHighlight'),
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void browser.tabs.sendMessage(tab.id, { type: 'content/highlight-selection' }).catch(() => undefined);
  });

  browser.commands.onCommand.addListener((command) => {
    if (command === 'highlight-selection') void sendToActiveTab({ type: 'content/highlight-selection' });
    if (command === 'toggle-list') void sendToActiveTab({ type: 'content/toggle-list' });
  });
});
