/**
 * Claimant of a claim, when the sentence names one (GUIDELINES.md §2): the person's name without
 * title, or the organisation span. Patterns, in order:
 *   1. attribution before a quote: "Google President and CIO Ruth Porat: “…" / "Amazon: “…";
 *   2. "according to X" / "selon X" / "d'après X" / "as X put it";
 *   3. a subject right before a reporting or position verb: "Hugging Face soutient que",
 *      "judge Benoit Gagnon noted", "President Biden and I reject", "X plaide pour".
 * Pronouns, "we/nous", "experts" and unnamed sources give no claimant.
 */
import type { OrgMention } from '../types';
import { lowerCaseOf, WordMemo, type WordToken } from './matcher';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Titles and roles dropped from person names (EN/FR). */
const TITLES = new Set(
  `president vice ceo coo cio cto cfo chairman chairwoman chair founder co-founder director secretary minister senator governor
  representative rep sen judge justice professor prof dr mr mrs ms sir dame lord chief executive officer head leader spokesperson
  spokesman spokeswoman commissioner ambassador deputy general manager partner analyst researcher economist official officer
  m mme mlle me pr président présidente directeur directrice ministre secrétaire sénateur sénatrice député députée juge professeur
  professeure docteur commissaire porte-parole fondateur fondatrice chercheur chercheuse responsable maître conférences provincial court
  and et of de du la le the`.split(/\s+/),
);

/** Capitalised words that are not names when they start a run (sentence starters, months…). */
const NOT_NAMES = new Set(
  `the a an this that these those it its we our they their he she his her i in on at for but and or so as if when while today
  le la les un une ce cette ces il elle ils elles nous notre on en dans mais et ou donc pour par selon depuis aujourd hui
  january february march april may june july august september october november december
  janvier février mars avril mai juin juillet août septembre octobre novembre décembre`.split(/\s+/),
);

const EN_VERBS =
  /(?<![\p{L}])(?:said|says|argues?|argued|claims?|claimed|warns?|warned|contends?|insists?|believes?|believed|stated|states|stressed|stresses|stress|noted|notes|told|asserts?|maintains?|emphasi[sz]es|emphasi[sz]ed|underscored?|highlights?|highlighted|points? out|acknowledged?|concluded?|suggests?|suggested|applauds?|applauded|praised?|criticized?|criticised?|welcomed?|supports?|supported|opposes?|opposed|rejects?|rejected|calls? (?:on|for)|called (?:on|for)|urges?|urged|recommends?|recommended|thinks?|expects?|predicts?|estimates?|estimated|stands ready|is convinced)(?![\p{L}])/iu;
const FR_VERBS =
  /(?<![\p{L}])(?:affirme(?:nt)?|a affirmé|estime(?:nt)?|a estimé|soutien(?:nen)?t|a soutenu|souligne(?:nt)?|a souligné|déclare(?:nt)?|a déclaré|juge(?:nt)?|considère(?:nt)?|plaide(?:nt)?|a plaidé|dénonce(?:nt)?|alerte(?:nt)?|avertit|prévient|assure(?:nt)?|insiste(?:nt)?|rappelle(?:nt)?|explique(?:nt)?|constate(?:nt)?|reconna[iî]t|regrette(?:nt)?|salue(?:nt)?|critique(?:nt)?|craint|pense(?:nt)?|croit|croient|dit|disent|a dit|appelle(?:nt)? à|recommande(?:nt)?|préconise(?:nt)?|prône(?:nt)?|défend(?:ent)?|s['’]oppose(?:nt)?|met(?:tent)? en garde|était (?:particulièrement )?soucieux|observe(?:nt)?)(?![\p{L}])/iu;
const ACCORDING = /(?<![\p{L}])(?:according to|in the view of|in the words of|selon|d['’]après|de l['’]avis de|aux yeux de|as)\s+/giu;
const ACCORDING_HINT = /according to|in the view of|in the words of|selon|d['’]après|de l['’]avis de|aux yeux de/;
const AS_HINT = /put it|said|noted|argued|wrote/;
const COLON_RE = /^([^:“”"«»]{2,90}):\s*[“"«]/u;
const PERSON_WORD = /^\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?$|^\p{Lu}$/u;

const NAME_CHAR = /[\p{L}'’.-]/u;

/** Length (1 or 2 units) of the code point ending at `j` when it is in [\p{L}'’.-], else 0. */
function nameCharBefore(s: string, j: number): number {
  const c = s.charCodeAt(j - 1);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 46 || c === 45 ? 1 : 0;
  if (c === 0x2019) return 1;
  if (c >= 0xdc00 && c <= 0xdfff && j >= 2) {
    const h = s.charCodeAt(j - 2);
    if (h >= 0xd800 && h <= 0xdbff) return NAME_CHAR.test(s.slice(j - 2, j)) ? 2 : 0;
  }
  return NAME_CHAR.test(s[j - 1] as string) ? 1 : 0;
}

/** Word spans ([start, end]) read backwards. */
const WORDS_BACK: Array<[number, number]> = [];

/**
 * The last `max` runs of [\p{L}'’.-] (as /[\p{L}'’.-]+/gu finds them) in `s[0, end)`, last first,
 * in WORDS_BACK; returns their count, or max + 1 when there are more.
 */
function wordsBack(s: string, end: number, max: number): number {
  let n = 0;
  let j = end;
  while (j > 0) {
    const k = nameCharBefore(s, j);
    if (k === 0) {
      j--;
      continue;
    }
    if (n === max) return max + 1;
    const stop = j;
    j -= k;
    for (let l = j > 0 ? nameCharBefore(s, j) : 0; l > 0; l = j > 0 ? nameCharBefore(s, j) : 0) j -= l;
    const w = WORDS_BACK[n];
    if (w) {
      w[0] = j;
      w[1] = stop;
    } else WORDS_BACK[n] = [j, stop];
    n++;
  }
  return n;
}

/** The text of WORDS_BACK[k] in `s`. */
function wordBack(s: string, k: number): string {
  const w = WORDS_BACK[k] as [number, number];
  return s.slice(w[0], w[1]);
}

/** The last run of capitalised name words ending at `end` (exclusive) in `s`, without titles. */
function nameBefore(s: string, end: number, base: number): Span | undefined {
  // Words are read backwards from `end`: "and I", at most five name words and the one before
  // them decide (with a sixth name the answer is no).
  const MAX = 9;
  const found = wordsBack(s, end, MAX);
  const n = Math.min(found, MAX);
  let i = 0;
  // Skip trailing "and I" / "et moi" ("President Biden and I reject").
  if (n >= 2 && /^(?:I|moi)$/.test(wordBack(s, 0)) && /^(?:and|et)$/i.test(wordBack(s, 1))) i = 2;
  if (i >= n) return undefined;
  const last = WORDS_BACK[i] as [number, number];
  // The run must end right at `end` (only spaces between).
  if (!/^[\s,]*(?:and I|et moi)?[\s,]*$/i.test(s.slice(last[1], end))) return undefined;
  let first = -1;
  let k = i;
  for (; k < n; k++) {
    const w = wordBack(s, k).replace(/[.]$/, '');
    if (!PERSON_WORD.test(w) || TITLES.has(w.toLowerCase()) || NOT_NAMES.has(w.toLowerCase())) break;
    first = k;
  }
  if (first < 0) return undefined;
  // Names up to the earliest word read, and more words before them: more than four names.
  if (k === n && found > MAX) return undefined;
  const a = (WORDS_BACK[first] as [number, number])[0];
  const b = last[0] + wordBack(s, i).replace(/[.]$/, '').length;
  const count = first - i + 1;
  // A lone capitalised word counts only after a title ("President Biden", "judge Gagnon").
  if (count === 1) {
    const prev = (first + 1 < n ? wordBack(s, first + 1) : '').toLowerCase().replace(/[.]$/, '');
    if (!TITLES.has(prev) || prev === 'and' || prev === 'et' || prev === 'the' || prev === 'of' || prev === 'de') return undefined;
  }
  if (count > 4) return undefined;
  return { start: base + a, end: base + b, text: s.slice(a, b) };
}

/** The org ending right before `end` (only spaces/commas/"and I" between), if any. */
function orgBefore(orgs: readonly OrgMention[], s: string, end: number, base: number): Span | undefined {
  let best: OrgMention | undefined;
  for (const o of orgs) {
    const e = o.end - base;
    if (e <= end && e >= 0 && /^[\s,]*(?:[’']s?)?[\s,]*$/.test(s.slice(e, end))) {
      if (!best || o.end > best.end) best = o;
    }
  }
  return best ? { start: best.start, end: best.end, text: best.text } : undefined;
}

function orgOrNameAt(orgs: readonly OrgMention[], s: string, at: number, base: number): Span | undefined {
  const org = orgs.find((o) => o.start - base >= at && o.start - base <= at + 5);
  if (org) return { start: org.start, end: org.end, text: org.text };
  const m = /^(?:(?:le|la|les|l['’]|the)\s+)?((?:\p{Lu}[\p{L}'’-]*\s?){1,4})/u.exec(s.slice(at));
  if (!m || !m[1]) return undefined;
  const name = m[1].trim();
  const first = name.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (NOT_NAMES.has(first) || /^(?:moi|nous|lui|elle|eux|we|us|me|him|her|them|experts?|critics)$/i.test(name)) return undefined;
  const start = at + (m[0].length - m[1].length) ;
  return { start: base + start, end: base + start + name.length, text: name };
}

/** Orgs sorted by start with start <= end (checked once per array): inside-span queries by binary search. */
const sortedOrgs = new WeakMap<readonly OrgMention[], boolean>();

/** `orgs.filter((o) => o.start >= from && o.end <= to)`. */
function orgsInside(orgs: readonly OrgMention[], from: number, to: number): OrgMention[] {
  let sorted = sortedOrgs.get(orgs);
  if (sorted === undefined) {
    sorted = true;
    for (let i = 0; i < orgs.length && sorted; i++) {
      const o = orgs[i] as OrgMention;
      if (!(o.start <= o.end) || (i > 0 && !((orgs[i - 1] as OrgMention).start <= o.start))) sorted = false;
    }
    sortedOrgs.set(orgs, sorted);
  }
  if (!sorted) return orgs.filter((o) => o.start >= from && o.end <= to);
  // First org starting at or after `from`; every match starts in [from, to] (start <= end <= to).
  let lo = 0;
  let hi = orgs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((orgs[mid] as OrgMention).start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: OrgMention[] = [];
  for (let i = lo; i < orgs.length; i++) {
    const o = orgs[i] as OrgMention;
    if (o.start > to) break;
    if (o.end <= to) out.push(o);
  }
  return out;
}

// ------------------------------------------------------------------ reporting-verb search
// The verb regexes are long alternations tried at every word start; most words cannot begin a
// match. A trie of the (lowercased) first words of the alternatives picks the word starts where
// the regex is tried (sticky), so `firstVerb` returns the regex's leftmost match.

interface VerbFinder {
  re: RegExp;
  /** `re` anchored at `lastIndex`. */
  sticky: RegExp;
  /** Trie of first words; `null` when the regex was not understood (then `re` runs). */
  trie: FlatTrie | null;
  /** Per word (token `lower`): offsets of its letter runs where `re` may match. */
  starts: WordMemo<readonly number[]>;
}

/** A trie over Latin-1 code units: `next[node * width + alphabet[c]]` (-1: none), node 0 the root. */
interface FlatTrie {
  alphabet: Uint8Array;
  width: number;
  next: Int32Array;
  end: Uint8Array;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  end: boolean;
}

function flatten(root: TrieNode): FlatTrie {
  const nodes: TrieNode[] = [];
  const ids = new Map<TrieNode, number>();
  const codes = new Set<number>();
  const visit = (n: TrieNode): void => {
    ids.set(n, nodes.length);
    nodes.push(n);
    for (const [c, child] of n.next) {
      codes.add(c);
      visit(child);
    }
  };
  visit(root);
  const alphabet = new Uint8Array(256);
  let width = 1; // column 0: characters of no first word
  for (const c of [...codes].sort((a, b) => a - b)) alphabet[c] = width++;
  const next = new Int32Array(nodes.length * width).fill(-1);
  const end = new Uint8Array(nodes.length);
  nodes.forEach((n, i) => {
    end[i] = n.end ? 1 : 0;
    for (const [c, child] of n.next) next[i * width + (alphabet[c] as number)] = ids.get(child) as number;
  });
  return { alphabet, width, next, end };
}

/** Expands a regex alternative made of literals, `[abc]`, `(?:a|b)`, `x?` and `(?:…)?`; null otherwise. */
function expandAlternative(p: string): string[] | null {
  let outs: string[] = [''];
  let i = 0;
  while (i < p.length) {
    const c = p[i] as string;
    let alts: string[];
    let j: number;
    if (c === '(') {
      if (!p.startsWith('(?:', i)) return null;
      let depth = 1;
      j = i + 3;
      while (j < p.length && depth > 0) {
        if (p[j] === '(') depth++;
        else if (p[j] === ')') depth--;
        else if (p[j] === '\\' || p[j] === '[') return null;
        j++;
      }
      if (depth !== 0) return null;
      alts = [];
      for (const part of splitAlternatives(p.slice(i + 3, j - 1))) {
        const e = expandAlternative(part);
        if (!e) return null;
        alts.push(...e);
      }
    } else if (c === '[') {
      j = p.indexOf(']', i);
      if (j < 0) return null;
      const chars = p.slice(i + 1, j);
      if (chars === '' || /[\\^\-\]]/.test(chars)) return null;
      alts = [...chars];
      j++;
    } else {
      if ('\\{}+*.^$|)]'.includes(c) || c === '?') return null;
      alts = [c];
      j = i + 1;
    }
    const optional = p[j] === '?';
    const next: string[] = [];
    for (const o of outs) {
      for (const a of alts) next.push(o + a);
      if (optional) next.push(o);
    }
    outs = next;
    if (outs.length > 256) return null;
    i = optional ? j + 1 : j;
  }
  return outs;
}

function splitAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(last, k));
      last = k + 1;
    }
  }
  out.push(src.slice(last));
  return out;
}

const LETTER = /\p{L}/u;
/** Lowercase of a code unit up to U+00FF (equal to its simple case folding but for µ, which no verb has). */
const lowerLatin1 = (c: number): number => ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c);
/** Is the code unit a letter (\p{L})? Surrogates answer false (callers bail out on them). */
function isLetterUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 256) return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
  return LETTER.test(String.fromCharCode(c));
}

const NO_STARTS: readonly number[] = [];

/** Offsets in `w` (a lowercased word, no surrogates) of the letter runs that may begin a match. */
function candidateStarts(trie: FlatTrie, w: string): readonly number[] {
  const { alphabet, width, next, end } = trie;
  let out: number[] | undefined;
  const n = w.length;
  let i = 0;
  while (i < n) {
    if (!isLetterUnit(w.charCodeAt(i))) {
      i++;
      continue;
    }
    let node = 0;
    let exotic = false;
    let j = i;
    for (; j < n; j++) {
      const d = w.charCodeAt(j);
      if (!isLetterUnit(d)) break;
      if (d > 0xff) exotic = true;
      else if (node >= 0) node = next[node * width + (alphabet[lowerLatin1(d)] as number)] as number;
    }
    if (exotic || (node >= 0 && end[node] === 1)) (out ??= []).push(i);
    i = j;
  }
  return out ?? NO_STARTS;
}

function verbFinder(re: RegExp): VerbFinder {
  const finder: VerbFinder = {
    re,
    sticky: new RegExp(re.source, re.flags + 'y'),
    trie: null,
    starts: new WordMemo((w) => (finder.trie ? candidateStarts(finder.trie, w) : NO_STARTS)),
  };
  const head = '(?<![\\p{L}])(?:';
  const tail = ')(?![\\p{L}])';
  const src = re.source;
  if (!src.startsWith(head) || !src.endsWith(tail) || !re.flags.includes('i') || !re.flags.includes('u')) return finder;
  const root: TrieNode = { next: new Map(), end: false };
  for (const alt of splitAlternatives(src.slice(head.length, -tail.length))) {
    const forms = expandAlternative(alt);
    if (!forms) return finder;
    for (const form of forms) {
      let node = root;
      let k = 0;
      for (; k < form.length && isLetterUnit(form.charCodeAt(k)); k++) {
        const c = form.charCodeAt(k);
        if (c > 0xff) return finder;
        const lc = lowerLatin1(c);
        let child = node.next.get(lc);
        if (!child) node.next.set(lc, (child = { next: new Map(), end: false }));
        node = child;
      }
      if (k === 0) return finder; // an alternative not starting with a letter
      node.end = true;
    }
  }
  finder.trie = flatten(root);
  return finder;
}

// Built on first use (not at import: the content script loads on every page).
let enVerbFinder: VerbFinder | undefined;
let frVerbFinder: VerbFinder | undefined;
const verbFinderFor = (lang: string): VerbFinder => (lang === 'fr' ? (frVerbFinder ??= verbFinder(FR_VERBS)) : (enVerbFinder ??= verbFinder(EN_VERBS)));

/**
 * Leftmost match of `finder.re` in `s` (same as `finder.re.exec(s)`), or null. `toks`, the
 * sentence's `wordTokens` when given, lets the candidate starts be looked up per distinct word.
 */
function firstVerb(s: string, finder: VerbFinder, toks?: readonly WordToken[]): RegExpExecArray | null {
  const trie = finder.trie;
  if (!trie) return finder.re.exec(s);
  // Every letter is inside a token; a match starts at a letter run of a token (the token start,
  // or after an inner digit, apostrophe or hyphen) whose letters are a first word of the regex.
  // Tokens whose lowercase does not keep their length (offsets would shift) use the scan below.
  let tokensOk = !!toks;
  if (toks) {
    for (let k = 0; k < toks.length && tokensOk; k++) {
      const t = toks[k] as WordToken;
      if (t.lower.length !== t.end - t.start) tokensOk = false;
    }
  }
  if (toks && tokensOk) {
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k] as WordToken;
      const starts = finder.starts.get(t);
      for (let x = 0; x < starts.length; x++) {
        finder.sticky.lastIndex = t.start + (starts[x] as number);
        const m = finder.sticky.exec(s);
        if (m) return m;
      }
    }
    return null;
  }
  const { alphabet, width, next, end } = trie;
  const n = s.length;
  // The regex can only match at the start of a run of letters (lookbehind), with the run's
  // case-folded letters being a first word of an alternative; runs with letters above U+00FF
  // (whose folding may differ) are always tried.
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return finder.re.exec(s); // astral letters: let the regex decide
    if (!isLetterUnit(c)) {
      i++;
      continue;
    }
    let node = 0;
    let exotic = false;
    let j = i;
    for (; j < n; j++) {
      const d = s.charCodeAt(j);
      if (d >= 0xd800 && d <= 0xdfff) return finder.re.exec(s);
      if (!isLetterUnit(d)) break;
      if (d > 0xff) exotic = true;
      else if (node >= 0) node = next[node * width + (alphabet[lowerLatin1(d)] as number)] as number;
    }
    if (exotic || (node >= 0 && end[node] === 1)) {
      finder.sticky.lastIndex = i;
      const m = finder.sticky.exec(s);
      if (m) return m;
    }
    i = j;
  }
  return null;
}

/** Words holding a letter run of ACCORDING_HINT (bit 1) or AS_HINT (bit 2): each hint lies in one word. */
const HINT_WORDS = new WordMemo((w) => (/cord|view|words|selon|après|avis|yeux/.test(w) ? 1 : 0) | (/put|said|noted|argued|wrote/.test(w) ? 2 : 0));

/** Does the lowercased sentence hold an attribution hint ("according to", "selon", "as … said")? */
function attributionHint(sentence: string, toks?: readonly WordToken[]): boolean {
  let bits = 3;
  if (toks) {
    // Tokens that keep their length lowercased cover every letter of the sentence: a hint needs
    // one of them to hold its word.
    bits = 0;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k] as WordToken;
      if (t.lower.length !== t.end - t.start) {
        bits = 3;
        break;
      }
      bits |= HINT_WORDS.get(t);
    }
    if (bits === 0) return false;
  }
  const low = lowerCaseOf(sentence);
  return ((bits & 1) !== 0 && ACCORDING_HINT.test(low)) || ((bits & 2) !== 0 && low.includes('as ') && AS_HINT.test(low));
}

/** The reporting-verb regexes of the claimant search (exported for tests). */
export const REPORTING_VERBS: Readonly<Record<'en' | 'fr', RegExp>> = { en: EN_VERBS, fr: FR_VERBS };

/** Index of the first reporting verb of `sentence` (as `REPORTING_VERBS[lang].exec`), or -1. Exported for tests. */
export function reportingVerbIndex(sentence: string, lang: string, toks?: readonly WordToken[]): number {
  return firstVerb(sentence, verbFinderFor(lang), toks)?.index ?? -1;
}

/**
 * Finds the claimant of `sentence` (which starts at `base` in the text); `orgs` are the
 * organisation mentions of the whole text (only those inside the sentence are used). `toks`, when
 * given, must be `wordTokens(sentence)` (a shortcut for the verb search).
 */
export function findClaimant(sentence: string, base: number, lang: string, orgs: readonly OrgMention[], toks?: readonly WordToken[]): Span | undefined {
  const inside = orgsInside(orgs, base, base + sentence.length);
  // 1. "Attribution: “quote".
  const colon = sentence.includes(':') ? COLON_RE.exec(sentence) : null;
  if (colon && colon[1]) {
    const head = colon[1];
    const name = nameBefore(head, head.length, base);
    const org = orgBefore(inside, head, head.length, base);
    if (org && (!name || org.end >= name.end)) return org;
    if (name) return name;
  }
  // 2. "according to X", "selon X", "as X put it" (a cheap literal pre-check first).
  ACCORDING.lastIndex = 0;
  const maybe = attributionHint(sentence, toks);
  for (let m = maybe ? ACCORDING.exec(sentence) : null; m; m = ACCORDING.exec(sentence)) {
    const at = m.index + m[0].length;
    if (/^as$/i.test(m[0].trim())) {
      if (!/^(?:[\p{Lu}][\p{L}.'’-]*\s+){1,6}(?:put it|said|noted|argued|wrote)/u.test(sentence.slice(at))) continue;
      const lead = /^((?:[\p{Lu}][\p{L}.'’-]*\s+){1,6})(?:put it|said|noted|argued|wrote)/u.exec(sentence.slice(at));
      const seg = sentence.slice(0, at + (lead?.[1]?.trimEnd().length ?? 0));
      return orgBefore(inside, seg, seg.length, base) ?? nameBefore(seg, seg.length, base);
    }
    const hit = orgOrNameAt(inside, sentence, at, base);
    if (hit) return hit;
  }
  // 3. Subject before a reporting/position verb.
  const v = firstVerb(sentence, verbFinderFor(lang), toks);
  if (v) {
    let end = v.index;
    // Allow an adverb between subject and verb ("Hugging Face croit fermement", "X also argues").
    const pre = sentence.slice(0, end).replace(/\s+(?:also|further|strongly|aussi|également|toujours|fermement|notamment)\s*$/iu, ' ');
    end = pre.trimEnd().length;
    const org = orgBefore(inside, sentence, end, base);
    const name = nameBefore(sentence, end, base);
    if (org && (!name || org.end >= name.end)) return org;
    if (name) return name;
    // "We, the Leaders of the Group of Seven (G7), stress": the org inside the subject's apposition.
    const subj = sentence.slice(0, v.index);
    if (/^(?:we|nous),/i.test(subj)) {
      const o = inside.find((x) => x.end - base <= v.index);
      if (o) return { start: o.start, end: o.end, text: o.text };
    }
  }
  return undefined;
}
