/**
 * Build-time half of sentence-break.ts: derives the Sentence_Break classes and the Latin letters
 * from the engine's Unicode properties, and renders sentence-break.generated.ts. Not used by the
 * page (scripts/build-tables.ts and the tests run it).
 */
import {
  LATIN_LETTERS_SIZE,
  SB_ATERM,
  SB_CLOSE,
  SB_EXTEND,
  SB_FORMAT,
  SB_LOWER,
  SB_NUMERIC,
  SB_OLETTER,
  SB_OTHER,
  SB_RANGES,
  SB_SCONTINUE,
  SB_SP,
  SB_STERM,
  SB_TABLE_SIZE,
  SB_UNKNOWN,
  SB_UPPER,
  sentenceCuts,
  type SentenceBreakTables,
} from './sentence-break';

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
  // Sentence_Break Numeric is Line_Break=Numeric, which JavaScript cannot ask for: decimal digits
  // are its bulk, and the check against ICU removes the rest.
  digit: /\p{Nd}/gu,
};

/** SContinue of UAX #29 (commas, colons, semicolons and dashes of several scripts). */
const SCONTINUE = new Set([
  0x2c, 0x2d, 0x3a, 0x3b, 0x37e, 0x55d, 0x60c, 0x60d, 0x7f8, 0x1802, 0x1808, 0x2013, 0x2014, 0x3001, 0xfe10, 0xfe11, 0xfe13,
  0xfe31, 0xfe32, 0xfe50, 0xfe51, 0xfe55, 0xfe58, 0xfe63, 0xff0c, 0xff0d, 0xff1a, 0xff1b, 0xff64,
]);

/**
 * Strings around a character X on which our breaks must equal ICU's: X after and before a
 * terminator, adjacent or after a space, before a lower-case or upper-case word, and mid-sentence.
 */
export const CHECK_TEMPLATES: readonly ((x: string) => string)[] = [
  (x) => `a${x}. b`,
  (x) => `a.${x} B`,
  (x) => `A. ${x}b`,
  (x) => `a.${x}1`,
  (x) => `e.${x}B.`,
  (x) => `x! ${x} y`,
  (x) => `a.) ${x}.b`,
  (x) => `Ab ${x} cd. Ef`,
  (x) => `Ab. ${x}`,
];

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
  if (has('digit')) return SB_NUMERIC;
  if (has('sterm')) return SB_STERM;
  if (SCONTINUE.has(c)) return SB_SCONTINUE;
  if (c === 0x22 || c === 0x27 || has('close')) return SB_CLOSE;
  return SB_OTHER;
}

/** The scans of `sentenceCuts` for a table. */
export function tablesOf(table: Uint8Array): SentenceBreakTables {
  return {
    table,
    unknownRe: new RegExp(unknownClass(table), 'g'),
    termRe: new RegExp(termClass(table), 'g'),
  };
}

const unknownClass = (table: Uint8Array): string => classOf(table, (x) => x === SB_UNKNOWN);
const termClass = (table: Uint8Array): string => classOf(table, (x) => x === SB_ATERM || x === SB_STERM);

/** Does `sentenceCuts` with `tables` give ICU's breaks on `text`? */
export function agreesWithIcu(tables: SentenceBreakTables, text: string, icu: Intl.Segmenter): boolean {
  const ours: number[] = [];
  if (!sentenceCuts(tables, text, 0, text.length, ours)) return false;
  const theirs = [...icu.segment(text)].map((s) => s.index).filter((i) => i > 0);
  return ours.length === theirs.length && ours.every((v, i) => v === theirs[i]);
}

/**
 * The Sentence_Break class of every code unit (SB_UNKNOWN outside SB_RANGES, and for every
 * character on which our rules, with the class the properties give it, disagree with ICU).
 */
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
  // Each character's class is checked on its own (the strings hold X and ASCII letters and
  // punctuation only), so one pass with the unchecked table is enough.
  const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
  const tables = tablesOf(table);
  const rejected: number[] = [];
  for (let c = 0; c < SB_TABLE_SIZE; c++) {
    if (table[c] === SB_UNKNOWN) continue;
    const x = String.fromCharCode(c);
    if (!CHECK_TEMPLATES.every((t) => agreesWithIcu(tables, t(x), icu))) rejected.push(c);
  }
  for (const c of rejected) table[c] = SB_UNKNOWN;
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

/** A regex character class (of code units: no `u` flag) of the code units `c` of the table with `keep(table[c])`. */
export function classOf(table: Uint8Array, keep: (cls: number) => boolean): string {
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

/** The text of sentence-break.generated.ts. */
export function renderTextTablesModule(sb: Uint8Array = deriveSentenceBreakTable()): string {
  const wrap = (a: number[]) => a.join(',').replace(/((?:[^,]*,){40})/g, '$1\n  ');
  return `// Generated by scripts/build-tables.ts from the Unicode data of the JavaScript engine
// (lib/analysis/sentence-break-build.ts): do not edit by hand. A unit test fails when it is stale.

/** Sentence_Break class of each code unit below SB_TABLE_SIZE, run-length (class, count, …). */
export const SB_RUNS: readonly number[] = [
  ${wrap(encodeRuns(sb))}
];

/** Any code unit whose class is not tabulated (SB_UNKNOWN). */
export const SB_UNKNOWN_CLASS = ${JSON.stringify(unknownClass(sb))};

/** Any ATerm or STerm code unit of the table. */
export const SB_TERM_CLASS = ${JSON.stringify(termClass(sb))};

/** Letters (\\p{L}) among the code units below LATIN_LETTERS_SIZE, run-length (0/1, count, …). */
export const LATIN_LETTER_RUNS: readonly number[] = [
  ${wrap(encodeRuns(deriveLatinLetters()))}
];
`;
}
