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
}

export interface CompiledLexicon {
  exact: Map<string, Entry[]>;
  /** Stem entries in a character trie: walking a word's characters visits every stem it starts with. */
  stems: StemNode;
  suffixes: SuffixEntry[];
  residual: ResidualCue[];
  /** Word → every entry whose first word matches it (exact, stems, suffixes), filled lazily:
   * words repeat, so most tokens cost one Map lookup. */
  memo: Map<string, readonly Entry[]>;
}

const NO_ENTRIES: readonly Entry[] = [];
/** Bound of a lexicon's word memo (cleared when full). */
const MEMO_MAX = 20_000;

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

const norm = (s: string): string => s.toLowerCase().replace(/’/g, "'");

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Letter or digit (ASCII fast path). */
function isWordChar(c: number, s: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Surrogate pairs (astral letters) are rare in articles; a lone surrogate tests false.
  return WORD_CHAR.test(s[i] as string);
}

/** Tokenises a sentence into words (letters/digits with inner apostrophes and hyphens). */
export function wordTokens(s: string): WordToken[] {
  const out: WordToken[] = [];
  let lowered = s.toLowerCase();
  if (lowered.includes('’')) lowered = lowered.replace(/’/g, "'");
  const same = lowered.length === s.length;
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(s.charCodeAt(i), s, i)) {
      i++;
      continue;
    }
    const start = i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      // Inner ' ’ - are part of the word (as the regex [\p{L}\p{N}][\p{L}\p{N}'’-]* did).
      if (c === 39 || c === 0x2019 || c === 45 || isWordChar(c, s, i)) i++;
      else break;
    }
    out.push({ text: s.slice(start, i), lower: same ? lowered.slice(start, i) : norm(s.slice(start, i)), start, end: i });
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

/** Compiles one language's lexicon (alternatives separated by " | ", as in lexicon.ts). */
export function compileLexicon(sources: Partial<Record<CueName, string | RegExp | [RegExp, string]>>): CompiledLexicon {
  const exact = new Map<string, Entry[]>();
  const stems: StemNode = { next: new Map() };
  const residual: ResidualCue[] = [];
  const suffixes: SuffixEntry[] = [];
  const pattern = (w: string): WordPattern => (w === '+' ? { word: '', stem: true } : w.endsWith('*') ? { word: w.slice(0, -1), stem: true } : { word: w, stem: false });
  const isDigitOnly = (re: RegExp): boolean => splitTop(re.source).every((alt) => alt.includes('\\d'));
  for (const [cueName, src] of Object.entries(sources) as Array<[CueName, string | RegExp | [RegExp, string]]>) {
    if (src instanceof RegExp) {
      residual.push({ cue: cueName, re: src, digit: isDigitOnly(src) });
      continue;
    }
    if (Array.isArray(src)) {
      residual.push({ cue: cueName, re: src[0], needs: src[1], digit: isDigitOnly(src[0]) });
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
        const entry: Entry = { cue: cueName, rest: words.slice(1).map(pattern) };
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
      residual.push({ cue: cueName, re, digit: isDigitOnly(re) });
    }
  }
  return { exact, stems, suffixes, residual, memo: new Map() };
}

function wordMatches(p: WordPattern, word: string): boolean {
  return p.stem ? word.startsWith(p.word) : word === p.word;
}

/** Does the single word `w` (lowercased) match `cue` on its own (a one-word lexicon entry)? */
export function isSingleWordCue(lex: CompiledLexicon, w: string, cue: CueName): boolean {
  let entries = lex.memo.get(w);
  if (entries === undefined) {
    if (lex.memo.size >= MEMO_MAX) lex.memo.clear();
    entries = firstWordEntries(lex, w);
    lex.memo.set(w, entries);
  }
  for (const e of entries) if (e.cue === cue && e.rest.length === 0) return true;
  return false;
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
  const tryEntries = (entries: readonly Entry[], i: number): void => {
    for (const e of entries) {
      if (has(e.cue)) continue;
      let ok = true;
      for (let k = 0; k < e.rest.length; k++) {
        const t = toks[i + 1 + k];
        if (!t || !wordMatches(e.rest[k] as WordPattern, t.lower)) {
          ok = false;
          break;
        }
      }
      if (ok) hit(e.cue, s.slice((toks[i] as WordToken).start, (toks[i + e.rest.length] as WordToken).end));
    }
  };
  for (let i = 0; i < toks.length; i++) {
    const w = (toks[i] as WordToken).lower;
    let entries = lex.memo.get(w);
    if (entries === undefined) {
      if (lex.memo.size >= MEMO_MAX) lex.memo.clear();
      entries = firstWordEntries(lex, w);
      lex.memo.set(w, entries);
    }
    if (entries.length) tryEntries(entries, i);
  }
  let lowered: string | undefined;
  for (const r of lex.residual) {
    if (has(r.cue) || (r.digit && !hasDigit)) continue;
    if (r.needs !== undefined && !(lowered ??= s.toLowerCase()).includes(r.needs)) continue;
    const m = r.re.exec(s);
    if (m) hit(r.cue, m[0]);
  }
}

/** Finds, for each cue, the first text in `s` that matches it. */
export function matchCues(lex: CompiledLexicon, s: string, toks: readonly WordToken[]): Map<CueName, string> {
  const found = new Map<CueName, string>();
  matchCuesInto(lex, s, toks, (c) => found.has(c), (c, t) => found.set(c, t));
  return found;
}
