import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, CLAIM_THRESHOLD } from '../../../lib/analysis';
import { extractFeatures } from '../../../lib/analysis/claims/features';
import { claimKind } from '../../../lib/analysis/claims/kind';
import { compileLexicon, matchCues, wordTokens } from '../../../lib/analysis/claims/matcher';
import { combine, POLICY_PRIOR, PRIOR_SHIFT } from '../../../lib/analysis/claims/model';
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
