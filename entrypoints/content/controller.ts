/**
 * The content script's state and actions: load this page's annotations, anchor and paint them,
 * create highlights from the selection, edit and delete them. UI and event wiring live in the
 * feature modules; everything here stops with `signal`.
 */
import { anchorMany, buildTextIndex, buildTextIndexSliced, describeRange, type AnchorMatch, type TextIndex } from '@/lib/anchoring';
import { collectPageInfo, collectPageInfoSliced } from '@/lib/dom/page-info';
import { createPainter, type Painter } from '@/lib/dom/painter';
import { request, type Send } from '@/lib/messaging';
import { COLORS, quoteOf, type Annotation, type AnchorStatus, type ColorName, type Provenance } from '@/lib/model';
import type { ContentStatus, PageInfo } from '@/lib/protocol';
import { createStore, type Store } from '@/lib/store';
import type { PageEntry, Rect, UiState } from '@/components/content/types';

export const UI_HOST_TAG = 'policy-lens-ui';

export interface ControllerDeps {
  win: Window & typeof globalThis;
  send: Send;
  signal: AbortSignal;
  /** Gives the page its main thread back between slices of anchoring work. */
  yieldToHost: () => Promise<void>;
  /** Publishes anchoring state for end-to-end tests (no-op in production builds). */
  publishState?: (state: { ready: boolean; painted: number; orphans: number; pageId: string | null }) => void;
}

export type Controller = ReturnType<typeof createController>;

function toRect(r: DOMRect): Rect {
  return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
}

export function createController(deps: ControllerDeps) {
  const { win, send, signal } = deps;
  const doc = win.document;
  const painter: Painter<ColorName> = createPainter(win, COLORS);
  const store: Store<UiState> = createStore<UiState>({
    editor: null,
    listOpen: false,
    toast: null,
    entries: [],
    tagSuggestions: [],
    lastColor: 'yellow',
    focusedId: null,
    paintSupported: painter.supported,
    suggestions: [],
    suggestionCard: null,
    analysis: null,
  });
  let pageInfo: PageInfo | null = null;
  /** Keys of suggestions the reader dismissed on this page (from the background). */
  let dismissed = new Set<string>();
  let pageId: string | null = null;
  const entries = new Map<string, PageEntry>();
  let index: TextIndex | null = null;
  /** Each load/re-anchor pass gets a generation; a stale pass stops painting. */
  let generation = 0;

  const isOwnUi = (el: Element) => el.localName === UI_HOST_TAG;
  const textIndex = (): TextIndex => {
    if (!index) {
      index = buildTextIndex(doc.body ?? doc.documentElement, { skip: isOwnUi });
    }
    return index;
  };

  const publishEntries = () => {
    const list = [...entries.values()].sort((a, b) => (a.match && 'start' in a.match ? a.match.start : Infinity) - (b.match && 'start' in b.match ? b.match.start : Infinity));
    store.set({ entries: list });
    deps.publishState?.({
      ready: true,
      painted: painter.size,
      orphans: list.filter((e) => e.match?.status === 'orphan').length,
      pageId,
    });
  };

  const fail = (err: unknown) => {
    if (signal.aborted) return;
    store.set({ toast: { kind: 'error', message: err instanceof Error ? err.message : String(err) } });
  };

  /** Anchors the given annotations on the current text, paints them and reports the outcome. */
  async function anchorAndPaint(list: Annotation[], report: boolean): Promise<void> {
    const gen = ++generation;
    if (list.length === 0) return publishEntries();
    // Sliced: indexing a very long page in one go would hold the main thread too long.
    const built = await buildTextIndexSliced(doc.body ?? doc.documentElement, {
      skip: isOwnUi,
      yieldToHost: deps.yieldToHost,
      signal,
      now: () => win.performance.now(),
    });
    if (!built || gen !== generation || signal.aborted) return;
    index = built;
    const idx = built;
    const results = await anchorMany(
      idx.text,
      list.map((a) => ({ id: a.id, selectors: a.target.selector })),
      { signal, yieldToHost: deps.yieldToHost },
    );
    if (gen !== generation || signal.aborted) return;
    const reports: { id: string; status: AnchorStatus; confidence: number; foundText?: string }[] = [];
    for (const a of list) {
      const match: AnchorMatch = results.get(a.id) ?? { status: 'orphan', confidence: 0, reason: 'not-found' };
      let foundText: string | undefined;
      if (match.status !== 'orphan') {
        const range = idx.rangeFor(match.start, match.end);
        foundText = idx.text.slice(match.start, match.end);
        if (range) painter.paint(a.id, range, a.color);
        else painter.unpaint(a.id);
      } else {
        painter.unpaint(a.id);
      }
      entries.set(a.id, { annotation: a, match, ...(foundText !== undefined && foundText !== quoteOf(a) ? { foundText } : {}) });
      const previous = a.anchor;
      if (!previous || previous.status !== match.status || Math.abs(previous.confidence - match.confidence) > 0.005) {
        reports.push({
          id: a.id,
          status: match.status,
          confidence: match.confidence,
          ...(foundText !== undefined ? { foundText } : {}),
        });
      }
    }
    publishEntries();
    if (report && pageId && reports.length) {
      await request(send, { type: 'anchor/report', pageId, results: reports }).catch(fail);
    }
  }

  /** Each load gets a generation: an early reply to an older load is ignored. */
  let loads = 0;

  /**
   * (Re)loads this page's annotations: on start, after in-page navigation, after a popup edit.
   * `article` finds the article (on start it is shared with the analysis, which needs it too);
   * `onOpened` is called once the page's dismissed suggestions are known, before its annotations
   * are anchored (the analysis needs only those to paint). `early` (on start) is the dismissals
   * of the page at this address, asked before the fingerprint is computed: when it arrives first,
   * `onOpened` is called with it, and if `page/open` then finds the article under another page
   * whose dismissals differ, `onDismissedChanged` gets the difference. `fingerprintAfter`: see below.
   */
  async function load(
    options: {
      article?: () => Element | null;
      onOpened?: () => void;
      early?: Promise<{ dismissed: string[]; stored: boolean }>;
      onDismissedChanged?: (added: string[], removed: string[]) => void;
      fingerprintAfter?: Promise<unknown>;
    } = {},
  ): Promise<void> {
    const { article, onOpened, early, onDismissedChanged, fingerprintAfter } = options;
    const mine = ++loads;
    /** 'waiting' until one of the two replies gives the dismissals, then which one did. */
    let known = 'waiting' as 'waiting' | 'early' | 'open';
    const byAddress = early?.then(
      (reply) => {
        if (known !== 'waiting' || mine !== loads || signal.aborted) return null;
        known = 'early';
        dismissed = new Set(reply.dismissed);
        onOpened?.();
        return reply;
      },
      // Not known by address: page/open decides, as without the early request.
      () => null,
    );
    // The fingerprint reads the whole article: in slices, none in the script's start-up task.
    await deps.yieldToHost();
    // Nothing stored at this address (the usual case: no annotation to anchor): the fingerprint,
    // needed only to find the article stored under another address, waits for `fingerprintAfter`
    // (the first suggestions painted) instead of taking the main thread from them.
    if (fingerprintAfter && (await byAddress)?.stored === false) await fingerprintAfter;
    if (signal.aborted) return;
    const info = await collectPageInfoSliced(doc, deps.yieldToHost, article);
    if (signal.aborted) return;
    pageInfo = info;
    const opened = await request(send, { type: 'page/open', page: pageInfo });
    if (signal.aborted) return;
    pageId = opened.page?.id ?? null;
    const before = dismissed;
    dismissed = new Set(opened.dismissed);
    if (known === 'early') {
      // The same article found at another address (canonical link, fingerprint) can have other
      // dismissals than this address's page: what was painted meanwhile is brought in line.
      const added = opened.dismissed.filter((k) => !before.has(k));
      const removed = [...before].filter((k) => !dismissed.has(k));
      if (added.length || removed.length) onDismissedChanged?.(added, removed);
    } else {
      known = 'open';
      onOpened?.();
    }
    for (const id of entries.keys()) painter.unpaint(id);
    entries.clear();
    await anchorAndPaint(opened.annotations, true);
    if (opened.textChanged) {
      const all = [...entries.values()];
      const moved = all.filter((e) => e.match?.status === 'moved' || e.match?.status === 'fuzzy').length;
      const lost = all.filter((e) => e.match?.status === 'orphan').length;
      if (moved || lost) store.set({ toast: { kind: 'changed', moved, lost } });
    }
    if (opened.reveal) reveal(opened.reveal);
  }

  /**
   * Called (batched) after the page's DOM changed: when the text changed, anchor again what is
   * missing or now points at other text. Content that arrives late is the usual case.
   */
  async function onDomChanged(): Promise<void> {
    const previous = index?.text;
    index = null;
    // Most pages have no annotation: then a DOM change costs nothing.
    if (entries.size === 0) return;
    const text = textIndex().text;
    if (text === previous && [...entries.values()].every((e) => e.match?.status !== 'orphan')) return;
    const stale = [...entries.values()]
      .filter((e) => {
        if (!e.match || e.match.status === 'orphan') return true;
        const range = painter.rangeOf(e.annotation.id);
        return !range || range.toString().replace(/\s+/g, ' ').trim() !== (e.foundText ?? quoteOf(e.annotation)).trim();
      })
      .map((e) => e.annotation);
    if (stale.length) await anchorAndPaint(stale, true);
  }

  function selectionRange(): Range | null {
    const sel = win.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    const container = range.commonAncestorContainer;
    const el = container.nodeType === 1 ? (container as Element) : container.parentElement;
    if (!el || el.closest(`${UI_HOST_TAG}, input, textarea, [contenteditable=""], [contenteditable="true"]`)) return null;
    if (!range.toString().trim()) return null;
    return range.cloneRange();
  }

  /** Creates a highlight over `range` and opens its card. */
  async function createHighlight(
    range: Range,
    color: ColorName,
    note = '',
    tags: string[] = [],
    focusNote = false,
    provenance?: Provenance,
  ): Promise<Annotation | null> {
    index = null;
    const idx = textIndex();
    const selectors = describeRange(idx, range);
    if (!selectors) return null;
    pageInfo ??= collectPageInfo(doc);
    const rect = toRect(range.getBoundingClientRect());
    try {
      const a = await request(send, {
        type: 'annotation/create',
        page: pageInfo,
        selectors,
        color,
        note,
        tags,
        ...(provenance ? { provenance } : {}),
      });
      pageId = a.pageId;
      const [, pos] = selectors;
      const painted = idx.rangeFor(pos.start, pos.end) ?? range;
      painter.paint(a.id, painted, color);
      entries.set(a.id, { annotation: a, match: { status: 'exact', start: pos.start, end: pos.end, confidence: 1 } });
      win.getSelection()?.removeAllRanges();
      store.set({ lastColor: color, editor: { mode: 'edit', id: a.id, rect, focusNote }, toast: null });
      publishEntries();
      void refreshTags();
      return a;
    } catch (err) {
      fail(err);
      return null;
    }
  }

  async function createFromSelection(color?: ColorName, focusNote = true): Promise<boolean> {
    const range = selectionRange();
    if (!range) return false;
    return (await createHighlight(range, color ?? store.get().lastColor, '', [], focusNote)) !== null;
  }

  function replaceEntry(a: Annotation) {
    const entry = entries.get(a.id);
    if (a.deleted) {
      painter.unpaint(a.id);
      entries.delete(a.id);
    } else if (entry) {
      entries.set(a.id, { ...entry, annotation: a });
      const range = painter.rangeOf(a.id);
      if (range) painter.paint(a.id, range, a.color);
    }
    publishEntries();
  }

  async function update(id: string, patch: { color?: ColorName; note?: string; tags?: string[] }): Promise<boolean> {
    try {
      const a = await request(send, { type: 'annotation/update', id, patch });
      replaceEntry(a);
      if (patch.color) store.set({ lastColor: patch.color });
      if (patch.tags) void refreshTags();
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  }

  async function remove(id: string): Promise<void> {
    try {
      const a = await request(send, { type: 'annotation/delete', id });
      replaceEntry(a);
      store.set({ editor: null, toast: { kind: 'deleted', id }, focusedId: null });
      painter.focus(null);
    } catch (err) {
      fail(err);
    }
  }

  async function restore(id: string): Promise<void> {
    try {
      const a = await request(send, { type: 'annotation/restore', id });
      await anchorAndPaint([a], true);
      store.set({ toast: { kind: 'restored' } });
    } catch (err) {
      fail(err);
    }
  }

  async function refreshTags(): Promise<void> {
    try {
      const tags = await request(send, { type: 'tags/list' });
      store.set({ tagSuggestions: tags.map((t) => t.name) });
    } catch {
      // Suggestions are a convenience; a failure here must not disturb the reader.
    }
  }

  /** Scrolls to a highlight, marks it focused and opens its card. */
  function reveal(id: string, openCard = true): boolean {
    const range = painter.rangeOf(id);
    if (!range) {
      store.set({ listOpen: true, focusedId: id });
      return false;
    }
    const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'auto' });
    painter.focus(id);
    store.set({
      focusedId: id,
      ...(openCard ? { editor: { mode: 'edit' as const, id, rect: toRect(range.getBoundingClientRect()), focusNote: false } } : {}),
    });
    return true;
  }

  function status(): ContentStatus {
    const counts: Record<AnchorStatus, number> = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
    for (const e of entries.values()) if (e.match) counts[e.match.status]++;
    return { pageId, counts };
  }

  function openEditorAt(x: number, y: number): boolean {
    const [id] = painter.hitTest(x, y);
    if (!id) return false;
    const range = painter.rangeOf(id);
    painter.focus(id);
    store.set({ editor: { mode: 'edit', id, rect: range ? toRect(range.getBoundingClientRect()) : null, focusNote: false }, focusedId: id });
    return true;
  }

  /** The selection the toolbar was opened for: focus moving into the toolbar's fields clears the live one. */
  let toolbarRange: Range | null = null;

  function showToolbarForSelection(): void {
    const range = selectionRange();
    if (!range) {
      if (store.get().editor?.mode === 'new') {
        toolbarRange = null;
        store.set({ editor: null });
      }
      return;
    }
    toolbarRange = range;
    store.set({ editor: { mode: 'new', rect: toRect(range.getBoundingClientRect()) } });
  }

  /** Creates the highlight the toolbar was opened for, with the note and tags typed in it. */
  async function createFromToolbar(color: ColorName, note: string, tags: string[]): Promise<void> {
    const range = toolbarRange ?? selectionRange();
    toolbarRange = null;
    if (range) await createHighlight(range, color, note, tags);
  }

  signal.addEventListener('abort', () => painter.destroy());

  return {
    store,
    painter,
    load,
    onDomChanged,
    selectionRange,
    createHighlight,
    createFromSelection,
    createFromToolbar,
    update,
    remove,
    restore,
    reveal,
    status,
    refreshTags,
    openEditorAt,
    showToolbarForSelection,
    closeEditor: () => {
      toolbarRange = null;
      painter.focus(null);
      store.set({ editor: null, focusedId: null });
    },
    toggleList: (open?: boolean) => {
      const next = open ?? !store.get().listOpen;
      store.set({ listOpen: next });
      return next;
    },
    dismissToast: () => store.set({ toast: null }),
    focusEntry: (id: string | null) => {
      if (id) reveal(id, false);
      else painter.focus(null);
    },
    get pageId() {
      return pageId;
    },
    get dismissed(): ReadonlySet<string> {
      return dismissed;
    },
    /** The reader dismissed `key` here: later analyses (a settings change) keep it out too. */
    noteDismissed(key: string): void {
      dismissed.add(key);
    },
    pageInfo: (): PageInfo => (pageInfo ??= collectPageInfo(doc)),
  };
}
