/**
 * The Sentence_Break classes (UAX #29) of the code units text.ts handles itself, and how they are
 * derived from Unicode properties. The derivation needs eight `\p{…}` regexes, whose compilation
 * alone cost about 15 ms of every page's first analysis in Chromium (\p{Uppercase} is a large
 * character set); so it runs at build time (`npx tsx scripts/build-tables.ts`) and the page
 * only decodes the result from `sentence-break.generated.ts`. A unit test derives the table again
 * with the running engine's Unicode data and fails when the generated file is stale.
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

/** Unicode properties the Sentence_Break classes are made of (UAX #29 table 4). */
const SB_PROPERTIES = {
  extend: /\p{Grapheme_Extend}|\p{Mc}/gu,
  format: /\p{Cf}/gu,
  space: /\p{White_Space}/gu,
  lower: /\p{Lowercase}/gu,
  upper: /\p{Uppercase}|\p{Lt}/gu,
  alpha: /\p{Alphabetic}/gu,
  sterm: /\p{Sentence_Terminal}/gu,
  close: /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}]/gu,
};

/** Sentence_Break class of code unit `c`, given which of SB_PROPERTIES it has (`has(name)`). */
function sentenceBreakClass(c: number, has: (p: keyof typeof SB_PROPERTIES) => boolean): number {
  if (c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029) return SB_UNKNOWN;
  if (c === 0x2e || c === 0x2024 || c === 0xfe52 || c === 0xff0e) return SB_ATERM;
  if (has('extend') || c === 0x200d) return SB_EXTEND;
  if (has('format') && c !== 0x200c) return SB_FORMAT;
  if (has('space')) return SB_SP;
  if (has('lower')) return SB_LOWER;
  if (has('upper')) return SB_UPPER;
  if (has('alpha')) return SB_OLETTER;
  if (c >= 0x30 && c <= 0x39) return SB_NUMERIC;
  if (has('sterm')) return SB_STERM;
  if (c === 0x2c || c === 0x2d || c === 0x3a || c === 0x3b || c === 0x2013 || c === 0x2014) return SB_SCONTINUE;
  if (c === 0x22 || c === 0x27 || has('close')) return SB_CLOSE;
  return SB_OTHER;
}

/** The Sentence_Break class of every code unit below SB_TABLE_SIZE (SB_UNKNOWN outside SB_RANGES). */
export function deriveSentenceBreakTable(): Uint8Array {
  const table = new Uint8Array(SB_TABLE_SIZE).fill(SB_UNKNOWN);
  // The properties of every tabulated unit, one regex scan per property.
  let units = '';
  for (const [a, b] of SB_RANGES) for (let c = a; c <= b; c++) units += String.fromCharCode(c);
  const props = new Map<string, Set<number>>();
  for (const [name, re] of Object.entries(SB_PROPERTIES)) {
    const set = new Set<number>();
    for (const m of units.matchAll(re)) set.add(m[0].charCodeAt(0));
    props.set(name, set);
  }
  for (const [a, b] of SB_RANGES) {
    for (let c = a; c <= b; c++) table[c] = sentenceBreakClass(c, (name) => (props.get(name) as Set<number>).has(c));
  }
  return table;
}

/** 1 for the code units below LATIN_LETTERS_SIZE that are letters (\p{L}). */
export function deriveLatinLetters(): Uint8Array {
  const table = new Uint8Array(LATIN_LETTERS_SIZE);
  let units = '';
  for (let k = 0; k < LATIN_LETTERS_SIZE; k++) units += String.fromCharCode(k);
  for (const m of units.matchAll(/\p{L}/gu)) table[m[0].charCodeAt(0)] = 1;
  return table;
}

/** A regex character class of the code units `c` of the table with `keep(table[c])`, or (`outside`) any above it. */
export function classOf(table: Uint8Array, keep: (cls: number) => boolean, outside: boolean): string {
  const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  const size = table.length;
  let out = '';
  for (let c = 0; c < size; c++) {
    if (!keep(table[c] as number)) continue;
    let d = c;
    while (d + 1 < size && keep(table[d + 1] as number)) d++;
    out += d > c ? `${hex(c)}-${hex(d)}` : hex(c);
    c = d;
  }
  if (outside) out += `${hex(size)}-\\uffff`;
  return `[${out}]`;
}

/** Run-length form of a table: value, count, value, count… */
export function encodeRuns(table: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < table.length; ) {
    let j = i + 1;
    while (j < table.length && table[j] === table[i]) j++;
    out.push(table[i] as number, j - i);
    i = j;
  }
  return out;
}

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

/** The text of sentence-break.generated.ts. */
export function renderTextTablesModule(): string {
  const sb = deriveSentenceBreakTable();
  const wrap = (a: number[]) => a.join(',').replace(/((?:[^,]*,){40})/g, '$1\n  ');
  return `// Generated by scripts/build-tables.ts from the Unicode data of the JavaScript engine
// (lib/analysis/sentence-break.ts): do not edit by hand. A unit test fails when it is stale.

/** Sentence_Break class of each code unit below SB_TABLE_SIZE, run-length (class, count, …). */
export const SB_RUNS: readonly number[] = [
  ${wrap(encodeRuns(sb))}
];

/** Any code unit whose class is not tabulated (SB_UNKNOWN), or above the table. */
export const SB_UNKNOWN_CLASS = ${JSON.stringify(classOf(sb, (x) => x === SB_UNKNOWN, true))};

/** Any ATerm or STerm code unit of the table. */
export const SB_TERM_CLASS = ${JSON.stringify(classOf(sb, (x) => x === SB_ATERM || x === SB_STERM, false))};

/** Letters (\\p{L}) among the code units below LATIN_LETTERS_SIZE, run-length (0/1, count, …). */
export const LATIN_LETTER_RUNS: readonly number[] = [
  ${wrap(encodeRuns(deriveLatinLetters()))}
];
`;
}
