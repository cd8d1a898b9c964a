/**
 * The Sentence_Break classes (UAX #29) of the code units text.ts handles itself. They are derived
 * from Unicode properties at build time (sentence-break-build.ts, run by scripts/build-tables.ts):
 * scanning the tabulated units with eight `\p{…}` regexes cost about 15 ms of every page's first
 * analysis in Chromium. The page only decodes the result (sentence-break.generated.ts); a unit test
 * derives the table again with the running engine's Unicode data and fails when it is stale.
 */

export const SB_OTHER = 0;
export const SB_SP = 1;
export const SB_LOWER = 2;
export const SB_UPPER = 3;
export const SB_OLETTER = 4;
export const SB_NUMERIC = 5;
export const SB_ATERM = 6;
export const SB_STERM = 7;
export const SB_CLOSE = 8;
export const SB_SCONTINUE = 9;
export const SB_EXTEND = 10;
export const SB_FORMAT = 11;
/** Not tabulated (or a paragraph separator): the block goes to Intl.Segmenter. */
export const SB_UNKNOWN = 255;

/** Tabulated ranges [from, to] (inclusive). */
export const SB_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x036f], // Basic Latin … Combining Diacritical Marks
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2000, 0x20cf], // General Punctuation, super/subscripts, currency symbols
];
export const SB_TABLE_SIZE = 0x20d0;
/** Code units below this are covered by the Latin letter table. */
export const LATIN_LETTERS_SIZE = 0x250;

export function decodeRuns(runs: readonly number[], size: number): Uint8Array {
  const table = new Uint8Array(size);
  let at = 0;
  for (let k = 0; k + 1 < runs.length; k += 2) {
    const n = runs[k + 1] as number;
    table.fill(runs[k] as number, at, at + n);
    at += n;
  }
  if (at !== size) throw new Error(`sentence-break table: ${at} entries decoded, ${size} expected`);
  return table;
}
