/**
 * Binary search in sorted string lists: the generated tables the analysis reads lazily (n-gram
 * vocabularies, gazetteer forms, well-known names) are sorted by code units at build time, so a
 * word's entries are found when first asked for instead of indexing every line at load.
 */

/** Index of the first item of `list[lo, hi)` that is not below `key` (code-unit order). */
export function lowerBound(list: readonly string[], key: string, lo = 0, hi = list.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
