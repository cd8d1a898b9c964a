/**
 * The list of well-known organization names (data/orgs-general, compiled into
 * lib/analysis/orgs/names.generated.ts): up to date, found in text, and only a tagger feature.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { detectOrganizations, findOrganizations } from '../../../lib/analysis/orgs';
import { knownNameSpans, type ModelInput } from '../../../lib/analysis/orgs/model';
import { compileNames, frontCode, renderNamesModule } from '../../../lib/analysis/orgs/names-source';
import { ORG_NAME_CATEGORIES, ORG_NAMES } from '../../../lib/analysis/orgs/names.generated';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = join(root, 'data/orgs-general');
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

/** The well-known names the tagger sees in `text`, with their category. */
function known(text: string): [string, string][] {
  let input: ModelInput | undefined;
  detectOrganizations(text, 'en', { model: null, onInput: (x) => (input = x) });
  const { t } = input!;
  return knownNameSpans(input!).map((s) => [text.slice(t.start[s.first]!, t.end[s.last]!), ORG_NAME_CATEGORIES[s.category - 1]!]);
}

describe('well-known organization names (data/orgs-general)', () => {
  it('generated module is up to date (run npx tsx scripts/build-org-names.ts)', () => {
    const generated = readFileSync(join(root, 'lib/analysis/orgs/names.generated.ts'), 'utf8');
    expect(generated === renderNamesModule(files)).toBe(true);
  });

  it('loads thousands of names in a few categories, each source file saying where it comes from', () => {
    const { categories, names } = compileNames(files);
    expect(names.length).toBeGreaterThan(5000);
    // About 6 bytes gzipped per name in the content script: a much longer list needs a bundle decision.
    expect(names.length).toBeLessThan(8000);
    expect(categories).toEqual([...ORG_NAME_CATEGORIES]);
    expect(frontCode(names)).toBe(ORG_NAMES);
    for (const f of files) expect(f.text).toMatch(/written by the Policy Lens project from general knowledge/i);
  });

  it.each([
    ['He later played for Sheffield Wednesday and Queens Park Rangers.', [['Sheffield Wednesday', 'sports'], ['Queens Park Rangers', 'sports']]],
    // "the Kinks" for "The Kinks" (names already in the gazetteer, such as "the Beatles", are left to it).
    ['The album was compared to the Kinks and Iron Maiden.', [['Kinks', 'music'], ['Iron Maiden', 'music']]],
    ['It was reviewed by Melody Maker and the Village Voice.', [['Melody Maker', 'media'], ['Village Voice', 'media']]],
    ['The PUMA arm was built for assembly lines.', []],
  ])('finds the names in %s', (text, expected) => {
    expect(known(text)).toEqual(expected);
  });

  it('does not make a lone common word an organization by itself', () => {
    const text = 'Yes, the committee agreed to meet again in the spring.';
    expect(known(text)).toEqual([['Yes', 'music']]);
    expect(findOrganizations(text, 'en')).toEqual([]);
    expect(known('He said yes to the offer.')).toEqual([]);
  });
});
