import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { findOrganizations } from '../../../lib/analysis/orgs';
import { getGazetteer } from '../../../lib/analysis/orgs/gazetteer';
import { parseGazetteer, renderGazetteerModule } from '../../../lib/analysis/orgs/gazetteer-source';
import { tokenize } from '../../../lib/analysis/orgs/tokenize';
import { ORG_TYPES } from '../../../lib/analysis/types';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const spans = (text: string, lang: string) => findOrganizations(text, lang).map((m) => m.text);

describe('findOrganizations: expected organizations', () => {
  it.each([
    // Seed article (FR), short sentences in the article's words.
    ['fr', 'Hugging Face : En première ligne des politiques d’IA avec l’open-source', ['Hugging Face']],
    ['fr', "Dans sa contribution, Hugging Face soutient que les modèles open-source, comme OlympicCoder, peuvent surpasser les systèmes commerciaux.", ['Hugging Face']],
    ['fr', "La société de capital-risque Andreessen Horowitz a également partagé ses recommandations.", ['Andreessen Horowitz']],
    ['en', 'Andreessen Horowitz (a16z) urged federal leadership on open-source AI.', ['Andreessen Horowitz', 'a16z']],
    // Gazetteer: longest match, accents, elisions, determiners and possessives excluded.
    ['en', "Microsoft’s president met the White House Office of Science and Technology Policy (OSTP).", ['Microsoft', 'White House Office of Science and Technology Policy', 'OSTP']],
    ['en', "OpenAI's board and Google DeepMind signed.", ['OpenAI', 'Google DeepMind']],
    ['fr', "Le texte adopté par le Conseil de l’UE et le Parlement européen entre en vigueur.", ['Conseil de l’UE', 'Parlement européen']],
    ['fr', "La Cnil et l'ANSSI ont publié un guide avec l’UE.", ['Cnil', 'ANSSI', 'UE']],
    ['fr', 'Le Conseil d’Etat a tranché.', ['Conseil d’Etat']],
    // Acronym definition and later use (name not in the gazetteer).
    ['en', 'The Digital Harms Observatory (DHO) published a report. Later, DHO said more.', ['Digital Harms Observatory', 'DHO', 'DHO']],
    ['en', 'Researchers at the Helsinki Institute of Robot Ethics spoke; the Helsinki Institute of Robot Ethics agreed.', ['Helsinki Institute of Robot Ethics', 'Helsinki Institute of Robot Ethics']],
    // Head-word rules.
    ['en', 'He joined the Department of Energy and Homeland Security review.', ['Department of Energy and Homeland Security']],
    ['en', 'A letter from the Midwest Robotics Association arrived.', ['Midwest Robotics Association']],
    ['fr', "l'Autorité de régulation de la communication audiovisuelle et numérique (Arcom) a été saisie.", ['Autorité de régulation de la communication audiovisuelle et numérique', 'Arcom']],
    ['fr', "Le rapport de l’Observatoire régional des algorithmes publics est paru.", ['Observatoire régional des algorithmes publics']],
    ['fr', 'Il a saisi le ministère de l’Intérieur hier.', ['ministère de l’Intérieur']],
    // Governments as institutions.
    ['en', 'The Biden-Harris Administration secured commitments.', ['Biden-Harris Administration']],
    // Well-known names (data/orgs-general): a lone acronym needs no topic word; a year before the name is not part of its run.
    ['en', 'In 1998 KQED was sold to a new owner.', ['KQED']],
    ['en', 'In 2003 Capcom released a sequel.', ['Capcom']],
    // A nickname form after another capitalised word ends some other name: not the listed club.
    ['en', 'Last season the Riverside Hornets finished third.', ['Riverside Hornets']],
    ['en', 'Fans of the Hornets cheered.', ['Hornets']],
  ])('%s: %s', (lang, text, expected) => {
    expect(spans(text, lang)).toEqual(expected);
  });
});

describe('findOrganizations: not organizations (GUIDELINES §1)', () => {
  it.each([
    ['fr', 'Le modèle OlympicCoder surpasse les systèmes commerciaux.'],
    ['fr', "Ils demandent de financer la National AI Research Resource (NAIRR) aux États-Unis."],
    ['en', 'They called for the National AI Research Resource (NAIRR) to be funded.'],
    ['fr', 'Les États-Unis et la France ont signé.'],
    ['en', 'ChatGPT and GPT-4 answered; the EU AI Act and the GDPR apply.'],
    ['en', 'Engineers tried Google Lens and Mistral Large.'],
    ['en', 'The Commission said the agency would act.'],
    ['fr', 'La Commission est sommée de répondre.'],
    // Places and demonyms the tagger may propose: a place's head word, a lone demonym.
    ['en', 'Dozens of pilot whales were found stranded on the Chatham Islands and on Stewart Island.'],
    ['en', 'Diplomats urged the Sudanese government to allow the visits, but the Sudanese refused.'],
    ['en', 'The tribunal was enabled to investigate historic grievances in 1985.[41] The government has negotiated settlements since.'],
    // A place by its geographic first word; whoever has a father is a person.
    ['en', 'The club moved to Port Harcourt in 1990.'],
    ['en', "After the concert, Morrison's father drove the singer home."],
    // The plural of an acronym names things; a lone CamelCase word needs the context an acronym needs.
    ['en', 'Results were stored on VMs in two regions.'],
    ['en', 'The NextWork queue hands jobs to the ServiceWorker.'],
    // A venue is a place (GUIDELINES §1), not an organization.
    ['en', 'The team moved to the Kessler Arena in 1998.'],
    // The last group of a number does not open a name.
    ['en', 'In 2018 there were 381,642 Pacific Islanders living in the country.'],
    // A determiner and a title name a person.
    ['en', 'The country is a constitutional monarchy, and The Queen is represented by a governor-general.'],
    // A surname the text gives with a title ("President Alvarenga") is a person elsewhere too.
    ['en', "President Alvarenga spoke first. Later, Alvarenga's proposal was rejected by the council."],
  ])('%s: %s', (lang, text) => {
    expect(spans(text, lang)).toEqual([]);
  });
});

describe('findOrganizations: offsets and robustness', () => {
  it('returns exact UTF-16 offsets, ids, names and types', () => {
    const text = 'Selon la Commission européenne, Mistral AI lève des fonds.';
    const found = findOrganizations(text, 'fr');
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(found.map((m) => [m.text, m.type, m.source])).toEqual([
      ['Commission européenne', 'intergovernmental', 'gazetteer'],
      ['Mistral AI', 'ai-lab', 'gazetteer'],
    ]);
    expect(found[0]!.name).toBe('Commission européenne');
    expect(findOrganizations('The European Commission acted.', 'en')[0]!.name).toBe('European Commission');
  });

  it.each([
    ['empty', ''],
    ['spaces', ' \n\t '],
    ['binary-looking', String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65536))],
    ['punctuation', '((((()))))) ’’’ l’ d’ (ABC) ( ) ,,,'],
  ])('does not crash on %s input', (_name, text) => {
    expect(() => findOrganizations(text, 'en')).not.toThrow();
    expect(() => findOrganizations(text, 'fr')).not.toThrow();
  });

  it('handles several megabytes', () => {
    const para = 'The Federal Trade Commission and OpenAI met the Midwest Robotics Association (MRA) in Paris. ';
    const text = para.repeat(40_000); // ≈ 3.8 MB
    const found = findOrganizations(text, 'en');
    expect(found.length).toBe(40_000 * 4);
    expect(found.at(-1)!.text).toBe('MRA');
  });
});

describe('tokenizer', () => {
  it('splits elisions and possessives, keeps initials and abbreviations', () => {
    expect(tokenize("l'Autorité, Microsoft’s U.S. Acme Inc. AT&T").raw).toEqual([
      "l'", 'Autorité', ',', 'Microsoft', '’s', 'U.S.', 'Acme', 'Inc.', 'AT&T',
    ]);
  });
});

describe('gazetteer', () => {
  const dir = join(root, 'data/gazetteer');
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

  it('generated module is up to date with data/gazetteer (run npx tsx scripts/build-gazetteer.ts)', () => {
    const { entries, errors } = parseGazetteer(files);
    expect(errors).toEqual([]);
    const generated = readFileSync(join(root, 'lib/analysis/orgs/gazetteer.generated.ts'), 'utf8');
    expect(generated === renderGazetteerModule(entries)).toBe(true);
  });

  it('has at least 500 entries, each with a type, an English and a French name', () => {
    const { entries } = getGazetteer();
    expect(entries.length).toBeGreaterThanOrEqual(500);
    for (const e of entries) {
      expect(ORG_TYPES).toContain(e.type);
      expect(e.en.length).toBeGreaterThan(0);
      expect(e.fr.length).toBeGreaterThan(0);
      expect(e.id).toMatch(/^(Q\d+|[a-z0-9-]+)$/);
    }
  });
});
