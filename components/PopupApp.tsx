/**
 * The popup: the active page's summary and automatic suggestions, "This page" / "All pages" tabs,
 * search and filters, and the list of annotations with inline edit, delete + undo, and reveal.
 * Everything outside comes in through `api` (no browser API here) and every string through `t`.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import { quoteOf } from '../lib/model';
import { MAX_QUERY_LIMIT, type AnnotationView, type QueryResult } from '../lib/protocol';
import { AnnotationList } from './AnnotationList';
import { FilterPanel, NO_FILTERS, activeFilterCount, type Filters } from './FilterPanel';
import { PageAnalysis } from './PageAnalysis';
import { PageSummary } from './PageSummary';
import type { AnnotationPatch, CurrentTab, PopupApi, PopupQuery } from './popup-api';
import { ScopeTabs, type Scope } from './ScopeTabs';
import { SearchBox } from './SearchBox';
import { UndoNotice } from './UndoNotice';
import { UiContext, createUi } from './ui-context';

export interface PopupAppProps {
  api: PopupApi;
  t: Translate;
  /** UI language (BCP 47), for dates, numbers and plurals. */
  locale: string;
  /** Items per request; the first render shows this many. */
  pageSize?: number;
  /** Debounce for typing in the search box (0 in tests). */
  searchDelayMs?: number;
  /** Called after a reveal succeeded (the real popup closes itself). */
  onRevealed?(): void;
  /** While the page's analysis is running, how often to ask again (ms). */
  analysisPollMs?: number;
}

/** Stop asking after this many polls: an analysis that never finishes must not keep the popup busy. */
const MAX_ANALYSIS_POLLS = 30;

type ActionError = 'popupErrorSave' | 'popupErrorDelete' | 'popupErrorRestore' | 'popupErrorReveal';
/** Where focus goes once the list has re-rendered (the focused element may have been replaced). */
type FocusTarget = { id: string; part: 'reveal' | 'edit' } | 'undo' | null;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function PopupApp({ api, t, locale, pageSize = 50, searchDelayMs = 150, onRevealed, analysisPollMs = 1000 }: PopupAppProps) {
  const ui = useMemo(() => createUi(t, locale), [t, locale]);
  const ids = useId();
  const panelId = `${ids}-panel`;

  const [tab, setTab] = useState<CurrentTab | null | undefined>(undefined);
  const [scope, setScope] = useState<Scope | null>(null);
  const [text, setText] = useState('');
  const [searchText, setSearchText] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [result, setResult] = useState<QueryResult | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [actionError, setActionError] = useState<{ key: ActionError; detail: string } | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [savingId, setSavingId] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ id: string; quote: string } | null>(null);
  const [restored, setRestored] = useState(false);
  const [reloadToken, setReloadToken] = useState(0);
  const [suggestionError, setSuggestionError] = useState<{ message: string; detail?: string } | null>(null);

  const seq = useRef(0);
  const analysisPolls = useRef(0);
  /** How many items a reload should keep (after an edit the list should not shrink back to one page). */
  const keepCount = useRef(pageSize);
  const focusTarget = useRef<FocusTarget>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  const pageId = tab?.pageId ?? null;

  // Which tab are we on? Decides the default scope.
  useEffect(() => {
    let live = true;
    const readTab = () =>
      api.currentTab().then(
        (info) => info,
        () => null,
      );
    void readTab().then((info) => {
      if (!live) return;
      setTab(info);
      setScope((s) => s ?? (info?.pageId ? 'page' : 'all'));
    });
    return () => {
      live = false;
    };
  }, [api]);

  // The content script analyses in idle time: while it is running, ask again so the counts appear.
  const analysing = tab?.analysis?.state === 'running';
  useEffect(() => {
    if (!analysing || analysisPolls.current >= MAX_ANALYSIS_POLLS) return;
    let live = true;
    const timer = setTimeout(() => {
      analysisPolls.current++;
      api.currentTab().then(
        (info) => {
          if (live) setTab(info);
        },
        () => undefined,
      );
    }, analysisPollMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, tab, analysing, analysisPollMs]);

  // Debounce typing so each keystroke does not start a search.
  useEffect(() => {
    if (text === searchText) return;
    const timer = setTimeout(() => setSearchText(text), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, searchDelayMs]);

  const baseQuery = (): Omit<PopupQuery, 'offset' | 'limit'> => ({
    scope: scope ?? 'all',
    ...(scope === 'page' && pageId ? { pageId } : {}),
    ...(searchText.trim() ? { text: searchText.trim() } : {}),
    ...(filters.tags.length ? { tags: filters.tags } : {}),
    ...(filters.colors.length ? { colors: filters.colors } : {}),
    ...(filters.statuses.length ? { statuses: filters.statuses } : {}),
  });

  // Load the first page whenever the question changes (or after an edit).
  useEffect(() => {
    if (scope === null) return;
    const mine = ++seq.current;
    setLoadingMore(false);
    if (scope === 'page' && !pageId) {
      setResult({ items: [], total: 0, tags: [], corrupt: 0 });
      setLoadError(null);
      return;
    }
    const limit = Math.min(MAX_QUERY_LIMIT, Math.max(pageSize, keepCount.current));
    keepCount.current = pageSize;
    api.query({ ...baseQuery(), offset: 0, limit }).then(
      (r) => {
        if (mine !== seq.current) return;
        setResult(r);
        setLoadError(null);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setLoadError(errorText(err));
      },
    );
  }, [api, scope, pageId, searchText, filters, reloadToken, pageSize]);

  // Put focus back where the user was once the list has re-rendered.
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    if (target === 'undo') {
      // This effect may run for an earlier render, before the button exists: keep the target until it does.
      if (undoRef.current) {
        undoRef.current.focus();
        focusTarget.current = null;
      }
      return;
    }
    for (const li of listRef.current?.querySelectorAll<HTMLElement>('li[data-annotation-id]') ?? []) {
      if (li.dataset.annotationId !== target.id) continue;
      const el = li.querySelector<HTMLElement>(target.part === 'reveal' ? '.item-reveal' : '.item-actions button');
      el?.focus();
      focusTarget.current = null;
      return;
    }
  });

  function reload(keep: number) {
    keepCount.current = keep;
    setReloadToken((n) => n + 1);
    // Counts on the page change too (the content script repaints on refresh).
    api.currentTab().then(
      (info) => setTab(info),
      () => undefined,
    );
  }

  function showMore() {
    if (!result || scope === null) return;
    const mine = seq.current;
    setLoadingMore(true);
    api.query({ ...baseQuery(), offset: result.items.length, limit: pageSize }).then(
      (more) => {
        if (mine !== seq.current) return;
        setLoadingMore(false);
        setResult((r) => (r ? { ...more, items: [...r.items, ...more.items] } : more));
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setLoadingMore(false);
        setLoadError(errorText(err));
      },
    );
  }

  function reveal(view: AnnotationView) {
    const here = tab && tab.pageId === view.annotation.pageId ? tab.tabId : undefined;
    setActionError(null);
    api.reveal(view.annotation.id, here).then(
      () => onRevealed?.(),
      (err: unknown) => setActionError({ key: 'popupErrorReveal', detail: errorText(err) }),
    );
  }

  function revealSuggestion(key: string) {
    if (!tab) return;
    setSuggestionError(null);
    api.revealSuggestion(tab.tabId, key).then(
      ({ found }) => (found ? onRevealed?.() : setSuggestionError({ message: t('popupErrorRevealSuggestion') })),
      (err: unknown) => setSuggestionError({ message: t('popupErrorRevealSuggestion'), detail: errorText(err) }),
    );
  }

  function openSettings() {
    // Nothing useful to tell the reader if the browser refuses; the button stays.
    api.openSettings().catch(() => undefined);
  }

  function save(id: string, patch: AnnotationPatch) {
    setSavingId(id);
    setActionError(null);
    api.update(id, patch).then(
      () => {
        setSavingId(null);
        setEditingId(null);
        focusTarget.current = { id, part: 'edit' };
        reload(result?.items.length ?? pageSize);
      },
      (err: unknown) => {
        setSavingId(null);
        setActionError({ key: 'popupErrorSave', detail: errorText(err) });
      },
    );
  }

  function remove(view: AnnotationView) {
    const id = view.annotation.id;
    setActionError(null);
    api.remove(id).then(
      () => {
        if (editingId === id) setEditingId(null);
        setUndo({ id, quote: quoteOf(view.annotation) });
        setRestored(false);
        focusTarget.current = 'undo';
        reload(result?.items.length ?? pageSize);
      },
      (err: unknown) => setActionError({ key: 'popupErrorDelete', detail: errorText(err) }),
    );
  }

  function restore() {
    if (!undo) return;
    const { id } = undo;
    setActionError(null);
    api.restore(id).then(
      () => {
        setUndo(null);
        setRestored(true);
        focusTarget.current = { id, part: 'reveal' };
        reload((result?.items.length ?? pageSize) + 1);
      },
      (err: unknown) => setActionError({ key: 'popupErrorRestore', detail: errorText(err) }),
    );
  }

  function editFocus(id: string | null) {
    if (id === null && editingId) focusTarget.current = { id: editingId, part: 'edit' };
    setEditingId(id);
  }

  const filtered = activeFilterCount(filters) > 0 || searchText.trim() !== '';
  const activeScope = scope ?? 'all';

  function onSearchInput(value: string) {
    setText(value);
    if (searchDelayMs <= 0) setSearchText(value);
  }

  function clearAll() {
    setText('');
    setSearchText('');
    setFilters(NO_FILTERS);
  }

  function body() {
    if (loadError !== null) {
      return (
        <div class="error" role="alert">
          <p>{t('popupErrorLoad')}</p>
          <p class="error-detail">{loadError}</p>
          <button type="button" onClick={() => reload(pageSize)}>
            {t('popupRetry')}
          </button>
        </div>
      );
    }
    if (scope === null || result === null) return <p class="empty">{t('popupLoading')}</p>;
    // A content script that reports an analysis is running: the page just has no highlights yet.
    if (scope === 'page' && !pageId) return <p class="empty">{tab?.analysis ? t('popupEmptyPage') : t('popupPageUnavailable')}</p>;
    if (result.total === 0) {
      if (filtered) {
        return (
          <div class="empty">
            <p>{t('popupNoMatch')}</p>
            <button type="button" class="link-button" onClick={clearAll}>
              {t('popupClearSearch')}
            </button>
          </div>
        );
      }
      return <p class="empty">{scope === 'page' ? t('popupEmptyPage') : t('popupEmptyAll')}</p>;
    }
    return (
      <AnnotationList
        items={result.items}
        total={result.total}
        label={t('popupListLabel')}
        loadingMore={loadingMore}
        editingId={editingId}
        savingId={savingId}
        showPage={scope === 'all'}
        onShowMore={showMore}
        onReveal={reveal}
        onEdit={editFocus}
        onSave={save}
        onDelete={remove}
      />
    );
  }

  return (
    <UiContext.Provider value={ui}>
      <div class="popup">
        <header class="popup-header">
          <div class="header-row">
            <h1>{t('extName')}</h1>
            <button type="button" class="link-button" onClick={openSettings}>
              {t('popupSettings')}
            </button>
          </div>
          <PageSummary tab={tab} />
          {tab?.analysis && (
            <PageAnalysis analysis={tab.analysis} onReveal={revealSuggestion} onOpenSettings={openSettings} error={suggestionError} />
          )}
        </header>
        <ScopeTabs scope={activeScope} onChange={setScope} panelId={panelId} idPrefix={`${ids}-tab`} />
        <div class="panel" role="tabpanel" id={panelId} aria-labelledby={`${ids}-tab-${activeScope}`} ref={listRef}>
          <SearchBox id={`${ids}-search`} value={text} onInput={onSearchInput} />
          <FilterPanel filters={filters} onChange={setFilters} tags={result?.tags ?? []} />
          {result !== null && result.corrupt > 0 && (
            <p class="warning">
              {ui.plural(result.corrupt, 'popupCorruptOne', 'popupCorruptOther')}
            </p>
          )}
          <p class="result-count" role="status">
            {result !== null && loadError === null && result.total > 0
              ? ui.plural(result.total, 'popupResultsOne', 'popupResultsOther')
              : ''}
          </p>
          {actionError && (
            <p class="error" role="alert">
              {t(actionError.key)} <span class="error-detail">{actionError.detail}</span>
            </p>
          )}
          {body()}
        </div>
        <UndoNotice deletedQuote={undo?.quote ?? null} restored={restored} onUndo={restore} buttonRef={undoRef} />
      </div>
    </UiContext.Provider>
  );
}
