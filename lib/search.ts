/**
 * In-memory search over annotations for the popup (run by the background, tested in Node).
 *
 * Built once, kept current by `upsert` / `remove` / `setPage`:
 * - each annotation's text (quote, note, tags, page title) is folded (lower-cased, accents
 *   removed) and split into words;
 * - an inverted index maps each word to the annotations using it, with the words sorted so a
 *   query word finds every word it starts with by binary search (one contiguous slice of a typed
 *   array: see rebuildBase), plus a small delta for changes since;
 * - entries are kept sorted newest-modified first, so paging never sorts.
 * A text query intersects its words' postings into a table of marks, then walks the sorted
 * entries checking marks and filters. Scanning every annotation's text instead costs ~100 ms at
 * 100,000 annotations (scripts/bench/popup.ts); this costs a few.
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
 * - Records that fail `isAnnotation` (lib/db/validate) are skipped and counted in `corrupt`; nothing throws.
 */
import { isAnnotation } from './db/validate';
import { tagKey, type AnchorStatus, type Annotation, type ColorName } from './model';
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
const NON_ASCII = /[^\u0000-\u007f]/;
const NON_ASCII_G = /[^\u0000-\u007f]/g;
const COMBINING_MARKS = /\p{M}/gu;
const IS_WORD_CHAR = /^[\p{L}\p{N}]+$/u;
// Letters that NFKD does not split but a French or German reader types without thinking.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
/** Each non-ASCII character's folded form, computed once (a page's text uses few distinct ones). */
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

/** Lower-cases and removes accents, so "Règle" and "regle" compare equal. Non-word symbols become spaces. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.replace(NON_ASCII_G, foldChar);
}

/**
 * Folds `text` (as `fold` does) and splits it into words, in one pass: this runs over every
 * annotation when the index is built, where `fold(text).split(regex)` costs about twice as much.
 * May repeat words.
 */
export function tokenize(text: string): string[] {
  const s = text.toLowerCase();
  const out: string[] = [];
  let token = '';
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      token += s.slice(start, i);
      start = -1;
    }
    const folded = c < 128 ? ' ' : foldChar(s[i]!);
    if (folded === ' ') {
      if (token !== '') out.push(token);
      token = '';
    } else {
      token += folded;
    }
  }
  return out;
}

/** Splits a query into folded words (deduplicated); each must start a word of the annotation. */
export function queryWords(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(tokenize(text))];
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}


interface Entry {
  annotation: Annotation;
  id: string;
  /** Position in the marks table; a replaced annotation gets a new entry and ord. */
  ord: number;
  pageId: string;
  modified: number;
  /** Its distinct words, as ids into the word table. */
  wordIds: Int32Array;
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

function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (array.length >= size) return array;
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
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

  // Words are interned: each distinct word gets an id, entries keep id arrays.
  const wordIdOf = new Map<string, number>();
  const wordOf: string[] = [];
  /** Per word id, the last ord that used it (+1), to drop repeated words while tokenising. */
  let lastUse = new Int32Array(1024);

  // The base index, in compressed sparse rows: the words sorted, and for the words from
  // baseWords[i] to baseWords[j - 1] the ords of the entries using them are the contiguous slice
  // baseOrds[baseStart[i] .. baseStart[j]]. A prefix query is two binary searches and one slice.
  let baseWords: string[] = [];
  let baseStart = new Int32Array(1);
  let baseOrds = new Int32Array(0);
  // Changes since the base was built: added entries' postings per word (words sorted for prefix
  // search). Removed or replaced entries leave stale ords in both, which mark no listed entry
  // so queries ignore them; the base is rebuilt once changes pile up.
  const deltaPostings = new Map<string, number[]>();
  let deltaWords: string[] = [];
  let changes = 0;

  let nextOrd = 0;
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
    const ord = nextOrd++;
    const ids: number[] = [];
    for (const word of tokenize(`${a.target.selector[0].exact} ${note} ${tagNames.join(' ')} ${title}`)) {
      let id = wordIdOf.get(word);
      if (id === undefined) {
        id = wordOf.length;
        wordOf.push(word);
        wordIdOf.set(word, id);
        lastUse = grow(lastUse, wordOf.length);
      }
      if (lastUse[id] === ord + 1) continue;
      lastUse[id] = ord + 1;
      ids.push(id);
    }
    return {
      annotation: a,
      id: a.id,
      ord,
      pageId: a.pageId,
      modified: Date.parse(a.modified),
      wordIds: Int32Array.from(ids),
      tagKeys: tagNames.map(tagKey),
      tagNames,
      color: a.color,
      status: a.anchor?.status ?? 'unknown',
    };
  }

  /** Rebuilds the base index from the listed entries and empties the delta. */
  function rebuildBase(): void {
    const counts = new Int32Array(wordOf.length);
    for (const e of sorted) for (const id of e.wordIds) counts[id]!++;
    const used: number[] = [];
    for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) used.push(id);
    used.sort((x, y) => (wordOf[x]! < wordOf[y]! ? -1 : 1));
    baseWords = used.map((id) => wordOf[id]!);
    baseStart = new Int32Array(used.length + 1);
    /** Per word id, where its next ord goes. */
    const cursor = new Int32Array(wordOf.length);
    for (let rank = 0; rank < used.length; rank++) {
      const id = used[rank]!;
      cursor[id] = baseStart[rank]!;
      baseStart[rank + 1] = baseStart[rank]! + counts[id]!;
    }
    baseOrds = new Int32Array(baseStart[used.length]!);
    for (const e of sorted) for (const id of e.wordIds) baseOrds[cursor[id]!++] = e.ord;
    deltaPostings.clear();
    deltaWords = [];
    changes = 0;
  }

  function rebuildIfNeeded(): void {
    if (changes > Math.max(5_000, baseOrds.length / 4)) rebuildBase();
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
    changes += old.wordIds.length;
    const i = findIndex(old);
    if (sorted[i] === old) sorted.splice(i, 1);
    else sorted = sorted.filter((e) => e !== old); // defensive: never expected
  }

  function addEntry(e: Entry): void {
    byId.set(e.id, e);
    sorted.splice(findIndex(e), 0, e);
    for (const id of e.wordIds) {
      const word = wordOf[id]!;
      const list = deltaPostings.get(word);
      if (list) list.push(e.ord);
      else {
        deltaPostings.set(word, [e.ord]);
        deltaWords.splice(lowerBound(deltaWords, word), 0, word);
      }
    }
    changes += e.wordIds.length;
  }

  function markCorrupt(record: unknown): void {
    const id = isObject(record) && typeof record.id === 'string' ? record.id : null;
    if (id === null) corruptAnonymous++;
    else corruptIds.add(id);
  }

  // Initial build: validate, then one sort (cheaper than 100,000 binary insertions).
  for (const record of records) {
    if (!isAnnotation(record)) {
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
  rebuildBase();

  /**
   * Marks the entries in which every query word starts a word: the least common query word's
   * postings are stamped, then each further word keeps only the stamped entries it also has.
   * Returns the final stamp (an entry matches when `marks[ord] === stamp`), or null when some
   * query word starts no word at all.
   */
  function markMatches(queryWords: string[]): number | null {
    const ranges = queryWords.map((word) => {
      const end = `${word}\uffff`;
      const lo = lowerBound(baseWords, word);
      const hi = lowerBound(baseWords, end);
      const deltaLo = lowerBound(deltaWords, word);
      const deltaHi = lowerBound(deltaWords, end);
      let cost = baseStart[hi]! - baseStart[lo]!;
      for (let i = deltaLo; i < deltaHi; i++) cost += deltaPostings.get(deltaWords[i]!)!.length;
      return { from: baseStart[lo]!, to: baseStart[hi]!, deltaLo, deltaHi, cost };
    });
    if (ranges.some((r) => r.cost === 0)) return null;
    ranges.sort((a, b) => a.cost - b.cost);
    if (marks.length < nextOrd) {
      const bigger = new Uint32Array(Math.max(nextOrd, marks.length * 2));
      bigger.set(marks);
      marks = bigger;
    }
    if (stamp + ranges.length >= 0xffffffff) {
      marks.fill(0);
      stamp = 0;
    }
    let first = true;
    for (const r of ranges) {
      // Stamps are consecutive: the first word stamps every posting, each later word re-stamps
      // only entries carrying the previous stamp.
      const previous = first ? -1 : stamp;
      const next = ++stamp;
      for (let i = r.from; i < r.to; i++) {
        const ord = baseOrds[i]!;
        if (previous < 0 || marks[ord] === previous) marks[ord] = next;
      }
      for (let i = r.deltaLo; i < r.deltaHi; i++) {
        for (const ord of deltaPostings.get(deltaWords[i]!)!) if (previous < 0 || marks[ord] === previous) marks[ord] = next;
      }
      first = false;
    }
    return stamp;
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
      const textWords = queryWords(q.text);
      const useMarks = textWords.length > 0;
      const want = useMarks ? markMatches(textWords) : 0;
      if (want === null) return { items: [], total: 0, tags, corrupt };
      const wantTags = [...new Set((q.tags ?? []).map(tagKey))].filter(Boolean);
      const colors = q.colors?.length ? new Set<string>(q.colors) : null;
      const statuses = q.statuses?.length ? new Set<string>(q.statuses) : null;

      const items: AnnotationView[] = [];
      let total = 0;
      outer: for (let i = 0; i < sorted.length; i++) {
        const e = sorted[i]!;
        if (useMarks && marks[e.ord] !== want) continue;
        if (pageId !== undefined && e.pageId !== pageId) continue;
        if (colors && !colors.has(e.color)) continue;
        if (statuses && !statuses.has(e.status)) continue;
        for (const t of wantTags) if (!e.tagKeys.includes(t)) continue outer;
        if (total >= offset && items.length < limit) items.push(view(e));
        total++;
      }
      return { items, total, tags, corrupt };
    },

    upsert(record) {
      tagCountCache = new Map();
      if (!isAnnotation(record)) {
        if (isObject(record) && typeof record.id === 'string') dropEntry(record.id);
        markCorrupt(record);
        return false;
      }
      corruptIds.delete(record.id);
      dropEntry(record.id);
      if (record.deleted) {
        rebuildIfNeeded();
        return false;
      }
      addEntry(makeEntry(record));
      rebuildIfNeeded();
      return true;
    },

    remove(id) {
      tagCountCache = new Map();
      corruptIds.delete(id);
      dropEntry(id);
      rebuildIfNeeded();
    },

    setPage(pageId, info) {
      pageInfo.set(pageId, info);
      for (const e of sorted.filter((x) => x.pageId === pageId)) {
        dropEntry(e.id);
        addEntry(makeEntry(e.annotation));
      }
      rebuildIfNeeded();
    },
  };
}
