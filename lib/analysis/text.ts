/**
 * Text primitives of the analysis: sentence splitting and language detection. Pure string code,
 * no DOM; offsets are UTF-16 indices, end exclusive.
 */

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

/** Sentence terminators (ICU STerm/ATerm that occur in en/fr text) and the NEL separator. */
const TERMINATOR_RE = /[.!?…\u0085\u203c\u2047-\u2049\u3002\uff01\uff0e\uff1f]/;
/** Trailing terminators, closing punctuation and spaces. */
const TAIL_RE = /[\s.!?…\u203c\u2047-\u2049\u3002\uff01\uff0e\uff1f"'»”’)\]]+$/;

/** Raw sentence cuts of one block (no line breaks inside), with Intl.Segmenter or a regex fallback. */
function rawCuts(block: string): number[] {
  const cuts: number[] = [];
  // Fast path: no terminator before the block's tail means one sentence (headings, list items,
  // one-sentence lines); Intl.Segmenter is by far the most expensive step on such lines.
  const tail = TAIL_RE.exec(block);
  if (!TERMINATOR_RE.test(tail ? block.slice(0, tail.index) : block)) return cuts;
  const seg = segmenter();
  if (seg) {
    for (const s of seg.segment(block)) if (s.index > 0) cuts.push(s.index);
    return cuts;
  }
  const re = /[.!?…]+["'»”’)\]]*\s+(?=["'«“‘(\[]?\p{Lu}|\d)/gu;
  for (let m = re.exec(block); m; m = re.exec(block)) cuts.push(m.index + m[0].length);
  return cuts;
}

/** Last word (letters and inner dots) before position `end` of `s`, lowercased, without final dot. */
function wordBefore(s: string, end: number): string {
  let i = end;
  while (i > 0 && /\s/.test(s[i - 1] ?? '')) i--;
  if (s[i - 1] !== '.') return '';
  const stop = i - 1;
  let j = stop;
  while (j > 0 && /[\p{L}.\-]/u.test(s[j - 1] ?? '')) j--;
  return s.slice(j, stop);
}

function firstWord(s: string, from: number): string {
  const m = /^[\s"'«“‘(\[]*([\p{L}]+)/u.exec(s.slice(from, from + 40));
  return m?.[1] ?? '';
}

/** Should the cut at `cut` in `block` be undone (abbreviation, initial, dotted acronym)? */
function isFalseCut(block: string, cut: number): boolean {
  const w = wordBefore(block, cut);
  if (!w) return false;
  const lw = w.toLowerCase();
  const next = firstWord(block, cut);
  const nextLower = next !== '' && next[0] === next[0]?.toLowerCase() && next[0] !== next[0]?.toUpperCase();
  if (/^\d/.test(block.slice(cut).trimStart()) && /^(p|pp|no|nos|n|art|fig|figs|vol|ch|sec|chap)$/.test(lw)) return true;
  if (SOFT_ABBREVIATIONS.has(lw)) return nextLower;
  if (ABBREVIATIONS.has(lw)) return true;
  // A single capital initial ("Léa M. Synthia", "J. Dupont").
  if (/^\p{Lu}$/u.test(w)) return true;
  // Dotted acronyms: "U.S.", "U.N.", "O.N.U.".
  if (/^(?:\p{L}\.)+\p{L}$/u.test(w)) return nextLower || (next !== '' && !SENTENCE_STARTERS.has(next.toLowerCase()));
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
  const blocks: Array<[number, number]> = [];
  const lineRe = /[^\n\r\u2028\u2029]+/g;
  lineRe.lastIndex = from;
  const region = to < text.length ? text.slice(0, to) : text;
  for (let m = lineRe.exec(region); m; m = lineRe.exec(region)) blocksOf(m[0], m.index, blocks);
  const out: Sentence[] = [];
  for (const [bs, be] of blocks) {
    const block = text.slice(bs, be);
    const cuts: number[] = [];
    for (const raw of rawCuts(block)) {
      if (isFalseCut(block, raw)) continue;
      // Re-attach closing punctuation that ICU put at the start of the next sentence.
      const lead = /^\s*[»”’)\]]+/.exec(block.slice(raw, raw + 8));
      const cut = lead ? raw + lead[0].length : raw;
      if (cut > (cuts[cuts.length - 1] ?? 0) && cut < block.length) cuts.push(cut);
    }
    let prev = 0;
    for (const cut of [...cuts, block.length]) {
      pushTrimmed(text, bs + prev, bs + cut, out);
      prev = cut;
    }
  }
  return out;
}

function pushTrimmed(text: string, a: number, b: number, out: Sentence[]): void {
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
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
