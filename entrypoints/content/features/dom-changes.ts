import { UI_HOST_TAG, type Controller } from '../controller';

const QUIET_MS = 300;
const MAX_WAIT_MS = 2000;

/**
 * Re-anchors when the page's text changes after load (late article bodies, "load more",
 * framework re-renders). Mutations are batched: one pass after the page has been quiet for
 * QUIET_MS, and at least every MAX_WAIT_MS while it keeps changing. Our own UI is ignored.
 */
export function setupDomChanges(signal: AbortSignal, controller: Controller, win: Window & typeof globalThis) {
  const doc = win.document;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    clearTimeout(quiet);
    firstPending = 0;
    if (running) {
      again = true;
      return;
    }
    running = controller.onDomChanged().finally(() => {
      running = null;
      if (again && !signal.aborted) {
        again = false;
        schedule();
      }
    });
  };
  const schedule = () => {
    const now = Date.now();
    firstPending ||= now;
    clearTimeout(quiet);
    if (now - firstPending >= MAX_WAIT_MS) run();
    else quiet = setTimeout(run, QUIET_MS);
  };
  const observer = new win.MutationObserver((records) => {
    for (const r of records) {
      const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      if (target?.closest(UI_HOST_TAG)) continue;
      if (r.type === 'characterData' || r.addedNodes.length || r.removedNodes.length) return schedule();
    }
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(quiet);
  });
}
