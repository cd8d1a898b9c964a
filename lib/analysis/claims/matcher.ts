/**
 * Compiles the cue lexicons into word-indexed tables, so a sentence is tokenised once and each
 * word costs one or two Map lookups instead of ~27 Unicode regexes (about 10× faster). Lexicon
 * alternatives that are plain words or phrases (optionally with `(?:a|b)`, `x?` and a final
 * `\p{L}*` stem wildcard) go to the tables; anything else (digits, `\s`, `\p{L}+` inside a
 * phrase, explicit regexes) stays a regex, run as one alternation per cue.
 */
import type { CueName } from './lexicon';

interface Entry {
  cue: CueName;
  /** Words after the first; a trailing '*' marks a stem (prefix) match. */
  rest: string[];
}

export interface CompiledLexicon {
  exact: Map<string, Entry[]>;
  /** Stem entries in a character trie: walking a word's characters visits every stem it starts with. */
  stems: StemNode;
  residual: Array<[CueName, RegExp]>;
  /** Residual regexes that cannot match without a digit (skipped on digit-free sentences). */
  digitOnly: Set<CueName>;
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

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const norm = (s: string): string => s.toLowerCase().replace(/’/g, "'");

/** Tokenises a sentence into words (letters/digits with inner apostrophes and hyphens). */
export function wordTokens(s: string): WordToken[] {
  const out: WordToken[] = [];
  const lowered = norm(s);
  const same = lowered.length === s.length;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(s); m; m = WORD_RE.exec(s)) {
    const end = m.index + m[0].length;
    out.push({ text: m[0], lower: same ? lowered.slice(m.index, end) : norm(m[0]), start: m.index, end });
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
export function compileLexicon(sources: Partial<Record<CueName, string | RegExp>>): CompiledLexicon {
  const exact = new Map<string, Entry[]>();
  const stems: StemNode = { next: new Map() };
  const residual: Array<[CueName, RegExp]> = [];
  for (const [cueName, src] of Object.entries(sources) as Array<[CueName, string | RegExp]>) {
    if (src instanceof RegExp) {
      residual.push([cueName, src]);
      continue;
    }
    const rest: string[] = [];
    for (const alt of splitTop(src)) {
      const forms = expand(alt);
      if (!forms || forms.some((f) => /\*(?!$|\s)/.test(f) || !/^[\p{L}\p{N}'’\- *]+$/u.test(f))) {
        rest.push(alt);
        continue;
      }
      for (const form of forms) {
        const words = norm(form).trim().split(/\s+/);
        const first = words[0] as string;
        const entry: Entry = { cue: cueName, rest: words.slice(1) };
        if (first.endsWith('*')) {
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
    if (rest.length) residual.push([cueName, new RegExp(`(?<![\\p{L}\\p{N}])(?:${rest.join('|')})(?![\\p{L}\\p{N}])`, 'iu')]);
  }
  const digitOnly = new Set<CueName>();
  for (const [name, re] of residual) if (splitTop(re.source).every((alt) => alt.includes('\\d'))) digitOnly.add(name);
  return { exact, stems, residual, digitOnly };
}

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
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
  const tryEntries = (entries: Entry[], i: number): void => {
    for (const e of entries) {
      if (has(e.cue)) continue;
      let ok = true;
      for (let k = 0; k < e.rest.length; k++) {
        const t = toks[i + 1 + k];
        if (!t || !wordMatches(e.rest[k] as string, t.lower)) {
          ok = false;
          break;
        }
      }
      if (ok) hit(e.cue, s.slice((toks[i] as WordToken).start, (toks[i + e.rest.length] as WordToken).end));
    }
  };
  for (let i = 0; i < toks.length; i++) {
    const w = (toks[i] as WordToken).lower;
    const ex = lex.exact.get(w);
    if (ex) tryEntries(ex, i);
    let node: StemNode | undefined = lex.stems;
    for (let c = 0; c < w.length && node; c++) {
      node = node.next.get(w[c] as string);
      if (node?.entries) tryEntries(node.entries, i);
    }
  }
  for (const [name, re] of lex.residual) {
    if (has(name) || (!hasDigit && lex.digitOnly.has(name))) continue;
    const m = re.exec(s);
    if (m) hit(name, m[0]);
  }
}

/** Finds, for each cue, the first text in `s` that matches it. */
export function matchCues(lex: CompiledLexicon, s: string, toks: readonly WordToken[]): Map<CueName, string> {
  const found = new Map<CueName, string>();
  matchCuesInto(lex, s, toks, (c) => found.has(c), (c, t) => found.set(c, t));
  return found;
}
