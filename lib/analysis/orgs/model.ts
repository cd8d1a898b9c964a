/**
 * A small token tagger (B / I / O over organization names) that proposes names the gazetteer and
 * the head-word rules do not cover: bands, clubs, labels, units ("The Mad Capsule Markets",
 * "Bowling Green Falcons", "139th"). A linear-chain CRF over hashed features with Viterbi
 * decoding (first-order: some features pair the tag with the previous one); trained by train.ts
 * (`scripts/train-orgs.ts`) on wikigold only (CC BY 4.0) and shipped as `model.generated.ts`.
 *
 * Only candidate tokens get features and B/I tags: capitalised words, numbers that start a name,
 * and inner words ("of", "the", "&") between name words; every other token is O. Features are
 * mostly language-agnostic: capital/digit shape of the word and its neighbours, suffixes, what
 * the gazetteer and rules said (and of which type), list memberships, generic word classes
 * (places, demonyms, given names, "band"/"singer"/"album"… see wordclass.ts), the capitalised run
 * the word sits in (its first and last word, the words around it), the sentence's topic words and
 * quotes, well-known names (data/orgs-general: clubs, bands, labels, broadcasters, newspapers,
 * companies; the tagger learns how much a match counts), and lower-cased words (French function
 * words are mapped to their English equivalents so "Penguins de Pittsburgh" looks like "Army of
 * the Potomac"). The same code extracts features for training and at run time.
 */
import { lowerBound } from '../sorted';
import { CALENDAR, CONNECTORS as CONNECTOR_WORDS, DETERMINERS, HEAD_TYPES, SENTENCE_STARTERS, TITLES } from './lexicon';
import { ORG_NAME_CATS, ORG_NAMES } from './names.generated';
import type { Tokens } from './tokenize';
import { TOPIC_WORDS as TOPIC_WORD_MAP, WORD_CLASSES as WORD_CLASS_MAP } from './wordclass';

/** What the tagger sees of a text: tokens, per-token facts and the rules' verdicts. */
export interface ModelInput {
  t: Tokens;
  cap: Uint8Array;
  /** `lexCode` of each token. */
  lex: Uint8Array;
  initial: Uint8Array;
  joined: Uint8Array;
  titleCaseLine: Uint8Array;
  /** Gazetteer hit: 0 none, 1 first token, 2 later token. */
  gaz: Uint8Array;
  /** Other rule hit (head word, acronym, repeat): 0 none, 1 first token, 2 later token. */
  rule: Uint8Array;
  /** Kind (cue and type) of the rule span covering the token (0 none). */
  ruleKind: Uint8Array;
  /** Inside a law, product or event name ("… Act", "… Cup"). */
  vetoed: Uint8Array;
}

export interface OrgModel {
  bits: number;
  /** Weight of one quantisation step. */
  scale: number;
  /** Quantised weights of B and I relative to O, interleaved: w[2h] (B), w[2h+1] (I); a weight is w × scale. */
  w: Int8Array;
}

export interface ModelSpan {
  first: number;
  last: number;
  /** Mean score of the span's tags over O (higher = surer). */
  conf: number;
  /** Topic bits of the span's sentence (wordclass.ts TOPIC_WORDS). */
  topic: number;
  /** The span is exactly a well-known name (data/orgs-general). */
  known: boolean;
}

export const TAG_O = 0;
export const TAG_B = 1;
export const TAG_I = 2;

/** Candidate codes of a token: may be B, may be I, only inside a name ("of", "'s"). */
export const CAN_B = 1;
export const CAN_I = 2;
export const INNER_ONLY = 4;

const FNV = 0x811c9dc5;
const MIX_B = 0x9e3779b1;
const MIX_C = 0x85ebca6b;
const mix = (a: number, b: number) => Math.imul(a ^ Math.imul(b, MIX_B), MIX_C) ^ (a >>> 15);

function hashWord(s: string): number {
  let h = FNV;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 16777619);
  }
  return h | 0;
}

/** Hash of `s` from index `from` on (ASCII lower-cased), without slicing. */
function hashFrom(s: string, from: number): number {
  let h = FNV;
  for (let i = from; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 16777619);
  }
  return h | 0;
}


/** French (and a few other) function words hashed as their English counterparts. */
const SAME_AS: Record<string, string> = {
  de: 'of', du: 'of', des: 'of', "d'": 'of', le: 'the', la: 'the', les: 'the', "l'": 'the', et: 'and', pour: 'for', par: 'by',
  à: 'at', a: 'at', au: 'at', aux: 'at', en: 'in', dans: 'in', avec: 'with', sur: 'on', un: 'a', une: 'a', est: 'is', sont: 'are',
  qui: 'who', que: 'that', ou: 'or', ses: 'his', son: 'his', sa: 'his', leur: 'their', leurs: 'their', il: 'he', elle: 'she',
  chez: 'at', contre: 'against', entre: 'between', depuis: 'since', avant: 'before', après: 'after', apres: 'after',
  groupe: 'band', equipe: 'team', club: 'club', joueur: 'player', entraineur: 'coach', fonde: 'founded', fondee: 'founded',
  societe: 'company', entreprise: 'company', label: 'label', maison: 'label', chaine: 'channel', journal: 'newspaper', parti: 'party',
  signe: 'signed', rejoint: 'joined', joue: 'played', saison: 'season', ligue: 'league', championnat: 'league', of: 'of',
};
/** Word hash → hash of its English counterpart (open addressing: the lookup runs for every word the tagger sees). */
const ALIAS_SLOTS = 256;
const aliasFrom = new Int32Array(ALIAS_SLOTS);
const aliasTo = new Int32Array(ALIAS_SLOTS);
const aliasUsed = new Uint8Array(ALIAS_SLOTS);
const aliasSlot = (h: number) => (h ^ (h >>> 11) ^ (h >>> 22)) & (ALIAS_SLOTS - 1);
for (const [fr, en] of Object.entries(SAME_AS)) {
  const h = hashWord(fr);
  let k = aliasSlot(h);
  while (aliasUsed[k] && aliasFrom[k] !== h) k = (k + 1) & (ALIAS_SLOTS - 1);
  aliasUsed[k] = 1; // a repeated hash keeps the last alias, as Map.set would
  aliasFrom[k] = h;
  aliasTo[k] = hashWord(en);
}
function aliased(h: number): number {
  for (let k = aliasSlot(h); aliasUsed[k]; k = (k + 1) & (ALIAS_SLOTS - 1)) if (aliasFrom[k] === h) return aliasTo[k]!;
  return h;
}

/** Module-local bindings: imported ones may be getters once transpiled to CommonJS (tsx). */
const CONNECTORS = CONNECTOR_WORDS;
/**
 * Capitalised words that never open a name (by `hashWord`): bit 2, dates anywhere; bit 1, at sentence
 * start, determiners, pronouns, prepositions, conjunctions and auxiliaries.
 */
const NEVER_OPENS_WORDS = (() => {
  const m = new Map<string, number>();
  const initial = `in on at for from by to of with without under over after before during since until while when where why how what which
    who whom whose if as so but and or nor yet also however it he she we they i you is are was were be has have had do does did will would
    can could should may might must shall there here some many most all each every both either neither no not only even just then now
    today yesterday tomorrow although though because despite through following including among between against like unlike please see
    yes well oh okay ok indeed thanks hello`;
  for (const w of [...DETERMINERS, ...initial.trim().split(/\s+/)]) m.set(w.toLowerCase(), 1);
  for (const w of CALENDAR) m.set(w.toLowerCase(), 2);
  return m;
})();

/**
 * Word hash → small code (open addressing on `hashWord` values): the word-class and topic lookups
 * run for many tokens, and hashing the key once beats a Map lookup on the string.
 */
class HashCodes {
  readonly keys: Int32Array;
  readonly codes: Uint16Array;
  readonly mask: number;
  constructor(entries: Iterable<[string, number]>, size: number) {
    this.keys = new Int32Array(size);
    this.codes = new Uint16Array(size);
    this.mask = size - 1;
    for (const [word, code] of entries) {
      const h = hashWord(word);
      let k = (h ^ (h >>> 13)) & this.mask;
      while (this.codes[k] && this.keys[k] !== h) k = (k + 1) & this.mask;
      this.keys[k] = h;
      this.codes[k] = code;
    }
  }
  get(h: number): number {
    const { keys, codes, mask } = this;
    for (let k = (h ^ (h >>> 13)) & mask; codes[k]; k = (k + 1) & mask) if (keys[k] === h) return codes[k]!;
    return 0;
  }
}
const WORD_CLASSES = new HashCodes(WORD_CLASS_MAP, 8192);

/**
 * Well-known organization names (names.generated.ts, from data/orgs-general: clubs, bands, labels,
 * broadcasters, newspapers, companies): one sorted list of token keys (`tokenKey`: "PUMA" does not
 * match "Puma"), searched by binary search for the names a word opens (memoised per word), so
 * nothing is built when a page loads.
 * Only a feature: the tagger learns how much a match counts ("Yes" alone is a common word).
 */
const NAMES_TEXT = ORG_NAMES;
const NAME_CATS = ORG_NAME_CATS;
let nameList: string[] | undefined;
/** Memo of `namesOpening` by word key, and by word key after "the"; cleared when large. */
const namesOpenedBy = new Map<string, number>();
const namesOpenedAfterThe = new Map<string, number>();
const MAX_NAME_MEMO = 1 << 14;

function memoNamesOpening(memo: Map<string, number>, k: string, afterThe: boolean): number {
  let r = memo.get(k);
  if (r === undefined) {
    if (memo.size >= MAX_NAME_MEMO) memo.clear();
    r = namesOpening(afterThe ? `the ${k}` : k);
    memo.set(k, r);
  }
  return r;
}

/** The names of ORG_NAMES: each line is one character (48 + k) for k characters of the name before, then the rest. */
function frontDecode(text: string): string[] {
  const lines = text.split('\n');
  let prev = '';
  for (let i = 0; i < lines.length; i++) {
    const x = lines[i]!;
    prev = lines[i] = prev.slice(0, x.charCodeAt(0) - 48) + x.slice(1);
  }
  return lines;
}

/**
 * The names in [lo, hi) that are w or open with w ("w …"), as first index × 4096 + number (0: none).
 * They are contiguous: w itself, then "w …" (a space sorts before any other character they hold, so
 * they all sort before w + "!").
 */
function namesOpening(w: string, lo = 0, hi = -1): number {
  const list = (nameList ??= frontDecode(NAMES_TEXT));
  const a = lowerBound(list, w, lo, hi < 0 ? list.length : hi);
  const b = lowerBound(list, `${w}!`, a, hi < 0 ? list.length : hi);
  return b > a ? a * 4096 + (b - a) : 0;
}

const NEVER_OPENS = new HashCodes(NEVER_OPENS_WORDS, 1024);
const TOPIC_WORDS = new HashCodes(TOPIC_WORD_MAP, 2048);
/** Pre-test of a lower-case key before hashing it for TOPIC_WORDS: bit `length` of slot (first, last character). */
const TOPIC_SHAPES = (() => {
  const table = new Uint32Array(128 * 128);
  for (const w of TOPIC_WORD_MAP.keys()) table[((w.charCodeAt(0) & 127) << 7) | (w.charCodeAt(w.length - 1) & 127)]! |= 1 << Math.min(w.length, 31);
  return table;
})();

/** lexCode bits: starts with a digit, with an ASCII lower-case letter, may be a topic word; then (>> 3) a quote or parenthesis. */
const LEX_DIGIT = 1;
const LEX_LOWER = 2;
const LEX_TOPIC = 4;
const LEX_QUOTE = 1 << 3;
const LEX_OPEN_QUOTE = 2 << 3;
const LEX_CLOSE_QUOTE = 3 << 3;
export const LEX_OPEN_PAREN = 4 << 3;
const LEX_CLOSE_PAREN = 5 << 3;

/**
 * What the tagger needs of every token, read by the detector's first pass over the tokens (a
 * second pass over all token strings would cost as much as the rest of the tagger); `c` is the
 * token's first character code.
 */
export function lexCode(raw: string, c: number): number {
  if (c >= 97 && c <= 122) {
    const len = raw.length;
    if (len < 4) return LEX_LOWER;
    const cl = raw.charCodeAt(len - 1);
    return cl < 128 && (TOPIC_SHAPES[(c << 7) | cl]! >>> Math.min(len, 31)) & 1 ? LEX_LOWER | LEX_TOPIC : LEX_LOWER;
  }
  if (c >= 48 && c <= 57) return LEX_DIGIT;
  if (raw.length !== 1) return 0;
  return c === 34 ? LEX_QUOTE : c === 8220 ? LEX_OPEN_QUOTE : c === 8221 ? LEX_CLOSE_QUOTE : c === 40 ? LEX_OPEN_PAREN : c === 41 ? LEX_CLOSE_PAREN : 0;
}

/** Words that join two names in a capitalised run ("Sheffield Wednesday and Queens Park Rangers"). */
const AND_WORDS: ReadonlySet<string> = new Set(['and', '&', 'et', 'y', 'und']);

/** Lower-case words that may sit inside a name ("Army of the Potomac", "Howe's Brigade", "30 Seconds to Mars"). */
const INNER: ReadonlySet<string> = new Set([...CONNECTORS, "'", 'to', 'in', 'at', 'on', 'upon', 'y', '-']);

const LOWER_ANY = /\p{Ll}/u;
const UPPER_ANY = /\p{Lu}/u;
const LETTER = /\p{L}/u;

/** Shape code: 0 lower, 1 Capitalised, 2 ALLCAPS, 3 single capital, 4 number, 5 number+letters, 6 CamelCase, 7 caps+digits, 8 lowerCamel, ≥100 punctuation. */
function shapeOf(raw: string): number {
  const c0 = raw.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    for (let i = 1; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) return 5;
    }
    return 4;
  }
  const ascii = c0 < 128;
  const upper0 = ascii ? c0 >= 65 && c0 <= 90 : UPPER_ANY.test(raw.charAt(0));
  const letter0 = ascii ? upper0 || (c0 >= 97 && c0 <= 122) : LETTER.test(raw.charAt(0));
  if (!letter0) return 100 + (c0 & 0xff);
  let lower = 0;
  let innerUpper = 0;
  let digit = 0;
  for (let i = 1; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) innerUpper++;
    else if (c >= 48 && c <= 57) digit++;
    else if (c > 127) {
      const ch = raw.charAt(i);
      if (LOWER_ANY.test(ch)) lower++;
      else if (UPPER_ANY.test(ch)) innerUpper++;
    }
  }
  if (upper0) {
    if (raw.length === 1) return 3;
    if (digit) return 7;
    if (!lower) return 2;
    return innerUpper ? 6 : 1;
  }
  return innerUpper ? 8 : 0;
}

function listCodeOf(key: string, initial: number): number {
  if (DETERMINERS.has(key)) return 1;
  if (TITLES.has(key)) return 2;
  if (CALENDAR.has(key)) return 3;
  if (initial && SENTENCE_STARTERS.has(key)) return 4;
  if (CONNECTORS.has(key)) return 5;
  const h = HEAD_TYPES.get(key);
  return h ? 10 + h.length : 0;
}

/** listCodeOf of every listed word (by `hashWord`, case-insensitive): low byte when not sentence-initial, next byte when initial. */
const LIST_CODES = (() => {
  const m = new Map<string, number>();
  for (const set of [DETERMINERS, TITLES, CALENDAR, SENTENCE_STARTERS, CONNECTORS, HEAD_TYPES.keys()]) {
    for (const key of set) if (!m.has(key.toLowerCase())) m.set(key.toLowerCase(), listCodeOf(key, 0) | (listCodeOf(key, 1) << 8));
  }
  return new HashCodes(m, 4096);
})();

/** Number of static feature templates per token (plus DYNAMIC_FEATURES that depend on the previous tag). */
export const STATIC_FEATURES = 37;
export const DYNAMIC_FEATURES = 4;
const BOS = hashWord('<s>');
const EOS = hashWord('</s>');
/** Salt of each template: the bucket of value v of template f is `mix(salt[f], v) & mask`. */
/**
 * Salt of each template: the bucket of value v of template f is `mix(salt[f], v) & mask`. The salts
 * keep the ids the templates had when they were chosen (removing one did not move the others).
 */
const STATIC_SALT = Int32Array.from(
  [0, 1, 2, 3, 17, 18, 19, 29, 37, 38, 7, 8, 9, 22, 25, 33, 10, 34, 13, 15, 16, 28, 32, 39, 30, 31, 26, 27, 43, 40, 41, 42, 44, 45, 46, 47, 48],
  (id) => mix(FNV, id + 1),
);
const DYNAMIC_SALT = Int32Array.from({ length: DYNAMIC_FEATURES }, (_, f) => mix(FNV, 101 + f));
/** Feature values of one token (Int32Array: the same ToInt32 as `Math.imul` in `mix`). */
const scratchValues = new Int32Array(STATIC_FEATURES);

/** Scratch buffers up to this many tokens (≈ 1 MB of text) are kept between calls. */
const MAX_KEPT_TOKENS = 1 << 16;
const EMPTY_TOKENS: Tokens = { count: 0, start: [], end: [], raw: [], key: [] };

/**
 * Per-text facts of the tagger: word hashes, shapes and classes (computed on first use: decoding
 * looks only at candidate words and their neighbours) and the capitalised runs. Buffers grow and
 * are reused.
 */
class Facts {
  n = 0;
  t: Tokens = EMPTY_TOKENS;
  wordHash = new Int32Array(256);
  /** hashWord of the key (before French function words are mapped to English). */
  rawHash = new Int32Array(256);
  shape = new Int32Array(256);
  wclass = new Uint8Array(256);
  /** Bit 1: wordHash and class computed; bit 2: shape computed. */
  state = new Uint8Array(256);
  runFirst = new Int32Array(256);
  runLast = new Int32Array(256);
  /** Topic bits of the sentence (stretch between sentence-initial tokens) of each token. */
  topic = new Uint8Array(256);
  /** Inside double quotes (1) or parentheses (2) of the sentence. */
  enclosed = new Uint8Array(256);
  /**
   * A well-known name (data/orgs-general, see `findKnown`) that is the whole capitalised run (or a
   * part of it joined by "and"): 0 no,
   * else position (1 alone, 2 first, 3 inner, 4 last) + 8 × category (1 + index in ORG_NAME_CATEGORIES).
   */
  known = new Uint8Array(256);
  /** Viterbi: back-pointers (3 per token) and the score each tag adds (3 per token). */
  back = new Uint8Array(768);
  gain = new Float32Array(768);

  reset(input: ModelInput): void {
    const n = input.t.count;
    if (n > this.state.length) this.allocate(Math.max(n, Math.min(2 * this.state.length, MAX_KEPT_TOKENS)));
    else this.state.fill(0, 0, n);
    this.n = n;
    this.t = input.t;
    this.findRuns(input);
    this.findTopics(input);
    this.findKnown(input);
  }

  /**
   * Longest well-known names, left to right, opening at capitalised words and numbers (or after a
   * lower-case "the": "the Beatles" for "The Beatles"), outside gazetteer names and title-case
   * headings (no tagger name there). Memoised per word: most words open no name.
   */
  private findKnown(input: ModelInput): void {
    const { cap, joined, lex, gaz, titleCaseLine } = input;
    const { key } = input.t;
    const n = this.n;
    const { known, runFirst, runLast } = this;
    known.fill(0, 0, n);
    for (let i = 0; i < n; ) {
      // Not in a gazetteer name or a title-case heading: the tagger proposes nothing there.
      if (!(cap[i] || lex[i]! & LEX_DIGIT) || gaz[i] || titleCaseLine[i]) {
        i++;
        continue;
      }
      const k0 = key[i]!;
      let end = -1;
      let cat = 0;
      for (let pass = 0; pass < 2; pass++) {
        let r: number;
        let p: string;
        if (pass === 0) {
          r = memoNamesOpening(namesOpenedBy, k0, false);
          if (!r) continue;
          p = k0;
        } else if (i > 0 && joined[i] && key[i - 1] === 'the') {
          r = memoNamesOpening(namesOpenedAfterThe, k0, true);
          if (!r) continue;
          p = `the ${k0}`;
        } else break;
        // Narrow the names that open with the words so far, one next token at a time.
        const list = nameList!;
        for (let j = i; ; ) {
          const lo = r >>> 12;
          if (list[lo] === p && j > end) {
            end = j;
            cat = NAME_CATS.charCodeAt(lo) - 48;
          }
          if ((r & 4095) < 2 && list[lo] === p) break;
          if (++j >= n || !joined[j]) break;
          p = `${p} ${key[j]!}`;
          r = namesOpening(p, lo, lo + (r & 4095));
          if (!r) break;
        }
      }
      if (end < 0) {
        i++;
        continue;
      }
      // Only a name that is the whole capitalised run or one of its parts joined by "and" ("Google
      // Lens" is not the company; "Sheffield Wednesday and Queens Park Rangers" are two clubs).
      const rightOk = runLast[i] === end || AND_WORDS.has(key[end + 1]!);
      let leftOk = runFirst[i] === i || AND_WORDS.has(key[i - 1]!);
      // Only a determiner or a number before it in the run ("The Boston Globe", "In 2003 Capcom").
      if (!leftOk && runFirst[i]! >= 0) {
        let j = runFirst[i]!;
        while (j < i && (DETERMINERS.has(key[j]!) || lex[j]! & LEX_DIGIT)) j++;
        leftOk = j === i;
      }
      if (leftOk && rightOk) {
        for (let j = i; j <= end; j++) known[j] = (i === end ? 1 : j === i ? 2 : j === end ? 4 : 3) + 8 * cat;
      }
      i = end + 1;
    }
  }

  /** Topic bits of each stretch between sentence-initial tokens, and the quotes and parentheses around each token. */
  private findTopics(input: ModelInput): void {
    const { key } = input.t;
    const { initial, lex } = input;
    const n = this.n;
    const { topic, enclosed } = this;
    for (let a = 0; a < n; ) {
      let b = a + 1;
      while (b < n && !initial[b]) b++;
      let bits = 0;
      let quote = 0;
      let paren = 0;
      for (let j = a; j < b; j++) {
        const x = lex[j]!;
        if (x & LEX_TOPIC) bits |= TOPIC_WORDS.get(hashWord(key[j]!));
        else if (x >= LEX_QUOTE) {
          if (x === LEX_QUOTE) quote ^= 1;
          else if (x === LEX_OPEN_QUOTE) quote = 1;
          else if (x === LEX_CLOSE_QUOTE) quote = 0;
          else if (x === LEX_OPEN_PAREN) paren = 2;
          else paren = 0;
        }
        enclosed[j] = quote | paren;
      }
      topic.fill(bits, a, b);
      a = b;
    }
  }

  /** Lets go of the text; buffers sized for a very large page are not kept. */
  release(): void {
    this.t = EMPTY_TOKENS;
    this.n = 0;
    if (this.state.length > MAX_KEPT_TOKENS) this.allocate(256);
  }

  private allocate(size: number): void {
    this.wordHash = new Int32Array(size);
    this.rawHash = new Int32Array(size);
    this.shape = new Int32Array(size);
    this.wclass = new Uint8Array(size);
    this.state = new Uint8Array(size);
    this.runFirst = new Int32Array(size);
    this.runLast = new Int32Array(size);
    this.topic = new Uint8Array(size);
    this.enclosed = new Uint8Array(size);
    this.known = new Uint8Array(size);
    this.back = new Uint8Array(3 * size);
    this.gain = new Float32Array(3 * size);
  }

  /** Last token of the well-known name that opens at token i (position 1 alone, or 2 … 4), else -1. */
  knownEnd(i: number): number {
    const pos = this.known[i]! & 7;
    if (pos === 1) return i;
    if (pos !== 2) return -1;
    let e = i + 1;
    while ((this.known[e]! & 7) === 3) e++;
    return e;
  }

  /** Computes the word hashes and class of token j (in range) if not done yet. */
  need(j: number): void {
    const st = this.state[j]!;
    if (st & 1) return;
    const h = hashWord(this.t.key[j]!);
    this.rawHash[j] = h;
    this.wordHash[j] = aliased(h);
    this.wclass[j] = WORD_CLASSES.get(h);
    this.state[j] = st | 1;
  }

  /** Shape of token j (in range). */
  shp(j: number): number {
    const st = this.state[j]!;
    if (st & 2) return this.shape[j]!;
    const s = shapeOf(this.t.raw[j]!);
    this.shape[j] = s;
    this.state[j] = st | 2;
    return s;
  }



  /** Capitalised runs (with inner connectors): the name a word may belong to. */
  private findRuns(input: ModelInput): void {
    const { t, cap, joined, lex } = input;
    const n = this.n;
    const { runFirst, runLast } = this;
    runFirst.fill(-1, 0, n);
    runLast.fill(-1, 0, n);
    for (let i = 0; i < n; ) {
      if (!(cap[i] || lex[i]! & LEX_DIGIT)) {
        i++;
        continue;
      }
      let e = i;
      let k = i + 1;
      while (k < n && joined[k]) {
        if (cap[k] || (lex[k]! & LEX_DIGIT && this.shp(k) === 5)) {
          e = k++;
          continue;
        }
        if (CONNECTORS.has(t.key[k]!) && k + 1 < n && joined[k + 1] && cap[k + 1]) {
          e = k + 1;
          k += 2;
          continue;
        }
        break;
      }
      for (let j = i; j <= e; j++) {
        runFirst[j] = i;
        runLast[j] = e;
      }
      i = e + 1;
    }
  }

  /** May token i open a name: capitalised (not a sentence-initial determiner), a digit or a rule's first token. */
  opens(input: ModelInput, i: number): boolean {
    if (input.gaz[i] === 1 || input.rule[i] === 1) return true;
    if (input.cap[i]) {
      this.need(i);
      const no = NEVER_OPENS.get(this.rawHash[i]!);
      return !(no & 2 || (no & 1 && input.initial[i]));
    }
    if (!(input.lex[i]! & LEX_DIGIT)) return false;
    // The last group of a number ("642" in "381,642 Pacific Islanders"): not a name's first word.
    const { start, end, raw } = this.t;
    if (i >= 2 && (raw[i - 1] === ',' || raw[i - 1] === '.') && end[i - 1] === start[i] && end[i - 2] === start[i - 1] && input.lex[i - 2]! & LEX_DIGIT) return false;
    // A number opens a name when letters follow ("6PR", "139th") or a name word does ("30 Seconds to Mars").
    if (this.shp(i) === 5) return true;
    const nx = i + 1;
    if (nx >= this.n || !input.joined[nx]) return false;
    return input.cap[nx] === 1 || (input.lex[nx]! & LEX_DIGIT) !== 0;
  }

  /**
   * Candidate code of token i (CAN_B, CAN_I, INNER_ONLY; 0: only O) given the code of token i-1:
   * a name continues only over joined tokens, and an inner word ("of", "the") only between name words.
   */
  candidate(input: ModelInput, i: number, prev: number): number {
    // The detector keeps no tagger name over a gazetteer name, a law/product name or a title-case heading.
    if (input.gaz[i] || input.vetoed[i] || input.titleCaseLine[i]) return 0;
    const b = this.opens(input, i) ? CAN_B : 0;
    if (!prev || !input.joined[i]) return b;
    if (b) return CAN_B | CAN_I;
    // A lower-case word inside a gazetteer or rule name ("Autorité de la concurrence"), a number ending one ("BBC Radio 1").
    if (input.gaz[i] === 2 || input.rule[i] === 2) return CAN_I;
    if (input.lex[i]! & LEX_DIGIT) return CAN_I;
    if (!INNER.has(this.t.key[i]!)) return 0;
    const nx = i + 1;
    return nx < this.n && input.joined[nx] && (this.opens(input, nx) || INNER.has(this.t.key[nx]!)) ? CAN_I | INNER_ONLY : 0;
  }
}

/** Values of the static features of token `i` (v[k]: template k). */
function staticValues(f: Facts, input: ModelInput, i: number, v: Int32Array): void {
  const { t, initial, rule, ruleKind } = input;
  const n = f.n;
  const rf = f.runFirst[i]!;
  const rl = f.runLast[i]!;
  for (let j = Math.max(0, i - 1), e = Math.min(n - 1, i + 1); j <= e; j++) {
    f.need(j);
    f.shp(j);
  }
  if (rf > 0) f.need(rf - 1);
  if (rf >= 0) {
    f.need(rf);
    f.need(rl);
  }
  if (rl >= 0 && rl + 1 < n) f.need(rl + 1);
  const wh = f.wordHash;
  const sh = f.shape;
  const wc = f.wclass;
  const s0 = sh[i]!;
  const sp = i > 0 ? sh[i - 1]! : 99;
  const sn = i + 1 < n ? sh[i + 1]! : 99;
  const w0 = wh[i]!;
  const wp = i > 0 ? wh[i - 1]! : BOS;
  const wn = i + 1 < n ? wh[i + 1]! : EOS;
  const cp = i > 0 ? wc[i - 1]! : 31;
  const cn = i + 1 < n ? wc[i + 1]! : 31;
  // The run's first and last word and the words around it (0 outside runs).
  const wFirst = rf >= 0 ? wh[rf]! : 0;
  const wLast = rf >= 0 ? wh[rl]! : 0;
  const wBefore = rf > 0 ? wh[rf - 1]! : rf === 0 ? BOS : 0;
  const wAfter = rf < 0 ? 0 : rl + 1 < n ? wh[rl + 1]! : EOS;
  const cBefore = rf > 0 ? wc[rf - 1]! : rf === 0 ? 31 : 0;
  const cAfter = rf < 0 ? 0 : rl + 1 < n ? wc[rl + 1]! : 31;
  const key = t.key[i]!;
  const raw = t.raw[i]!;
  const inRun = rf >= 0 ? 1 + (i === rf ? 0 : 1) + 2 * Math.min(rl - rf, 4) + (i === rl ? 16 : 0) : 0;
  const r = rule[i]!;
  const ini = initial[i]!;
  const runLen = rf >= 0 ? Math.min(rl - rf, 3) + 1 : 0;
  const lc = LIST_CODES.get(f.rawHash[i]!);
  // Words: the token, its neighbours, the run's first and last words and the words around the run.
  v[0] = 1;
  v[1] = w0;
  v[2] = wp;
  v[3] = wn;
  v[4] = wLast;
  v[5] = wBefore;
  v[6] = wAfter;
  v[7] = wFirst;
  v[8] = rf >= 0 ? mix(wBefore, wLast) : 0;
  v[9] = mix(w0, ini);
  // Shapes, with neighbours, words and length; suffixes.
  v[10] = sp * 1000 + s0;
  v[11] = s0 * 1000 + sn;
  v[12] = sp * 1000000 + s0 * 1000 + sn;
  v[13] = mix(wp, s0);
  v[14] = Math.min(raw.length, 12) * 1000 + s0;
  v[15] = raw.length > 2 ? hashFrom(key, key.length - 2) : w0;
  v[16] = raw.length > 3 ? hashFrom(key, key.length - 3) : w0;
  v[17] = raw.length > 4 ? hashFrom(key, key.length - 4) : w0;
  // What the rules said (a candidate is never in a gazetteer name, a law/product name or a title-case heading).
  v[18] = r;
  v[19] = ruleKind[i]! * 10 + r;
  // Lists and word classes of the token, its neighbours and the run.
  v[20] = (ini ? lc >> 8 : lc & 255) * 100 + wc[i]!;
  v[21] = cp * 100 + cn;
  v[22] = wc[i]! * 1000 + s0 * 10 + ini;
  v[23] = wc[i]! * 10000 + cp * 100 + cn;
  v[24] = rf >= 0 ? wc[rf]! * 100 + wc[rl]! + 10000 * (rl > rf ? 1 : 0) : -1;
  v[25] = rf >= 0 ? cBefore * 100 + cAfter : -1;
  // The run: position and length, with the word before it and its last word.
  v[26] = rf >= 0 ? mix(wBefore, inRun) : 0;
  v[27] = rf >= 0 ? mix(wLast, inRun) : 0;
  v[28] = rf >= 0 ? mix(wBefore, runLen * 100 + (wc[rl]! === 0 ? 0 : 1)) : 0;
  // The sentence: its topics (sport, music, military…), quotes and parentheses.
  const tp = f.topic[i]!;
  v[29] = tp * 100 + runLen + ini * 10;
  v[30] = tp * 10000 + wc[i]! * 100 + s0;
  v[31] = f.enclosed[i]! * 100 + runLen;
  // Well-known names (data/orgs-general): position, with the category and the sentence's topics,
  // with the word class and shape ("Yes" alone is a common word), with the neighbours' positions,
  // and with the word before the name (a word identity: lexical dropout hides it).
  const kn = f.known[i]!;
  const kpos = kn & 7;
  v[32] = kn ? kpos * 10 + ini : -1;
  v[33] = kn ? mix((kn >> 3) * 10 + kpos, tp) : -1;
  v[34] = kn ? kpos * 100000 + wc[i]! * 1000 + s0 * 10 : -1;
  const knp = i > 0 ? f.known[i - 1]! & 7 : 9;
  const knn = i + 1 < n ? f.known[i + 1]! & 7 : 9;
  v[35] = kpos * 100 + knp * 10 + knn;
  v[36] = kn ? mix(wBefore, kpos) : -1;
}

/** The well-known names (data/orgs-general) the tagger sees in a text: token spans and category (tests, diagnostics). */
export function knownNameSpans(input: ModelInput): { first: number; last: number; category: number }[] {
  const f = new Facts();
  f.reset(input);
  const out: { first: number; last: number; category: number }[] = [];
  for (let i = 0; i < f.n; i++) {
    const e = f.knownEnd(i);
    if (e >= 0) {
      out.push({ first: i, last: e, category: (f.known[i]! >> 3) & 7 });
      i = e;
    }
  }
  return out;
}

/** Bucket indices of the static features of token `i`, written to out[off…off+STATIC_FEATURES). */
function staticFeatures(f: Facts, input: ModelInput, i: number, bits: number, out: Int32Array, off: number): void {
  const v = scratchValues;
  staticValues(f, input, i, v);
  // The bucket of value v of template k is mix(salt[k], v) & mask.
  const mask = (1 << bits) - 1;
  for (let k = 0; k < STATIC_FEATURES; k++) out[off + k] = mix(STATIC_SALT[k]!, v[k]!) & mask;
}

function dynamicBuckets(prev: number, s0: number, wordHash: number, joined: number, mask: number, out: Int32Array): void {
  out[0] = mix(DYNAMIC_SALT[0]!, prev) & mask;
  out[1] = mix(DYNAMIC_SALT[1]!, prev * 1000 + s0) & mask;
  out[2] = mix(DYNAMIC_SALT[2]!, mix(prev, wordHash)) & mask;
  out[3] = mix(DYNAMIC_SALT[3]!, prev * 10 + joined) & mask;
}

/** Per-text precomputation: word hashes, shapes, candidate codes, static feature buckets. */
export interface Prepared {
  n: number;
  /** Bucket indices of the static features, STATIC_FEATURES per token (candidates only). */
  feats: Int32Array;
  wordHash: Int32Array;
  shape: Int32Array;
  /** Candidate code (CAN_B, CAN_I, INNER_ONLY) per token. */
  cand: Uint8Array;
}

/** Every candidate token's features at once (training); decoding computes them only where it looks. */
export function prepare(input: ModelInput, bits: number): Prepared {
  const n = input.t.count;
  const f = new Facts();
  f.reset(input);
  const wordHash = new Int32Array(n);
  const shape = new Int32Array(n);
  const cand = new Uint8Array(n);
  const feats = new Int32Array(n * STATIC_FEATURES);
  for (let i = 0; i < n; i++) {
    f.need(i);
    cand[i] = f.candidate(input, i, i > 0 ? cand[i - 1]! : 0);
    if (cand[i]) staticFeatures(f, input, i, bits, feats, i * STATIC_FEATURES);
    wordHash[i] = f.wordHash[i]!;
    shape[i] = f.shp(i);
  }
  return { n, feats, wordHash, shape, cand };
}

/** Bucket indices of the features of token i that depend on the previous tag. */
export function dynamicFeatures(p: Prepared, input: ModelInput, i: number, prev: number, bits: number, out: Int32Array): void {
  dynamicBuckets(prev, p.shape[i]!, p.wordHash[i]!, input.joined[i]!, (1 << bits) - 1, out);
}

const scratchFacts = new Facts();
const NEG = -1e30;
/** Per prev tag and joined flag: the weights of the features that depend on nothing else (B, then I), for model `constOf`. */
const scratchConst = new Float64Array(12);
let constOf: OrgModel | undefined;

/**
 * Viterbi decoding into `tags` (TAG_O/B/I per token); leaves in `f.gain` the score each tag adds
 * over O at each token. Without `p`, features are computed only for candidate tokens, with the
 * same buckets as `prepare`. Weights are summed as integers and scaled once per token.
 */
function viterbi(model: OrgModel, input: ModelInput, p: Prepared | undefined, tags: Uint8Array, f: Facts, bias: number): void {
  const { w, scale } = model;
  const mask = (1 << model.bits) - 1;
  const v = scratchValues;
  const n = input.t.count;
  const joined = input.joined;
  const { back, gain } = f;
  // Features of the previous tag alone and of the previous tag with the joined flag, for each combination.
  const cst = scratchConst;
  if (constOf !== model) {
    constOf = model;
    for (let prev = 0; prev < 3; prev++) {
      for (let jn = 0; jn < 2; jn++) {
        const h0 = (mix(DYNAMIC_SALT[0]!, prev) & mask) << 1;
        const h3 = (mix(DYNAMIC_SALT[3]!, prev * 10 + jn) & mask) << 1;
        cst[4 * prev + 2 * jn] = (w[h0]! + w[h3]!) * scale;
        cst[4 * prev + 2 * jn + 1] = (w[h0 + 1]! + w[h3 + 1]!) * scale;
      }
    }
  }
  const salt1 = DYNAMIC_SALT[1]!;
  const salt2 = DYNAMIC_SALT[2]!;
  // Scores of the best paths ending in O, B, I at the previous token; segStart: first token of the current stretch of candidates.
  let vO = 0;
  let vB = NEG;
  let vI = NEG;
  let prevInner = false;
  let segStart = -1;
  let c = 0;
  for (let i = 0; i <= n; i++) {
    c = i < n ? (p ? p.cand[i]! : f.candidate(input, i, c)) : 0;
    if (!c) {
      if (i < n) tags[i] = TAG_O;
      if (segStart >= 0) {
        // Close the stretch: best final state (an inner-only word cannot end a name), then back-pointers.
        let y = TAG_O;
        let best = vO;
        if (vB > best) {
          best = vB;
          y = TAG_B;
        }
        if (!prevInner && vI > best) y = TAG_I;
        for (let k = i - 1; k >= segStart; k--) {
          tags[k] = y;
          y = back[3 * k + y]!;
        }
        segStart = -1;
      }
      vO = 0;
      vB = NEG;
      vI = NEG;
      prevInner = false;
      continue;
    }
    if (segStart < 0) segStart = i;
    let qB = 0;
    let qI = 0;
    let s0: number;
    let wordHash: number;
    if (p) {
      const base = i * STATIC_FEATURES;
      for (let k = 0; k < STATIC_FEATURES; k++) {
        const h = p.feats[base + k]! << 1;
        qB += w[h]!;
        qI += w[h + 1]!;
      }
      s0 = p.shape[i]!;
      wordHash = p.wordHash[i]!;
    } else {
      // The buckets of staticFeatures, summed as they are hashed.
      staticValues(f, input, i, v);
      for (let k = 0; k < STATIC_FEATURES; k++) {
        const h = (mix(STATIC_SALT[k]!, v[k]!) & mask) << 1;
        qB += w[h]!;
        qI += w[h + 1]!;
      }
      s0 = f.shape[i]!;
      wordHash = f.wordHash[i]!;
    }
    const sB = qB * scale + bias;
    const sI = qI * scale;
    const jn = joined[i]!;
    // O: from any state (but an open inner-only word).
    let nO = vO;
    let bO = TAG_O;
    if (vB > nO) {
      nO = vB;
      bO = TAG_B;
    }
    if (!prevInner && vI > nO) {
      nO = vI;
      bO = TAG_I;
    }
    let nB = NEG;
    let bB = TAG_O;
    let gB = 0;
    let nI = NEG;
    let bI = TAG_B;
    let gI = 0;
    for (let prev = TAG_O; prev <= TAG_I; prev++) {
      const vp = prev === TAG_O ? vO : prev === TAG_B ? vB : vI;
      if (vp <= NEG) continue;
      // dynamicBuckets, with the two features that do not depend on the token taken from `cst`.
      const h1 = (mix(salt1, prev * 1000 + s0) & mask) << 1;
      const h2 = (mix(salt2, mix(prev, wordHash)) & mask) << 1;
      const o = 4 * prev + 2 * jn;
      const dB = cst[o]! + (w[h1]! + w[h2]!) * scale;
      const dI = cst[o + 1]! + (w[h1 + 1]! + w[h2 + 1]!) * scale;
      if (c & CAN_B && !(prev === TAG_I && prevInner)) {
        const s = vp + sB + dB;
        if (s > nB) {
          nB = s;
          bB = prev;
          gB = sB + dB;
        }
      }
      if (c & CAN_I && prev !== TAG_O) {
        const s = vp + sI + dI;
        if (s > nI) {
          nI = s;
          bI = prev;
          gI = sI + dI;
        }
      }
    }
    const o = 3 * i;
    back[o] = bO;
    back[o + 1] = bB;
    back[o + 2] = bI;
    gain[o + 1] = gB;
    gain[o + 2] = gI;
    vO = nO;
    vB = nB;
    vI = nI;
    prevInner = (c & INNER_ONLY) !== 0;
  }
}

let scratchTags = new Uint8Array(256);

/**
 * Viterbi decoding; returns spans with their confidence (the mean score their tags add over O).
 * `bias` is added to the score of opening a name. Without `p`, features are computed only for
 * candidate tokens (a name may open or continue there), with the same buckets.
 */
export function decode(model: OrgModel, input: ModelInput, p?: Prepared, bias = 0): ModelSpan[] {
  const f = p ? new Facts() : scratchFacts;
  f.reset(input);
  const n = input.t.count;
  if (scratchTags.length < n) scratchTags = new Uint8Array(Math.max(n, 2 * scratchTags.length));
  const tags = scratchTags;
  viterbi(model, input, p, tags, f, bias);
  const out: ModelSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (tags[i] !== TAG_B) continue;
    let sum = f.gain[3 * i + TAG_B]!;
    let e = i;
    while (e + 1 < n && tags[e + 1] === TAG_I) sum += f.gain[3 * ++e + TAG_I]!;
    out.push({ first: i, last: e, conf: sum / (e - i + 1), topic: f.topic[i]!, known: f.knownEnd(i) === e });
    i = e;
  }
  if (!p) f.release();
  if (scratchTags.length > MAX_KEPT_TOKENS) scratchTags = new Uint8Array(256);
  return out;
}

/** Quantises trained weights to signed bytes (the form `model.generated.ts` ships): weights below half a step vanish. */
export function quantize(w: Float32Array, bits: number, prune = 0): OrgModel {
  let maxAbs = 0;
  for (const x of w) maxAbs = Math.max(maxAbs, Math.abs(x));
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const v = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
    // Steps of at most `prune` become 0: the sparse encoding stores only non-zero weights.
    q[i] = Math.abs(v) <= prune ? 0 : v;
  }
  return { bits, scale, w: q };
}

/** Decodes the compact weights string of `model.generated.ts` (see scripts/train-orgs.ts). */
export function loadModel(bits: number, scale: number, data: string): OrgModel {
  // atob is native: decoding the base64 by hand was about half of this function's cold run on
  // every English page's first analysis. Each character of `bin` is one byte.
  const bin = atob(data);
  const w = new Int8Array(2 << bits);
  // Sparse: varint gap to the next non-zero weight index, then one signed byte.
  let idx = -1;
  for (let p = 0, n = bin.length; p < n; ) {
    let b = bin.charCodeAt(p++);
    let gap = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bin.charCodeAt(p++);
      gap |= (b & 0x7f) << shift;
    }
    idx += gap;
    const v = bin.charCodeAt(p++);
    w[idx] = v > 127 ? v - 256 : v;
  }
  return { bits, scale, w };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The compact weights string of `model.generated.ts`: base64 of (varint gap, signed byte) per non-zero weight. */
export function encodeModel(model: OrgModel): string {
  const { w } = model;
  const bytes: number[] = [];
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    const q = w[i]!;
    if (q === 0) continue;
    let gap = i - last;
    last = i;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
    bytes.push(q & 255);
  }
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const v = (a << 16) | (b << 8) | c;
    s += B64[(v >> 18) & 63]! + B64[(v >> 12) & 63]! + (i + 1 < bytes.length ? B64[(v >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[v & 63]! : '=');
  }
  return s;
}
