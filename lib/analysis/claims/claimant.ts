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

/** The last run of capitalised name words ending at `end` (exclusive) in `s`, without titles. */
function nameBefore(s: string, end: number, base: number): Span | undefined {
  const words = [...s.slice(0, end).matchAll(/[\p{L}'’.-]+/gu)];
  let i = words.length - 1;
  // Skip trailing "and I" / "et moi" ("President Biden and I reject").
  if (i >= 1 && /^(?:I|moi)$/.test(words[i]?.[0] ?? '') && /^(?:and|et)$/i.test(words[i - 1]?.[0] ?? '')) i -= 2;
  const lastIdx = i;
  // The run must end right at `end` (only spaces between).
  const lastWord = words[lastIdx];
  if (!lastWord) return undefined;
  const tail = s.slice((lastWord.index ?? 0) + lastWord[0].length, end);
  if (!/^[\s,]*(?:and I|et moi)?[\s,]*$/i.test(tail)) return undefined;
  let first = -1;
  for (; i >= 0; i--) {
    const w = (words[i]?.[0] ?? '').replace(/[.]$/, '');
    if (!PERSON_WORD.test(w) || TITLES.has(w.toLowerCase()) || NOT_NAMES.has(w.toLowerCase())) break;
    first = i;
  }
  if (first < 0) return undefined;
  const a = words[first]?.index ?? 0;
  const lw = words[lastIdx] as RegExpMatchArray;
  const b = (lw.index ?? 0) + lw[0].replace(/[.]$/, '').length;
  const count = lastIdx - first + 1;
  // A lone capitalised word counts only after a title ("President Biden", "judge Gagnon").
  if (count === 1) {
    const prev = (words[first - 1]?.[0] ?? '').toLowerCase().replace(/[.]$/, '');
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

/**
 * Finds the claimant of `sentence` (which starts at `base` in the text); `orgs` are the
 * organisation mentions of the whole text (only those inside the sentence are used).
 */
export function findClaimant(sentence: string, base: number, lang: string, orgs: readonly OrgMention[]): Span | undefined {
  const inside = orgs.filter((o) => o.start >= base && o.end <= base + sentence.length);
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
  const low = sentence.toLowerCase();
  ACCORDING.lastIndex = 0;
  const maybe = ACCORDING_HINT.test(low) || (low.includes('as ') && AS_HINT.test(low));
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
  const verbs = lang === 'fr' ? FR_VERBS : EN_VERBS;
  const v = verbs.exec(sentence);
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
