/**
 * Automatic suggestions: find the article, analyse it in idle-time slices, paint organizations
 * and claims (by kind) with the Highlight API, and let the reader accept (as an annotation with
 * its provenance), correct or dismiss each. No page text leaves the page: the analysis runs here.
 */
import { startTextIndex, type TextIndex } from '@/lib/anchoring';
import { findArticle, skipInArticle } from '@/lib/dom/article';
import { createPainter } from '@/lib/dom/painter';
import type { Translate } from '@/lib/i18n';
import { request, type Send } from '@/lib/messaging';
import type { ColorName, Provenance } from '@/lib/model';
import type { AnalysisStatus } from '@/lib/protocol';
import type { AnalysisSettings } from '@/lib/settings';
import type { Store } from '@/lib/store';
import { buildSuggestions, mergeSuggestions, type Suggestion, type SuggestionKind } from '@/lib/suggestions';
import type { Correction } from '@/components/content/SuggestionCard';
import type { Rect, UiState } from '@/components/content/types';
import { CLAIM_KIND_LABEL } from '@/components/content/suggestion-labels';
import { UI_HOST_TAG, type Controller } from './controller';

export const SUGGESTION_KINDS: readonly SuggestionKind[] = ['organization', 'statistic', 'comparison', 'causal', 'prediction', 'position', 'fact'];
export const SUGGESTION_PREFIX = 'policy-lens-s-';
export const DETECTOR = 'policy-lens-analysis';
/** Longest synchronous slice of painting, in ms. */
const SLICE_MS = 8;
/** "Near" the viewport: this many characters after the text on screen are analysed with it. */
const BELOW_VIEWPORT_CHARS = 1500;
/**
 * The beginning of the article indexed before the analysis starts: enough for the language (4000
 * characters are read) and the first chunks, which at the top of an article are what is on screen.
 */
const PREFIX_CHARS = 10_000;

type Span = { start: number; end: number };

/**
 * The analysis, imported on first use. The bundler keeps it in the same file (no other file to
 * load, nothing web-accessible, the same CSP in Chrome and Firefox) but evaluates its modules only
 * when this is called: their set-up (lexicons, model tables) is not added to the task that
 * evaluates the script at page load, it runs later in a task of its own.
 */
const loadAnalysis = () => import('./analysis');

/** The colour an accepted suggestion gets (the reader can change it like any highlight). */
const ACCEPT_COLOR: Record<SuggestionKind, ColorName> = {
  organization: 'blue',
  statistic: 'orange',
  comparison: 'purple',
  causal: 'green',
  prediction: 'pink',
  position: 'yellow',
  fact: 'orange',
};

export interface SuggestionDeps {
  win: Window & typeof globalThis;
  send: Send;
  signal: AbortSignal;
  t: Translate;
  controller: Controller;
  yieldToHost: () => Promise<void>;
  settings: () => Promise<AnalysisSettings>;
  /** After each analysis: `ms` from its start to all painted, `firstPaintMs` to the first suggestions painted. */
  publish?: (state: { analysis: AnalysisStatus; painted: number; ms: number; firstPaintMs: number }) => void;
}

const toRect = (r: DOMRect): Rect => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });

export function createSuggestions(deps: SuggestionDeps) {
  const { win, send, signal, t, controller } = deps;
  const doc = win.document;
  const store: Store<UiState> = controller.store;
  // Near the viewport only: a long article's suggestions all registered at once made one rendering
  // task of 50-110 ms in Chromium (painter.ts).
  const painter = createPainter(win, SUGGESTION_KINDS, SUGGESTION_PREFIX, { nearViewport: true });
  let byKey = new Map<string, Suggestion[]>();
  let index: TextIndex | null = null;
  let run = 0;
  /** Stops the running analysis when another starts. */
  let stopRun: AbortController | null = null;
  /** Accepted (ids) and dismissed (keys) while the analysis runs: kept out of the chunks still to come. */
  let removedIds = new Set<string>();
  let removedKeys = new Set<string>();
  /** The running analysis's suggestions so far (chunk by chunk), null when none runs. */
  let liveParts: Suggestion[][] | null = null;

  const status = (s: Partial<AnalysisStatus>): AnalysisStatus => ({
    state: 'done',
    lang: '',
    claimsEnabled: false,
    organizations: 0,
    claims: 0,
    items: [],
    ...s,
  });

  const idOf = (s: Suggestion) => `${s.key}@${s.start}`;
  /** The most specific suggestion under a point: an organization inside a claim wins. */
  const hitAt = (x: number, y: number): string | undefined =>
    painter
      .hitTest(x, y)
      .map((id) => ({ id, len: painter.rangeOf(id)?.toString().length ?? Infinity }))
      .sort((a, b) => a.len - b.len)[0]?.id;

  /** Paints one suggestion over `range` (adding to what is painted). */
  function paintOne(s: Suggestion, range: Range): void {
    painter.paint(idOf(s), range, s.kind);
    const same = byKey.get(s.key) ?? [];
    same.push(s);
    byKey.set(s.key, same);
  }

  /**
   * The DOM ranges of `list`, in slices of about SLICE_MS, yielding between them; each handed to
   * `use` (which paints it, or keeps it for later). False when the run stopped meanwhile.
   */
  async function rangesOf(list: readonly Suggestion[], mine: number, use: (s: Suggestion, range: Range) => void): Promise<boolean> {
    let sliceStart = win.performance.now();
    for (let i = 0; i < list.length; i++) {
      if (i % 50 === 0 && win.performance.now() - sliceStart > SLICE_MS) {
        await deps.yieldToHost();
        if (signal.aborted || mine !== run) return false;
        sliceStart = win.performance.now();
      }
      const s = list[i]!;
      const range = index?.rangeFor(s.start, s.end);
      if (range) use(s, range);
    }
    return true;
  }

  /** What the analysis found so far, less what the reader accepted or dismissed meanwhile. */
  const current = (parts: readonly Suggestion[][]): Suggestion[] =>
    mergeSuggestions(parts).filter((s) => !removedKeys.has(s.key) && !removedIds.has(idOf(s)));

  /**
   * What to analyse first: the article's text on screen now and BELOW_VIEWPORT_CHARS after it, as
   * offsets of `idx`, from carets a few points across the top and the bottom of the visible part of
   * the article, mapped through the index (the middle one of each row, so an aside in the article
   * does not pull the span away). Null when the article starts on screen (from the top is
   * viewport-first already), is off screen, or no caret maps: the analysis then starts at the top.
   */
  function viewportSpan(root: Element, idx: TextIndex): Span | null {
    const box = root.getBoundingClientRect();
    if (box.top >= 0) return null;
    const top = 0;
    const bottom = Math.min(win.innerHeight, box.bottom);
    const left = Math.max(0, box.left);
    const right = Math.min(win.innerWidth, box.right);
    if (bottom - top < 4 || right - left < 4) return null;
    const d = doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    const offsetAt = (x: number, y: number): number | null => {
      let node: Node | null = null;
      let offset = 0;
      if (d.caretPositionFromPoint) {
        const p = d.caretPositionFromPoint(x, y);
        if (p) ({ offsetNode: node, offset } = p);
      } else {
        const r = d.caretRangeFromPoint?.(x, y);
        if (r) ({ startContainer: node, startOffset: offset } = r);
      }
      if (!node || !root.contains(node)) return null;
      const r = doc.createRange();
      try {
        r.setStart(node, offset);
      } catch {
        return null;
      }
      return idx.offsetsOf(r)?.start ?? null;
    };
    const row = (y: number): number | null => {
      const found = [0.2, 0.35, 0.5, 0.65, 0.8]
        .map((f) => offsetAt(left + (right - left) * f, y))
        .filter((o): o is number => o !== null)
        .sort((a, b) => a - b);
      return found.length ? found[found.length >> 1]! : null;
    };
    const start = row(top + 2);
    const end = row(bottom - 2);
    if (start === null && end === null) return null;
    const from = start ?? end!;
    return { start: from, end: Math.max(from, end ?? from) + BELOW_VIEWPORT_CHARS };
  }

  function publishStatus(list: Suggestion[], base: Partial<AnalysisStatus>) {
    const orgs = list.filter((s) => s.kind === 'organization');
    const claims = list.filter((s) => s.kind !== 'organization');
    const firstSeen = new Set<string>();
    const analysis = status({
      ...base,
      organizations: new Set(orgs.map((s) => s.key)).size,
      claims: claims.length,
      // One line per organization (its first mention) and per claim, in reading order.
      items: list
        .filter((s) => s.kind !== 'organization' || (!firstSeen.has(s.key) && Boolean(firstSeen.add(s.key))))
        .slice(0, 500)
        .map((s) => ({ key: s.key, kind: s.kind, text: s.text.slice(0, 300), score: s.score })),
    });
    store.set({ suggestions: list, analysis });
    return analysis;
  }

  /**
   * Analyses the page's article and paints the suggestions, progressively: the chunks on screen
   * first, then the rest in document order, the suggestions on screen painted as soon as found,
   * the others once all are (or when the reader scrolls); the status (counts, items in reading
   * order) is published once all are. Safe to call again (settings change: the running analysis
   * stops). `loaded` settles once the page's dismissed suggestions are known (from the
   * annotations' loading): the analysis runs meanwhile and waits for it only before the first
   * paint. `article` finds the article (shared with the annotations' loading on start).
   * `onFirstPaint` is called once the first suggestions are painted.
   */
  async function analysePage(
    loaded: Promise<unknown> = Promise.resolve(),
    article: () => Element | null = () => findArticle(doc),
    onFirstPaint?: () => void,
  ): Promise<void> {
    const mine = ++run;
    const started = win.performance.now();
    const settings = await deps.settings();
    if (signal.aborted || mine !== run) return;
    if (!settings.enabled || (!settings.organizations && !settings.claims)) {
      painter.clear();
      publishStatus([], { state: 'off' });
      return;
    }
    const found = article();
    if (!found) {
      painter.clear();
      const analysis = publishStatus([], { state: 'no-article' });
      const ms = win.performance.now() - started;
      deps.publish?.({ analysis, painted: 0, ms, firstPaintMs: ms });
      return;
    }
    store.set({ analysis: status({ state: 'running' }) });
    await deps.yieldToHost();
    // The beginning of the article is indexed first: at its top (where a reader opening it is),
    // it is analysed and painted before the rest is indexed. When the screen shows the article
    // further down, the whole index is built before the analysis places what is on screen.
    const build = startTextIndex(found, {
      skip: (el) => el.localName === UI_HOST_TAG || skipInArticle(el),
      yieldToHost: deps.yieldToHost,
      signal,
      now: () => win.performance.now(),
    });
    const built = await build.prefix(PREFIX_CHARS);
    if (!built || signal.aborted || mine !== run) return;
    // In a task of its own: the analysis's modules are evaluated on the first import.
    await deps.yieldToHost();
    const { analyzeInChunks } = await loadAnalysis();
    if (signal.aborted || mine !== run) return;
    index = built;
    let text = built.text;
    const whole = async (): Promise<TextIndex | null> => {
      const all = await build.complete();
      if (!all || signal.aborted || mine !== run) return null;
      index = all;
      text = all.text;
      return all;
    };
    stopRun?.abort();
    const stop = (stopRun = new AbortController());
    signal.addEventListener('abort', () => stop.abort(), { once: true, signal: stop.signal });
    removedIds = new Set();
    removedKeys = new Set();
    // Chunk by chunk, what is on screen first, each chunk's suggestions painted as soon as found.
    // The painter puts only those near the viewport in the browser's registry (painter.ts), so the
    // ones further down cost no rendering while the analysis runs.
    // Not in the store until the end (no re-render per chunk): a card opened meanwhile adds them.
    const parts: Suggestion[][] = (liveParts = []);
    let ready = false;
    let firstPaintAt: number | null = null;
    const begin = async (): Promise<boolean> => {
      // The page's dismissed suggestions are needed from the first paint on.
      await loaded.catch(() => undefined);
      if (signal.aborted || mine !== run) return false;
      ready = true;
      painter.clear();
      byKey = new Map();
      return true;
    };
    const result = await analyzeInChunks(built.blockText(), {
      langHint: doc.documentElement.lang,
      claimMode: settings.convention,
      yieldToHost: deps.yieldToHost,
      signal: stop.signal,
      now: () => win.performance.now(),
      first: async () => {
        // Below the top of the article, what is on screen is placed on the whole index.
        const idx = found.getBoundingClientRect().top < 0 && !built.complete ? await whole() : index;
        return idx ? viewportSpan(found, idx) : null;
      },
      ...(built.complete ? {} : { rest: async () => (await whole())?.blockText() ?? null }),
      onChunk: async (part) => {
        // Building and painting in a task of their own, not the chunk's.
        await deps.yieldToHost();
        if (signal.aborted || mine !== run || (!ready && !(await begin()))) return stop.abort();
        const list = buildSuggestions(part, text, settings, controller.dismissed).filter((s) => !removedKeys.has(s.key));
        parts.push(list);
        if (!(await rangesOf(list, mine, paintOne))) return stop.abort();
        // First painted: the first suggestions in the registry, i.e. near the screen.
        if (firstPaintAt === null && painter.registeredSize > 0) {
          firstPaintAt = win.performance.now();
          onFirstPaint?.();
        }
      },
    });
    if (signal.aborted || mine !== run || (!ready && !(await begin()))) return;
    liveParts = null;
    const list = current(parts);
    const analysis = publishStatus(list, {
      lang: result.lang,
      claimsEnabled: result.claimsEnabled,
      ...(result.claimMode ? { claimMode: result.claimMode } : {}),
      ...(result.gaveUp ? { gaveUp: result.gaveUp.reason } : {}),
    });
    const ms = win.performance.now() - started;
    deps.publish?.({ analysis, painted: painter.size, ms, firstPaintMs: firstPaintAt === null ? ms : firstPaintAt - started });
  }

  function find(key: string): Suggestion | undefined {
    return byKey.get(key)?.[0];
  }

  function openCard(key: string, takeFocus: boolean, at?: Suggestion): boolean {
    const s = at ?? find(key);
    if (!s) return false;
    const range = painter.rangeOf(idOf(s));
    painter.focus(idOf(s));
    // While the analysis runs, the card needs the suggestions found so far in the store.
    if (liveParts && !store.get().suggestions.includes(s)) store.set({ suggestions: current(liveParts) });
    store.set({ suggestionCard: { key, rect: range ? toRect(range.getBoundingClientRect()) : null }, editor: null });
    cardFocus = takeFocus;
    return true;
  }
  let cardFocus = false;

  function reveal(key: string): boolean {
    const s = find(key);
    const range = s ? painter.rangeOf(idOf(s)) : undefined;
    if (!s || !range) return false;
    const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center' });
    return openCard(key, true, s);
  }

  function closeCard() {
    painter.focus(null);
    store.set({ suggestionCard: null });
  }

  async function accept(key: string, correction?: Correction): Promise<void> {
    const s = find(key);
    const range = s ? painter.rangeOf(idOf(s)) : undefined;
    if (!s || !range) return;
    const kind = correction?.kind ?? s.kind;
    const claimant = correction?.claimant ?? s.claimant;
    const { DETECTOR_VERSION } = await loadAnalysis();
    const provenance: Provenance = {
      detector: DETECTOR,
      version: DETECTOR_VERSION,
      score: Math.round(s.score * 1000) / 1000,
      kind,
      ...(claimant ? { claimant } : {}),
      ...(s.org ? { orgName: s.org.name, orgType: s.org.type, orgId: s.org.id } : {}),
      ...(correction && (correction.kind !== s.kind || (correction.claimant ?? '') !== (s.claimant ?? '')) ? { corrected: true } : {}),
    };
    const tags =
      kind === 'organization' ? [t('suggestTagOrganization')] : [t('suggestTagClaim'), t(CLAIM_KIND_LABEL[kind as Exclude<SuggestionKind, 'organization'>])];
    const created = await controller.createHighlight(range.cloneRange(), ACCEPT_COLOR[kind], '', tags, false, provenance);
    if (!created) return;
    // It is an annotation now: the reader's highlight replaces the suggestion.
    painter.unpaint(idOf(s));
    removedIds.add(idOf(s));
    const rest = store.get().suggestions.filter((x) => x !== s);
    publishStatus(rest, { ...store.get().analysis });
    store.set({ suggestionCard: null });
  }

  async function dismiss(key: string): Promise<void> {
    try {
      await request(send, { type: 'suggestion/dismiss', page: controller.pageInfo(), key });
    } catch (err) {
      store.set({ toast: { kind: 'error', message: err instanceof Error ? err.message : String(err) } });
      return;
    }
    controller.noteDismissed(key);
    for (const s of byKey.get(key) ?? []) painter.unpaint(idOf(s));
    byKey.delete(key);
    removedKeys.add(key);
    const rest = store.get().suggestions.filter((s) => s.key !== key);
    publishStatus(rest, { ...store.get().analysis });
    store.set({ suggestionCard: null, toast: { kind: 'dismissed', key } });
    painter.focus(null);
  }

  async function undismiss(key: string): Promise<void> {
    await request(send, { type: 'suggestion/undismiss', page: controller.pageInfo(), key }).catch(() => undefined);
    await controller.load();
    await analysePage();
  }

  /**
   * The page's dismissals changed after painting began (`page/open` found the article under
   * another page than its address's): newly dismissed suggestions are unpainted and kept out of
   * the chunks still to come; any no longer dismissed mean analysing again, to paint them.
   */
  function applyDismissed(added: readonly string[], removed: readonly string[]): void {
    if (removed.length) {
      void analysePage().catch(() => undefined);
      return;
    }
    for (const key of added) {
      for (const s of byKey.get(key) ?? []) painter.unpaint(idOf(s));
      byKey.delete(key);
      removedKeys.add(key);
    }
    if (added.includes(store.get().suggestionCard?.key ?? '')) closeCard();
    // Once the analysis is over, its published list is brought in line (while it runs, the
    // removed keys keep them out of what it publishes at the end).
    if (!liveParts && store.get().analysis?.state === 'done') {
      const rest = store.get().suggestions.filter((s) => !added.includes(s.key));
      publishStatus(rest, { ...store.get().analysis });
    }
  }

  /** Hover: open the card of the suggestion under the pointer after a short rest. */
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  doc.addEventListener(
    'mousemove',
    (e) => {
      if (painter.size === 0 || frame) return;
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        const path = e.composedPath();
        if (path.some((n) => (n as Element).localName === UI_HOST_TAG)) return;
        clearTimeout(hoverTimer);
        const hit = hitAt(e.clientX, e.clientY);
        if (!hit) return;
        const key = hit.slice(0, hit.lastIndexOf('@'));
        if (store.get().suggestionCard?.key === key) return;
        hoverTimer = setTimeout(() => {
          const s = (byKey.get(key) ?? []).find((x) => idOf(x) === hit);
          if (s) openCard(key, false, s);
        }, 350);
      });
    },
    { signal },
  );
  doc.addEventListener(
    'click',
    (e) => {
      if (painter.size === 0 || e.composedPath().some((n) => (n as Element).localName === UI_HOST_TAG)) return;
      // A click on one of the reader's own highlights opened its card (on mouseup): that wins.
      if (store.get().editor?.mode === 'edit') return;
      const hit = hitAt(e.clientX, e.clientY);
      if (hit && !win.getSelection()?.toString()) {
        const key = hit.slice(0, hit.lastIndexOf('@'));
        const s = (byKey.get(key) ?? []).find((x) => idOf(x) === hit);
        if (s) openCard(key, true, s);
      } else if (store.get().suggestionCard) closeCard();
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    clearTimeout(hoverTimer);
    if (frame) win.cancelAnimationFrame(frame);
    painter.destroy();
  });

  return {
    analysePage,
    reveal,
    accept,
    dismiss,
    undismiss,
    applyDismissed,
    closeCard,
    find,
    get cardTakesFocus() {
      return cardFocus;
    },
    status: (): AnalysisStatus | undefined => store.get().analysis ?? undefined,
  };
}

export type Suggestions = ReturnType<typeof createSuggestions>;
