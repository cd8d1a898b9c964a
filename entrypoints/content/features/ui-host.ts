import { h, render } from 'preact';
import { ContentApp, type ContentActions } from '@/components/content/ContentApp';
import type { Translate } from '@/lib/i18n';
import { UI_HOST_TAG, type Controller } from '../controller';
import type { Suggestions } from '../suggestions';
import uiCss from '../ui.css?inline';

/**
 * Mounts the in-page UI in a shadow root (the page's CSS cannot reach it, ours cannot leak out)
 * on a host outside <body>, so the article's DOM is untouched. Created only when first needed.
 * The root is closed in real builds so the page cannot read the reader's notes; e2e builds open
 * it so tests can drive it.
 */
export function setupUiHost(
  signal: AbortSignal,
  controller: Controller,
  suggestions: Suggestions,
  t: Translate,
  win: Window & typeof globalThis,
  opts: { mode: ShadowRootMode; lang: string },
) {
  const doc = win.document;
  let host: HTMLElement | null = null;
  let root: HTMLElement | null = null;
  const mount = () => {
    if (host?.isConnected) return;
    host = doc.createElement(UI_HOST_TAG);
    const shadow = host.attachShadow({ mode: opts.mode });
    const style = doc.createElement('style');
    style.textContent = uiCss;
    root = doc.createElement('div');
    root.className = 'pl-root';
    root.lang = opts.lang;
    shadow.append(style, root);
    // Keys typed in our fields must not trigger the page's own keyboard shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) root.addEventListener(type, (e) => e.stopPropagation());
    doc.documentElement.append(host);
    const actions: ContentActions = {
      create: (color, note, tags) => void controller.createFromToolbar(color, note, tags),
      update: (id, patch) => controller.update(id, patch),
      remove: (id) => void controller.remove(id),
      restore: (id) => void controller.restore(id),
      closeEditor: controller.closeEditor,
      openEditor: (id) => controller.reveal(id, true),
      focusEntry: (id) => controller.focusEntry(id),
      closeList: () => controller.toggleList(false),
      openList: () => controller.toggleList(true),
      dismissToast: controller.dismissToast,
      viewport: () => ({ width: win.innerWidth, height: win.innerHeight }),
      acceptSuggestion: (key, correction) => void suggestions.accept(key, correction),
      dismissSuggestion: (key) => void suggestions.dismiss(key),
      undismissSuggestion: (key) => void suggestions.undismiss(key),
      closeSuggestion: suggestions.closeCard,
      revealSuggestion: (key) => void suggestions.reveal(key),
      suggestionTakesFocus: () => suggestions.cardTakesFocus,
    };
    render(h(ContentApp, { t, store: controller.store, actions }), root);
  };
  // Mount as soon as there is something to show.
  const unsubscribe = controller.store.subscribe((s) => {
    if (s.editor || s.listOpen || s.toast || s.suggestionCard) mount();
  });
  signal.addEventListener('abort', () => {
    unsubscribe();
    if (root) render(null, root);
    host?.remove();
  });
}
