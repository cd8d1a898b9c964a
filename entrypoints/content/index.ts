import './highlights.css';
import { browser } from 'wxt/browser';
import { findArticle } from '@/lib/dom/article';
import { translatorFrom } from '@/lib/i18n';
import { request } from '@/lib/messaging';
import { parseSettings, SETTINGS_STORAGE_KEY } from '@/lib/settings';
import { createController } from './controller';
import { createSuggestions } from './suggestions';
import { setupDomChanges } from './features/dom-changes';
import { setupMessages } from './features/messages';
import { setupSelection } from './features/selection';
import { setupUiHost } from './features/ui-host';

const isE2E = import.meta.env.MODE === 'e2e';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // document_end, not document_idle: the script needs the parsed DOM, not the page's images and
  // other subresources, which document_idle waits for (in Chromium, up to 200 ms after
  // DOMContentLoaded: https://developer.chrome.com/docs/extensions/reference/manifest/content-scripts#run_time).
  // That wait was most of the delay before the first suggestions. All the work below starts after
  // a yield, so the page's own DOMContentLoaded handlers run first.
  runAt: 'document_end',
  // WXT's start-up notice to older copies of this script (after an extension reload) goes by a
  // DOM event only, not also by window.postMessage into the page, which ran in the script's
  // start-up task and woke the page's own message listeners (https://github.com/wxt-dev/wxt/pull/2035).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const win = window;
    const signal = ctx.signal;
    // Never expected at document_end; a still-loading document would give a partial article.
    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true, signal }));
    }
    // Between slices of work, give the page its main thread back (input, rendering) without
    // waiting for an idle period: scheduler.yield where the browser has it, else a message task
    // (setTimeout is clamped to 4 ms after a few nestings, requestIdleCallback waits for frames).
    // Asked at once (before any yield): the reply travels while the page-info and index work run.
    const readSettings = () =>
      browser.storage.sync
        .get(SETTINGS_STORAGE_KEY)
        .then((stored) => stored[SETTINGS_STORAGE_KEY])
        // Unreadable settings (storage disabled by policy…): the defaults, never a broken page.
        .catch(() => undefined)
        .then((raw) => parseSettings(raw).analysis);
    let settings = readSettings();
    // The page's dismissed suggestions, found by its address: asked at once too, so that the first
    // paint waits neither for the article's fingerprint nor for page/open (which still runs after).
    const earlyDismissed = request((message) => browser.runtime.sendMessage(message), { type: 'page/dismissed' });
    earlyDismissed.catch(() => undefined);
    const channel = new MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    signal.addEventListener('abort', () => channel.port1.close());
    const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    const yieldToHost = (): Promise<void> =>
      scheduler?.yield
        ? scheduler.yield()
        : new Promise<void>((resolve) => {
            waiting.push(resolve);
            channel.port2.postMessage(null);
          });
    // Evaluating this script is already one task of the page's: everything else comes after a
    // yield, so the start-up does not add the controller's set-up to it.
    await yieldToHost();
    if (signal.aborted) return;
    const t = translatorFrom(browser.i18n.getMessage as (key: string, subs?: string | string[]) => string);
    const controller = createController({
      win,
      send: (message) => browser.runtime.sendMessage(message),
      signal,
      // Anchoring slices run in idle time so the page stays responsive while it loads.
      yieldToHost: () => yieldToHost(),
      ...(isE2E
        ? { publishState: (state) => (document.documentElement.dataset.policyLensState = JSON.stringify(state)) }
        : {}),
    });
    const suggestions = createSuggestions({
      win,
      send: (message) => browser.runtime.sendMessage(message),
      signal,
      t,
      controller,
      yieldToHost,
      settings: () => settings,
      ...(isE2E
        ? {
            publish: ({ analysis, painted, ms, firstPaintMs }) =>
              (document.documentElement.dataset.policyLensAnalysis = JSON.stringify({
                state: analysis.state,
                lang: analysis.lang,
                claimsEnabled: analysis.claimsEnabled,
                claimMode: analysis.claimMode,
                organizations: analysis.organizations,
                claims: analysis.claims,
                painted,
                ms: Math.round(ms),
                firstPaintMs: Math.round(firstPaintMs),
              })),
          }
        : {}),
    });
    setupUiHost(signal, controller, suggestions, t, win, { mode: isE2E ? 'open' : 'closed', lang: browser.i18n.getUILanguage() });
    setupMessages(signal, controller, suggestions);
    // Settings changed (options page): analyse again with the new toggles and threshold.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'sync' || !(SETTINGS_STORAGE_KEY in changes)) return;
      settings = readSettings();
      void suggestions.analysePage();
    };
    browser.storage.onChanged.addListener(onStorage);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage));
    setupSelection(signal, controller, win);
    setupDomChanges(signal, controller, win);
    // In-page navigation (history.pushState) shows another article in the same document.
    ctx.addEventListener(window, 'wxt:locationchange', () =>
      void controller
        .load()
        .then(() => suggestions.analysePage())
        .catch(() => undefined),
    );
    try {
      // Both at once: the analysis needs the page's dismissed suggestions only before painting,
      // not the page's annotations anchored (on a page with many, that is long work of its own).
      // Both need the article: found once (on a long page it takes ~10 ms), in whichever task asks first.
      // The first paint waits only for the dismissals found by address; the fingerprint, when
      // nothing is stored at this address, waits for that first paint (see controller.load).
      let article: Element | null | undefined;
      const findOnce = () => (article === undefined ? (article = findArticle(document)) : article);
      let onOpened = () => {};
      const opened = new Promise<void>((resolve) => (onOpened = resolve));
      let onFirstPaint = () => {};
      const firstPainted = new Promise<void>((resolve) => (onFirstPaint = resolve));
      const loading = controller.load({
        article: findOnce,
        onOpened,
        early: earlyDismissed,
        onDismissedChanged: (added, removed) => suggestions.applyDismissed(added, removed),
        fingerprintAfter: firstPainted,
      });
      const analysing = suggestions.analysePage(Promise.race([opened, loading]), findOnce, onFirstPaint).finally(onFirstPaint);
      await Promise.all([loading, analysing]);
    } catch (err) {
      // A page the background refuses (or an extension reload) must never break the page itself.
      console.debug('[policy-lens] not active on this page:', err);
    }
  },
});
