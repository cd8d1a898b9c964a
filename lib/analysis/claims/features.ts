/**
 * Sentence features of the claim detector: named cues (language-neutral names, language-specific
 * lexicons) plus shape features (question, heading, byline, length), and word n-grams for the
 * English model. One pass of a few regexes per sentence keeps this well above 2M chars/s.
 */
import { lexiconFor, type CueName } from './lexicon';
import { isSingleWordCue, matchCuesInto, wordTokens, type WordToken } from './matcher';

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
const YEARS_AND_MARKERS = /(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])|^\s*(?:#?\d+[.):]|[-•*])\s*|#\d+/gu;

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
      const w = (toks[k] as WordToken).lower;
      if (isSingleWordCue(lex, w, 'evaluative')) return true;
      if (!BETWEEN.has(w)) break;
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
const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
const QUESTION_END = /\?\s*["”»)]?$/;
const FINAL_PUNCT = /[.!?…:;»”"')\]]/;
const LOWER_START = /^\p{Ll}/u;

/** Extracts the features of one sentence in `lang` ('en' or 'fr'; others use English cues). */
export function extractFeatures(sentence: string, lang: string, toks: readonly WordToken[] = wordTokens(sentence)): SentenceFeatures {
  const on = new Set<FeatureName>();
  const matched: Partial<Record<CueName, string>> = {};
  const hasDigit = DIGIT_RE.test(sentence);
  matchCuesInto(
    lexiconFor(lang),
    sentence,
    toks,
    (c) => on.has(c),
    (c, text) => {
      on.add(c);
      matched[c] = text;
    },
    hasDigit,
  );
  if (hasDigit) {
    if (!on.has('percent')) {
      const p = PERCENT_DIGIT.exec(sentence);
      if (p) {
        on.add('percent');
        matched.percent = p[0];
      }
    }
    const stripped = sentence.replace(YEARS_AND_MARKERS, ' ');
    const digits = DIGIT_RE.test(stripped) ? stripped.match(NUMBER_RE) : null;
    if (digits) {
      on.add('number');
      matched.number = digits[0];
      if (digits.length >= 2) on.add('count_number');
    }
  }
  const tokens = toks.length;
  const trimmed = sentence.trim();
  const last = trimmed[trimmed.length - 1] ?? '';
  if (last === '?' || QUESTION_END.test(trimmed)) on.add('question');
  if (!FINAL_PUNCT.test(last)) on.add('no_final_punct');
  if (tokens < 5) on.add('len_short');
  else if (tokens <= 25) on.add('len_medium');
  else on.add('len_long');
  if (tokens < 8 && on.has('no_final_punct')) on.add('fragment');
  if ((lang === 'fr' ? BYLINE_FR : BYLINE_EN).test(trimmed)) on.add('byline');
  if (LOWER_START.test(trimmed) || last === ',' || last === ';') on.add('list_continuation');
  if (INCIDENT.test(trimmed)) on.add('incident_title');
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
