/**
 * Compiles the cue lexicons into word-indexed tables, so a sentence is tokenised once and each
 * word costs one or two Map lookups instead of ~27 Unicode regexes (about 10× faster). Lexicon
 * alternatives that are plain words or phrases (optionally with `(?:a|b)`, `x?` and a final
 * `\p{L}*` stem wildcard) go to the tables; anything else (digits, `\s`, `\p{L}+` inside a
 * phrase, explicit regexes) stays a regex, run as one alternation per cue.
 */
import type { CueName } from './lexicon';

interface WordPattern {
  word: string;
  /** Prefix match (the lexicon wrote `word\p{L}*`). */
  stem: boolean;
}

interface Entry {
  cue: CueName;
  /** Index of `cue` in the lexicon's `cues`. */
  ci: number;
  /** Words after the first. */
  rest: WordPattern[];
}

/** A first word given by its ending: `\p{L}+er than`, `\p{L}{3,}(?:era|ront)`. */
interface SuffixEntry {
  suffix: string;
  /** Letters required before the suffix. */
  min: number;
  entry: Entry;
}

/** A residual cue: a regex, run only when the lowercased sentence contains `needs` (if set). */
export interface ResidualCue {
  cue: CueName;
  re: RegExp;
  needs?: string;
  /** Cannot match without a digit. */
  digit: boolean;
  /** Index of `cue` in the lexicon's `cues`. */
  ci: number;
  /** `needs` is ASCII without letters: lowercasing the sentence cannot change whether it occurs. */
  caseless: boolean;
  /** Digit facts (`digitFacts`) the regex cannot match without. */
  gate: number;
}

export interface CompiledLexicon {
  exact: Map<string, Entry[]>;
  /** Stem entries in a character trie: walking a word's characters visits every stem it starts with. */
  stems: StemNode;
  suffixes: SuffixEntry[];
  residual: ResidualCue[];
  /** Cue names, indexed by `Entry.ci` / `ResidualCue.ci`. */
  cues: CueName[];
  /** Interned word slot (see `internSpan`) → every entry whose first word matches the word (exact,
   * stems, suffixes), filled lazily: words repeat, so most tokens cost one array read. */
  memo: Array<readonly Entry[] | undefined>;
  /** `wordGen` the memo belongs to. */
  memoGen: number;
  /** Cues found in the current sentence: `found[ci] === stamp` (reused between calls). */
  found: Int32Array;
  stamp: number;
}

const NO_ENTRIES: readonly Entry[] = [];

// ------------------------------------------------------------------------- interned words
// Every distinct lowercased word is kept once, in an open-addressing table: a sentence's tokens
// reuse those strings (no allocation for a known word, and its hash is already cached for the
// Map lookups of the models), and the slot number indexes each lexicon's memo directly.

/** Slots at most; the table is cleared when it is half full at this size. */
const WORDS_MAX_SLOTS = 1 << 16;
let wordSlots = 1 << 12;
let wordHashes = new Int32Array(wordSlots);
let wordStrings: Array<string | undefined> = new Array<string | undefined>(wordSlots);
let wordCount = 0;
/** Bumped whenever slots are renumbered (growth or clearing): memos and token ids start over. */
let wordGen = 0;

function resizeWords(slots: number): void {
  const oldStrings = wordStrings;
  const oldHashes = wordHashes;
  wordSlots = slots;
  wordHashes = new Int32Array(slots);
  wordStrings = new Array<string | undefined>(slots);
  wordCount = 0;
  wordGen++;
  if (slots === oldStrings.length) return; // cleared
  const mask = slots - 1;
  for (let i = 0; i < oldStrings.length; i++) {
    const h = oldHashes[i] as number;
    if (h === 0) continue;
    const w = oldStrings[i];
    let slot = h & mask;
    while (wordHashes[slot] !== 0) slot = (slot + 1) & mask;
    wordStrings[slot] = w;
    wordHashes[slot] = h;
    wordCount++;
  }
}

/** Makes room for `n` more words (grows, or clears at the maximum size). */
function reserveWords(n: number): void {
  if ((wordCount + n) * 2 <= wordSlots) return;
  let slots = wordSlots;
  while ((wordCount + n) * 2 > slots && slots < WORDS_MAX_SLOTS) slots *= 2;
  if ((wordCount + n) * 2 > slots) resizeWords(wordSlots); // full: start over
  else resizeWords(slots);
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Slot of the word `s[a, b)` with ’ read as ' (the form `norm` gives), whose hash is `h` (FNV-1a
 * of its UTF-16 units, ’ as '); added when new. `quote`: the span may contain ’.
 */
function internHashed(s: string, a: number, b: number, h0: number, quote: boolean): number {
  const h = h0 === 0 ? 1 : h0; // 0 marks an empty slot
  const len = b - a;
  for (;;) {
    const mask = wordSlots - 1;
    let slot = h & mask;
    for (;;) {
      const hs = wordHashes[slot] as number;
      if (hs === 0) break;
      const w = hs === h ? (wordStrings[slot] as string) : '';
      if (hs === h && w.length === len) {
        let k = 0;
        if (quote) {
          for (; k < len; k++) {
            const d = s.charCodeAt(a + k);
            if (w.charCodeAt(k) !== (d === 0x2019 ? 39 : d)) break;
          }
        } else while (k < len && w.charCodeAt(k) === s.charCodeAt(a + k)) k++;
        if (k === len) return slot;
      }
      slot = (slot + 1) & mask;
    }
    if ((wordCount + 1) * 2 > wordSlots) {
      reserveWords(1);
      continue; // slots renumbered: probe again
    }
    let word = a === 0 && b === s.length ? s : s.slice(a, b);
    if (quote) word = word.replace(/’/g, "'");
    wordStrings[slot] = word;
    wordHashes[slot] = h;
    wordCount++;
    return slot;
  }
}

/** Slot of the word `s[a, b)` as it is (the words of `wordTokens` have no ’ left). */
function internSpan(s: string, a: number, b: number): number {
  let h = FNV_OFFSET;
  for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return internHashed(s, a, b, h, false);
}

/** Entries of `lex` whose first word is the interned word in `slot`. */
function slotEntries(lex: CompiledLexicon, slot: number): readonly Entry[] {
  if (lex.memoGen !== wordGen || lex.memo.length !== wordSlots) {
    lex.memo = new Array<readonly Entry[] | undefined>(wordSlots);
    lex.memoGen = wordGen;
  }
  let entries = lex.memo[slot];
  if (entries === undefined) {
    entries = firstWordEntries(lex, wordStrings[slot] as string);
    lex.memo[slot] = entries;
  }
  return entries;
}

/** A value computed once per distinct word (by interned slot; starts over when slots are renumbered). */
export class WordMemo<T> {
  private gen = -1;
  private values: Array<T | undefined> = [];
  constructor(private readonly compute: (word: string) => T) {}

  /** The value for the word of `t` (its `lower`). */
  get(t: WordToken): T {
    const slot = tokenSlot(t);
    if (this.gen !== wordGen || this.values.length !== wordSlots) {
      this.values = new Array<T | undefined>(wordSlots);
      this.gen = wordGen;
    }
    let v = this.values[slot];
    if (v === undefined) {
      v = this.compute(wordStrings[slot] as string);
      this.values[slot] = v;
    }
    return v;
  }
}

/** `w` with every digit folded to 0 (the n-gram form of the models); `w` itself when it has none. */
export const foldDigits = (w: string): string => (/\d/.test(w) ? w.replace(/\d/g, '0') : w);

/** Digit-folded words (digits → 0), per distinct word. */
const FOLDED = new WordMemo(foldDigits);

/**
 * `t.lower` with every digit folded to 0 (the n-gram form of the models), computed once per
 * distinct word; the very string `t.lower` when it has no digit.
 */
export function foldedDigits(t: WordToken): string {
  return FOLDED.get(t);
}

/** Slot of a token's word in the current table (re-interned when the table changed since). */
function tokenSlot(t: WordToken): number {
  if (t instanceof Token && t.gen === wordGen) return t.slot;
  return internSpan(t.lower, 0, t.lower.length);
}

/** Entries whose first word matches `w` (exact first, then stems by length, then suffixes). */
function firstWordEntries(lex: CompiledLexicon, w: string): readonly Entry[] {
  let out: Entry[] | undefined;
  const ex = lex.exact.get(w);
  if (ex) out = [...ex];
  let node: StemNode | undefined = lex.stems;
  for (let c = 0; c < w.length && node; c++) {
    node = node.next.get(w[c] as string);
    if (node?.entries) (out ??= []).push(...node.entries);
  }
  for (const sx of lex.suffixes) {
    if (w.length >= sx.suffix.length + sx.min && w.endsWith(sx.suffix)) (out ??= []).push(sx.entry);
  }
  return out ?? NO_ENTRIES;
}

interface StemNode {
  next: Map<string, StemNode>;
  entries?: Entry[];
}

export interface WordToken {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** A token of `wordTokens`: `text` is sliced on demand (most are never read). */
class Token implements WordToken {
  constructor(
    readonly src: string,
    readonly lower: string,
    readonly start: number,
    readonly end: number,
    /** Slot of `lower` in the interned words, valid while `wordGen` is `gen`. */
    readonly slot: number,
    readonly gen: number,
  ) {}

  get text(): string {
    return this.src.slice(this.start, this.end);
  }
}

const norm = (s: string): string => s.toLowerCase().replace(/’/g, "'");

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Letter or digit (ASCII fast path). */
function isWordChar(c: number, s: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c < LATIN_END) return (latinTables().word[c] as number) === 1;
  if (c >= 0x2000 && c < 0x2070) return false; // General Punctuation: no letters or digits
  // Surrogate pairs (astral letters) are rare in articles; a lone surrogate tests false.
  return WORD_CHAR.test(s[i] as string);
}

/** Code units below this have tabulated word-ness and lowercase. */
const LATIN_END = 0x250;
/** The letters and digits ([\p{L}\p{N}]) below LATIN_END (the tests check them against the regex). */
export const LATIN_WORD_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xaa, 0xaa], [0xb2, 0xb3], [0xb5, 0xb5], [0xb9, 0xba],
  [0xbc, 0xbe], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f],
];
/** Lowercase of a code unit below LATIN_END (`toLowerCase` of it alone), NO_LOWER when not one unit. */
const NO_LOWER = 0xffff;
interface LatinTables {
  /** 1 for a letter or digit. */
  word: Uint8Array;
  /** Lowercase of a letter or digit (NO_LOWER when not one unit); 0 for any other unit. */
  wordLower: Uint16Array;
}
let latin: LatinTables | undefined;
function latinTables(): LatinTables {
  if (!latin) {
    const word = new Uint8Array(LATIN_END);
    const wordLower = new Uint16Array(LATIN_END);
    for (const [a, b] of LATIN_WORD_RANGES) {
      for (let c = a; c <= b; c++) {
        word[c] = 1;
        const l = String.fromCharCode(c).toLowerCase();
        wordLower[c] = l.length === 1 ? l.charCodeAt(0) : NO_LOWER;
      }
    }
    latin = { word, wordLower };
  }
  return latin;
}

/** The last sentence tokenised and its lowercase (`toLowerCase`, ’ kept; computed on demand). */
let lastSentence = '';
let lastLowered: string | undefined;

/** `s.toLowerCase()`, remembered for the last sentence tokenised or lowercased. */
export function lowerCaseOf(s: string): string {
  if (s !== lastSentence || lastLowered === undefined) {
    lastSentence = s;
    lastLowered = s.toLowerCase();
  }
  return lastLowered;
}

/**
 * Slot of the word `s[a, b)` lowercased unit by unit with `wordLower` (letters and digits below
 * LATIN_END, inner ' and -, and ’, which reads as '), whose hash is `h`; added when new.
 */
function internLatin(s: string, a: number, b: number, h0: number, wordLower: Uint16Array): number {
  const h = h0 === 0 ? 1 : h0; // 0 marks an empty slot
  const len = b - a;
  for (;;) {
    const mask = wordSlots - 1;
    let slot = h & mask;
    for (;;) {
      const hs = wordHashes[slot] as number;
      if (hs === 0) break;
      const w = hs === h ? (wordStrings[slot] as string) : '';
      if (hs === h && w.length === len) {
        let k = 0;
        for (; k < len; k++) {
          const d = s.charCodeAt(a + k);
          // Inner ' and - are not letters (0 in the table) and lowercase to themselves.
          if (w.charCodeAt(k) !== (d === 0x2019 || d === 39 ? 39 : d === 45 ? 45 : (wordLower[d] as number))) break;
        }
        if (k === len) return slot;
      }
      slot = (slot + 1) & mask;
    }
    if ((wordCount + 1) * 2 > wordSlots) {
      reserveWords(1);
      continue; // slots renumbered: probe again
    }
    wordStrings[slot] = norm(s.slice(a, b));
    wordHashes[slot] = h;
    wordCount++;
    return slot;
  }
}

/** Tokenises a sentence into words (letters/digits with inner apostrophes and hyphens). */
export function wordTokens(s: string): WordToken[] {
  const n = s.length;
  // At most one new word per two characters: no renumbering while this sentence is tokenised.
  reserveWords((n >> 1) + 1);
  const gen = wordGen;
  const wordLower = latinTables().wordLower;
  const out: WordToken[] = [];
  // Fast path: words of units below LATIN_END (and ’) are lowercased unit by unit, which is what
  // `toLowerCase` does to them (its only context-dependent mapping is the Greek final sigma),
  // hashed on the fly and interned without slicing known words. Any other letter or digit: the
  // general path below, from the start.
  let i = 0;
  while (i < n) {
    const c0 = s.charCodeAt(i);
    let d: number;
    if (c0 < LATIN_END) {
      d = wordLower[c0] as number;
      if (d === 0) {
        i++;
        continue;
      }
      if (d === NO_LOWER) return wordTokensGeneral(s, gen);
    } else if ((c0 >= 0x2000 && c0 < 0x2070) || !isWordChar(c0, s, i)) {
      i++;
      continue;
    } else return wordTokensGeneral(s, gen);
    const start = i;
    let h = Math.imul(FNV_OFFSET ^ d, FNV_PRIME);
    while (++i < n) {
      const c = s.charCodeAt(i);
      // Inner ' ’ - are part of the word (as the regex [\p{L}\p{N}][\p{L}\p{N}'’-]* did).
      if (c < LATIN_END) {
        d = wordLower[c] as number;
        if (d === 0) {
          if (c === 39 || c === 45) d = c;
          else break;
        } else if (d === NO_LOWER) return wordTokensGeneral(s, gen);
      } else if (c === 0x2019) d = 39;
      else if ((c >= 0x2000 && c < 0x2070) || !isWordChar(c, s, i)) break;
      else return wordTokensGeneral(s, gen);
      h = Math.imul(h ^ d, FNV_PRIME);
    }
    const slot = internLatin(s, start, i, h, wordLower);
    out.push(new Token(s, wordStrings[slot] as string, start, i, slot, gen));
  }
  return out;
}

/** `wordTokens` for any text: the sentence lowercased as a whole. */
function wordTokensGeneral(s: string, gen: number): WordToken[] {
  const out: WordToken[] = [];
  const lowered = lowerCaseOf(s);
  // Lowercasing that keeps the length maps character to character: words are hashed and
  // interned straight from `lowered` (’ read as ').
  const same = lowered.length === s.length;
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(s.charCodeAt(i), s, i)) {
      i++;
      continue;
    }
    const start = i;
    let slot: number;
    if (same) {
      let h = Math.imul(FNV_OFFSET ^ lowered.charCodeAt(i++), FNV_PRIME);
      let quote = false;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === 39 || c === 0x2019 || c === 45 || isWordChar(c, s, i)) {
          let d = lowered.charCodeAt(i++);
          if (d === 0x2019) {
            d = 39;
            quote = true;
          }
          h = Math.imul(h ^ d, FNV_PRIME);
        } else break;
      }
      slot = internHashed(lowered, start, i, h, quote);
    } else {
      i++;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === 39 || c === 0x2019 || c === 45 || isWordChar(c, s, i)) i++;
        else break;
      }
      const w = norm(s.slice(start, i));
      slot = internSpan(w, 0, w.length);
    }
    out.push(new Token(s, wordStrings[slot] as string, start, i, slot, gen));
  }
  return out;
}

/** Expands `(?:a|b)`, `(?:…)?` and `x?` into plain strings; null when the pattern is not that simple. */
function expand(p: string, limit = 128): string[] | null {
  let outs: string[] = [''];
  let i = 0;
  const push = (alts: string[], optional: boolean): boolean => {
    const next: string[] = [];
    for (const o of outs) {
      for (const a of alts) next.push(o + a);
      if (optional) next.push(o);
    }
    outs = next;
    return outs.length <= limit;
  };
  while (i < p.length) {
    const c = p[i] as string;
    if (p.startsWith('\\p{L}*', i)) {
      if (!push(['*'], false)) return null;
      i += 6;
      continue;
    }
    if (p.startsWith('\\p{L}+', i)) {
      // A whole word of any letters (inside a phrase; a leading one is handled by compileLexicon).
      if (!push(['+'], false)) return null;
      i += 6;
      continue;
    }
    if (c === '(' && p.startsWith('(?:', i)) {
      let depth = 1;
      let j = i + 3;
      while (j < p.length && depth > 0) {
        if (p[j] === '(') depth++;
        else if (p[j] === ')') depth--;
        j++;
      }
      const inner = p.slice(i + 3, j - 1);
      // split inner on top-level '|'
      const parts: string[] = [];
      let d = 0;
      let last = 0;
      for (let k = 0; k < inner.length; k++) {
        if (inner[k] === '(') d++;
        else if (inner[k] === ')') d--;
        else if (inner[k] === '|' && d === 0) {
          parts.push(inner.slice(last, k));
          last = k + 1;
        }
      }
      parts.push(inner.slice(last));
      const alts: string[] = [];
      for (const part of parts) {
        const e = expand(part, limit);
        if (!e) return null;
        alts.push(...e);
      }
      const optional = p[j] === '?';
      if (!push(alts, optional)) return null;
      i = optional ? j + 1 : j;
      continue;
    }
    if ('\\[]{}+.^$|)'.includes(c)) return null;
    if (c === '?' || c === '*') return null;
    const optional = p[i + 1] === '?';
    if (!push([c], optional)) return null;
    i += optional ? 2 : 1;
  }
  return outs;
}

/** Splits "a | b (?:c|d)" on top-level bars only. */
function splitTop(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(last, k).trim());
      last = k + 1;
    }
  }
  out.push(src.slice(last).trim());
  return out.filter(Boolean);
}

/** Sets a residual cue's gate: the given one for its cue, plus DF_DIGIT when it needs a digit. */
function withGate(r: ResidualCue, gates: Partial<Record<CueName, number>>): ResidualCue {
  r.gate = (gates[r.cue] ?? 0) | (r.digit ? DF_DIGIT : 0);
  return r;
}

/**
 * Compiles one language's lexicon (alternatives separated by " | ", as in lexicon.ts). `gates`
 * names, per cue, digit facts (`digitFacts`) its residual regex cannot match without.
 */
export function compileLexicon(sources: Partial<Record<CueName, string | RegExp | [RegExp, string]>>, gates: Partial<Record<CueName, number>> = {}): CompiledLexicon {
  const exact = new Map<string, Entry[]>();
  const stems: StemNode = { next: new Map() };
  const residual: ResidualCue[] = [];
  const suffixes: SuffixEntry[] = [];
  const pattern = (w: string): WordPattern => (w === '+' ? { word: '', stem: true } : w.endsWith('*') ? { word: w.slice(0, -1), stem: true } : { word: w, stem: false });
  const isDigitOnly = (re: RegExp): boolean => splitTop(re.source).every((alt) => alt.includes('\\d'));
  const cues: CueName[] = [];
  for (const [cueName, src] of Object.entries(sources) as Array<[CueName, string | RegExp | [RegExp, string]]>) {
    const ci = cues.length;
    cues.push(cueName);
    if (src instanceof RegExp) {
      residual.push(withGate({ cue: cueName, re: src, digit: isDigitOnly(src), ci, caseless: true, gate: 0 }, gates));
      continue;
    }
    if (Array.isArray(src)) {
      // ASCII without letters: lowercasing cannot make or unmake it.
      const caseless = /^[\x00-\x40\x5b-\x60\x7b-\x7f]*$/.test(src[1]);
      residual.push(withGate({ cue: cueName, re: src[0], needs: src[1], digit: isDigitOnly(src[0]), ci, caseless, gate: 0 }, gates));
      continue;
    }
    const rest: string[] = [];
    for (const alt0 of splitTop(src)) {
      // A leading "any letters" wildcard: the first word is matched by its ending.
      const lead = /^\\p\{L\}(?:\+|\{(\d+),\})/.exec(alt0);
      const alt = lead ? alt0.slice(lead[0].length) : alt0;
      const forms = expand(alt);
      if (!forms || forms.some((f) => /\*(?!$|\s)/.test(f) || /[^\s]\+|\+[^\s]/.test(f) || !/^[\p{L}\p{N}'’\- *+]+$/u.test(f))) {
        rest.push(alt);
        continue;
      }
      for (const form of forms) {
        const words = norm(form).trim().split(/\s+/);
        const first = words[0] as string;
        const entry: Entry = { cue: cueName, ci, rest: words.slice(1).map(pattern) };
        if (lead) {
          if (first.endsWith('*')) {
            rest.push(alt0);
            break;
          }
          suffixes.push({ suffix: first, min: Number(lead[1] ?? 1), entry });
        } else if (first.endsWith('*')) {
          let node = stems;
          for (const ch of first.slice(0, -1)) {
            let child = node.next.get(ch);
            if (!child) node.next.set(ch, (child = { next: new Map() }));
            node = child;
          }
          (node.entries ??= []).push(entry);
        } else {
          exact.set(first, [...(exact.get(first) ?? []), entry]);
        }
      }
    }
    if (rest.length) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${rest.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
      residual.push(withGate({ cue: cueName, re, digit: isDigitOnly(re), ci, caseless: true, gate: 0 }, gates));
    }
  }
  return { exact, stems, suffixes, residual, cues, memo: [], memoGen: -1, found: new Int32Array(cues.length), stamp: 0 };
}

// ---------------------------------------------------------------- compiled at build time
// Compiling a lexicon (expanding the alternatives, testing each form, building the stem trie) cost
// about 20 ms of the first analysis of every page in Chromium, nearly all of it cold code run once.
// The build writes the compiled tables as text (claims/lexicon.generated.ts, by
// scripts/build-tables.ts) and the page only reads them back; a unit test checks that what it reads
// equals what compileLexicon gives.

/** A compiled lexicon as text: tab-separated lines, words of a rest with `*` for a stem. */
export interface SerializedLexicon {
  /** Cue names, space-separated, in `ci` order. */
  cues: string;
  /** `first word \t ci \t rest` per exact entry. */
  exact: string;
  /** `stem prefix \t ci \t rest` per stem entry. */
  stems: string;
  /** `suffix \t min \t ci \t rest` per suffix entry. */
  suffixes: string;
  /** [ci, regex source, flags, needs ('' = none), gate, digit, caseless] per residual cue. */
  residual: Array<[number, string, string, string, number, 0 | 1, 0 | 1]>;
}

const restText = (rest: readonly WordPattern[]): string => rest.map((p) => (p.stem ? `${p.word}*` : p.word)).join(' ');

function restOf(text: string): WordPattern[] {
  if (!text) return [];
  return text.split(' ').map((w) => (w.endsWith('*') ? { word: w.slice(0, -1), stem: true } : { word: w, stem: false }));
}

export function serializeLexicon(lex: CompiledLexicon): SerializedLexicon {
  const exact: string[] = [];
  for (const [first, entries] of lex.exact) for (const e of entries) exact.push(`${first}\t${e.ci}\t${restText(e.rest)}`);
  const stems: string[] = [];
  const walk = (node: StemNode, prefix: string): void => {
    for (const e of node.entries ?? []) stems.push(`${prefix}\t${e.ci}\t${restText(e.rest)}`);
    for (const [ch, child] of node.next) walk(child, prefix + ch);
  };
  walk(lex.stems, '');
  return {
    cues: lex.cues.join(' '),
    exact: exact.join('\n'),
    stems: stems.join('\n'),
    suffixes: lex.suffixes.map((x) => `${x.suffix}\t${x.min}\t${x.entry.ci}\t${restText(x.entry.rest)}`).join('\n'),
    residual: lex.residual.map((r) => [r.ci, r.re.source, r.re.flags, r.needs ?? '', r.gate, r.digit ? 1 : 0, r.caseless ? 1 : 0]),
  };
}

/** The compiled lexicon written by `serializeLexicon`. */
export function loadLexicon(s: SerializedLexicon): CompiledLexicon {
  const cues = s.cues.split(' ') as CueName[];
  const entry = (ci: string, rest: string): Entry => {
    const i = Number(ci);
    return { cue: cues[i] as CueName, ci: i, rest: restOf(rest) };
  };
  const exact = new Map<string, Entry[]>();
  for (const line of s.exact ? s.exact.split('\n') : []) {
    const [first = '', ci = '', rest = ''] = line.split('\t');
    const list = exact.get(first);
    if (list) list.push(entry(ci, rest));
    else exact.set(first, [entry(ci, rest)]);
  }
  const stems: StemNode = { next: new Map() };
  for (const line of s.stems ? s.stems.split('\n') : []) {
    const [prefix = '', ci = '', rest = ''] = line.split('\t');
    let node = stems;
    for (const ch of prefix) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    (node.entries ??= []).push(entry(ci, rest));
  }
  const suffixes: SuffixEntry[] = (s.suffixes ? s.suffixes.split('\n') : []).map((line) => {
    const [suffix = '', min = '', ci = '', rest = ''] = line.split('\t');
    return { suffix, min: Number(min), entry: entry(ci, rest) };
  });
  const residual: ResidualCue[] = s.residual.map(([ci, source, flags, needs, gate, digit, caseless]) => ({
    cue: cues[ci] as CueName,
    re: new RegExp(source, flags),
    ...(needs ? { needs } : {}),
    digit: digit === 1,
    ci,
    caseless: caseless === 1,
    gate,
  }));
  return { exact, stems, suffixes, residual, cues, memo: [], memoGen: -1, found: new Int32Array(cues.length), stamp: 0 };
}

/** Does the single word `w` (lowercased) match `cue` on its own (a one-word lexicon entry)? */
export function isSingleWordCue(lex: CompiledLexicon, w: string, cue: CueName): boolean {
  return singleWordCueAt(lex, internSpan(w, 0, w.length), cue);
}

/** `isSingleWordCue` for a token of `wordTokens`. */
export function isSingleWordCueToken(lex: CompiledLexicon, t: WordToken, cue: CueName): boolean {
  return singleWordCueAt(lex, tokenSlot(t), cue);
}

function singleWordCueAt(lex: CompiledLexicon, slot: number, cue: CueName): boolean {
  const entries = slotEntries(lex, slot);
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k] as Entry;
    if (e.cue === cue && e.rest.length === 0) return true;
  }
  return false;
}

// ----------------------------------------------------------------------------- digit facts
// One scan of a sentence with digits tells which digit regexes can match at all (years, money,
// magnitudes, percentages), so most of them are not run.

/** A digit 0-9. */
export const DF_DIGIT = 1;
/** A run of exactly four digits 19dd or 20dd, not followed by a letter or number. */
export const DF_YEAR = 2;
/** A currency sign ($ € £ ¥) then (one optional space) a digit, or a digit then (one optional
 * space) a currency sign or u, e, d (USD, EUR, dollars). */
export const DF_CURRENCY = 4;
/** A digit then (one optional space) m, b, t, h or k (million, bn, thousand, hundred, k). */
export const DF_MAGNITUDE = 8;
/** A digit then (one optional space) %. */
export const DF_PERCENT = 16;
/** A # sign. */
export const DF_HASH = 32;
export const DF_ALL = 63;

/** JavaScript's \s on one code unit. */
function isSpaceUnit(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isCurrencySign = (c: number): boolean => c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5;

/** Facts given by the unit `d` that follows a digit (case-insensitively, as the regexes read). */
function afterDigit(d: number): number {
  if (d === 37) return DF_PERCENT;
  if (d === 0x212a) return DF_MAGNITUDE; // KELVIN SIGN, which /i reads as k
  if (isCurrencySign(d)) return DF_CURRENCY;
  const l = d >= 65 && d <= 90 ? d + 32 : d;
  if (l === 117 || l === 101 || l === 100) return DF_CURRENCY; // u e d
  if (l === 109 || l === 98 || l === 116 || l === 104 || l === 107) return DF_MAGNITUDE; // m b t h k
  return 0;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
/** Is the code point starting at `i` a letter or number (as /u reads it)? */
export function letterOrNumberAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const l = s.charCodeAt(i + 1);
    if (l >= 0xdc00 && l <= 0xdfff) return LETTER_OR_NUMBER.test(s.slice(i, i + 2));
  }
  return LETTER_OR_NUMBER.test(s[i] as string);
}

/** Runs of digits (read with `exec`; lastIndex reset by the callers). */
export const DIGIT_RUNS = /\d+/g;

/** The digit facts of `s` (DF_* bits), read around its runs of digits. */
export function digitFacts(s: string): number {
  let f = s.includes('#') ? DF_HASH : 0;
  const n = s.length;
  DIGIT_RUNS.lastIndex = 0;
  for (let m = DIGIT_RUNS.exec(s); m; m = DIGIT_RUNS.exec(s)) {
    const a = m.index;
    const b = a + m[0].length;
    f |= DF_DIGIT;
    if (b - a === 4 && (b === n || !letterOrNumberAt(s, b))) {
      const c0 = s.charCodeAt(a);
      const c1 = s.charCodeAt(a + 1);
      if ((c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48)) f |= DF_YEAR;
    }
    if (b < n) {
      const d = s.charCodeAt(b);
      f |= afterDigit(d);
      if (b + 1 < n && isSpaceUnit(d)) f |= afterDigit(s.charCodeAt(b + 1));
    }
    if (a > 0) {
      const d = s.charCodeAt(a - 1);
      if (isCurrencySign(d) || (a > 1 && isSpaceUnit(d) && isCurrencySign(s.charCodeAt(a - 2)))) f |= DF_CURRENCY;
    }
  }
  return f;
}

/** Receives each cue found in a sentence, with the text it matched. */
export interface CueSink {
  add(cue: CueName, text: string): void;
}

/**
 * Calls `sink.add(cue, matchedText)` once for each cue of `lex` found in `s` (its first match),
 * given the sentence's tokens, in token order then residual order. `facts`, the sentence's
 * `digitFacts` (default: all), skips the residual regexes that cannot match.
 */
export function collectCues(lex: CompiledLexicon, s: string, toks: readonly WordToken[], sink: CueSink, facts = DF_ALL): void {
  const found = lex.found;
  if (lex.stamp >= 0x7fffffff) {
    found.fill(0);
    lex.stamp = 0;
  }
  const stamp = ++lex.stamp;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    const entries = slotEntries(lex, tokenSlot(toks[i] as WordToken));
    for (let x = 0; x < entries.length; x++) {
      const e = entries[x] as Entry;
      if (found[e.ci] === stamp) continue;
      const rest = e.rest;
      if (i + rest.length >= n) continue;
      let ok = true;
      for (let k = 0; k < rest.length; k++) {
        const p = rest[k] as WordPattern;
        const w = (toks[i + 1 + k] as WordToken).lower;
        if (p.stem ? !w.startsWith(p.word) : w !== p.word) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      found[e.ci] = stamp;
      sink.add(e.cue, s.slice((toks[i] as WordToken).start, (toks[i + rest.length] as WordToken).end));
    }
  }
  let lowered: string | undefined;
  const residual = lex.residual;
  for (let x = 0; x < residual.length; x++) {
    const r = residual[x] as ResidualCue;
    if (found[r.ci] === stamp || (facts & r.gate) !== r.gate) continue;
    if (r.needs !== undefined && !(r.caseless ? s : (lowered ??= s.toLowerCase())).includes(r.needs)) continue;
    const m = r.re.exec(s);
    if (m) {
      found[r.ci] = stamp;
      sink.add(r.cue, m[0]);
    }
  }
}

/**
 * Calls `hit(cue, matchedText)` once for each cue of `lex` found in `s` (its first match), given
 * the sentence's tokens. `has(cue)` tells whether a cue is already known (skips its entries).
 */
export function matchCuesInto(
  lex: CompiledLexicon,
  s: string,
  toks: readonly WordToken[],
  has: (cue: CueName) => boolean,
  hit: (cue: CueName, text: string) => void,
  hasDigit = true,
): void {
  const known = lex.cues.filter((c) => has(c));
  collectCues(lex, s, toks, { add: (c, t) => (known.includes(c) ? undefined : hit(c, t)) }, hasDigit ? DF_ALL : DF_ALL & ~DF_DIGIT);
}

/** Finds, for each cue, the first text in `s` that matches it. */
export function matchCues(lex: CompiledLexicon, s: string, toks: readonly WordToken[]): Map<CueName, string> {
  const found = new Map<CueName, string>();
  matchCuesInto(lex, s, toks, (c) => found.has(c), (c, t) => found.set(c, t));
  return found;
}
