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
  let t = token;
  let ascii = true;
  let lower = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c > 127) ascii = false;
    else if (c >= 97 && c <= 122) lower = true;
  }
  if (!ascii) {
    // Accent stripping is the slow path (French text); memoise it, bounded.
    const hit = keyCache.get(token);
    if (hit !== undefined) return hit;
    t = t.normalize('NFD').replace(COMBINING_RE, '').replace(/’/g, "'");
    lower = LOWER_RE.test(t);
    const key = t.length < 2 || !lower ? t : t.charAt(0).toLowerCase() + t.slice(1);
    if (keyCache.size > 20_000) keyCache.clear();
    keyCache.set(token, key);
    return key;
  }
  if (t.length < 2 || !lower) return t;
  const c0 = t.charCodeAt(0);
  if (c0 >= 97 && c0 <= 122) return t;
  return t.charAt(0).toLowerCase() + t.slice(1);
}

function hasApostrophe(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 39 || c === 8217) return true;
  }
  return false;
}

/** Splits `text` into tokens with UTF-16 offsets. */
export function tokenize(text: string): Tokens {
  const out: Tokens = { count: 0, start: [], end: [], raw: [], key: [] };
  const push = (s: number, e: number, raw: string) => {
    out.start.push(s);
    out.end.push(e);
    out.raw.push(raw);
    out.key.push(tokenKey(raw));
    out.count++;
  };
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let word = m[0];
    let s = m.index;
    if (word.length > 1) {
      const apos = hasApostrophe(word);
      const el = apos ? ELISION_RE.exec(word) : null;
      if (el) {
        push(s, s + el[0].length, el[0]);
        s += el[0].length;
        word = word.slice(el[0].length);
      }
      if (apos && word.length > 2 && POSSESSIVE_RE.test(word)) {
        push(s, s + word.length - 2, word.slice(0, -2));
        push(s + word.length - 2, s + word.length, word.slice(-2));
        continue;
      }
      if (text.charCodeAt(s + word.length) === 46 /* . */ && (INITIALS_RE.test(word) || ABBREVIATIONS.has(word))) {
        word += '.';
        TOKEN_RE.lastIndex++;
      }
    }
    push(s, s + word.length, word);
  }
  return out;
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
