/**
 * Text primitives of the analysis: sentence splitting and language detection. Pure string code,
 * no DOM; offsets are UTF-16 indices, end exclusive.
 */

import { decodeRuns, LATIN_LETTERS_SIZE, SB_TABLE_SIZE, sentenceCuts, type SentenceBreakTables } from './sentence-break';
import { LATIN_LETTER_RUNS, SB_RUNS, SB_TERM_CLASS, SB_UNKNOWN_CLASS } from './sentence-break.generated';

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

// Intl.Segmenter is quadratic on long inputs in V8/ICU (about 4M chars/s on 2k chars, 0.1M chars/s
// on 200k), so text is first cut at line breaks (hard boundaries: headings, list items) and long
// lines into blocks of at most this many characters at a sentence-looking boundary.
const MAX_BLOCK = 2000;

/** Title and reference abbreviations after which a period does not end a sentence (lowercased). */
const ABBREVIATIONS = new Set([
  // English titles and references
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'sen', 'rep', 'gov', 'gen', 'col', 'lt',
  'sgt', 'capt', 'cmdr', 'adm', 'rev', 'hon', 'pres', 'messrs', 'fig', 'figs', 'p', 'pp', 'no', 'nos',
  'vol', 'vols', 'ch', 'sec', 'art', 'cf', 'vs', 'v', 'al', 'approx', 'dept', 'est', 'ed', 'eds',
  'e.g', 'i.e', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
  // French titles and references
  'm', 'mm', 'mme', 'mmes', 'mlle', 'mlles', 'me', 'mgr', 'pr', 'dr', 'c.-à-d', 'cad', 'env', 'chap',
  'n', 'réf', 'éd', 'av', 'bd', 'janv', 'févr', 'avr', 'juil', 'déc',
]);

/** Abbreviations that often end a sentence too: only glued when the next segment starts lowercase. */
const SOFT_ABBREVIATIONS = new Set(['etc', 'inc', 'corp', 'ltd', 'co', 'al', 'est', 'vs', 'jr', 'sr']);

/** Words that usually begin a new sentence, to tell "the U.S. The next day…" from "the U.S. Senate". */
const SENTENCE_STARTERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'we', 'they', 'i', 'you', 'in',
  'on', 'at', 'for', 'but', 'and', 'or', 'so', 'yet', 'a', 'an', 'as', 'if', 'when', 'while', 'there',
  'today', 'yesterday', 'however', 'meanwhile', 'our', 'their', 'his', 'her', 'my', 'what', 'why',
  'how', 'who', 'le', 'la', 'les', 'l', 'un', 'une', 'des', 'il', 'elle', 'ils', 'elles', 'nous',
  'vous', 'je', 'on', 'ce', 'cette', 'ces', 'en', 'dans', 'mais', 'et', 'ou', 'donc', 'pour', 'par',
  'selon', 'depuis', 'aujourd',
]);

let segmenterExists: boolean | undefined;
function hasSegmenter(): boolean {
  return (segmenterExists ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl);
}

let segmenterCache: Intl.Segmenter | null | undefined;
function segmenter(): Intl.Segmenter | null {
  if (segmenterCache === undefined) {
    // The sentence rules of ICU are language-independent for en/fr; one instance serves both.
    segmenterCache =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl
        ? new Intl.Segmenter('en', { granularity: 'sentence' })
        : null;
  }
  return segmenterCache;
}

/** Is `c` in JavaScript's \s (WhiteSpace and LineTerminator)? */
function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Sentence terminators (ICU STerm/ATerm that occur in en/fr text) and the NEL separator. */
function isTerminator(c: number): boolean {
  if (c < 128) return c === 46 || c === 33 || c === 63; // . ! ?
  return c === 0x2026 || c === 0x85 || c === 0x203c || (c >= 0x2047 && c <= 0x2049) || c === 0x3002 || c === 0xff01 || c === 0xff0e || c === 0xff1f;
}

/** Trailing terminators, closing punctuation and spaces. */
function isTailChar(c: number): boolean {
  if (isJsSpace(c)) return true;
  if (c < 128) return c === 46 || c === 33 || c === 63 || c === 34 || c === 39 || c === 41 || c === 93; // . ! ? " ' ) ]
  return (
    c === 0x2026 || c === 0x203c || (c >= 0x2047 && c <= 0x2049) || c === 0x3002 || c === 0xff01 || c === 0xff0e || c === 0xff1f || c === 0xbb || c === 0x201d || c === 0x2019
  );
}

// ------------------------------------------------------------- UAX #29 sentence boundaries
// Intl.Segmenter (ICU) was by far the most expensive step of the splitting (a break iterator per
// block, about 4M chars/s at best, and about 12 ms to create in a page). For blocks made only of
// characters whose Sentence_Break class is tabulated (sentence-break.ts: nearly all of the BMP),
// the same rules (UAX #29 SB5-SB11, which ICU implements) run here, looking only at the characters
// around each terminator; any other character sends the block to Intl.Segmenter. The build and
// the tests check the breaks against Intl.Segmenter.

let sbTables: SentenceBreakTables | undefined;

/** The Sentence_Break classes, decoded from the build's tables (sentence-break.ts says why). */
function sentenceBreakTables(): SentenceBreakTables {
  return (sbTables ??= {
    table: decodeRuns(SB_RUNS, SB_TABLE_SIZE),
    unknownRe: new RegExp(SB_UNKNOWN_CLASS, 'g'),
    termRe: new RegExp(SB_TERM_CLASS, 'g'),
  });
}

/** `sentenceCuts` with the shipped tables. */
function uaxCuts(text: string, from: number, to: number, cuts: number[]): boolean {
  return sentenceCuts(sentenceBreakTables(), text, from, to, cuts);
}

/**
 * The sentence breaks of `text` by UAX #29 (offsets of the sentences after the first, as
 * Intl.Segmenter gives them), or null when `text` has a character this module does not tabulate.
 * Exported for tests.
 */
export function uaxSentenceBreaks(text: string): number[] | null {
  const cuts: number[] = [];
  return uaxCuts(text, 0, text.length, cuts) ? cuts : null;
}

/** Raw sentence cuts of `text[from, to)` (no line breaks inside), offsets from `from`. */
function rawCuts(text: string, from: number, to: number): number[] {
  const cuts: number[] = [];
  // Fast path: no terminator before the block's tail means one sentence (headings, list items,
  // one-sentence lines).
  let tail = to;
  while (tail > from && isTailChar(text.charCodeAt(tail - 1))) tail--;
  let term = false;
  for (let i = from; i < tail && !term; i++) term = isTerminator(text.charCodeAt(i));
  if (!term) return cuts;
  // Where Intl.Segmenter exists, the same rules run here first (it is only created for a block
  // with a character this module does not tabulate).
  if (hasSegmenter()) {
    if (uaxCuts(text, from, to, cuts)) return cuts;
    for (const s of (segmenter() as Intl.Segmenter).segment(text.slice(from, to))) if (s.index > 0) cuts.push(s.index);
    return cuts;
  }
  const block = text.slice(from, to);
  const re = /[.!?…]+["'»”’)\]]*\s+(?=["'«“‘(\[]?\p{Lu}|\d)/gu;
  for (let m = re.exec(block); m; m = re.exec(block)) cuts.push(m.index + m[0].length);
  return cuts;
}

/** Last word (letters and inner dots) before position `end` of `s`, lowercased, without final dot. */
function wordBefore(s: string, end: number): string {
  let i = end;
  while (i > 0 && isJsSpace(s.charCodeAt(i - 1))) i--;
  if (s[i - 1] !== '.') return '';
  const stop = i - 1;
  let j = stop;
  while (j > 0 && isLetterDotHyphen(s.charCodeAt(j - 1))) j--;
  return s.slice(j, stop);
}

const LETTER_UNIT = /\p{L}/u;
/** Letters among the code units below LATIN_LETTERS_SIZE (Latin scripts). */
let latinLetters: Uint8Array | undefined;
/** /[\p{L}.\-]/u on one code unit (a lone surrogate is no letter). */
function isLetterDotHyphen(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 45;
  if (c < LATIN_LETTERS_SIZE) return (latinLetters ??= decodeRuns(LATIN_LETTER_RUNS, LATIN_LETTERS_SIZE))[c] === 1;
  return LETTER_UNIT.test(String.fromCharCode(c));
}

function firstWord(s: string, from: number): string {
  const m = /^[\s"'«“‘(\[]*([\p{L}]+)/u.exec(s.slice(from, from + 40));
  return m?.[1] ?? '';
}

/** Does `next` (a word) start with a lowercase letter? */
function isNextLower(next: string): boolean {
  return next !== '' && next[0] === next[0]?.toLowerCase() && next[0] !== next[0]?.toUpperCase();
}

/** Should the cut at `cut` in `block` be undone (abbreviation, initial, dotted acronym)? */
function isFalseCut(block: string, cut: number): boolean {
  const w = wordBefore(block, cut);
  if (!w) return false;
  const lw = w.toLowerCase();
  // The next word is only read for soft abbreviations and acronyms.
  if (/^(p|pp|no|nos|n|art|fig|figs|vol|ch|sec|chap)$/.test(lw) && /^\d/.test(block.slice(cut).trimStart())) return true;
  if (SOFT_ABBREVIATIONS.has(lw)) return isNextLower(firstWord(block, cut));
  if (ABBREVIATIONS.has(lw)) return true;
  // A single capital initial ("Léa M. Synthia", "J. Dupont").
  if (w.length <= 2 && /^\p{Lu}$/u.test(w)) return true;
  // Dotted acronyms: "U.S.", "U.N.", "O.N.U.".
  if (w.includes('.') && /^(?:\p{L}\.)+\p{L}$/u.test(w)) {
    const next = firstWord(block, cut);
    return isNextLower(next) || (next !== '' && !SENTENCE_STARTERS.has(next.toLowerCase()));
  }
  return false;
}

/** Cuts a long line into blocks of at most MAX_BLOCK chars, preferring ". " boundaries. */
function blocksOf(line: string, offset: number, out: Array<[number, number]>): void {
  let a = 0;
  while (line.length - a > MAX_BLOCK) {
    const window = line.slice(a, a + MAX_BLOCK);
    let b = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
    if (b < MAX_BLOCK / 4) b = window.lastIndexOf(' ');
    b = b < 1 ? MAX_BLOCK : b + 1;
    out.push([offset + a, offset + a + b]);
    a += b;
  }
  out.push([offset + a, offset + line.length]);
}

/**
 * Splits text into sentences. Line breaks always end a sentence (headings, list items and bylines
 * stand alone); inside a line, Intl.Segmenter cuts, then cuts after abbreviations ("Dr.", "M.",
 * "e.g."), initials and dotted acronyms followed by a name ("U.S. Senate") are undone, and a
 * closing quote or bracket separated from its sentence ("« Non. » Puis") is re-attached.
 * Spans are trimmed of surrounding whitespace; empty ones are dropped.
 */
export function splitSentences(text: string, from = 0, to = text.length): Sentence[] {
  // Lines: maximal runs without a line break, from `from` (as a /[^\n\r\u2028\u2029]+/g scan would).
  const end = to < text.length ? text.slice(0, to).length : text.length;
  const out: Sentence[] = [];
  let i = from > 0 ? Math.floor(from) : 0;
  // Text whose only line break is \n (the usual case) is cut with indexOf.
  const none = (c: string): boolean => {
    const k = text.indexOf(c, i);
    return k < 0 || k >= end;
  };
  const onlyLf = none('\r') && none('\u2028') && none('\u2029');
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      i++;
      continue;
    }
    let j: number;
    if (onlyLf) {
      j = text.indexOf('\n', i + 1);
      if (j < 0 || j > end) j = end;
    } else {
      for (j = i + 1; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d <= 13 ? d === 10 || d === 13 : d === 0x2028 || d === 0x2029) break;
      }
    }
    if (j - i > MAX_BLOCK) {
      const blocks: Array<[number, number]> = [];
      blocksOf(text.slice(i, j), i, blocks);
      for (const [bs, be] of blocks) splitBlock(text, bs, be, out);
    } else splitBlock(text, i, j, out);
    i = j;
  }
  return out;
}

/** Sentences of the block `text[bs, be)`, pushed to `out`. */
function splitBlock(text: string, bs: number, be: number, out: Sentence[]): void {
  const raws = rawCuts(text, bs, be);
  if (raws.length === 0) {
    pushTrimmed(text, bs, be, out);
    return;
  }
  const block = text.slice(bs, be);
  const cuts: number[] = [];
  for (const raw of raws) {
    if (isFalseCut(block, raw)) continue;
    // Re-attach closing punctuation that ICU put at the start of the next sentence
    // (/^\s*[»”’)\]]+/ on the next 8 characters).
    const stop = Math.min(raw + 8, block.length);
    let q = raw;
    while (q < stop && isJsSpace(block.charCodeAt(q))) q++;
    let r = q;
    for (; r < stop; r++) {
      const d = block.charCodeAt(r);
      if (d !== 0xbb && d !== 0x201d && d !== 0x2019 && d !== 41 && d !== 93) break;
    }
    const cut = r > q ? r : raw;
    if (cut > (cuts[cuts.length - 1] ?? 0) && cut < block.length) cuts.push(cut);
  }
  let prev = 0;
  for (const cut of cuts) {
    pushTrimmed(text, bs + prev, bs + cut, out);
    prev = cut;
  }
  pushTrimmed(text, bs + prev, be, out);
}

function pushTrimmed(text: string, a: number, b: number, out: Sentence[]): void {
  while (a < b && isJsSpace(text.charCodeAt(a))) a++;
  while (b > a && isJsSpace(text.charCodeAt(b - 1))) b--;
  if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
}

// ---------------------------------------------------------------------------------- language

/** Frequent function words per language (short, distinctive lists; overlap is fine). */
const STOP_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'in', 'it', 'for', 'with', 'was', 'are', 'this', 'be', 'on', 'have', 'has', 'by', 'will', 'from', 'which', 'not', 'they', 'their', 'would', 'can', 'we', 'an', 'at', 'or', 'been', 'more', 'its', 'these', 'also'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'un', 'du', 'que', 'qui', 'dans', 'pour', 'pas', 'sur', 'au', 'aux', 'avec', 'ce', 'cette', 'sont', 'par', 'plus', 'ne', 'nous', 'il', 'elle', 'ont', 'été', 'être', 'mais', 'ou', 'leur', 'aussi', 'comme', 'entre'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'ein', 'eine', 'auf', 'für', 'sich', 'dem', 'auch', 'werden', 'wird', 'sind', 'oder', 'bei', 'nach', 'wie', 'über', 'dass'],
  es: ['el', 'los', 'las', 'del', 'que', 'y', 'es', 'en', 'por', 'con', 'una', 'para', 'como', 'pero', 'más', 'su', 'sus', 'se', 'lo', 'al', 'está', 'son', 'este', 'esta', 'también', 'muy'],
  it: ['il', 'di', 'che', 'e', 'è', 'la', 'per', 'un', 'una', 'non', 'con', 'sono', 'della', 'del', 'gli', 'nel', 'alla', 'anche', 'come', 'questo', 'più', 'delle', 'dei', 'essere', 'ha'],
  pt: ['o', 'os', 'as', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'mais', 'dos', 'das', 'se', 'na', 'no', 'ao', 'foi', 'são', 'também', 'está'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'te', 'zijn', 'met', 'voor', 'ook', 'wordt', 'naar', 'maar', 'bij', 'er', 'dit', 'die', 'worden', 'aan', 'heeft'],
};

const STOP_INDEX: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(STOP_WORDS)) {
    for (const w of words) m.set(w, [...(m.get(w) ?? []), lang]);
  }
  return m;
})();

/** Non-Latin scripts decide the language (or its family) on their own. */
const SCRIPTS: Array<[number, number, string]> = [
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0400, 0x04ff, 'ru'],
  [0x0600, 0x06ff, 'ar'],
  [0x0370, 0x03ff, 'el'],
  [0x0590, 0x05ff, 'he'],
  [0x0900, 0x097f, 'hi'],
  [0x0e00, 0x0e7f, 'th'],
];
const LETTER_RE = /\p{L}/u;

export interface LanguageGuess {
  lang: string;
  /** Share of the winning language among the stop-word hits (0..1); 0 when undetermined. */
  confidence: number;
}

/**
 * Guesses the language of `text` from a sample of at most `sampleChars` characters: non-Latin
 * scripts first, then stop-word counts (en, fr, de, es, it, pt, nl) with French elisions (l', d',
 * qu') as extra French evidence. Returns 'und' when there are too few words to tell.
 */
export function detectLanguage(text: string, sampleChars = 4000): LanguageGuess {
  const sample = text.length > sampleChars ? text.slice(0, sampleChars) : text;
  // One pass over the sample: letters, and letters of each non-Latin script.
  const scriptCounts = new Array<number>(SCRIPTS.length).fill(0);
  let letters = 0;
  let nonLatin = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      letters++;
      continue;
    }
    if (c < 0xc0) continue;
    if (!LETTER_RE.test(sample[i] as string)) continue;
    letters++;
    if (c >= 0x370) {
      nonLatin = true;
      for (let k = 0; k < SCRIPTS.length; k++) {
        const [lo, hi] = (SCRIPTS[k] as [number, number, string]);
        if (c >= lo && c <= hi) scriptCounts[k] = (scriptCounts[k] as number) + 1;
      }
    }
  }
  if (letters === 0) return { lang: 'und', confidence: 0 };
  if (nonLatin) {
    for (let k = 0; k < SCRIPTS.length; k++) {
      const n = scriptCounts[k] as number;
      const lang = (SCRIPTS[k] as [number, number, string])[2];
      if (n / letters > 0.3) return { lang: lang === 'zh' && /[\u3040-\u30ff]/.test(sample) ? 'ja' : lang, confidence: n / letters };
    }
  }
  const scores: Record<string, number> = {};
  let total = 0;
  const wordRe = /\p{L}+/gu;
  for (let m = wordRe.exec(sample); m; m = wordRe.exec(sample)) {
    const langs = STOP_INDEX.get(m[0].toLowerCase());
    if (!langs) continue;
    total++;
    for (const l of langs) scores[l] = (scores[l] ?? 0) + 1 / langs.length;
  }
  const elisions = (sample.match(/\b(?:[lLdDjJnNsScC]|qu|Qu)['’]\p{L}/gu) ?? []).length;
  scores.fr = (scores.fr ?? 0) + elisions * 0.5;
  total += elisions * 0.5;
  let best = 'und';
  let bestScore = 0;
  for (const [l, s] of Object.entries(scores)) {
    if (s > bestScore) {
      best = l;
      bestScore = s;
    }
  }
  if (bestScore < 1.5) return { lang: 'und', confidence: 0 };
  return { lang: best, confidence: bestScore / Math.max(total, 1e-9) };
}
