/**
 * Guards for records read back from IndexedDB. A record written by an older version, or damaged,
 * is skipped and counted rather than allowed to break the popup or the page.
 */
import { isColorName, type Annotation, type PageRecord } from '../model';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';

const isDate = (x: unknown): x is string => isStr(x) && !Number.isNaN(Date.parse(x));
const ANCHOR_STATUSES: readonly unknown[] = ['exact', 'moved', 'fuzzy', 'orphan'];

/**
 * Whether a stored record is a readable annotation. Hand-written rather than a zod schema because
 * it runs over every record when the popup's search index is built (100,000 must stay fast).
 */
export function isAnnotation(x: unknown): x is Annotation {
  if (!isObj(x)) return false;
  if (!isStr(x.id) || x.id.length === 0 || x.type !== 'Annotation') return false;
  if (x.motivation !== 'highlighting' && x.motivation !== 'commenting') return false;
  if (!isDate(x.created) || !isDate(x.modified)) return false;
  if (!isStr(x.pageId) || !isColorName(x.color)) return false;
  if (x.deleted !== undefined && !isStr(x.deleted)) return false;
  if (!Array.isArray(x.body)) return false;
  for (const b of x.body as unknown[]) {
    if (!isObj(b) || !isStr(b.value) || (b.purpose !== 'commenting' && b.purpose !== 'tagging')) return false;
  }
  if (x.anchor !== undefined) {
    const anchor = x.anchor;
    if (!isObj(anchor) || !ANCHOR_STATUSES.includes(anchor.status) || typeof anchor.confidence !== 'number') return false;
    if (anchor.foundText !== undefined && !isStr(anchor.foundText)) return false;
  }
  const target = x.target;
  if (!isObj(target) || !isStr(target.source) || !Array.isArray(target.selector)) return false;
  const [quote, position] = target.selector as unknown[];
  return (
    isObj(quote) &&
    quote.type === 'TextQuoteSelector' &&
    isStr(quote.exact) &&
    quote.exact.length > 0 &&
    isStr(quote.prefix) &&
    isStr(quote.suffix) &&
    isObj(position) &&
    position.type === 'TextPositionSelector' &&
    Number.isInteger(position.start) &&
    Number.isInteger(position.end)
  );
}

export function isPageRecord(x: unknown): x is PageRecord {
  return isObj(x) && isStr(x.id) && Array.isArray(x.urls) && x.urls.every(isStr) && isStr(x.textHash) && isStr(x.simhash);
}

/** Splits raw records into valid ones and a count of the damaged ones. */
export function partitionValid<T>(records: unknown[], guard: (x: unknown) => x is T): { valid: T[]; corrupt: number } {
  const valid: T[] = [];
  let corrupt = 0;
  for (const r of records) {
    if (guard(r)) valid.push(r);
    else corrupt++;
  }
  return { valid, corrupt };
}
