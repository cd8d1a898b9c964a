/**
 * Organization mentions in plain text (English and French; other languages get the gazetteer and
 * the English rules). Pure: a string in, spans out. Boundaries follow ../shared/eval/GUIDELINES.md
 * §1: no determiner, no possessive, acronym in parentheses as its own span, laws/products/events
 * that contain an organization name are not organizations.
 *
 * Cues, strongest first: the gazetteer (longest form), acronym definitions "Full Name (ABC)" /
 * "ABC (Full Name)", head-word rules (capitalised names around Agency/Institute/Commission…,
 * French "Autorité de régulation de la …"), document-level consistency (a name found by a rule
 * once is found at every other occurrence), then, in English, the tagger (model.ts: bands, clubs,
 * units… and better boundaries for the rules' names; it keeps a capitalised determiner inside a
 * sentence, as in "bands like The Ramones").
 */
import { ORG_TYPES, type OrgMention, type OrgType } from '../types';
import * as gazetteer from './gazetteer';
import type { OrgEntry, TrieNode } from './gazetteer';
import * as lexicon from './lexicon';
import * as tagger from './model';
import type { ModelInput, OrgModel } from './model';
import { MODEL_BIAS, MODEL_BITS, MODEL_DATA, MODEL_SCALE, MODEL_THRESHOLD } from './model.generated';
import * as tokenizer from './tokenize';
import * as wordclass from './wordclass';
import type { Tokens } from './tokenize';

// Module-local bindings: imported ones may be getters, called at every use, once transpiled to CommonJS (tsx).
const { addForm, getGazetteer, keySlot, longestMatch, newNode } = gazetteer;
const { LEX_OPEN_PAREN, decode, lexCode, loadModel } = tagger;
const { tokenize } = tokenizer;
const { TOPIC_TECH, WC_COMMON, WC_DEMONYM, WC_GIVEN_NAME, WORD_CLASSES } = wordclass;
const {
  AND_WORDS,
  ARTICLE_HOSTS,
  ARTICLES,
  CALENDAR,
  CONNECTORS,
  DETERMINERS,
  FR_ADJECTIVE_RE,
  FR_STOP,
  HEAD_FIRST_OK,
  HEAD_TYPES,
  HONORIFICS,
  LEGAL_SUFFIXES,
  NON_ORG_FINALS,
  NOT_ORG_ACRONYMS,
  NOT_ORGS,
  SENTENCE_STARTERS,
  SHOUTED_WORDS,
  THING_NOUNS,
  TITLES,
} = lexicon;

type Source = OrgMention['source'];

/** A candidate span over tokens [first, last] (inclusive). */
interface Candidate {
  first: number;
  last: number;
  source: Source;
  type: OrgType;
  entry?: OrgEntry;
  score: number;
  /** Proposed by the tagger (source stays 'head-word': the OrgMention source union has no 'model'). */
  model?: boolean;
}

const SCORES: Record<Source, number> = { gazetteer: 0.95, acronym: 0.85, consistency: 0.8, 'head-word': 0.7 };
/** Codes of organization types and cues in the tagger's input (ModelInput.ruleKind). */
const TYPE_CODE = Object.fromEntries(ORG_TYPES.map((type, k) => [type, k + 1])) as Record<OrgType, number>;
const SOURCE_CODE: Record<Source, number> = { gazetteer: 0, acronym: 1, consistency: 2, 'head-word': 3 };
/** Per-token buffers of the tagger's input, reused between calls (fresh ones when the caller keeps them): the first n entries are zeroed, the rest is not read. */
const buffers: Uint8Array[] = [];
function tokenBuffer(slot: number, n: number, fresh: boolean): Uint8Array {
  if (fresh || n > 1 << 16) return new Uint8Array(n);
  let b = buffers[slot];
  if (!b || b.length < n) buffers[slot] = b = new Uint8Array(Math.max(n, 256, 2 * (b?.length ?? 0)));
  else b.fill(0, 0, n);
  return b;
}

/** Tokens after which the next word's capital says nothing (sentence or heading start). */
const OPENERS = new Set(['.', '!', '?', '…', ':', ';', '•', '·', '"', '“', '”', '«', '»', '-', '–', '—', '*', '#', '>', '|', '(', '[']);
/** Is this character code a letter? ASCII without a regex. */
const isLetterStart = (raw: string) => {
  const c = raw.charCodeAt(0) | 32;
  return c >= 97 && c <= 122 ? true : raw.charCodeAt(0) < 128 ? false : LETTER_START_RE.test(raw);
};
const isDigitStart = (raw: string) => {
  const c = raw.charCodeAt(0);
  return c >= 48 && c <= 57;
};
const UPPER_START_RE = /^\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const PLURAL_ACRONYM_RE = /^\p{Lu}{2,}s$/u;
const CAMEL_RE = /\p{Ll}\p{Lu}/u;
const LETTER_START_RE = /^\p{L}/u;
/** Words that stay in lower case in English title-case headings. */
const TITLE_CASE_LOWER = new Set('a an the and or but nor of in on to for at by with from as vs via into over per is'.split(' '));
const TITLE_WORD_RE = /^\p{Lu}\p{Ll}/u;
const VERSION_RE = /^(?:[A-Z]{0,2}\d+(?:\.\d+)*[A-Za-z]{0,3}|\d+(?:\.\d+)?)$/;
const YEAR_RE = /^(?:1[5-9]|20)\d\d$/;
const ACRONYM_RE = /^\p{Lu}[\p{L}\p{N}&.-]{1,11}$/u;
const UPPERS_RE = /\p{Lu}/gu;
const PRODUCT_TYPES = new Set<OrgType>(['company', 'ai-lab', 'media', 'investor']);
const FR_HEADS = new Set(
  `fonds autorite agence conseil commission comite institut ministere universite fondation direction cour tribunal assemblee observatoire societe
  groupe banque centre office federation parti union association ecole laboratoire syndicat haut-commissariat caisse chambre confederation
  mouvement front organisation college academie conservatoire delegation secretariat inspection prefecture regie bureau service armee police
  gendarmerie alliance coalition compagnie reseau pole mission collectif`.split(/\s+/),
);
/**
 * Pre-test of FR_HEADS on a key before lower-casing and hashing it: bit `length` of slot (first,
 * last character) is set for every head. Only a character that lower-cases to an ASCII letter can
 * match (heads are ASCII): an ASCII letter (its code | 32) or a non-ASCII one (never rejected).
 */
const FR_HEAD_SHAPES = (() => {
  const table = new Uint32Array(128 * 128);
  for (const h of FR_HEADS) table[(h.charCodeAt(0) << 7) | h.charCodeAt(h.length - 1)]! |= 1 << Math.min(h.length, 31);
  return table;
})();
function maybeFrenchHead(key: string): boolean {
  const c0 = key.charCodeAt(0);
  const cl = key.charCodeAt(key.length - 1);
  if (c0 > 127 || cl > 127) return true;
  return ((FR_HEAD_SHAPES[((c0 | 32) << 7) | (cl | 32)]! >>> Math.min(key.length, 31)) & 1) === 1;
}
/** Capitalised words that are not name words: determiners, titles, days and months (one lookup). */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set([...DETERMINERS, ...TITLES, ...CALENDAR]);
const FR_PREFIXES = new Set(['haute', 'haut', 'grand', 'grande', 'nouveau', 'nouvelle']);
const FR_LINKS = new Set(['de', 'du', 'des', "d'", 'pour', 'sur', 'en', 'à', 'aux', 'et']);
const ELECTION = new Set(['election', 'elections', 'leadership', 'primary', 'primaries', 'by-election']);
/**
 * Evidence (the tagger's score over O, without the opening bias) a lone acronym needs in a sentence
 * without topic words. Without the bias, so that the bias chosen by cross-validation does not loosen it.
 */
const LONE_ACRONYM_EVIDENCE = 1.75;
/** Family nouns after a possessive: their owner is a person ("Morrison's father"). */
const KIN_NOUNS: ReadonlySet<string> = new Set(
  `father mother son sons daughter daughters wife husband brother brothers sister sisters uncle aunt nephew niece cousin
  grandfather grandmother grandson granddaughter widow widower lover girlfriend boyfriend fiancé fiancée fiance fiancee parents`.split(/\s+/),
);
const ABSTRACT_RE = /(?:ship|ness|ment|tion|sion|ity|ism|ance|ence|hood|dom)$/;
const COMPASS = new Set(['north', 'south', 'east', 'west']);
/** Last words of geographic names ("Chatham Islands", "Hudson River"): a place, not an organization. */
const GEO_FINALS = new Set(['islands', 'island', 'isles', 'isle', 'mountains', 'river', 'lake', 'bay', 'beach', 'coast', 'peninsula', 'cape', 'gulf', 'sea', 'ocean', 'strait', 'straits', 'valley', 'desert', 'hills', 'falls', 'archipelago', 'glacier', 'plateau']);
const VENUE_FINALS = new Set(['stadium', 'arena', 'field', 'rink', 'pavilion', 'ballpark', 'coliseum', 'colosseum', 'speedway', 'raceway', 'velodrome', 'racecourse', 'racetrack', 'amphitheatre', 'amphitheater']);
const GEO_INITIALS = new Set(['fort', 'mount', 'mt', 'lake', 'cape', 'isle', 'port', 'lac', 'mont', 'cap']);
const ORDINAL_RE = /^\d+(?:st|nd|rd|th|d)$/;
/** Links after which a name may start anew ("Sue Black of the University of …"). */
const SPLIT_LINKS = new Set(['of', 'for', 'at']);
/** Heads of military unit names, which keep their number ("65th Air Division"). */
const UNIT_HEADS = new Set(['wing', 'division', 'brigade', 'regiment', 'squadron', 'corps', 'battalion', 'fleet', 'flotilla', 'army', 'force', 'command', 'group']);
const INFINITIVE_RE = /(?:er|ir)$/;
const ARTICLE_OK_AFTER = new Set(['de', 'pour', 'sur', 'à', 'et']);

let shippedModel: OrgModel | undefined;
/** The shipped tagger (decoded lazily, then shared). */
export function getOrgModel(): OrgModel {
  shippedModel ??= loadModel(MODEL_BITS, MODEL_SCALE, MODEL_DATA);
  return shippedModel;
}

export interface DetectOptions {
  /** Tagger proposing names the rules miss; default the shipped one, `null` for rules only. */
  model?: OrgModel | null;
  /** Minimum mean margin of a tagger span (default: the one chosen by cross-validation). */
  threshold?: number;
  /** Added to the tagger's score of opening a name (default: the one chosen by cross-validation). */
  bias?: number;
  /** Receives the tagger's input (training). */
  onInput?: (input: ModelInput) => void;
}

/** Finds the organizations named in `text` (`lang`: BCP 47 code; French rules when it starts with "fr"). */
export function findOrganizations(text: string, lang: string): OrgMention[] {
  return detectOrganizations(text, lang);
}

/** `findOrganizations` with a chosen tagger (training and evaluation scripts). */
export function detectOrganizations(text: string, lang: string, opts: DetectOptions = {}): OrgMention[] {
  if (!text) return [];
  const fr = lang.toLowerCase().startsWith('fr');
  const t = tokenize(text);
  const n = t.count;
  if (n === 0) return [];
  const { entries, root, firstKeys } = getGazetteer();

  // Per-token facts. joined[j]: only spaces between tokens j-1 and j (no punctuation, no line break).
  const joined = new Uint8Array(n);
  const initial = new Uint8Array(n);
  const cap = new Uint8Array(n);
  const titleCaseLine = new Uint8Array(n);
  const boundary = new Uint8Array(n);
  // The tagger (English only): its facts of each token are read here, while the token is at hand.
  const model = opts.model === undefined ? (fr ? null : getOrgModel()) : opts.model;
  const lex = model || opts.onInput ? tokenBuffer(0, n, !!opts.onInput) : undefined;
  for (let j = 0; j < n; j++) {
    const raw = t.raw[j]!;
    const c = raw.charCodeAt(0);
    cap[j] = c >= 65 && c <= 90 ? 1 : c < 128 ? 0 : UPPER_START_RE.test(raw) ? 1 : 0;
    if (lex) lex[j] = lexCode(raw, c);
    if (j === 0) {
      initial[j] = 1;
      continue;
    }
    let onlySpaces = true;
    let newline = false;
    for (let p = t.end[j - 1]!; p < t.start[j]!; p++) {
      const ch = text.charCodeAt(p);
      if (ch === 10 || ch === 13) newline = true;
      else if (ch !== 32 && ch !== 9 && ch !== 160 && ch !== 8239 && ch !== 8201) onlySpaces = false;
    }
    joined[j] = onlySpaces && !newline ? 1 : 0;
    const prev = t.raw[j - 1]!;
    initial[j] = newline || (prev.length === 1 && OPENERS.has(prev)) ? 1 : 0;
    boundary[j] = newline || prev === '.' || prev === '!' || prev === '?' ? 1 : 0;
  }
  markTitleCaseLines(t, boundary, cap, titleCaseLine);

  // 1. Gazetteer: greedy longest match, left to right.
  const gaz: Candidate[] = [];
  let ambiguousInitial: Set<number> | undefined;
  for (let i = 0; i < n; ) {
    // A word in lower case can only open a form that may start in lower case (the pre-test spares most trie lookups).
    const key = t.key[i]!;
    if (!(firstKeys[keySlot(key)]! & (cap[i] || isDigitStart(t.raw[i]!) ? 1 : 2))) {
      i++;
      continue;
    }
    const m = root.next?.has(key) ? longestMatch(root, t, i, joined) : undefined;
    if (!m || (!m.node.lower && !cap[i] && !/^\d/.test(t.raw[i]!)) || (m.node.notInitial && initial[i]) || !capsOk(cap, i, m.node.capMask)) {
      // A form listed as ambiguous at sentence start ("Variety is…", "Penguins live…"): the tagger may not propose it there either.
      if (m && m.node.notInitial && initial[i] && m.last === i) (ambiguousInitial ??= new Set()).add(i);
      i++;
      continue;
    }
    // "Riverside Hornets": a nickname form (one word, not at sentence start) after another capitalised
    // word is the end of some other name, not the listed organization.
    if (m.node.notInitial && m.last === i && joined[i] && cap[i - 1] && !DETERMINERS.has(t.key[i - 1]!)) {
      i++;
      continue;
    }
    const entry = entries[m.node.entry]!;
    gaz.push({ first: i, last: m.last, source: 'gazetteer', type: entry.type, entry, score: SCORES.gazetteer });
    i = m.last + 1;
  }
  const gazStart = new Set(gaz.map((c) => c.first));

  // 2. Capitalised name runs: head-word organizations, and law/product names that veto what they contain.
  const rules: Candidate[] = [];
  const vetoed = new Uint8Array(n);
  for (const [first, last] of nameRuns(t, cap, initial, joined, gazStart)) {
    const lastKey = t.key[last]!;
    // In title-case lines capitals say little: only names ending in a head word ("Vanderbilt Law School").
    if (titleCaseLine[first] && !HEAD_TYPES.has(lastKey)) continue;
    if (NON_ORG_FINALS.has(lastKey) && last > first) {
      vetoed.fill(1, first, last + 1);
      continue;
    }
    let from = first;
    if (!fr) {
      // "Sue Black of the University of Westminster", "Fellow of the American Physical Society": when the
      // words before "of/for/at" hold no head word and the words after do, the name is the part after.
      let headSeen = false;
      for (let k = first; k <= last && !headSeen; k++) {
        const key = t.key[k]!;
        if (HEAD_TYPES.has(key)) headSeen = true;
        else if (k > first && SPLIT_LINKS.has(key)) {
          let b = k + 1;
          if (b <= last && ARTICLES.has(t.key[b]!)) b++;
          let headAfter = false;
          for (let j = b; j <= last; j++) if (HEAD_TYPES.has(t.key[j]!)) headAfter = true;
          if (headAfter && b <= last) from = b;
          break;
        }
      }
      // "65th Air Division", "4 Air Defense Wing": the number of a unit belongs to its name.
      if (from === first && from > 0 && joined[from] && UNIT_HEADS.has(t.key[last]!) && /^(?:\d{1,3}|\d+(?:st|nd|rd|th|d))$/.test(t.raw[from - 1]!)) from--;
    }
    const c = headWordCandidate(t, from, last, joined);
    if (c && !NOT_ORGS.has(text.slice(t.start[c.first], t.end[c.last]).toLowerCase())) rules.push(c);
  }
  if (fr) rules.push(...frenchHeadCandidates(t, cap, initial, joined));

  // 3. Filters on gazetteer hits: inside a vetoed name, part of an election name, or a product name ("Google Lens").
  const kept = gaz.filter((c) => {
    if (c.first === c.last && (vetoed[c.first] || inCapitalsLine(t, c.first, joined))) return false;
    const next = c.last + 1;
    if (next < n && joined[next]) {
      const nk = t.key[next]!;
      if (ELECTION.has(nk)) return false;
      if (c.entry && PRODUCT_TYPES.has(c.entry.type) && !titleCaseLine[c.first] && looksLikeProductName(t, next, gazStart)) return false;
    }
    return true;
  });

  // 4. Resolve overlaps: longer spans first, then stronger cue.
  const accepted = resolve(t, [...kept, ...rules.filter((c) => !vetoed[c.first])], n);

  // 5. Acronyms defined next to an accepted name, then their later uses and other repeats.
  addAcronyms(t, accepted);
  addRepeats(t, accepted, cap, vetoed, joined);

  // 6. The tagger: names no rule covers (bands, clubs, units…) and better boundaries for the rules' names.
  // Trained on English only; on French dev text it costs more precision than it adds recall.
  if (lex) {
    const fresh = !!opts.onInput;
    const gazTag = tokenBuffer(1, n, fresh);
    const ruleTag = tokenBuffer(2, n, fresh);
    const ruleKind = tokenBuffer(3, n, fresh);
    for (const c of accepted) {
      const tags = c.source === 'gazetteer' ? gazTag : ruleTag;
      tags[c.first] = 1;
      tags.fill(2, c.first + 1, c.last + 1);
      if (c.source !== 'gazetteer') ruleKind.fill(TYPE_CODE[c.type] + 32 * SOURCE_CODE[c.source], c.first, c.last + 1);
    }
    const input: ModelInput = { t, cap, lex, initial, joined, titleCaseLine, gaz: gazTag, rule: ruleTag, ruleKind, vetoed };
    opts.onInput?.(input);
    // Each occurrence is judged on its own: repeats would multiply the tagger's mistakes.
    if (model) addModelSpans(text, t, input, model, opts, accepted, vetoed, ambiguousInitial);
  }

  accepted.sort((a, b) => a.first - b.first);
  return accepted.map((c) => toMention(text, t, c, fr));
}

/**
 * The tagger's names: bands, clubs, units… that no rule covers, and better boundaries for the rules'
 * names (a tagger span replaces the rule spans it overlaps). A tagger span never overlaps a
 * gazetteer name, a law/product/event name or a title-case heading, and passes `modelSpanOk`.
 */
function addModelSpans(
  text: string,
  t: Tokens,
  input: ModelInput,
  model: OrgModel,
  opts: DetectOptions,
  accepted: Candidate[],
  vetoed: Uint8Array,
  ambiguousInitial: ReadonlySet<number> | undefined,
): void {
  const { gaz, titleCaseLine, initial, cap } = input;
  const threshold = opts.threshold ?? MODEL_THRESHOLD;
  const bias = opts.bias ?? MODEL_BIAS;
  const taken = tokenBuffer(4, t.count, false);
  const added: Candidate[] = [];
  const ctx: SpanContext = { text, t, input, vetoed, taken, terms: undefined, surnames: undefined };
  for (const s of decode(model, input, undefined, bias)) {
    if (s.conf < threshold) continue;
    // A determiner opens a name only inside a sentence and capitalised ("bands like The Ramones").
    let first = s.first;
    while (first <= s.last && DETERMINERS.has(t.key[first]!) && (initial[first] || !cap[first])) first++;
    if (first > s.last || (first === s.last && ambiguousInitial?.has(first))) continue;
    let free = true;
    for (let k = first; k <= s.last && free; k++) if (gaz[k] || vetoed[k] || titleCaseLine[k]) free = false;
    // The span's mean score over O includes the opening bias once.
    const evidence = s.conf - bias / (s.last - s.first + 1);
    if (!free || !modelSpanOk(ctx, first, s.last, s.topic, evidence, s.known && first === s.first)) continue;
    taken.fill(1, first, s.last + 1);
    const head = HEAD_TYPES.get(t.key[s.last]!);
    added.push({ first, last: s.last, source: 'head-word', type: head ?? 'other', score: Math.min(0.69, 0.4 + s.conf / 100), model: true });
  }
  if (!added.length) return;
  let kept = 0;
  for (const c of accepted) {
    let free = true;
    for (let j = c.first; j <= c.last && free; j++) if (taken[j]) free = false;
    if (free) accepted[kept++] = c;
  }
  accepted.length = kept;
  for (const c of added) accepted.push(c);
  // "Montreal Hockey Club (Montreal HC)": acronyms of the tagger's names.
  addAcronyms(t, accepted, added);
}

interface SpanContext {
  text: string;
  t: Tokens;
  input: ModelInput;
  vetoed: Uint8Array;
  /** Tokens of the tagger spans kept so far. */
  taken: Uint8Array;
  /** Acronyms of terms in the text (computed at the first lone acronym). */
  terms: Set<string> | null | undefined;
  /** Surnames of people named in the text (computed at the first lone word). */
  surnames: Set<string> | undefined;
}

/**
 * Words the text shows to be people's surnames: right after a personal title ("Mr Mugabe",
 * "President Zuma") or a given name ("Robert Mugabe") in a capitalised pair. Elsewhere in the text
 * the word alone ("Mugabe's compound") names the same person.
 */
function personSurnames(t: Tokens, input: ModelInput): Set<string> {
  const out = new Set<string>();
  const { cap, joined } = input;
  for (let k = 1; k < t.count; k++) {
    if (!cap[k] || !joined[k] || !cap[k - 1]) continue;
    const before = t.key[k - 1]!;
    const pairEnds = k + 1 >= t.count || !joined[k + 1] || !cap[k + 1];
    if (TITLES.has(before) || HONORIFICS.has(before) || (pairEnds && (k < 2 || !joined[k - 1] || !cap[k - 2]) && WORD_CLASSES.get(before.toLowerCase()) === WC_GIVEN_NAME)) out.add(t.key[k]!);
  }
  return out;
}

/** Filters on a tagger span [first, last]: no law, region, description, compound adjective or term acronym. */
function modelSpanOk(ctx: SpanContext, first: number, last: number, topic: number, evidence: number, known: boolean): boolean {
  const { text, t, input } = ctx;
  const lastKey = t.key[last]!;
  if (NON_ORG_FINALS.has(lastKey) || NOT_ORG_ACRONYMS.has(lastKey)) return false;
  // A law, code or process name ("… Code of Conduct for …") is not an organization.
  for (let k = first + 1; k < last; k++) if (NON_ORG_FINALS.has(t.key[k]!) && CONNECTORS.has(t.key[k + 1]!)) return false;
  // "Global South": a region; "Chatham Islands": a place (GUIDELINES §1: places are not organizations).
  if (COMPASS.has(lastKey) && !HEAD_TYPES.has(t.key[first]!)) return false;
  if (GEO_FINALS.has(lastKey.toLowerCase())) return false;
  // "Forbes Field", "Victoria Skating Rink": a venue is a place (GUIDELINES §1), not its club.
  if (last > first && VENUE_FINALS.has(lastKey.toLowerCase())) return false;
  // "Port Harcourt", "Mount Vernon": a place by its geographic first word (a listed name such as a club may still be one).
  if (last === first + 1 && !known && GEO_INITIALS.has(t.key[first]!)) return false;
  // "the Sudanese government": the tagger's span "Sudanese" alone is a demonym, not a name.
  if (first === last && WORD_CLASSES.get(lastKey.toLowerCase()) === WC_DEMONYM) return false;
  // "American leadership", "British rule": a demonym and a common noun describe, they do not name.
  if (last === first + 1 && WORD_CLASSES.get(t.key[first]!.toLowerCase()) === WC_DEMONYM) {
    if (WORD_CLASSES.get(lastKey.toLowerCase()) === WC_COMMON || ABSTRACT_RE.test(lastKey)) return false;
  }
  if (NOT_ORGS.has(text.slice(t.start[first], t.end[last]).toLowerCase())) return false;
  // "Morrison's father", "the coach's wife": whoever has a father or a wife is a person.
  if (last + 2 < t.count && t.key[last + 1] === "'s" && KIN_NOUNS.has(t.key[last + 2]!)) return false;
  // "The Queen", "the Pope": a determiner and a title name a person.
  if (last === first + 1 && DETERMINERS.has(t.key[first]!) && (TITLES.has(lastKey) || HONORIFICS.has(lastKey))) return false;
  if (first < last) return true;
  const key = t.key[first]!;
  const raw = t.raw[first]!;
  // "Mugabe's compound" where the text also says "Mr Mugabe": a person.
  if (!known && (ctx.surnames ??= personSurnames(t, input)).has(key)) return false;
  // "[41] The government …": a determiner, a title or a date word alone is never a name.
  if (SENTENCE_STARTERS.has(key) || DETERMINERS.has(key) || TITLES.has(key) || CALENDAR.has(key)) return false;
  // "AI-generated", "X86-based": a compound adjective.
  if (/-\p{Ll}+$/u.test(raw)) return false;
  // "RPCs", "VMs": the plural of an acronym names things, not an organization.
  if (!known && PLURAL_ACRONYM_RE.test(raw)) return false;
  // A lone CamelCase word ("ServiceWorker", "SetResults") is code or a product as often as a name: it
  // needs the context an acronym needs.
  if (LOWER_RE.test(raw) && !CAMEL_RE.test(raw)) return true;
  // A lone acronym names a method, a measure or a product as often as an organization: it needs context.
  const next = first + 1 < t.count ? t.raw[first + 1]! : '';
  // "MS.", "PATTERSON:": titles and speaker labels; "FALSE", "FOR": shouted words.
  if (TITLES.has(raw.toLowerCase()) || next === ':' || SHOUTED_WORDS.has(raw.toLowerCase())) return false;
  // "the LREC conference", "a CNN model".
  if (next && input.joined[first + 1] && THING_NOUNS.has(next)) return false;
  // In technical sentences (algorithms, data, models…) and in headings, an acronym is rarely an organization;
  // in a sentence with no topic word (sport, music, military, business, politics, media) the tagger must be
  // sure, or the acronym must be a well-known name (a company, a station's call sign: "KQED").
  if (topic & TOPIC_TECH || (!topic && !known && evidence < LONE_ACRONYM_EVIDENCE) || inHeading(text, t, first)) return false;
  // Defined by a lower-case expansion or by a law/product name ("long short-term memory (LSTM)", "AI Incident Database (AIID)").
  if (ctx.terms === undefined) ctx.terms = termAcronyms(t, input.lex, ctx.vetoed) ?? null;
  if (ctx.terms?.has(key)) return false;
  // "Some Name (ABC)" where the name is not an organization: neither is its acronym.
  if (first >= 2 && t.raw[first - 1] === '(' && next === ')' && input.cap[first - 2] && !input.gaz[first - 2] && !input.rule[first - 2] && !ctx.taken[first - 2]) return false;
  return true;
}

/** Token k sits in a short line (≤ 10 tokens) that does not end with sentence punctuation. */
function inHeading(text: string, t: Tokens, k: number): boolean {
  let a = k;
  while (a > 0 && k - a < 10 && !hasNewline(text, t.end[a - 1]!, t.start[a]!)) a--;
  let b = k;
  while (b + 1 < t.count && b - a < 10 && !hasNewline(text, t.end[b]!, t.start[b + 1]!)) b++;
  if (b - a >= 10) return false;
  const lastRaw = t.raw[b]!;
  return !(lastRaw === '.' || lastRaw === '!' || lastRaw === '?' || lastRaw === ':' || lastRaw === ';' || lastRaw === '"' || lastRaw === '”' || lastRaw === ')');
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function toMention(text: string, t: Tokens, c: Candidate, fr: boolean): OrgMention {
  const start = t.start[c.first]!;
  const end = t.end[c.last]!;
  const surface = text.slice(start, end);
  return {
    start,
    end,
    text: surface,
    id: c.entry ? c.entry.id : `${c.model ? 'model' : 'rule'}:${t.key.slice(c.first, c.last + 1).join(' ').toLowerCase()}`,
    name: c.entry ? (fr ? c.entry.fr : c.entry.en) : surface,
    type: c.type,
    source: c.source,
    score: c.score,
  };
}

/**
 * Sentences or lines where most words are capitalised (headings, incident titles): capitals carry
 * no signal there, so the head-word rules stay off.
 */
function markTitleCaseLines(t: Tokens, boundary: Uint8Array, cap: Uint8Array, out: Uint8Array): void {
  let from = 0;
  for (let j = 1; j <= t.count; j++) {
    if (j < t.count && !boundary[j]) continue;
    let caps = 0;
    let lower = 0;
    for (let k = from; k < j && lower === 0; k++) {
      const raw = t.raw[k]!;
      if (!isLetterStart(raw)) continue;
      if (cap[k]) caps++;
      else if (!TITLE_CASE_LOWER.has(raw)) lower++;
    }
    if (caps >= 4 && lower === 0) out.fill(1, from, j);
    from = j;
  }
}

/**
 * Maximal runs of capitalised tokens joined by connectors ("Department of Energy and Homeland
 * Security"), without leading determiners or sentence-opening words, cut at titles and dates.
 */
function* nameRuns(
  t: Tokens,
  cap: Uint8Array,
  initial: Uint8Array,
  joined: Uint8Array,
  gazStart: Set<number>,
): Generator<[number, number]> {
  const n = t.count;
  const isName = (k: number) => cap[k] === 1 && !NOT_NAME_WORDS.has(t.key[k]!);
  for (let i = 0; i < n; i++) {
    const ordinalStart = isDigitStart(t.raw[i]!) && ORDINAL_RE.test(t.raw[i]!) && i + 1 < n && joined[i + 1] === 1 && isName(i + 1);
    if (!ordinalStart && (!isName(i) || (initial[i] && SENTENCE_STARTERS.has(t.key[i]!)))) continue;
    let last = i;
    let sawOf = false;
    let andAt = -1;
    let k = i + 1;
    while (k < n && k - i < 14 && joined[k]) {
      const key = t.key[k]!;
      if (isName(k) || (isDigitStart(t.raw[k]!) && /\p{L}/u.test(t.raw[k]!))) {
        last = k;
        k++;
        continue;
      }
      if (!CONNECTORS.has(key)) break;
      // A connector (plus an article after "of/for/de…") must lead to another name word.
      let q = k + 1;
      if (AND_WORDS.has(key)) {
        if (!sawOf && andAt >= 0) break;
        if (!sawOf) andAt = k;
      } else if (ARTICLES.has(key)) break;
      if (q < n && joined[q] && ARTICLES.has(t.key[q]!) && ARTICLE_HOSTS.has(key) && !AND_WORDS.has(key)) q++;
      if (q < n && joined[q] && isName(q)) {
        if (!AND_WORDS.has(key)) sawOf = true;
        last = q;
        k = q + 1;
        continue;
      }
      break;
    }
    // "Food and Drug Administration" but not "Google and Stanford University": an "and" outside an
    // "of" phrase is kept only when a head word follows it and no known organization precedes it.
    if (andAt > 0 && andAt < last) {
      let headAfter = false;
      for (let k = andAt + 1; k <= last; k++) if (HEAD_TYPES.has(t.key[k]!)) headAfter = true;
      // "Dallas Morning News and Houston Post": a head word on both sides makes two names.
      const headBefore = HEAD_TYPES.has(t.key[andAt - 1]!) && HEAD_TYPES.has(t.key[last]!) && !HEAD_TYPES.has(t.key[andAt + 1]!);
      if (!headAfter || headBefore || gazStart.has(i) || t.key[andAt] === 'and' && andAt - i > 3) last = andAt - 1;
    }
    yield [i, last];
    i = last;
  }
}

/** A run is an organization when it has a head word and at least one other name word. */
function headWordCandidate(t: Tokens, first: number, last: number, joined: Uint8Array): Candidate | undefined {
  let type: OrgType | undefined;
  let heads = 0;
  let others = 0;
  for (let k = first; k <= last; k++) {
    const key = t.key[k]!;
    const ht = HEAD_TYPES.get(key);
    if (ht) {
      type = ht;
      heads++;
    } else if (!CONNECTORS.has(key)) others++;
  }
  // "Acme, Inc." / "Acme, Ltd": legal suffix after a comma.
  let end = last;
  if (last + 2 < t.count && t.raw[last + 1] === ',' && LEGAL_SUFFIXES.has(t.key[last + 2]!) && joined[last + 2]) {
    end = last + 2;
    type = 'company';
    heads++;
  }
  if (!type || heads === 0 || others === 0) return undefined;
  // An English head opening a name needs "of/for…" after it ("Department of Energy"); "Company Bias" is not a name.
  const firstKey = t.key[first]!;
  if (HEAD_TYPES.has(firstKey) && first < last && !CONNECTORS.has(t.key[first + 1]!) && !HEAD_FIRST_OK.has(firstKey)) return undefined;
  return { first, last: end, source: 'head-word', type, score: SCORES['head-word'] };
}

/**
 * French names open with their head and continue in lower case: "Autorité de régulation de la
 * communication audiovisuelle et numérique", "Haute Autorité de santé", "ministère de l'Intérieur".
 */
function frenchHeadCandidates(t: Tokens, cap: Uint8Array, initial: Uint8Array, joined: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const n = t.count;
  const lowerKey = (k: number) => lowerCased(t.key[k]!);
  const content = (k: number) => {
    if (k >= n || !joined[k]) return false;
    const raw = t.raw[k]!;
    if (cap[k]) return !TITLES.has(t.key[k]!) && !CALENDAR.has(t.key[k]!);
    return /^\p{Ll}{3,}$/u.test(raw) && !FR_STOP.has(t.key[k]!) && !INFINITIVE_RE.test(raw) && !CALENDAR.has(t.key[k]!);
  };
  const adjective = (k: number) => k < n && joined[k] && !cap[k] && FR_ADJECTIVE_RE.test(t.raw[k]!) && !FR_STOP.has(t.key[k]!);
  for (let i = 0; i < n; i++) {
    if (!maybeFrenchHead(t.key[i]!)) continue;
    const head = lowerKey(i);
    if (!FR_HEADS.has(head)) continue;
    if (!cap[i] && !(head === 'ministere' && i + 1 < n && FR_LINKS.has(t.key[i + 1]!))) continue;
    let first = i;
    if (i > 0 && joined[i] && cap[i - 1] && FR_PREFIXES.has(lowerKey(i - 1))) first = i - 1;
    let last = i;
    let k = i + 1;
    while (k < n && k - i < 14 && joined[k]) {
      if (cap[k] && !TITLES.has(t.key[k]!) && !CALENDAR.has(t.key[k]!) && !DETERMINERS.has(t.key[k]!)) {
        last = k++;
        continue;
      }
      if (adjective(k)) {
        last = k++;
        continue;
      }
      const key = t.key[k]!;
      if (!FR_LINKS.has(key)) break;
      let q = k + 1;
      if (key === 'et' && q < n && joined[q] && FR_LINKS.has(t.key[q]!) && t.key[q] !== 'et') q++;
      const linkBefore = t.key[q - 1]!;
      if (q < n && joined[q] && ARTICLES.has(t.key[q]!) && ARTICLE_OK_AFTER.has(linkBefore) && !(linkBefore === 'et' && q === k + 1)) q++;
      if (content(q)) {
        last = q;
        k = q + 1;
        continue;
      }
      if (key === 'et' && adjective(k + 1)) {
        last = k + 1;
        k += 2;
        continue;
      }
      break;
    }
    if (last === i) continue;
    const type = HEAD_TYPES.get(t.key[i]!) ?? HEAD_TYPES.get(t.raw[i]!) ?? 'other';
    out.push({ first, last, source: 'head-word', type, score: SCORES['head-word'] });
    i = last;
  }
  return out;
}

/** `s.toLowerCase()`, without a copy when nothing changes (ASCII without capitals). */
function lowerCased(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}

function capsOk(cap: Uint8Array, i: number, mask: number): boolean {
  for (let p = 1; mask >> p; p++) if ((mask >> p) & 1 && !cap[i + p]) return false;
  return true;
}

/** An all-capitals word between all-capitals words ("UN POTENTIEL ÉCONOMIQUE"): a shouted heading, not an acronym. */
function inCapitalsLine(t: Tokens, k: number, joined: Uint8Array): boolean {
  const shouted = (j: number) => j >= 0 && j < t.count && t.raw[j]!.length >= 2 && !LOWER_RE.test(t.raw[j]!) && LETTER_START_RE.test(t.raw[j]!);
  if (!shouted(k)) return false;
  return (joined[k] === 1 && shouted(k - 1)) || (k + 1 < t.count && joined[k + 1] === 1 && shouted(k + 1));
}

/** "Google Lens", "Mistral Large", "Llama 3": the name of a product of the organization. */
function looksLikeProductName(t: Tokens, k: number, gazStart: Set<number>): boolean {
  const raw = t.raw[k]!;
  const key = t.key[k]!;
  if (VERSION_RE.test(raw)) return !YEAR_RE.test(raw);
  if (!TITLE_WORD_RE.test(raw) || gazStart.has(k)) return false;
  return !TITLES.has(key) && !CALENDAR.has(key) && !HEAD_TYPES.has(key) && !CONNECTORS.has(key) && !DETERMINERS.has(key);
}

function resolve(t: Tokens, cands: Candidate[], n: number): Candidate[] {
  const rank: Record<Source, number> = { gazetteer: 0, acronym: 1, consistency: 2, 'head-word': 3 };
  const len = (c: Candidate) => t.end[c.last]! - t.start[c.first]!;
  cands.sort((a, b) => len(b) - len(a) || rank[a.source] - rank[b.source] || a.first - b.first);
  const taken = new Uint8Array(n);
  const out: Candidate[] = [];
  for (const c of cands) {
    let free = true;
    for (let k = c.first; k <= c.last && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    taken.fill(1, c.first, c.last + 1);
    out.push(c);
  }
  return out;
}

function initialsOf(t: Tokens, c: Candidate): Set<string> {
  const s = new Set<string>();
  for (let k = c.first; k <= c.last; k++) {
    for (const part of t.key[k]!.split('-')) if (part) s.add(part.charAt(0).toUpperCase());
  }
  return s;
}

function acronymLike(raw: string): boolean {
  return ACRONYM_RE.test(raw) && (raw.match(UPPERS_RE)?.length ?? 0) >= 1 && raw.length <= 12;
}

/** Initials of lower-case words (and of their hyphenated parts) ending at token `last`, up to `max` words back, or undefined. */
function lowerInitials(t: Tokens, first: number, last: number): string | undefined {
  let s = '';
  for (let k = first; k <= last; k++) {
    const raw = t.raw[k]!;
    if (!/^\p{Ll}/u.test(raw)) return undefined;
    for (const part of raw.split('-')) if (part) s += part.charAt(0);
  }
  return s;
}

/**
 * Acronyms defined by a lower-case expansion in the text ("long short-term memory (LSTM)",
 * "SVM (support vector machine)") or by a law, product or database name ("AI Incident Database
 * (AIID)"): names of methods or things, not of organizations.
 */
function termAcronyms(t: Tokens, lex: Uint8Array, vetoed: Uint8Array): Set<string> | undefined {
  let out: Set<string> | undefined;
  const n = t.count;
  for (let k = 1; k + 1 < n; k++) {
    // (lexCode, not the token strings: a pass over every token string costs more than the tagger's search)
    if (lex[k - 1] !== LEX_OPEN_PAREN && lex[k + 1] !== LEX_OPEN_PAREN) continue;
    const raw = t.raw[k]!;
    if (raw.length < 2 || raw.length > 8 || !/^\p{Lu}[\p{Lu}\d]*s?$/u.test(raw)) continue;
    const want = raw.replace(/s$/, '').toLowerCase();
    let hit = false;
    if (t.raw[k - 1] === '(' && t.raw[k + 1] === ')') {
      if (k >= 2 && vetoed[k - 2]) hit = true;
      for (let m = 1; m <= 8 && k - 1 - m >= 0 && !hit; m++) if (lowerInitials(t, k - 1 - m, k - 2) === want) hit = true;
    }
    if (!hit && t.raw[k + 1] === '(') {
      let e = k + 2;
      while (e < n && e - k < 12 && t.raw[e] !== ')') e++;
      if (e < n && t.raw[e] === ')' && e > k + 2 && lowerInitials(t, k + 2, e - 1) === want) hit = true;
    }
    if (hit) (out ??= new Set()).add(t.key[k]!);
  }
  return out;
}

/** "Full Name (ABC)" and "ABC (Full Name)": the acronym of one of `names` is its own span with the same organization. */
function addAcronyms(t: Tokens, accepted: Candidate[], names: readonly Candidate[] = accepted): void {
  const n = t.count;
  const taken = new Uint8Array(n);
  for (const c of accepted) taken.fill(1, c.first, c.last + 1);
  const added: Candidate[] = [];
  for (const c of names) {
    const p = c.last + 1;
    const b = c.first - 1;
    // Most names have no parenthesis next to them: the initials are computed only for those that do.
    const after = p + 2 < n && t.raw[p] === '(' && t.raw[p + 2] === ')';
    const before = b >= 1 && t.raw[b] === '(' && p < n && t.raw[p] === ')';
    if (!after && !before) continue;
    const inits = initialsOf(t, c);
    const okFor = (k: number) =>
      !taken[k] && acronymLike(t.raw[k]!) && inits.has(t.key[k]!.charAt(0).toUpperCase()) && !DETERMINERS.has(t.key[k]!);
    // Full Name (ABC)
    if (after && okFor(p + 1)) {
      added.push({ ...c, first: p + 1, last: p + 1, source: 'acronym', score: SCORES.acronym });
      taken[p + 1] = 1;
    }
    // ABC (Full Name)
    if (before && okFor(b - 1)) {
      const raw = t.raw[b - 1]!;
      if ((raw.match(UPPERS_RE)?.length ?? 0) >= 2) {
        added.push({ ...c, first: b - 1, last: b - 1, source: 'acronym', score: SCORES.acronym });
        taken[b - 1] = 1;
      }
    }
  }
  accepted.push(...added);
}

/** Every other occurrence of a name found by a rule or an acronym definition (same spelling). */
function addRepeats(
  t: Tokens,
  accepted: Candidate[],
  cap: Uint8Array,
  vetoed: Uint8Array,
  joined: Uint8Array,
): void {
  const ruled = accepted.filter((c) => c.source !== 'gazetteer');
  if (!ruled.length) return;
  const root: TrieNode = newNode();
  const byIndex: Candidate[] = [];
  for (const c of ruled) {
    byIndex.push(c);
    addForm(root, t.key.slice(c.first, c.last + 1), byIndex.length - 1);
  }
  const n = t.count;
  const taken = new Uint8Array(n);
  for (const c of accepted) taken.fill(1, c.first, c.last + 1);
  for (let i = 0; i < n; i++) {
    if (taken[i] || vetoed[i] || !cap[i] || !root.next?.has(t.key[i]!)) continue;
    const m = longestMatch(root, t, i, joined);
    if (!m) continue;
    let free = true;
    for (let k = i; k <= m.last; k++) if (taken[k]) free = false;
    if (!free) continue;
    const src = byIndex[m.node.entry]!;
    accepted.push({ ...src, first: i, last: m.last, source: 'consistency', score: SCORES.consistency });
    taken.fill(1, i, m.last + 1);
    i = m.last;
  }
}
