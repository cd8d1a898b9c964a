/**
 * Word tokenizer and token normalisation shared by the gazetteer compiler and the matcher, so a
 * name written in the gazetteer and the same name in a page produce the same token keys.
 */

/**
 * A word (letters/digits joined by inner `- . & ' ’ ·`, optional trailing `+` as in "Canal+"),
 * or any other single non-space character (punctuation is kept: rules need parentheses).
 */
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-.&'’·/][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*\+*|\S/gu;
/** French elisions split off the word they are attached to ("l'Autorité" → "l'" + "Autorité"). */
const ELISION_RE = /^(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu|[pP]resqu|[qQ]uoiqu)['’](?=[\p{L}\p{N}])/u;
const POSSESSIVE_RE = /['’][sS]$/;
/** "U.S" followed by "." is "U.S."; abbreviations keep their period. */
const INITIALS_RE = /^(?:\p{L}\.)+\p{L}$/u;
const ABBREVIATIONS = new Set(['Inc', 'Corp', 'Ltd', 'Co', 'Bros', 'Jr', 'Sr', 'St', 'Dept', 'Univ', 'Assn', 'Mt', 'Ste', 'Cie']);

/** Tokens as parallel arrays (cheaper than one object per token on multi-megabyte pages). */
export interface Tokens {
  count: number;
  start: number[];
  end: number[];
  /** The token as written. */
  raw: string[];
  /** Normalised key (see `tokenKey`). */
  key: string[];
}

const keyCache = new Map<string, string>();
const COMBINING_RE = /\p{M}+/gu;
const LOWER_RE = /\p{Ll}/u;

/**
 * Matching key of one token: accents removed, typographic apostrophe made plain, first letter
 * lower-cased unless the token has no lower-case letter (acronyms stay case-sensitive).
 */
export function tokenKey(token: string): string {
  const t = token;
  let ascii = true;
  let lower = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c > 127) ascii = false;
    else if (c >= 97 && c <= 122) lower = true;
  }
  if (!ascii) return nonAsciiKey(token);
  if (t.length < 2 || !lower) return t;
  const c0 = t.charCodeAt(0);
  if (c0 >= 97 && c0 <= 122) return t;
  return t.charAt(0).toLowerCase() + t.slice(1);
}

/** `tokenKey` of a token with a non-ASCII character (also right, only slower, for any token). */
function nonAsciiKey(token: string): string {
  // Accent stripping is the slow path (French text); memoise it, bounded.
  const hit = keyCache.get(token);
  if (hit !== undefined) return hit;
  const t = token.normalize('NFD').replace(COMBINING_RE, '').replace(/’/g, "'");
  const key = t.length < 2 || !LOWER_RE.test(t) ? t : t.charAt(0).toLowerCase() + t.slice(1);
  remember(token, key);
  return key;
}

function remember(token: string, key: string): void {
  if (keyCache.size > 20_000) keyCache.clear();
  keyCache.set(token, key);
}

/**
 * `tokenKey` of a capitalised ASCII word with a lower-case letter: memoised too, so that a name
 * repeated in a page shares one key string (hashed once by the many set lookups that follow).
 */
function capitalisedKey(word: string): string {
  const hit = keyCache.get(word);
  if (hit !== undefined) return hit;
  const key = String.fromCharCode(word.charCodeAt(0) + 32) + word.slice(1);
  remember(word, key);
  return key;
}

const isApostrophe = (c: number) => c === 39 || c === 8217;

function hasApostrophe(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 39 || c === 8217) return true;
  }
  return false;
}

/** Character classes of UTF-16 code units, filled on first sight (bit 0: computed). */
const CLS_KNOWN = 1;
const CLS_WORD = 2; // [\p{L}\p{N}]
const CLS_MARK = 4; // \p{M}
const CLS_SPACE = 8; // \s
const charClass = new Uint8Array(65536);
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/u;
const SPACE_RE = /\s/u;
function classOf(c: number): number {
  let k = charClass[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = CLS_KNOWN | (WORD_CHAR_RE.test(ch) ? CLS_WORD : 0) | (MARK_RE.test(ch) ? CLS_MARK : 0) | (SPACE_RE.test(ch) ? CLS_SPACE : 0);
    charClass[c] = k;
  }
  return k;
}
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
/** Inner joiners of a word: - . & ' ’ · / */
const isJoiner = (c: number) => c === 45 || c === 46 || c === 38 || c === 39 || c === 8217 || c === 183 || c === 47;
/** TOKEN_RE anchored at a position: used where the scanner meets surrogate pairs (astral letters, emoji). */
const TOKEN_AT_RE = new RegExp(TOKEN_RE.source, 'uy');

/** Facts about the last token scanned by `scanToken`: bit 1 non-ASCII, 2 ASCII lower-case letter, 4 apostrophe. */
let scanned = 0;
const SCAN_NON_ASCII = 1;
const SCAN_LOWER = 2;
const SCAN_APOSTROPHE = 4;
/** Set by `tokenize` after splitting off an elision. */
const SCAN_ELIDED = 8;

/**
 * End of the TOKEN_RE match starting at `p` (a non-space position), or -1 when a surrogate is in
 * the way (the caller then runs TOKEN_AT_RE). Scanned by hand: the regex costs a match object per token.
 */
function scanToken(text: string, p: number): number {
  const len = text.length;
  let c = text.charCodeAt(p);
  if (isSurrogate(c)) return -1;
  let facts = c > 127 ? SCAN_NON_ASCII : c >= 97 && c <= 122 ? SCAN_LOWER : 0;
  if (!(classOf(c) & CLS_WORD)) {
    scanned = facts;
    return p + 1;
  }
  let q = p + 1;
  for (;;) {
    while (q < len) {
      c = text.charCodeAt(q);
      if (c < 128) {
        if (c >= 97 && c <= 122) facts |= SCAN_LOWER;
        else if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
      } else {
        if (isSurrogate(c)) return -1;
        if (!(classOf(c) & (CLS_WORD | CLS_MARK))) break;
        facts |= SCAN_NON_ASCII;
      }
      q++;
    }
    if (q + 1 >= len || !isJoiner(c)) break;
    const next = text.charCodeAt(q + 1);
    if (isSurrogate(next)) return -1;
    if (!(classOf(next) & CLS_WORD)) break;
    if (c === 39) facts |= SCAN_APOSTROPHE;
    else if (c > 127) facts |= c === 8217 ? SCAN_APOSTROPHE | SCAN_NON_ASCII : SCAN_NON_ASCII;
    q += 2;
    c = next;
    if (c > 127) facts |= SCAN_NON_ASCII;
    else if (c >= 97 && c <= 122) facts |= SCAN_LOWER;
  }
  while (q < len && text.charCodeAt(q) === 43 /* + */) q++;
  scanned = facts;
  return q;
}

/** Splits `text` into tokens with UTF-16 offsets. */
export function tokenize(text: string): Tokens {
  const start: number[] = [];
  const end: number[] = [];
  const raw: string[] = [];
  const key: string[] = [];
  const len = text.length;
  let p = 0;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : !isSurrogate(c) && classOf(c) & CLS_SPACE) {
      p++;
      continue;
    }
    let q = scanToken(text, p);
    let facts = scanned;
    if (q < 0) {
      TOKEN_AT_RE.lastIndex = p;
      const m = TOKEN_AT_RE.exec(text);
      q = p + (m ? m[0].length : 1);
      facts = SCAN_NON_ASCII | (hasApostrophe(text.slice(p, q)) ? SCAN_APOSTROPHE : 0);
    }
    let s = p;
    let word = text.slice(p, q);
    p = q;
    if (word.length > 1) {
      const apos = (facts & SCAN_APOSTROPHE) !== 0;
      // Elisions end with an apostrophe at index 1 (l'), 2 (qu'), 5 (jusqu') or 6 (lorsqu').
      const el =
        apos &&
        (isApostrophe(word.charCodeAt(1)) || isApostrophe(word.charCodeAt(2)) || isApostrophe(word.charCodeAt(5)) || isApostrophe(word.charCodeAt(6)))
          ? ELISION_RE.exec(word)
          : null;
      if (el) {
        facts |= SCAN_ELIDED; // key by tokenKey below
        start.push(s);
        end.push(s + el[0].length);
        raw.push(el[0]);
        key.push(tokenKey(el[0]));
        s += el[0].length;
        word = word.slice(el[0].length);
      }
      if (apos && word.length > 2 && POSSESSIVE_RE.test(word)) {
        const stem = word.slice(0, -2);
        const tail = word.slice(-2);
        start.push(s, s + word.length - 2);
        end.push(s + word.length - 2, s + word.length);
        raw.push(stem, tail);
        key.push(tokenKey(stem), tokenKey(tail));
        continue;
      }
      // Initials have a period as second character (fourth after an astral letter); abbreviations have ≤ 4 letters.
      if (
        text.charCodeAt(s + word.length) === 46 /* . */ &&
        (((word.charCodeAt(1) === 46 || (facts & SCAN_NON_ASCII && word.charCodeAt(2) === 46)) && INITIALS_RE.test(word)) ||
          (word.length <= 4 && ABBREVIATIONS.has(word)))
      ) {
        word += '.';
        p++;
      }
    }
    start.push(s);
    end.push(s + word.length);
    raw.push(word);
    // tokenKey, without a second pass over ASCII words.
    if (facts & SCAN_ELIDED) key.push(tokenKey(word));
    else if (facts & SCAN_NON_ASCII) key.push(nonAsciiKey(word));
    else if (!(facts & SCAN_LOWER) || word.length < 2) key.push(word);
    else {
      const c0 = word.charCodeAt(0);
      key.push(c0 >= 65 && c0 <= 90 ? capitalisedKey(word) : word);
    }
  }
  return { count: raw.length, start, end, raw, key };
}

/** Keys of a gazetteer form, joined by single spaces (the trie path). */
export function formKeys(form: string): string[] {
  return tokenize(form).key;
}

/** Stable slug of a name, used as id when the gazetteer gives none. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(COMBINING_RE, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
