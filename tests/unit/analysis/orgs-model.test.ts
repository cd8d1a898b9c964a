import { detectOrganizations, findOrganizations, getOrgModel } from '../../../lib/analysis/orgs';
import { encodeModel, loadModel } from '../../../lib/analysis/orgs/model';

const spans = (text: string, lang: string) => findOrganizations(text, lang).map((m) => m.text);

describe('organization tagger', () => {
  it('round-trips quantised sparse weights', () => {
    const w = new Float32Array(2 << 4);
    w[0] = 1.5;
    w[7] = -0.5;
    w[31] = 0.25;
    const m = loadModel(4, 0.25, encodeModel(w, 0.25));
    expect([...m.w]).toEqual([...w]);
  });

  it('ships a non-empty model', () => {
    expect(getOrgModel().w.some((x) => x !== 0)).toBe(true);
  });

  it('never proposes terms like AI or IA, nor names in title-case headings', () => {
    expect(spans('AI systems and GDPR compliance were discussed by AI experts.', 'en')).toEqual([]);
    expect(spans("L'IA et le RGPD.", 'fr')).toEqual([]);
  });

  it('only adds spans: rules-only output is a subset', () => {
    const text = 'The band signed with Killing Joke Records and toured with the Mad Hatters Club in 1999.';
    const rules = detectOrganizations(text, 'en', { model: null }).map((m) => m.text);
    const all = spans(text, 'en');
    for (const r of rules) expect(all).toContain(r);
  });
});

describe('sports teams and general organizations (gazetteer)', () => {
  it.each([
    ['fr', 'Il a joué pour les Penguins de Pittsburgh puis les Red Wings de Détroit.', ['Penguins de Pittsburgh', 'Red Wings de Détroit']],
    ['fr', 'Il rejoint les Hurricanes de la Caroline.', ['Hurricanes de la Caroline']],
    ['en', 'He was traded to the Pittsburgh Penguins by the Boston Bruins.', ['Pittsburgh Penguins', 'Boston Bruins']],
    ['fr', 'Le match est diffusé sur France 2 et Canal+.', ['France 2', 'Canal+']],
  ])('%s: %s', (lang, text, expected) => {
    expect(spans(text, lang)).toEqual(expected);
  });

  it('does not match ambiguous bare nicknames at sentence start or common words', () => {
    expect(spans('Penguins live in Antarctica.', 'en')).toEqual([]);
    expect(spans('Variety is good. Total revenue rose.', 'en')).toEqual([]);
  });
});
