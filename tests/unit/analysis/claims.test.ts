import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, CLAIM_THRESHOLD } from '../../../lib/analysis';
import { extractFeatures, NUMBER_RE, YEARS_AND_MARKERS } from '../../../lib/analysis/claims/features';
import { claimKind } from '../../../lib/analysis/claims/kind';
import { findClaimant, reportingVerbIndex, REPORTING_VERBS } from '../../../lib/analysis/claims/claimant';
import { compileLexicon, loadLexicon, serializeLexicon, DF_HASH, DF_PERCENT, DF_YEAR, digitFacts, foldedDigits, isSingleWordCue, LATIN_WORD_RANGES, matchCues, wordTokens } from '../../../lib/analysis/claims/matcher';
import { lexiconFor } from '../../../lib/analysis/claims/cues';
import { compiledLexicon, renderLexiconModule } from '../../../lib/analysis/claims/lexicon';
import { COMPILED_LEXICONS } from '../../../lib/analysis/claims/lexicon.generated';
import { combine, POLICY_PRIOR, PRIOR_SHIFT, Vocab } from '../../../lib/analysis/claims/model';
import { CLAIM_MODEL } from '../../../lib/analysis/claims/model.generated';
import { CLAIM_STACKERS } from '../../../lib/analysis/claims/stacker.generated';
import type { ClaimKind } from '../../../lib/analysis/types';

/** The claim of the only sentence of `text` (or undefined when it is not reported as a claim). */
function claimOf(text: string, lang: string) {
  const r = analyze(text, { lang });
  expect(r.claimsEnabled).toBe(true);
  return r.claims[0];
}

// The four claims of ../shared/corpus/seed-article-fr.expected.json (short quotes).
const SEED_FR: Array<[string, ClaimKind[]]> = [
  [
    "Connue pour héberger plus de 1,5 million de modèles publics et servir 7 millions d'utilisateurs, l'entreprise prend position contre la pression des grandes entreprises technologiques en faveur d'une réglementation minimale de l'IA.",
    ['statistic'],
  ],
  [
    'Dans sa contribution aux discussions sur les politiques, Hugging Face soutient que les modèles open-source, comme OlympicCoder, peuvent surpasser les systèmes commerciaux même avec moins de paramètres.',
    ['comparison'],
  ],
  [
    "Ils soulignent comment les investissements open-source favorisent historiquement l'innovation et citent des données montrant un effet multiplicateur économique de 2000x.",
    ['statistic', 'causal'],
  ],
  [
    "En 2018, les contributions de logiciels open-source ont considérablement boosté le PIB européen, soulignant le potentiel d'impacts similaires aux États-Unis.",
    ['causal'],
  ],
];

describe('claims: seed article (FR)', () => {
  it.each(SEED_FR)('%s', (text, kinds) => {
    const c = claimOf(text, 'fr');
    expect(c).toBeDefined();
    expect(c?.score).toBeGreaterThanOrEqual(CLAIM_THRESHOLD);
    expect(kinds).toContain(c?.kind);
    expect(c?.cues.length).toBeGreaterThan(0);
  });

  it('names Hugging Face as the claimant of its position', () => {
    const text = 'Hugging Face soutient que les modèles ouverts sont essentiels pour la recherche publique.';
    const c = claimOf(text, 'fr');
    expect(c?.claimant?.text).toBe('Hugging Face');
    expect(text.slice(c?.claimant?.start, c?.claimant?.end)).toBe('Hugging Face');
  });
});

describe('claims: kinds (EN/FR)', () => {
  it.each<[string, string, ClaimKind]>([
    ['en', 'Investment in AI startups rose 40% last year to $25 billion.', 'statistic'],
    ['en', 'This is the most significant action ever taken by any government.', 'comparison'],
    ['en', 'Automated moderation misidentified images, prompting incorrect account suspensions.', 'causal'],
    ['en', 'We expect the market to grow within the next decade.', 'prediction'],
    ['en', 'AI should benefit everyone in America.', 'position'],
    ['fr', '55 % des Français disent bien connaître ChatGPT.', 'statistic'],
    ['fr', 'Ce sera un règlement tout aussi long et complexe que le RGPD.', 'comparison'],
    ['fr', 'Trop de régulation pourrait pénaliser les acteurs européens, car elle freine les investissements.', 'causal'],
    ['fr', 'Il nous faudra plusieurs années pour comprendre son impact.', 'prediction'],
    ['fr', 'Il faut réformer nos institutions et nos politiques publiques.', 'position'],
  ])('%s: %s → %s', (lang, text, kind) => {
    expect(claimKind(extractFeatures(text, lang))).toBe(kind);
  });
});

describe('claims: non-claims score low', () => {
  it.each([
    ['en', 'What happened?'],
    ['en', 'Estimated reading time: 6 minutes'],
    ['en', 'By Jane Doe'],
    ['fr', 'Propos recueillis par Isabelle Mauriac'],
    ['fr', 'Faut-il aller plus loin que ces initiatives ?'],
    ['fr', 'Comment réguler l’intelligence artificielle ?'],
  ])('%s: %s', (lang, text) => {
    expect(analyze(text, { lang }).claims).toEqual([]);
  });
});

describe('claims: claimants (EN)', () => {
  it.each([
    ['Google President and CIO Ruth Porat: “This investment is a bold and necessary step.”', 'Ruth Porat'],
    ['According to the OECD, AI adoption will double by 2030.', 'OECD'],
    ['We believe these rules are essential for public trust.', undefined],
  ])('%s → %s', (text, claimant) => {
    const c = claimOf(text, 'en');
    expect(c).toBeDefined();
    expect(c?.claimant?.text).toBe(claimant);
  });
});

describe('shipped model', () => {
  it('is at most 300 KB', () => {
    const path = fileURLToPath(new URL('../../../lib/analysis/claims/model.generated.ts', import.meta.url));
    expect(statSync(path).size).toBeLessThanOrEqual(300 * 1024);
  });
});

// Sentences below were written by the project for these tests (not taken from any dataset).
describe('claims: policy cues (EN/FR)', () => {
  it.each<[string, string, string]>([
    ['en', 'Open models are essential for public research.', 'copula_eval'],
    ['en', 'The new rules remain deeply flawed.', 'copula_eval'],
    ['fr', 'Cette approche est vraiment pertinente pour les PME.', 'copula_eval'],
    ['fr', 'Créer un fonds souverain pour financer la recherche publique.', 'starts_infinitive'],
    ['en', 'The agency will publish guidance in order to clarify the rules.', 'purpose'],
    ['fr', 'Le comité vise à coordonner les travaux des ministères.', 'purpose'],
  ])('%s: %s fires %s', (lang, text, feature) => {
    expect(extractFeatures(text, lang).on.has(feature as never)).toBe(true);
  });

  it('does not read an evaluative modifier in an event sentence as an asserted evaluation', () => {
    expect(extractFeatures('The President signed a landmark order on Monday.', 'en').on.has('copula_eval')).toBe(false);
    expect(extractFeatures('Premier rapport publié par le comité.', 'fr').on.has('starts_infinitive')).toBe(false);
  });

  it.each([
    ['en', 'Facial recognition errors can lead to wrongful arrests.'],
    ['en', 'These systems will reshape the labour market within a decade.'],
    ['en', 'Transparency obligations are crucial for public trust.'],
    ['fr', 'Cette dépendance risque de fragiliser notre souveraineté numérique.'],
    ['fr', 'Il est indispensable de former les agents publics.'],
    ['fr', 'Renforcer les moyens de contrôle des autorités nationales.'],
  ])('%s: "%s" is a claim', (lang, text) => {
    const c = claimOf(text, lang);
    expect(c).toBeDefined();
    expect(c?.score).toBeGreaterThanOrEqual(CLAIM_THRESHOLD);
  });

  it.each([
    ['en', 'The Department of Commerce will develop guidance to help agencies.'],
    ['en', 'Read the full statement here'],
    ['fr', 'Quelles sont les prochaines étapes ?'],
    ['fr', 'Photo : Léa Martin'],
  ])('%s: "%s" is not a claim', (lang, text) => {
    expect(analyze(text, { lang }).claims).toEqual([]);
  });
});

describe('claims: prior shift', () => {
  it('moves the check-worthiness part from the training base rate to the policy one', () => {
    const f = extractFeatures('Plain words here.', 'en');
    const a = combine(0.27, 0, f, 0, 0).score;
    const b = combine(0.27, 0, f, PRIOR_SHIFT, 0).score;
    expect(a).toBeCloseTo(0.27, 6);
    expect(b).toBeCloseTo(POLICY_PRIOR, 6);
  });
});

describe('claims: matcher', () => {
  it('tokenises like the word regex (inner apostrophes and hyphens, Unicode letters)', () => {
    const toks = wordTokens("L’IA n'est pas « neutre », dit-elle: 3,5 %.");
    expect(toks.map((t) => t.text)).toEqual(['L’IA', "n'est", 'pas', 'neutre', 'dit-elle', '3', '5']);
    expect(toks[0]?.lower).toBe("l'ia");
  });

  it('matches stems, suffix-led words, inner wildcards and multi-word entries', () => {
    const lex = compileLexicon({ causal: 'lead(?:s|ing)? to | caus\\p{L}*', comparative: '\\p{L}+er than', prediction: '\\p{L}{3,}(?:era|ront)', hedge: 'put \\p{L}+ at risk' });
    const s = 'Bigger than before, it causes harm, it leads to loss; ils travailleront mieux; put lives at risk.';
    const found = matchCues(lex, s, wordTokens(s));
    expect(found.get('comparative')).toBe('Bigger than');
    expect(found.get('causal')).toBe('causes');
    expect(found.get('prediction')).toBe('travailleront');
    expect(found.get('hedge')).toBe('put lives at risk');
    expect(lex.residual).toEqual([]);
  });
});

describe('claims: lexicons compiled at build time', () => {
  it('generated module is up to date with lexicon.ts (run npx tsx scripts/build-tables.ts)', () => {
    const generated = readFileSync(new URL('../../../lib/analysis/claims/lexicon.generated.ts', import.meta.url), 'utf8');
    expect(generated === renderLexiconModule()).toBe(true);
  });

  it.each(['en', 'fr'] as const)('%s: the tables the page reads equal the ones compileLexicon builds', (lang) => {
    // Read afresh: the shared lexiconFor instance carries per-sentence scratch state.
    expect(loadLexicon(COMPILED_LEXICONS[lang])).toEqual(compiledLexicon(lang));
  });

  it('round-trips exact words, stems, suffix-led words, inner wildcards and residual regexes', () => {
    const lex = compileLexicon({
      causal: 'lead(?:s|ing)? to | caus\\p{L}*',
      comparative: '\\p{L}+er than',
      prediction: '\\p{L}{3,}(?:era|ront)',
      hedge: 'put \\p{L}+ at risk',
      year: /(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])/u,
      attribution_colon: [/^[^:]{2,9}:\s*"/u, ':'],
      number_word: 'a dozen | \\d+ ?k',
    });
    expect(lex.residual.map((r) => r.cue)).toEqual(['year', 'attribution_colon', 'number_word']);
    const back = loadLexicon(serializeLexicon(lex));
    expect(back).toEqual(lex);
    const s = 'Bigger than before, it causes harm in 2024, a dozen leads to loss; ils travailleront mieux; put lives at risk.';
    expect(matchCues(back, s, wordTokens(s))).toEqual(matchCues(lex, s, wordTokens(s)));
  });
});

describe('claims: n-gram vocabularies read lazily', () => {
  const shipped: [string, string][] = [
    ['check-worthiness (en)', CLAIM_MODEL.en.vocab],
    ...Object.entries(CLAIM_STACKERS).map(([lang, m]): [string, string] => [`stacker (${lang})`, m?.vocab ?? '']),
  ];

  it.each(shipped)('%s: sorted by code units, and every gram is found with its weight', (_name, text) => {
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(100);
    for (let i = 1; i < lines.length; i++) expect(lines[i - 1]! < lines[i]!, lines[i]).toBe(true);
    const v = new Vocab(text);
    for (const line of lines) {
      const tab = line.lastIndexOf('\t');
      const gram = line.slice(0, tab);
      const w = Number(line.slice(tab + 1));
      const sp = gram.indexOf(' ');
      if (sp < 0) expect(v.uni(gram)).toBe(w);
      else expect(v.bi(gram.slice(0, sp))?.get(gram.slice(sp + 1))).toBe(w);
    }
  });

  it('gives 0 and no bigrams for absent words, also next to present ones', () => {
    const v = new Vocab('a\t1\na b\t2\na c\t3\nab\t4\nb\t-1');
    expect([v.uni('a'), v.uni('ab'), v.uni('b'), v.uni('aa'), v.uni(''), v.uni('c')]).toEqual([1, 4, -1, 0, 0, 0]);
    expect([...(v.bi('a') ?? [])]).toEqual([['b', 2], ['c', 3]]);
    expect(v.bi('ab')).toBeNull();
    expect(v.bi('b')).toBeNull();
    expect(v.uni('a')).toBe(1);
    expect(new Vocab('').uni('a')).toBe(0);
  });
});

describe('claims: matcher fast paths give the plain results', () => {
  /** The tokens as first specified: the word regex, lowercased with the whole sentence (’ as '). */
  function reference(s: string) {
    let lowered = s.toLowerCase().replace(/’/g, "'");
    const same = lowered.length === s.length;
    if (!same) lowered = '';
    return [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => {
      const text = m[0];
      const start = m.index ?? 0;
      return { text, lower: same ? lowered.slice(start, start + text.length) : text.toLowerCase().replace(/’/g, "'"), start, end: start + text.length };
    });
  }
  const plain = (toks: ReturnType<typeof wordTokens>) => toks.map((t) => ({ text: t.text, lower: t.lower, start: t.start, end: t.end }));
  // Latin letters (fast path), letters whose lowercase is not one unit or depends on context (İ, Σ),
  // other scripts, inner apostrophes and hyphens, and separators. No astral characters (the
  // tokeniser reads UTF-16 units; the regex above reads code points).
  const units = ['a', 'B', 'é', 'É', 'œ', 'Œ', 'ß', 'ÿ', 'Ÿ', 'ſ', 'K', 'İ', 'ı', 'Σ', 'α', 'д', 'Д', '٣', 'Ⅻ', '3', "'", '’', '-', ' ', '.', ',', '«', '»', '“', '\u00a0', '\u0301'];

  it('tabulates the Latin letters and digits', () => {
    for (let c = 0; c < 0x250; c++) {
      const tabulated = LATIN_WORD_RANGES.some(([a, b]) => c >= a && c <= b);
      expect([c, tabulated]).toEqual([c, /[\p{L}\p{N}]/u.test(String.fromCharCode(c))]);
    }
  });

  it('tokenises like the word regex, lowercased with the sentence', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 40 }), (s) => {
        expect(plain(wordTokens(s))).toEqual(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps words right while its word table grows and starts over', () => {
    const words: string[] = [];
    for (let i = 0; i < 70_000; i++) words.push(`W${i.toString(36)}é`);
    for (let i = 0; i < words.length; i += 50) {
      const s = words.slice(i, i + 50).join(' ');
      expect(plain(wordTokens(s))).toEqual(reference(s));
    }
    const lex = lexiconFor('en');
    const s = 'Experts argue it is more than twice as important.';
    const toks = wordTokens(s);
    const want = [...matchCues(lex, s, toks)];
    expect(want).toEqual(expect.arrayContaining([['reporting', 'argue'], ['comparative', 'more than'], ['evaluative', 'important']]));
    for (const w of words.slice(0, 40_000)) wordTokens(w); // renumbers the table under `toks`
    expect([...matchCues(lex, s, toks)]).toEqual(want);
    expect(isSingleWordCue(lex, 'important', 'evaluative')).toBe(true);
    expect(isSingleWordCue(lex, 'table', 'evaluative')).toBe(false);
  });

  it('folds digits like the n-gram features', () => {
    const toks = wordTokens('In 2024, GPT-4 scored 3,5 points: 12x more than A1.');
    expect(toks.map((t) => foldedDigits(t))).toEqual(toks.map((t) => (/\d/.test(t.lower) ? t.lower.replace(/\d/g, '0') : t.lower)));
    expect(foldedDigits(toks[0] as (typeof toks)[number])).toBe('in');
  });

  it('finds the first reporting verb where the verb regex does', () => {
    const parts = ['Sam Altman', 'ſaid', 'SAID', 'said', 'unsaid', 'points out', 'point', 'a déclaré', 'déclare', 'DÉCLARENT', 's’oppose', "s'opposent", 'reconnaît', 'dit-il', '3dit', 'K', 'İ', '𝐀said', 'x', ' ', ', ', '. ', 'était particulièrement soucieux', 'calls for', 'calls'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 8 }), fc.constantFrom('en', 'fr'), (ps, lang) => {
        const s = ps.join(' ');
        const want = REPORTING_VERBS[lang as 'en' | 'fr'].exec(s)?.index ?? -1;
        expect(reportingVerbIndex(s, lang)).toBe(want);
        expect(reportingVerbIndex(s, lang, wordTokens(s))).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same claimant with or without the sentence tokens', () => {
    for (const [s, lang] of [
      ['According to the OECD, investment rose.', 'en'],
      ['As Sam Altman put it, the models will improve.', 'en'],
      ['Selon la Cnil, les usages progressent.', 'fr'],
      ['Hugging Face soutient que les modèles ouverts sont utiles.', 'fr'],
      ['President Biden and I reject this view.', 'en'],
    ] as const) {
      const withToks = findClaimant(s, 0, lang, [], wordTokens(s));
      expect(withToks).toEqual(findClaimant(s, 0, lang, []));
      expect(withToks).toBeDefined();
    }
  });
});

describe('claims: digit facts', () => {
  const units = ['1', '2', '0', '9', '19', '20', '2024', '#', '$', '€', '£', '¥', '%', ' ', '\u00a0', 'm', 'M', 'bn', 'k', 'K', '\u212a', 'h', 't', 'million', 'milliards', 'USD', 'EUR', 'dollars', 'euros', 'U', '.', ',', '-', 'by ', 'a', 'thousand', 'hundred', 'md'];
  const digitText = fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));

  it('never gate out a residual regex that matches', () => {
    for (const lang of ['en', 'fr']) {
      const lex = lexiconFor(lang);
      expect(lex.residual.filter((r) => r.gate !== 0).length).toBeGreaterThan(2);
      fc.assert(
        fc.property(digitText, (s) => {
          const facts = digitFacts(s);
          for (const r of lex.residual) if (r.re.test(s)) expect([r.cue, s, facts & r.gate]).toEqual([r.cue, s, r.gate]);
        }),
        { numRuns: 4000 },
      );
    }
  });

  it('tell the percentage, year and # regexes of the features when they can match', () => {
    fc.assert(
      fc.property(digitText, (s) => {
        const facts = digitFacts(s);
        if (/\d\s?%/.test(s)) expect(facts & DF_PERCENT).toBe(DF_PERCENT);
        if (/(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])/u.test(s)) expect(facts & DF_YEAR).toBe(DF_YEAR);
        if (s.includes('#')) expect(facts & DF_HASH).toBe(DF_HASH);
      }),
      { numRuns: 4000 },
    );
  });
});

describe('claims: number feature', () => {
  // The definition: years and list markers blanked out, then the numbers.
  const reference = (s: string) => {
    const stripped = s.replace(YEARS_AND_MARKERS, ' ');
    const digits = /\d/.test(s) && /\d/.test(stripped) ? stripped.match(NUMBER_RE) : null;
    return { number: digits?.[0], count: (digits?.length ?? 0) >= 2 };
  };
  const units = ['1', '2', '0', '9', '19', '20', '2024', '1999', '#', '#1', '#12:', '3.', '4)', '.', ',', ' ', '\t', '-', '•', '*', ':', 'a', 'x', 'é', '²', '٣', '𝐀', '1,5', '12.3.4', '2019.5'];

  it('blanks out years and list markers before reading numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 10 }).map((a) => a.join('')), (s) => {
        const f = extractFeatures(s, 'en');
        const want = reference(s);
        expect({ number: f.on.has('number') ? f.matched.number : undefined, count: f.on.has('count_number') }).toEqual(want);
      }),
      { numRuns: 5000 },
    );
  });
});
