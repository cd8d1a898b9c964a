/**
 * In-memory search over annotations for the popup (run by the background, tested in Node).
 *
 * The index is built once: each annotation gets one folded haystack (quote, note, tags, page
 * title: lower-cased, accents removed) so a query only does substring tests, and the entries are
 * kept sorted newest-modified first so paging never sorts. `upsert` / `remove` / `setPage` keep
 * it current without a rebuild.
 *
 * Decisions:
 * - Anchor status: an annotation that has never been anchored (no `anchor` report yet) has the
 *   status 'unknown'. It matches no status filter (the protocol's filter names only the four
 *   statuses a visit can report), so filtering by status means "as found at the last visit".
 * - Scope 'page' without a pageId matches nothing (there is no page to show).
 * - Tag counts are over the whole scope (page or all), not the filtered result, so the filter
 *   menu does not shrink as filters are applied. Tags differing only by case are one tag.
 * - Records that fail `isValidAnnotation` are skipped and counted in `corrupt`; nothing throws.
 */
import { isColorName, tagKey, type AnchorStatus, type Annotation, type ColorName } from './model';
import { MAX_QUERY_LIMIT, type AnnotationView, type ExtensionToBackground, type QueryResult } from './protocol';

export interface PageInfoLite {
  title: string;
  url: string;
}

/** A query as the popup sends it; `type`, `offset` and `limit` may be omitted. */
export type SearchQuery = Omit<ExtensionToBackground['annotations/query'], 'type' | 'offset' | 'limit'> & {
  type?: 'annotations/query';
  offset?: number;
  limit?: number;
};

/** Status used for filtering and display: 'unknown' when the annotation was never anchored. */
export type SearchStatus = AnchorStatus | 'unknown';

export interface AnnotationSearch {
  /** Answers one query: filtered, newest-modified first, one page of results. */
  query(q: SearchQuery): QueryResult;
  /** Adds or replaces one record; a deleted one is dropped, an invalid one counted as corrupt. Returns whether it is now listed. */
  upsert(record: unknown): boolean;
  /** Forgets one annotation (listed or corrupt). */
  remove(id: string): void;
  /** Sets a page's title and URL, re-indexing that page's annotations (the title is searchable). */
  setPage(pageId: string, info: PageInfoLite): void;
  /** Number of annotations listed (not deleted, not corrupt). */
  readonly size: number;
}

const DEFAULT_LIMIT = 100;
const ANCHOR_STATUSES: readonly string[] = ['exact', 'moved', 'fuzzy', 'orphan'];
const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /\p{M}/gu;
// Letters that NFD does not split but a French or German reader types without thinking.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
const LIGATURE_RE = /[œæßøłđı]/g;

/** Lower-cases and removes accents, so "Règle" and "regle" compare equal. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_RE, (ch) => LIGATURES[ch] ?? ch);
}

/** Splits a query into folded words; all of them must occur. */
export function queryWords(text: string | undefined): string[] {
  if (!text) return [];
  return fold(text)
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isDateString(x: unknown): x is string {
  return typeof x === 'string' && !Number.isNaN(Date.parse(x));
}

/**
 * Whether a stored record is a readable annotation. Hand-written rather than a zod schema because
 * it runs over every record when the index is built (100,000 of them must stay fast).
 */
export function isValidAnnotation(x: unknown): x is Annotation {
  if (!isObject(x)) return false;
  if (typeof x.id !== 'string' || x.id.length === 0 || x.type !== 'Annotation') return false;
  if (x.motivation !== 'highlighting' && x.motivation !== 'commenting') return false;
  if (!isDateString(x.created) || !isDateString(x.modified)) return false;
  if (typeof x.pageId !== 'string' || !isColorName(x.color)) return false;
  if (x.deleted !== undefined && typeof x.deleted !== 'string') return false;
  const target = x.target;
  if (!isObject(target) || typeof target.source !== 'string' || !Array.isArray(target.selector)) return false;
  const quote: unknown = target.selector[0];
  if (!isObject(quote) || quote.type !== 'TextQuoteSelector' || typeof quote.exact !== 'string') return false;
  if (!Array.isArray(x.body)) return false;
  for (const b of x.body as unknown[]) {
    if (!isObject(b) || typeof b.value !== 'string' || (b.purpose !== 'commenting' && b.purpose !== 'tagging')) return false;
  }
  if (x.anchor !== undefined) {
    const anchor = x.anchor;
    if (!isObject(anchor) || typeof anchor.status !== 'string' || !ANCHOR_STATUSES.includes(anchor.status)) return false;
    if (typeof anchor.confidence !== 'number') return false;
    if (anchor.foundText !== undefined && typeof anchor.foundText !== 'string') return false;
  }
  return true;
}

interface Entry {
  annotation: Annotation;
  id: string;
  pageId: string;
  modified: number;
  hay: string;
  tagKeys: string[];
  tagNames: string[];
  color: ColorName;
  status: SearchStatus;
}

/** Newest first; ties broken by id so the order is total and stable across rebuilds. */
function compareEntries(a: Entry, b: Entry): number {
  if (a.modified !== b.modified) return b.modified - a.modified;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds the search over stored records (any shape: invalid ones are counted, not thrown). */
export function createAnnotationSearch(records: unknown[], pages: Map<string, PageInfoLite>): AnnotationSearch {
  const pageInfo = new Map(pages);
  const byId = new Map<string, Entry>();
  /** All listed entries, newest first. */
  let sorted: Entry[] = [];
  const corruptIds = new Set<string>();
  let corruptAnonymous = 0;
  let tagCountCache = new Map<string, QueryResult['tags']>();

  function makeEntry(a: Annotation): Entry {
    const tagNames: string[] = [];
    let note = '';
    for (const b of a.body) {
      if (b.purpose === 'tagging') tagNames.push(b.value);
      else if (!note) note = b.value;
    }
    const title = pageInfo.get(a.pageId)?.title ?? '';
    return {
      annotation: a,
      id: a.id,
      pageId: a.pageId,
      modified: Date.parse(a.modified),
      // A separator that no query word can contain (words are split on whitespace).
      hay: fold(`${a.target.selector[0].exact}\n${note}\n${tagNames.join('\n')}\n${title}`),
      tagKeys: tagNames.map(tagKey),
      tagNames,
      color: a.color,
      status: a.anchor?.status ?? 'unknown',
    };
  }

  function findIndex(e: Entry): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(sorted[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function dropEntry(id: string): void {
    const old = byId.get(id);
    if (!old) return;
    byId.delete(id);
    const i = findIndex(old);
    if (sorted[i] === old) sorted.splice(i, 1);
    else sorted = sorted.filter((e) => e !== old); // defensive: never expected
  }

  function markCorrupt(record: unknown): void {
    const id = isObject(record) && typeof record.id === 'string' ? record.id : null;
    if (id === null) corruptAnonymous++;
    else corruptIds.add(id);
  }

  // Initial build: validate, then one sort (cheaper than 100,000 binary insertions).
  for (const record of records) {
    if (!isValidAnnotation(record)) {
      markCorrupt(record);
      continue;
    }
    if (record.deleted) continue;
    const previous = byId.get(record.id);
    // Duplicate ids: the most recently modified copy wins.
    if (previous && previous.modified >= Date.parse(record.modified)) continue;
    byId.set(record.id, makeEntry(record));
  }
  sorted = [...byId.values()].sort(compareEntries);

  function tagCounts(scope: 'page' | 'all', pageId: string | undefined): QueryResult['tags'] {
    const cacheKey = scope === 'all' ? '\u0000all' : `page:${pageId ?? ''}`;
    const cached = tagCountCache.get(cacheKey);
    if (cached) return cached;
    const counts = new Map<string, { name: string; count: number }>();
    for (const e of sorted) {
      if (scope === 'page' && e.pageId !== pageId) continue;
      for (let i = 0; i < e.tagKeys.length; i++) {
        const key = e.tagKeys[i]!;
        const c = counts.get(key);
        // The newest spelling of a tag is the one shown (entries are visited newest first).
        if (c) c.count++;
        else counts.set(key, { name: e.tagNames[i]!, count: 1 });
      }
    }
    const result = [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    tagCountCache.set(cacheKey, result);
    return result;
  }

  function view(e: Entry): AnnotationView {
    const page = pageInfo.get(e.pageId);
    return { annotation: e.annotation, pageTitle: page?.title ?? '', pageUrl: page?.url ?? e.annotation.target.source };
  }

  return {
    get size() {
      return sorted.length;
    },

    query(q) {
      const corrupt = corruptIds.size + corruptAnonymous;
      const offset = Math.max(0, Math.floor(q.offset ?? 0));
      const limit = Math.min(MAX_QUERY_LIMIT, Math.max(1, Math.floor(q.limit ?? DEFAULT_LIMIT)));
      if (q.scope === 'page' && !q.pageId) return { items: [], total: 0, tags: [], corrupt };

      const pageId = q.scope === 'page' ? q.pageId : undefined;
      const words = queryWords(q.text);
      const wantTags = [...new Set((q.tags ?? []).map(tagKey))].filter(Boolean);
      const colors = q.colors?.length ? new Set<string>(q.colors) : null;
      const statuses = q.statuses?.length ? new Set<string>(q.statuses) : null;

      const items: AnnotationView[] = [];
      let total = 0;
      outer: for (let i = 0; i < sorted.length; i++) {
        const e = sorted[i]!;
        if (pageId !== undefined && e.pageId !== pageId) continue;
        if (colors && !colors.has(e.color)) continue;
        if (statuses && !statuses.has(e.status)) continue;
        for (const t of wantTags) if (!e.tagKeys.includes(t)) continue outer;
        for (const w of words) if (!e.hay.includes(w)) continue outer;
        if (total >= offset && items.length < limit) items.push(view(e));
        total++;
      }
      return { items, total, tags: tagCounts(q.scope, pageId), corrupt };
    },

    upsert(record) {
      tagCountCache = new Map();
      if (!isValidAnnotation(record)) {
        if (isObject(record) && typeof record.id === 'string') dropEntry(record.id);
        markCorrupt(record);
        return false;
      }
      corruptIds.delete(record.id);
      dropEntry(record.id);
      if (record.deleted) return false;
      const entry = makeEntry(record);
      byId.set(entry.id, entry);
      sorted.splice(findIndex(entry), 0, entry);
      return true;
    },

    remove(id) {
      tagCountCache = new Map();
      corruptIds.delete(id);
      dropEntry(id);
    },

    setPage(pageId, info) {
      pageInfo.set(pageId, info);
      for (const e of sorted) {
        if (e.pageId !== pageId) continue;
        const fresh = makeEntry(e.annotation);
        e.hay = fresh.hay;
      }
    },
  };
}
