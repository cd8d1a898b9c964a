/**
 * Sentence features of the claim detector: named cues (language-neutral names, language-specific
 * lexicons) plus shape features (question, heading, byline, length), and word n-grams for the
 * English model. One pass of a few regexes per sentence keeps this well above 2M chars/s.
 */
import { lexiconFor } from './cues';
import type { CueName } from './lexicon';
import { collectCues, DF_PERCENT, DIGIT_RUNS, digitFacts, isSingleWordCueToken, letterOrNumberAt, wordTokens, type CueSink, type WordToken } from './matcher';

export type ShapeName =
  | 'question'
  | 'no_final_punct'
  | 'fragment'
  | 'byline'
  | 'list_continuation'
  | 'incident_title'
  | 'len_short'
  | 'len_medium'
  | 'len_long'
  | 'starts_imperative'
  | 'count_number'
  | 'copula_eval'
  | 'starts_infinitive';

export type FeatureName = CueName | ShapeName;

/** Every feature name, in the fixed order the model's weights use. */
export const FEATURE_NAMES: readonly FeatureName[] = [
  'number', 'percent', 'money', 'big_number', 'number_word', 'year', 'comparative', 'superlative',
  'trend', 'change_verb', 'causal', 'prediction', 'possibility', 'deontic', 'reporting',
  'according_to', 'belief', 'evaluative', 'intensifier', 'negation', 'hedge', 'first_person',
  'second_person', 'past_event', 'directive', 'quote', 'attribution_colon',
  'question', 'no_final_punct', 'fragment', 'byline', 'list_continuation', 'incident_title',
  'len_short', 'len_medium', 'len_long', 'starts_imperative', 'count_number',
  'purpose', 'copula_eval', 'starts_infinitive',
];


export interface SentenceFeatures {
  /** Features that fired (value 1). */
  on: Set<FeatureName>;
  /** The text each lexical cue matched, for the reader's "why". */
  matched: Partial<Record<CueName, string>>;
  /** Number of word tokens. */
  tokens: number;
}

const BYLINE_EN = /^(?:by|photo|photos|credit|credits|image|source|sources|read more|related|estimated reading time|reading time|updated|published|posted|share|subscribe|follow us|click|sign up|learn more|see also|contact)\b/i;
const BYLINE_FR = /^(?:par|propos recueillis|photo|photos|crédits?|image|source|sources|lire aussi|à lire|temps de lecture|mis à jour|publié|partager|s['’]abonner|suivez|en savoir plus|voir aussi|entretien avec|interview de|contact)(?![\p{L}])/iu;
const IMPERATIVE_EN = /^(?:establish|develop|protect|promote|ensure|help|read|submit|learn|click|subscribe|join|advance|support|create|expand|provide|use|see|visit|download|sign|follow|explore|discover|find|check|register|build|strengthen|invest|address|encourage|continue|take|make|get|let)\b/i;
const INCIDENT = /^(?:#\d+\s*:|incident\s+\d+\s*:)/i;
/** A digit that is not only a year, a list marker ("3." / "#503:") or an ordinal date. */
export const YEARS_AND_MARKERS = /(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])|^\s*(?:#?\d+[.):]|[-•*])\s*|#\d+/gu;

/** Copulas and stance verbs after which an evaluative word is asserted ("X is essential",
 * "cette friction est saine"), unlike a modifier inside an event sentence ("a landmark order"). */
const COPULAS: Record<'en' | 'fr', Set<string>> = {
  en: new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "it's", "that's", 'remains', 'remain', 'seems', 'seem', 'becomes', 'become', 'proves', 'looks', 'appears', 'sounds', 'feel', 'feels', 'find', 'consider', 'considered', 'deemed']),
  fr: new Set(['est', 'sont', 'était', 'étaient', 'sera', 'seront', 'serait', 'seraient', 'être', 'été', "c'est", 'reste', 'restent', 'demeure', 'demeurent', 'semble', 'semblent', 'paraît', 'devient', 'deviennent', 'apparaît', 'jugé', 'jugée', 'jugés', 'jugées', 'estime', 'juge', 'considère']),
};
/** Words allowed between the copula and the evaluative word ("is not only very important"). */
const BETWEEN = new Set(['not', 'very', 'so', 'too', 'more', 'most', 'less', 'also', 'really', 'truly', 'particularly', 'extremely', 'highly', 'a', 'an', 'the', 'only', 'pas', 'très', 'trop', 'plus', 'moins', 'si', 'aussi', 'particulièrement', 'extrêmement', 'vraiment', 'un', 'une', 'le', 'la', 'donc', 'bien', 'tout', 'toute', 'absolument']);

function copulaEvaluative(toks: readonly WordToken[], lang: string): boolean {
  const cop = COPULAS[lang === 'fr' ? 'fr' : 'en'];
  const lex = lexiconFor(lang);
  for (let i = 0; i < toks.length; i++) {
    if (!cop.has((toks[i] as WordToken).lower)) continue;
    for (let k = i + 1; k < Math.min(toks.length, i + 5); k++) {
      const t = toks[k] as WordToken;
      if (isSingleWordCueToken(lex, t, 'evaluative')) return true;
      if (!BETWEEN.has(t.lower)) break;
    }
  }
  return false;
}

/** French infinitive-initial sentences: recommendations of a policy report ("Créer un fonds…"). */
const INFINITIVE_FR = /^\p{Lu}\p{Ll}+(?:er|ir|re)$/u;
const NOT_INFINITIVES = new Set(['premier', 'dernier', 'hier', 'entre', 'notre', 'votre', 'leur', 'contre', 'outre', 'autre', 'chaque', 'pour', 'sur', 'par', 'vers', 'lire', 'cahier', 'dossier', 'quartier', 'métier', 'chantier', 'pilier', 'cinquième', 'titre', 'chapitre', 'livre', 'centre', 'ministre', 'lettre', 'offre', 'ordre', 'cadre', 'nombre', 'membre', 'registre', 'filtre', 'maître', 'ensemble', 'mer', 'fer', 'cher', 'plaisir', 'avenir', 'désir', 'loisir', 'pouvoir', 'savoir', 'devoir', 'espoir', 'soir', 'miroir', 'trottoir', 'mémoire', 'histoire', 'victoire', 'territoire', 'laboratoire', 'répertoire', 'observatoire', 'conservatoire', 'notaire', 'commissaire', 'secrétaire', 'partenaire', 'salaire', 'affaire', 'affaires', 'grammaire', 'dictionnaire', 'questionnaire', 'glossaire', 'sommaire', 'inventaire', 'calendrier', 'janvier', 'février', 'extraire', 'entretien']);
function startsWithInfinitive(toks: readonly WordToken[]): boolean {
  const t = toks[0];
  return !!t && INFINITIVE_FR.test(t.text) && !NOT_INFINITIVES.has(t.lower);
}

/** A digit in a sentence (cheap pre-check before the number regexes). */
const DIGIT_RE = /\d/;
const PERCENT_DIGIT = /\d\s?%/;
/** A number; with YEARS_AND_MARKERS, the definition of the number feature (read by `scanNumbers`). */
export const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
const LOWER_START = /^\p{Ll}/u;

/** /\?\s*["”»)]?$/ on a trimmed sentence (it ends with no space). */
function endsWithQuestion(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  if (c === 63) return true;
  if (c !== 34 && c !== 0x201d && c !== 0xbb && c !== 41) return false;
  let i = t.length - 2;
  while (i >= 0 && isJsSpace(t.charCodeAt(i))) i--;
  return i >= 0 && t.charCodeAt(i) === 63;
}

/** /[.!?…:;»”"')\]]/ on the last character. */
function isFinalPunct(last: string): boolean {
  if (last.length !== 1) return false;
  const c = last.charCodeAt(0);
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58 || c === 59 || c === 0xbb || c === 0x201d || c === 34 || c === 39 || c === 41 || c === 93;
}

/** /^\p{Ll}/u (ASCII answered without the regex). */
function startsLowercase(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_START.test(t);
}

/** Collects the lexical cues of a sentence into its features (reused: extraction is synchronous). */
class FeatureSink implements CueSink {
  on: Set<FeatureName> = new Set();
  matched: Partial<Record<CueName, string>> = {};
  add(cue: CueName, text: string): void {
    this.on.add(cue);
    this.matched[cue] = text;
  }
}
const SINK = new FeatureSink();

// Numbers: `s.replace(YEARS_AND_MARKERS, ' ').match(NUMBER_RE)` read from the runs of digits,
// without building either string. The blanked-out spans hold whole runs: a year is a run of four
// digits, #123 a run after #, and the list marker at the start ends after its run.

/** Is the code point ending before `i` a letter or number (as /u reads it)? */
function letterOrNumberBefore(s: string, i: number): boolean {
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i > 1) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return letterOrNumberAt(s, i - 2);
  }
  return letterOrNumberAt(s, i - 1);
}

/** Is the run of digits `s[a, b)` a year YEARS_AND_MARKERS blanks out? */
function isYearRun(s: string, a: number, b: number): boolean {
  if (b - a !== 4) return false;
  const c0 = s.charCodeAt(a);
  const c1 = s.charCodeAt(a + 1);
  if (!((c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48))) return false;
  return (a === 0 || !letterOrNumberBefore(s, a)) && (b === s.length || !letterOrNumberAt(s, b));
}

/** End of the list marker blanked out at the start (/^\s*(?:#?\d+[.):]|[-•*])\s* /), or 0. */
function markerEnd(s: string): number {
  const n = s.length;
  let i = 0;
  while (i < n && isJsSpace(s.charCodeAt(i))) i++;
  let e = -1;
  let j = s.charCodeAt(i) === 35 ? i + 1 : i;
  if (isAsciiDigit(s.charCodeAt(j))) {
    while (isAsciiDigit(s.charCodeAt(j))) j++;
    const d = s.charCodeAt(j);
    if (d === 46 || d === 41 || d === 58) e = j + 1;
  }
  if (e < 0) {
    const d = s.charCodeAt(i);
    if (d === 45 || d === 0x2022 || d === 42) e = i + 1;
  }
  if (e < 0) return 0;
  while (e < n && isJsSpace(s.charCodeAt(e))) e++;
  return e;
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/** JavaScript's \s on one code unit. */
function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first number found by the last `scanNumbers`. */
let firstNumber = '';

/**
 * How many numbers (NUMBER_RE) `s` has once YEARS_AND_MARKERS are blanked out, counting up to 2;
 * the first one is left in `firstNumber`.
 */
function scanNumbers(s: string): number {
  let count = 0;
  let start = -1; // the number being read
  let end = -1;
  DIGIT_RUNS.lastIndex = 0;
  let m = DIGIT_RUNS.exec(s);
  // At the start a year is blanked out before a list marker is looked for.
  const floor = m && m.index === 0 && isYearRun(s, 0, m[0].length) ? 0 : markerEnd(s);
  for (; m; m = DIGIT_RUNS.exec(s)) {
    const a = m.index;
    const b = a + m[0].length;
    if (a < floor) continue;
    const blank = isYearRun(s, a, b) || (a - 1 >= floor && s.charCodeAt(a - 1) === 35);
    // \d+(?:[.,]\d+)*: a kept run right after a separator that follows the number extends it.
    if (!blank && start >= 0 && a === end + 1 && (s.charCodeAt(end) === 46 || s.charCodeAt(end) === 44)) {
      end = b;
      continue;
    }
    if (start >= 0) {
      if (count === 0) firstNumber = s.slice(start, end);
      if (++count >= 2) return count;
      start = -1;
    }
    if (!blank) {
      start = a;
      end = b;
    }
  }
  if (start >= 0) {
    if (count === 0) firstNumber = s.slice(start, end);
    count++;
  }
  return count;
}

/** Extracts the features of one sentence in `lang` ('en' or 'fr'; others use English cues). */
export function extractFeatures(sentence: string, lang: string, toks: readonly WordToken[] = wordTokens(sentence)): SentenceFeatures {
  const on = new Set<FeatureName>();
  const matched: Partial<Record<CueName, string>> = {};
  const hasDigit = DIGIT_RE.test(sentence);
  const facts = hasDigit ? digitFacts(sentence) : 0;
  SINK.on = on;
  SINK.matched = matched;
  collectCues(lexiconFor(lang), sentence, toks, SINK, facts);
  if (hasDigit) {
    if (!on.has('percent') && (facts & DF_PERCENT) !== 0) {
      const p = PERCENT_DIGIT.exec(sentence);
      if (p) {
        on.add('percent');
        matched.percent = p[0];
      }
    }
    const count = scanNumbers(sentence);
    if (count > 0) {
      on.add('number');
      matched.number = firstNumber;
      if (count >= 2) on.add('count_number');
    }
  }
  const tokens = toks.length;
  const trimmed = sentence.trim();
  const last = trimmed[trimmed.length - 1] ?? '';
  if (last === '?' || endsWithQuestion(trimmed)) on.add('question');
  if (!isFinalPunct(last)) on.add('no_final_punct');
  if (tokens < 5) on.add('len_short');
  else if (tokens <= 25) on.add('len_medium');
  else on.add('len_long');
  if (tokens < 8 && on.has('no_final_punct')) on.add('fragment');
  if ((lang === 'fr' ? BYLINE_FR : BYLINE_EN).test(trimmed)) on.add('byline');
  if (startsLowercase(trimmed) || last === ',' || last === ';') on.add('list_continuation');
  const c0 = trimmed.charCodeAt(0);
  if ((c0 === 35 || c0 === 105 || c0 === 73) && INCIDENT.test(trimmed)) on.add('incident_title'); // # i I
  if (lang !== 'fr' && IMPERATIVE_EN.test(trimmed)) on.add('starts_imperative');
  if (on.has('evaluative') && copulaEvaluative(toks, lang)) on.add('copula_eval');
  if (lang === 'fr' && tokens >= 4 && startsWithInfinitive(toks)) on.add('starts_infinitive');
  return { on, matched, tokens };
}

/**
 * Calls `emit` with every lowercased word unigram and bigram of the tokens (digits folded to 0,
 * ’ as '), with a sentence-start marker; no array is built.
 */
export function forEachNgram(toks: readonly WordToken[], emit: (gram: string) => void): void {
  let prev = '<s>';
  for (const t of toks) {
    const w = DIGIT_RE.test(t.lower) ? t.lower.replace(/\d/g, '0') : t.lower;
    emit(w);
    emit(`${prev} ${w}`);
    prev = w;
  }
}

/** Lowercased word unigrams and bigrams (digits folded to 0), with a sentence-start marker. */
export function ngrams(sentence: string): string[] {
  const out: string[] = [];
  forEachNgram(wordTokens(sentence), (g) => out.push(g));
  return out;
}
