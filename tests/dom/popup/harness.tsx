/**
 * Shared set-up for popup DOM tests: a translator over the real locale files, a fake PopupApi
 * backed by lib/search over factory-made annotations, and a render helper.
 */
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import type { CurrentTab, PopupApi } from '../../../components/popup-api';
import { PopupApp, type PopupAppProps } from '../../../components/PopupApp';
import { createTranslator, type Translate } from '../../../lib/i18n';
import { makeBody, noteOf, tagsOf, type Annotation } from '../../../lib/model';
import type { QueryResult } from '../../../lib/protocol';
import { createAnnotationSearch } from '../../../lib/search';
import { loadMessages } from '../../../scripts/locales';
import { makeAnnotation, makePage } from '../../helpers/factories';

export type Lang = 'en' | 'fr';

const translators = new Map<Lang, Translate>();
/** The translator the built extension would use for `lang` (real locale files, merged). */
export function translator(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) {
    t = createTranslator(loadMessages('locales', lang));
    translators.set(lang, t);
  }
  return t;
}

export const PAGE_A = makePage({ id: 'https://example.org/ai-act', title: 'The EU AI Act, explained' });
export const PAGE_B = makePage({ id: 'https://example.org/us-order', title: 'The US executive order' });

/** Four annotations on page A (exact, fuzzy, orphan, never anchored) and two on page B. */
export function sampleAnnotations() {
  const checkedAt = '2025-03-05T00:00:00Z';
  return {
    regle: makeAnnotation({
      pageId: PAGE_A.id,
      quote: 'Cette règle s’applique aux modèles à usage général.',
      note: 'Article 53',
      tags: ['GPAI'],
      color: 'yellow',
      modified: '2025-03-05T10:00:00Z',
      anchor: { status: 'exact', confidence: 1, checkedAt },
    }),
    fuzzy: makeAnnotation({
      pageId: PAGE_A.id,
      quote: 'High-risk systems must be registered.',
      tags: ['high-risk'],
      color: 'green',
      modified: '2025-03-04T10:00:00Z',
      anchor: { status: 'fuzzy', confidence: 0.87, foundText: 'High-risk AI systems must be registered.', checkedAt },
    }),
    orphan: makeAnnotation({
      pageId: PAGE_A.id,
      quote: 'A paragraph the publisher removed.',
      color: 'pink',
      modified: '2025-03-03T10:00:00Z',
      anchor: { status: 'orphan', confidence: 0, checkedAt },
    }),
    fresh: makeAnnotation({
      pageId: PAGE_A.id,
      quote: 'Sandboxes support innovation.',
      color: 'blue',
      modified: '2025-03-02T10:00:00Z',
    }),
    order: makeAnnotation({
      pageId: PAGE_B.id,
      quote: 'Developers of dual-use foundation models shall report.',
      tags: ['gpai', 'reporting'],
      color: 'yellow',
      modified: '2025-03-06T10:00:00Z',
    }),
    report: makeAnnotation({
      pageId: PAGE_B.id,
      quote: 'Agencies shall issue guidance.',
      color: 'purple',
      modified: '2025-03-01T10:00:00Z',
      anchor: { status: 'moved', confidence: 1, foundText: 'Agencies shall issue guidance.', checkedAt },
    }),
  };
}

export interface FakeApiOptions {
  records?: unknown[];
  tab?: CurrentTab | null;
  /** Replaces query (e.g. to fail). */
  query?: PopupApi['query'];
  /** Replaces revealSuggestion (e.g. to answer "not found"). */
  revealSuggestion?: PopupApi['revealSuggestion'];
}

/** A PopupApi over lib/search, with every method a spy. */
export function fakeApi(options: FakeApiOptions = {}) {
  const records = options.records ?? Object.values(sampleAnnotations());
  const store = new Map<string, Annotation>();
  for (const r of records) {
    if (typeof r === 'object' && r !== null && typeof (r as Annotation).id === 'string') store.set((r as Annotation).id, r as Annotation);
  }
  const pages = new Map([PAGE_A, PAGE_B].map((p) => [p.id, { title: p.title, url: p.urls[0]! }]));
  const search = createAnnotationSearch(records, pages);
  let clock = Date.parse('2025-04-01T00:00:00Z');
  const tick = () => new Date((clock += 1000)).toISOString();

  function put(a: Annotation): Annotation {
    store.set(a.id, a);
    search.upsert(a);
    return a;
  }
  function get(id: string): Annotation {
    const a = store.get(id);
    if (!a) throw new Error(`no annotation ${id}`);
    return a;
  }

  const tab: CurrentTab | null =
    options.tab === undefined ? { tabId: 7, pageId: PAGE_A.id, counts: { exact: 1, moved: 0, fuzzy: 1, orphan: 1 } } : options.tab;

  const api = {
    currentTab: vi.fn(async () => tab),
    query: vi.fn(options.query ?? (async (q) => search.query(q) as QueryResult)),
    update: vi.fn(async (id, patch) => {
      const a = get(id);
      return put({
        ...a,
        color: patch.color ?? a.color,
        body: makeBody(patch.note ?? noteOf(a), patch.tags ?? tagsOf(a)),
        modified: tick(),
      });
    }),
    remove: vi.fn(async (id) => put({ ...get(id), deleted: tick() })),
    restore: vi.fn(async (id) => {
      const { deleted: _deleted, ...rest } = get(id);
      return put(rest);
    }),
    reveal: vi.fn(async (_id: string, _tabId?: number) => ({ opened: 'scrolled' as const })),
    revealSuggestion: vi.fn(options.revealSuggestion ?? (async (_tabId: number, _key: string) => ({ found: true }))),
    openSettings: vi.fn(async () => undefined),
  } satisfies PopupApi;
  return api;
}

/** Renders the popup in `lang` with no search debounce. */
export function renderPopup(lang: Lang, api: PopupApi = fakeApi(), props: Partial<PopupAppProps> = {}) {
  const t = translator(lang);
  const view = render(<PopupApp api={api} t={t} locale={lang} searchDelayMs={0} {...props} />);
  return { ...view, t, api };
}

/**
 * Keyboard activation of a native button. happy-dom does not run the browser's default action
 * (Enter/Space on a button fires click), so this does what the browser would.
 */
export function pressEnter(el: HTMLElement): void {
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
  el.dispatchEvent(event);
  if (!event.defaultPrevented && el instanceof HTMLButtonElement && !el.disabled) el.click();
}

/** Elements reachable with Tab, in document order (no positive tabindex is used, so DOM order is tab order). */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, textarea, select, summary, a[href], [tabindex]')].filter(
    // happy-dom reports tabIndex -1 for <summary>, which browsers focus.
    (el) => (el.tabIndex >= 0 || (el.tagName === 'SUMMARY' && !el.hasAttribute('tabindex'))) && !(el as HTMLButtonElement).disabled && !el.closest('details:not([open]) > :not(summary)'),
  );
}
