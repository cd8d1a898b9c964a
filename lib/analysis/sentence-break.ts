/**
 * Sentence breaks by the rules of UAX #29 (SB5-SB11, which ICU implements), and the Sentence_Break
 * classes of the code units text.ts handles itself. The classes are derived from Unicode properties
 * at build time (sentence-break-build.ts, run by scripts/build-tables.ts), and every character is
 * checked there against Intl.Segmenter (ICU), so that a character whose class the properties do not
 * give exactly is left out (its blocks go to Intl.Segmenter). Deriving them in the page cost about
 * 15 ms of its first analysis in Chromium; the page only decodes the result
 * (sentence-break.generated.ts), and a unit test fails when that file is stale.
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

/** Ranges [from, to] (inclusive) whose code units may be tabulated: the BMP but surrogates (a block
 * with a character outside the BMP goes to Intl.Segmenter). */
export const SB_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0xd7ff],
  [0xe000, 0xffff],
];
export const SB_TABLE_SIZE = 0x10000;
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

/** A Sentence_Break table and the two scans `sentenceCuts` runs over a span. */
export interface SentenceBreakTables {
  /** Class of each code unit (SB_UNKNOWN: not tabulated). */
  table: Uint8Array;
  /** Any code unit the table does not know (global: searched from `lastIndex`). */
  unknownRe: RegExp;
  /** Any ATerm or STerm code unit (global). */
  termRe: RegExp;
}

/**
 * Sentence breaks inside `text[from, to)` by the rules of UAX #29 (breaks at `from` and `to`
 * excluded), pushed as offsets from `from`; false (and nothing pushed) when a character of the
 * span is not tabulated. Untabulated characters and terminators are found by regex scans; only
 * the characters around a terminator are classified.
 */
export function sentenceCuts(tables: SentenceBreakTables, text: string, from: number, to: number, cuts: number[]): boolean {
  const { table, unknownRe, termRe } = tables;
  // The regexes run on the span alone (a slice shares the text's characters).
  const span = from === 0 && to === text.length ? text : text.slice(from, to);
  unknownRe.lastIndex = 0;
  if (unknownRe.test(span)) return false;
  const n = span.length;
  let p = 0;
  while (p < n) {
    termRe.lastIndex = p;
    const t = termRe.exec(span);
    if (!t) break;
    p = t.index;
    const c = table[span.charCodeAt(p)] as number;
    // SATerm (Extend|Format)* Close* Sp*: where a break may come (SB9, SB10 forbid one inside).
    let q = p + 1;
    let x = SB_OTHER;
    let phase = 0; // 0: after the terminator, 1: in Close*, 2: in Sp*
    for (; q < n; q++) {
      x = table[span.charCodeAt(q)] as number;
      if (x === SB_EXTEND || x === SB_FORMAT) continue;
      if (x === SB_CLOSE && phase <= 1) phase = 1;
      else if (x === SB_SP) phase = 2;
      else break;
    }
    if (q >= n) break;
    const next = x;
    let glue = false;
    if (c === SB_ATERM) {
      const adjacent = phase === 0;
      if (adjacent && next === SB_NUMERIC) glue = true; // SB6
      else if (adjacent && next === SB_UPPER) {
        // SB7: (Upper | Lower) ATerm × Upper, the character before being the last one that is not
        // Extend/Format (SB5; at the start of the span, the first one).
        let b = p - 1;
        let y = b >= 0 ? (table[span.charCodeAt(b)] as number) : SB_OTHER;
        while (b > 0 && (y === SB_EXTEND || y === SB_FORMAT)) y = table[span.charCodeAt(--b)] as number;
        if (b >= 0 && (y === SB_UPPER || y === SB_LOWER)) glue = true;
      }
      if (!glue) {
        // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
        let r = q;
        let y = SB_OTHER;
        for (; r < n; r++) {
          y = table[span.charCodeAt(r)] as number;
          if (y === SB_OLETTER || y === SB_UPPER || y === SB_LOWER || y === SB_ATERM || y === SB_STERM) break;
        }
        if (r < n && y === SB_LOWER) glue = true;
      }
    }
    // SB8a: SATerm Close* Sp* × (SContinue | SATerm)
    if (!glue && (next === SB_SCONTINUE || next === SB_ATERM || next === SB_STERM)) glue = true;
    if (!glue) cuts.push(q); // SB11
    p = q;
  }
  return true;
}

