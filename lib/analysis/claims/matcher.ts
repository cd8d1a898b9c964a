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
  stems: Map<string, Entry[]>;
  stemLengths: number[];
  residual: Array<[CueName, RegExp]>;
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
  const stems = new Map<string, Entry[]>();
  const residual: Array<[CueName, RegExp]> = [];
  const lengths = new Set<number>();
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
          const stem = first.slice(0, -1);
          lengths.add(stem.length);
          stems.set(stem, [...(stems.get(stem) ?? []), entry]);
        } else {
          exact.set(first, [...(exact.get(first) ?? []), entry]);
        }
      }
    }
    if (rest.length) residual.push([cueName, new RegExp(`(?<![\\p{L}\\p{N}])(?:${rest.join('|')})(?![\\p{L}\\p{N}])`, 'iu')]);
  }
  return { exact, stems, stemLengths: [...lengths].sort((a, b) => a - b), residual };
}

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

/** Finds, for each cue, the first text in `s` that matches it. */
export function matchCues(lex: CompiledLexicon, s: string, toks: readonly WordToken[]): Map<CueName, string> {
  const found = new Map<CueName, string>();
  const tryEntries = (entries: Entry[] | undefined, i: number): void => {
    if (!entries) return;
    for (const e of entries) {
      if (found.has(e.cue)) continue;
      let ok = true;
      for (let k = 0; k < e.rest.length; k++) {
        const t = toks[i + 1 + k];
        if (!t || !wordMatches(e.rest[k] as string, t.lower)) {
          ok = false;
          break;
        }
      }
      if (ok) found.set(e.cue, s.slice(toks[i]?.start ?? 0, toks[i + e.rest.length]?.end ?? 0));
    }
  };
  for (let i = 0; i < toks.length; i++) {
    const w = (toks[i] as WordToken).lower;
    tryEntries(lex.exact.get(w), i);
    for (const len of lex.stemLengths) {
      if (len > w.length) break;
      tryEntries(lex.stems.get(w.slice(0, len)), i);
    }
  }
  for (const [name, re] of lex.residual) {
    if (found.has(name)) continue;
    const m = re.exec(s);
    if (m) found.set(name, m[0]);
  }
  return found;
}
