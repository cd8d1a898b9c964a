import { browser } from 'wxt/browser';
import { toReply } from '@/lib/messaging';
import { backgroundToContent, parseMessage, type Reply, type Responses } from '@/lib/protocol';
import type { Controller } from '../controller';
import type { Suggestions } from '../suggestions';

/** Answers requests from the background and the popup (shortcut, context menu, reveal, status). */
export function setupMessages(signal: AbortSignal, controller: Controller, suggestions: Suggestions) {
  const listener = (raw: unknown, sender: { id?: string }): Promise<Reply<unknown>> | undefined => {
    if (signal.aborted) return undefined;
    if (sender.id !== browser.runtime.id) return Promise.resolve({ ok: false, error: 'unknown sender' });
    const parsed = parseMessage(backgroundToContent, raw);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const m = parsed.message;
    return toReply(async (): Promise<Responses[typeof m.type]> => {
      switch (m.type) {
        case 'content/highlight-selection':
          return { created: await controller.createFromSelection(m.color) };
        case 'content/reveal':
          return { found: controller.reveal(m.id) };
        case 'content/refresh':
          // Sent to every tab after an edit in the popup: only the page concerned reloads.
          if (m.pageId && m.pageId !== controller.pageId) return { count: controller.store.get().entries.length };
          await controller.load();
          return { count: controller.store.get().entries.length };
        case 'content/status': {
          const analysis = suggestions.status();
          return { ...controller.status(), ...(analysis ? { analysis } : {}) };
        }
        case 'content/toggle-list':
          return { open: controller.toggleList() };
        case 'content/reveal-suggestion':
          return { found: suggestions.reveal(m.key) };
      }
    });
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
