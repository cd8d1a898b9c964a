/**
 * Automatic suggestions: find the article, analyse it in idle-time slices, paint organizations
 * and claims (by kind) with the Highlight API, and let the reader accept (as an annotation with
 * its provenance), correct or dismiss each. No page text leaves the page: the analysis runs here.
 */
import { analyzeInChunks } from '@/lib/analysis/chunked';
import { DETECTOR_VERSION } from '@/lib/analysis';
import { buildTextIndexSliced, type TextIndex } from '@/lib/anchoring';
import { findArticle, skipInArticle } from '@/lib/dom/article';
import { createPainter } from '@/lib/dom/painter';
import type { Translate } from '@/lib/i18n';
import { request, type Send } from '@/lib/messaging';
import type { ColorName, Provenance } from '@/lib/model';
import type { AnalysisStatus } from '@/lib/protocol';
import type { AnalysisResult } from '@/lib/analysis/types';
import type { AnalysisSettings } from '@/lib/settings';
import type { Store } from '@/lib/store';
import { buildSuggestions, type Suggestion, type SuggestionKind } from '@/lib/suggestions';
import type { Correction } from '@/components/content/SuggestionCard';
import type { Rect, UiState } from '@/components/content/types';
import { CLAIM_KIND_LABEL } from '@/components/content/suggestion-labels';
import { UI_HOST_TAG, type Controller } from './controller';

export const SUGGESTION_KINDS: readonly SuggestionKind[] = ['organization', 'statistic', 'comparison', 'causal', 'prediction', 'position'];
export const SUGGESTION_PREFIX = 'policy-lens-s-';
export const DETECTOR = 'policy-lens-analysis';
/** Longest synchronous slice of painting, in ms. */
const SLICE_MS = 8;
/** Analysis items turned into suggestions per slice. */
const BUILD_PIECE = 200;

/** The colour an accepted suggestion gets (the reader can change it like any highlight). */
const ACCEPT_COLOR: Record<SuggestionKind, ColorName> = {
  organization: 'blue',
  statistic: 'orange',
  comparison: 'purple',
  causal: 'green',
  prediction: 'pink',
  position: 'yellow',
};

export interface SuggestionDeps {
  win: Window & typeof globalThis;
  send: Send;
  signal: AbortSignal;
  t: Translate;
  controller: Controller;
  yieldToHost: () => Promise<void>;
  settings: () => Promise<AnalysisSettings>;
  publish?: (state: { analysis: AnalysisStatus; painted: number; ms: number }) => void;
}

const toRect = (r: DOMRect): Rect => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });

export function createSuggestions(deps: SuggestionDeps) {
  const { win, send, signal, t, controller } = deps;
  const doc = win.document;
  const store: Store<UiState> = controller.store;
  const painter = createPainter(win, SUGGESTION_KINDS, SUGGESTION_PREFIX);
  let byKey = new Map<string, Suggestion[]>();
  let index: TextIndex | null = null;
  let run = 0;

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

  /** Paints in slices of about SLICE_MS (thousands of claims on a long article), yielding between them. */
  async function paintAll(list: Suggestion[], mine: number): Promise<boolean> {
    painter.clear();
    byKey = new Map();
    let sliceStart = win.performance.now();
    for (let i = 0; i < list.length; i++) {
      if (i % 50 === 0 && win.performance.now() - sliceStart > SLICE_MS) {
        await deps.yieldToHost();
        if (signal.aborted || mine !== run) return false;
        sliceStart = win.performance.now();
      }
      const s = list[i]!;
      const range = index?.rangeFor(s.start, s.end);
      if (!range) continue;
      painter.paint(idOf(s), range, s.kind);
      const same = byKey.get(s.key) ?? [];
      same.push(s);
      byKey.set(s.key, same);
    }
    return true;
  }

  /**
   * `buildSuggestions` in slices (each claim's key hashes its sentence: ~10 ms per few hundred):
   * organizations then claims, a few hundred at a time, then one sort in reading order, so the
   * list is the one a single call would give.
   */
  async function buildInSlices(result: AnalysisResult, text: string, settings: AnalysisSettings, mine: number): Promise<Suggestion[] | null> {
    const list: Suggestion[] = [];
    const pieces: AnalysisResult[] = [];
    for (let i = 0; i < result.orgs.length; i += BUILD_PIECE) pieces.push({ ...result, orgs: result.orgs.slice(i, i + BUILD_PIECE), claims: [] });
    for (let i = 0; i < result.claims.length; i += BUILD_PIECE) pieces.push({ ...result, orgs: [], claims: result.claims.slice(i, i + BUILD_PIECE) });
    for (const piece of pieces) {
      list.push(...buildSuggestions(piece, text, settings, controller.dismissed));
      await deps.yieldToHost();
      if (signal.aborted || mine !== run) return null;
    }
    return list.sort((a, b) => a.start - b.start || b.end - a.end);
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
   * Analyses the page's article and paints the suggestions. Safe to call again (settings change).
   * `loaded` is the page's annotations loading (it brings the dismissed suggestions): the analysis
   * runs meanwhile and waits for it only before painting. `article` finds the article (shared
   * with the annotations' loading on start).
   */
  async function analysePage(loaded: Promise<unknown> = Promise.resolve(), article: () => Element | null = () => findArticle(doc)): Promise<void> {
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
      deps.publish?.({ analysis, painted: 0, ms: win.performance.now() - started });
      return;
    }
    store.set({ analysis: status({ state: 'running' }) });
    await deps.yieldToHost();
    const built = await buildTextIndexSliced(found, {
      skip: (el) => el.localName === UI_HOST_TAG || skipInArticle(el),
      yieldToHost: deps.yieldToHost,
      signal,
      now: () => win.performance.now(),
    });
    if (!built || signal.aborted || mine !== run) return;
    index = built;
    const result = await analyzeInChunks(index.blockText(), {
      langHint: doc.documentElement.lang,
      yieldToHost: deps.yieldToHost,
      signal,
      now: () => win.performance.now(),
    });
    await loaded.catch(() => undefined);
    if (signal.aborted || mine !== run) return;
    await deps.yieldToHost();
    const list = await buildInSlices(result, index.text, settings, mine);
    if (!list || !(await paintAll(list, mine))) return;
    const analysis = publishStatus(list, {
      lang: result.lang,
      claimsEnabled: result.claimsEnabled,
      ...(result.gaveUp ? { gaveUp: result.gaveUp.reason } : {}),
    });
    deps.publish?.({ analysis, painted: painter.size, ms: win.performance.now() - started });
  }

  function find(key: string): Suggestion | undefined {
    return byKey.get(key)?.[0];
  }

  function openCard(key: string, takeFocus: boolean, at?: Suggestion): boolean {
    const s = at ?? find(key);
    if (!s) return false;
    const range = painter.rangeOf(idOf(s));
    painter.focus(idOf(s));
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
    for (const s of byKey.get(key) ?? []) painter.unpaint(idOf(s));
    byKey.delete(key);
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
    closeCard,
    find,
    get cardTakesFocus() {
      return cardFocus;
    },
    status: (): AnalysisStatus | undefined => store.get().analysis ?? undefined,
  };
}

export type Suggestions = ReturnType<typeof createSuggestions>;
