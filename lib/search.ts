/**
 * In-memory search over annotations for the popup (run by the background, tested in Node).
 *
 * Built once, kept current by `upsert` / `remove` / `setPage`:
 * - each annotation's text (quote, note, tags, page title) is folded (lower-cased, accents
 *   removed) and split into words, kept as one haystack string `" word1 word2 …"`;
 * - an inverted index maps each word to the annotations using it, with the words kept sorted so
 *   a query word finds every word it starts with by binary search;
 * - entries are kept sorted newest-modified first, so paging never sorts.
 * A text query marks the candidates of its most selective word from the index, then walks the
 * sorted entries checking the marks, the other words (`hay.includes(" " + word)`) and filters.
 * Scanning every haystack instead costs ~100 ms at 100,000 annotations; this costs a few.
 *
 * Decisions:
 * - Text: every query word must start a word of the annotation ("regle" finds "Règlement",
 *   "risk" finds "high-risk"; "gulation" does not find "regulation"). Words are split on anything
 *   that is not a letter or digit, in the text and in the query alike.
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
const NON_ASCII_G = /[^\u0000-\u007f]/g;
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
const COMBINING_MARKS = /\p{M}/gu;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
const IS_WORD_CHAR = /^[\p{L}\p{N}]+$/u;
// Letters that NFKD does not split but a French or German reader types without thinking.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let out = foldedChars.get(ch);
  if (out === undefined) {
    out = LIGATURES[ch] ?? ch.normalize('NFKD').replace(COMBINING_MARKS, '');
    // Anything that is not a letter or digit only separates words: make it a space.
    if (out !== '' && !IS_WORD_CHAR.test(out)) out = ' ';
    foldedChars.set(ch, out);
  }
  return out;
}

/** Copies an ASCII-only string into V8's one-byte form: substring search on it is about twice as fast. */
function oneByte(s: string): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < s.length; i += CHUNK) {
    const codes: number[] = [];
    for (let j = i; j < Math.min(s.length, i + CHUNK); j++) codes.push(s.charCodeAt(j));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Lower-cases and removes accents, so "Règle" and "regle" compare equal. Non-word symbols become spaces. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  const folded = lower.replace(NON_ASCII_G, foldChar);
  return BEYOND_LATIN1.test(lower) && !NON_ASCII.test(folded) ? oneByte(folded) : folded;
}

/** Splits folded text into words. */
function words(folded: string): string[] {
  return folded.split(WORD_SEPARATORS).filter((w) => w.length > 0);
}

/** Splits a query into folded words (deduplicated); each must start a word of the annotation. */
export function queryWords(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(words(fold(text)))];
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
  /** Position in the index's ord table; a replaced annotation gets a new entry and ord. */
  ord: number;
  pageId: string;
  modified: number;
  /** `" word1 word2 …"`: unique folded words, so `hay.includes(" " + w)` means "a word starts with w". */
  hay: string;
  words: string[];
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

/** First index in the sorted `list` whose value is not below `value`. */
function lowerBound(list: readonly string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

  // The inverted index. Postings hold ords; entries that were replaced or removed leave stale
  // ords behind (cheaper than deleting from long lists), skipped through `byOrd` and compacted
  // when they outnumber the live ones.
  const postings = new Map<string, number[]>();
  /** Every indexed word, sorted, for prefix lookups. */
  let vocabulary: string[] = [];
  let byOrd: (Entry | undefined)[] = [];
  let nextOrd = 0;
  let stale = 0;
  let marks = new Uint32Array(1024);
  let stamp = 0;

  function makeEntry(a: Annotation): Entry {
    const tagNames: string[] = [];
    let note = '';
    for (const b of a.body) {
      if (b.purpose === 'tagging') tagNames.push(b.value);
      else if (!note) note = b.value;
    }
    const title = pageInfo.get(a.pageId)?.title ?? '';
    const unique = [...new Set(words(fold(`${a.target.selector[0].exact} ${note} ${tagNames.join(' ')} ${title}`)))];
    return {
      annotation: a,
      id: a.id,
      ord: nextOrd++,
      pageId: a.pageId,
      modified: Date.parse(a.modified),
      hay: ` ${unique.join(' ')}`,
      words: unique,
      tagKeys: tagNames.map(tagKey),
      tagNames,
      color: a.color,
      status: a.anchor?.status ?? 'unknown',
    };
  }

  /** Adds an entry's words to the index; `sortLater` during the initial build (one sort at the end). */
  function indexEntry(e: Entry, sortLater: boolean): void {
    byOrd[e.ord] = e;
    for (const w of e.words) {
      const list = postings.get(w);
      if (list) {
        list.push(e.ord);
        continue;
      }
      postings.set(w, [e.ord]);
      if (!sortLater) vocabulary.splice(lowerBound(vocabulary, w), 0, w);
    }
  }

  function unindexEntry(e: Entry): void {
    byOrd[e.ord] = undefined;
    stale += e.words.length;
  }

  /** Rebuilds postings without stale ords once they are most of the index. */
  function compactIfNeeded(): void {
    if (stale < 10_000 || stale < byId.size * 8) return;
    postings.clear();
    byOrd = [];
    for (const e of sorted) indexEntry(e, true);
    vocabulary = [...postings.keys()].sort();
    stale = 0;
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
    unindexEntry(old);
    const i = findIndex(old);
    if (sorted[i] === old) sorted.splice(i, 1);
    else sorted = sorted.filter((e) => e !== old); // defensive: never expected
  }

  function addEntry(e: Entry): void {
    byId.set(e.id, e);
    sorted.splice(findIndex(e), 0, e);
    indexEntry(e, false);
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
  for (const e of sorted) indexEntry(e, true);
  vocabulary = [...postings.keys()].sort();

  /**
   * Marks (with a new stamp) every entry having a word that starts with one of the query words:
   * the most selective one, judged by the postings it would touch. Returns false if some query
   * word starts no word at all (nothing can match).
   */
  function markCandidates(queryWords: string[]): boolean {
    let best: [number, number] | null = null;
    let bestCost = Infinity;
    for (const w of queryWords) {
      const lo = lowerBound(vocabulary, w);
      const hi = lowerBound(vocabulary, `${w}\uffff`);
      if (lo === hi) return false;
      let cost = 0;
      for (let i = lo; i < hi && cost < bestCost; i++) cost += postings.get(vocabulary[i]!)!.length;
      if (cost < bestCost) {
        bestCost = cost;
        best = [lo, hi];
      }
    }
    if (marks.length < nextOrd) marks = new Uint32Array(Math.max(nextOrd, marks.length * 2));
    stamp++;
    if (stamp === 0xffffffff) {
      marks.fill(0);
      stamp = 1;
    }
    const [lo, hi] = best!;
    for (let i = lo; i < hi; i++) for (const ord of postings.get(vocabulary[i]!)!) marks[ord] = stamp;
    return true;
  }

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
      const tags = tagCounts(q.scope, pageId);
      const needles = queryWords(q.text).map((w) => ` ${w}`);
      if (needles.length > 0 && !markCandidates(needles.map((n) => n.slice(1)))) return { items: [], total: 0, tags, corrupt };
      const useMarks = needles.length > 0;
      const wantTags = [...new Set((q.tags ?? []).map(tagKey))].filter(Boolean);
      const colors = q.colors?.length ? new Set<string>(q.colors) : null;
      const statuses = q.statuses?.length ? new Set<string>(q.statuses) : null;

      const items: AnnotationView[] = [];
      let total = 0;
      outer: for (let i = 0; i < sorted.length; i++) {
        const e = sorted[i]!;
        if (useMarks && marks[e.ord] !== stamp) continue;
        if (pageId !== undefined && e.pageId !== pageId) continue;
        if (colors && !colors.has(e.color)) continue;
        if (statuses && !statuses.has(e.status)) continue;
        for (const t of wantTags) if (!e.tagKeys.includes(t)) continue outer;
        // The marks came from one word; check all (cheap: only candidates get here).
        for (const n of needles) if (!e.hay.includes(n)) continue outer;
        if (total >= offset && items.length < limit) items.push(view(e));
        total++;
      }
      return { items, total, tags, corrupt };
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
      if (record.deleted) {
        compactIfNeeded();
        return false;
      }
      addEntry(makeEntry(record));
      compactIfNeeded();
      return true;
    },

    remove(id) {
      tagCountCache = new Map();
      corruptIds.delete(id);
      dropEntry(id);
      compactIfNeeded();
    },

    setPage(pageId, info) {
      pageInfo.set(pageId, info);
      for (const e of sorted.filter((x) => x.pageId === pageId)) {
        dropEntry(e.id);
        addEntry(makeEntry(e.annotation));
      }
      compactIfNeeded();
    },
  };
}
