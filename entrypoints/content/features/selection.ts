import type { Controller } from '../controller';
import { UI_HOST_TAG } from '../controller';

/**
 * Shows the toolbar when the reader selects text (mouse or keyboard), and opens a highlight's
 * card when it is clicked (the Highlight API has no events: hit-test the click point).
 */
export function setupSelection(signal: AbortSignal, controller: Controller, win: Window & typeof globalThis) {
  const doc = win.document;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fromOurUi = (e: Event) => e.composedPath().some((n) => (n as Element).localName === UI_HOST_TAG);
  const later = () => {
    clearTimeout(timer);
    // Let the browser finish updating the selection (a click inside a selection clears it late).
    timer = setTimeout(() => controller.showToolbarForSelection(), 10);
  };
  doc.addEventListener(
    'mouseup',
    (e) => {
      if (fromOurUi(e) || e.button !== 0) return;
      const sel = win.getSelection();
      if (sel && !sel.isCollapsed) return later();
      if (controller.openEditorAt(e.clientX, e.clientY)) return;
      const editor = controller.store.get().editor;
      if (editor) controller.closeEditor();
    },
    { signal },
  );
  doc.addEventListener(
    'keyup',
    (e) => {
      if (fromOurUi(e)) return;
      if (e.shiftKey || e.key === 'Shift' || (e.key === 'a' && (e.ctrlKey || e.metaKey))) later();
      if (e.key === 'Escape' && controller.store.get().editor) controller.closeEditor();
    },
    { signal },
  );
  signal.addEventListener('abort', () => clearTimeout(timer));
}
