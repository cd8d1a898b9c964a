import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/model';
import { isAnnotation as isValidAnnotation } from '../../lib/db/validate';
import { createAnnotationSearch, fold, queryWords, tokenize, type SearchQuery } from '../../lib/search';
import { makeAnnotation } from '../helpers/factories';

const PAGE_A = 'https://example.org/ai-act';
const PAGE_B = 'https://example.org/us-order';

const pages = new Map([
  [PAGE_A, { title: 'Le texte européen sur l’IA', url: PAGE_A }],
  [PAGE_B, { title: 'Executive order on AI', url: PAGE_B }],
]);

function fixture() {
  const a = {
    regle: makeAnnotation({
      pageId: PAGE_A,
      quote: 'Cette règle s’applique aux modèles d’IA à usage général.',
      note: 'Voir l’article 53',
      tags: ['GPAI', 'obligations'],
      color: 'yellow',
      modified: '2025-03-05T00:00:00Z',
      anchor: { status: 'exact', confidence: 1, checkedAt: '2025-03-05T00:00:00Z' },
    }),
    risk: makeAnnotation({
      pageId: PAGE_A,
      quote: 'High-risk systems must be registered.',
      tags: ['high-risk'],
      color: 'green',
      modified: '2025-03-04T00:00:00Z',
      anchor: { status: 'fuzzy', confidence: 0.87, foundText: 'High-risk AI systems must be registered.', checkedAt: '2025-03-05T00:00:00Z' },
    }),
    orphan: makeAnnotation({
      pageId: PAGE_A,
      quote: 'A paragraph that was removed.',
      color: 'pink',
      modified: '2025-03-03T00:00:00Z',
      anchor: { status: 'orphan', confidence: 0, checkedAt: '2025-03-05T00:00:00Z' },
    }),
    order: makeAnnotation({
      pageId: PAGE_B,
      quote: 'Developers of dual-use foundation models shall report.',
      note: 'Reporting duty',
      tags: ['gpai', 'reporting'],
      color: 'yellow',
      modified: '2025-03-06T00:00:00Z',
    }),
    gone: makeAnnotation({
      pageId: PAGE_B,
      quote: 'Deleted règle',
      tags: ['GPAI'],
      modified: '2025-03-07T00:00:00Z',
      deleted: '2025-03-08T00:00:00Z',
    }),
  };
  return a;
}

type Name = keyof ReturnType<typeof fixture>;

describe('fold and queryWords', () => {
  it.each([
    ['Règle', 'regle'],
    ['ÉCOLE', 'ecole'],
    ['cœur', 'coeur'],
    ['Straße', 'strasse'],
    ['plain ascii', 'plain ascii'],
  ])('fold(%j) = %j', (input, expected) => expect(fold(input)).toBe(expected));

  it.each([
    ['L’IA « règle » high-risk', ['l', 'ia', 'regle', 'high', 'risk']],
    ['ﬁn  ½ Œuvre\u0301', ['fin', 'oeuvre']],
    ['Article 53(2)', ['article', '53', '2']],
    ['', []],
  ])('tokenize(%j)', (input, expected) => expect(tokenize(input)).toEqual(expected));

  it('splits on whitespace and drops empties', () => {
    expect(queryWords('  Règle   IA ')).toEqual(['regle', 'ia']);
    expect(queryWords('')).toEqual([]);
    expect(queryWords(undefined)).toEqual([]);
  });
});

describe('createAnnotationSearch', () => {
  const cases: { name: string; q: SearchQuery; expected: Name[] }[] = [
    { name: 'all scope, newest first, deleted excluded', q: { scope: 'all' }, expected: ['order', 'regle', 'risk', 'orphan'] },
    { name: 'page scope', q: { scope: 'page', pageId: PAGE_A }, expected: ['regle', 'risk', 'orphan'] },
    { name: 'page scope without pageId is empty', q: { scope: 'page' }, expected: [] },
    { name: 'accent-folded text: "regle" finds "règle"', q: { scope: 'all', text: 'regle' }, expected: ['regle'] },
    { name: 'accented query finds plain text', q: { scope: 'all', text: 'régistered' }, expected: ['risk'] },
    { name: 'case-insensitive', q: { scope: 'all', text: 'HIGH-RISK' }, expected: ['risk'] },
    { name: 'all words must match', q: { scope: 'all', text: 'models report' }, expected: ['order'] },
    { name: 'words in different fields', q: { scope: 'all', text: 'dual-use duty' }, expected: ['order'] },
    { name: 'a missing word excludes', q: { scope: 'all', text: 'models nonexistent' }, expected: [] },
    { name: 'matches the note', q: { scope: 'all', text: 'article 53' }, expected: ['regle'] },
    { name: 'matches tags', q: { scope: 'all', text: 'obligations' }, expected: ['regle'] },
    { name: 'matches the page title', q: { scope: 'all', text: 'executive' }, expected: ['order'] },
    { name: 'tag filter is case-insensitive', q: { scope: 'all', tags: ['gpai'] }, expected: ['order', 'regle'] },
    { name: 'tags: all must match', q: { scope: 'all', tags: ['GPAI', 'reporting'] }, expected: ['order'] },
    { name: 'colours: any', q: { scope: 'all', colors: ['green', 'pink'] }, expected: ['risk', 'orphan'] },
    { name: 'statuses: any', q: { scope: 'all', statuses: ['fuzzy', 'orphan'] }, expected: ['risk', 'orphan'] },
    { name: 'never-anchored matches no status filter', q: { scope: 'all', statuses: ['exact'] }, expected: ['regle'] },
    { name: 'tag + colour', q: { scope: 'all', tags: ['gpai'], colors: ['yellow'], text: 'IA' }, expected: ['regle'] },
    { name: 'a word matches the start of words ("regle" finds "Règlement")', q: { scope: 'all', text: 'europ' }, expected: ['regle', 'risk', 'orphan'] },
    { name: 'but not the middle of words', q: { scope: 'all', text: 'gistered' }, expected: [] },
    { name: 'words split on hyphens', q: { scope: 'all', text: 'risk' }, expected: ['risk'] },
    { name: 'punctuation in the query separates words', q: { scope: 'all', text: 'l’IA' }, expected: ['regle', 'risk', 'orphan'] },
    { name: 'whitespace-only text is no filter', q: { scope: 'page', pageId: PAGE_A, text: '   ' }, expected: ['regle', 'risk', 'orphan'] },
  ];

  it.each(cases)('$name', ({ q, expected }) => {
    const a = fixture();
    const search = createAnnotationSearch(Object.values(a), pages);
    const result = search.query(q);
    const byId = new Map(Object.entries(a).map(([name, ann]) => [ann.id, name]));
    expect(result.items.map((v) => byId.get(v.annotation.id))).toEqual(expected);
    expect(result.total).toBe(expected.length);
    expect(result.corrupt).toBe(0);
  });

  it('stays correct through many edits (stale index entries compacted)', () => {
    const records = Array.from({ length: 50 }, (_, i) => makeAnnotation({ quote: `alpha item${i}`, modified: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }));
    const search = createAnnotationSearch(records, pages);
    for (let round = 0; round < 2000; round++) {
      const r = records[round % records.length]!;
      const word = round % 2 ? 'beta' : 'gamma';
      search.upsert({ ...r, target: { ...r.target, selector: [{ ...r.target.selector[0], exact: `${word} ${round}` }, r.target.selector[1]] }, modified: new Date(Date.UTC(2025, 1, 1, 0, round)).toISOString() });
    }
    expect(search.size).toBe(50);
    expect(search.query({ scope: 'all', text: 'alpha' }).total).toBe(0);
    expect(search.query({ scope: 'all', text: 'beta' }).total).toBe(25);
    expect(search.query({ scope: 'all', text: 'gamma 1998' }).items.map((v) => v.annotation.target.selector[0].exact)).toEqual(['gamma 1998']);
    expect(search.query({ scope: 'all' }).items[0]!.annotation.target.selector[0].exact).toBe('beta 1999');
  });

  it('pages with offset and limit, total unaffected', () => {
    const records = Array.from({ length: 25 }, (_, i) =>
      makeAnnotation({ quote: `quote ${i}`, modified: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }),
    );
    const search = createAnnotationSearch(records, pages);
    const table: [number, number, string[]][] = [
      [0, 3, ['quote 24', 'quote 23', 'quote 22']],
      [10, 2, ['quote 14', 'quote 13']],
      [24, 10, ['quote 0']],
      [30, 10, []],
    ];
    for (const [offset, limit, quotes] of table) {
      const r = search.query({ scope: 'all', offset, limit });
      expect(r.items.map((v) => v.annotation.target.selector[0].exact)).toEqual(quotes);
      expect(r.total).toBe(25);
    }
    expect(search.query({ scope: 'all', limit: 10_000 }).items).toHaveLength(25);
  });

  it('adds the page title and URL to each view', () => {
    const a = fixture();
    const r = createAnnotationSearch([a.order, makeAnnotation({ pageId: 'https://unknown.example/' })], pages).query({ scope: 'all' });
    expect(r.items[0]).toMatchObject({ pageTitle: 'Executive order on AI', pageUrl: PAGE_B });
    expect(r.items[1]).toMatchObject({ pageTitle: '', pageUrl: 'https://unknown.example/' });
  });

  it('counts tags in scope, merging case variants, ignoring other filters', () => {
    const a = fixture();
    const search = createAnnotationSearch(Object.values(a), pages);
    expect(search.query({ scope: 'all', text: 'nothing matches this' }).tags).toEqual([
      { name: 'gpai', count: 2 },
      { name: 'high-risk', count: 1 },
      { name: 'obligations', count: 1 },
      { name: 'reporting', count: 1 },
    ]);
    expect(search.query({ scope: 'page', pageId: PAGE_B }).tags).toEqual([
      { name: 'gpai', count: 1 },
      { name: 'reporting', count: 1 },
    ]);
  });

  it('skips and counts corrupt records without throwing', () => {
    const good = makeAnnotation();
    const bad: unknown[] = [
      null,
      42,
      'text',
      [],
      {},
      { ...makeAnnotation(), color: 'chartreuse' },
      { ...makeAnnotation(), modified: 'not a date' },
      { ...makeAnnotation(), target: { source: 'x', selector: [] } },
      { ...makeAnnotation(), body: [{ purpose: 'tagging' }] },
      { ...makeAnnotation(), anchor: { status: 'lost', confidence: 1 } },
    ];
    for (const b of bad) expect(isValidAnnotation(b)).toBe(false);
    expect(isValidAnnotation(good)).toBe(true);
    const search = createAnnotationSearch([good, ...bad], pages);
    const r = search.query({ scope: 'all' });
    expect(r.total).toBe(1);
    expect(r.corrupt).toBe(bad.length);
  });

  it('keeps the newest copy of a duplicated id', () => {
    const older = makeAnnotation({ quote: 'old', modified: '2025-01-01T00:00:00Z' });
    const newer: Annotation = { ...older, target: { ...older.target, selector: [{ ...older.target.selector[0], exact: 'new' }, older.target.selector[1]] }, modified: '2025-02-01T00:00:00Z' };
    const r = createAnnotationSearch([newer, older], pages).query({ scope: 'all' });
    expect(r.items.map((v) => v.annotation.target.selector[0].exact)).toEqual(['new']);
  });

  describe('incremental updates', () => {
    it('upsert adds, replaces (re-sorting) and drops deleted', () => {
      const a = fixture();
      const search = createAnnotationSearch([a.regle, a.risk], pages);
      expect(search.size).toBe(2);
      const fresh = makeAnnotation({ quote: 'brand new', modified: '2025-04-01T00:00:00Z' });
      expect(search.upsert(fresh)).toBe(true);
      expect(search.query({ scope: 'all' }).items[0]!.annotation.id).toBe(fresh.id);
      // Editing the older one moves it to the top and makes its new note searchable.
      expect(search.upsert({ ...a.risk, body: [{ type: 'TextualBody', purpose: 'commenting', value: 'Änderung', format: 'text/plain' }], modified: '2025-05-01T00:00:00Z' })).toBe(true);
      const r = search.query({ scope: 'all' });
      expect(r.items.map((v) => v.annotation.id)).toEqual([a.risk.id, fresh.id, a.regle.id]);
      expect(search.query({ scope: 'all', text: 'anderung' }).total).toBe(1);
      expect(search.query({ scope: 'all', text: 'high-risk' }).total).toBe(1); // quote still indexed
      expect(search.query({ scope: 'all', tags: ['high-risk'] }).total).toBe(0); // tag removed by edit
      // Soft delete drops it; restore brings it back.
      expect(search.upsert({ ...fresh, deleted: '2025-06-01T00:00:00Z' })).toBe(false);
      expect(search.size).toBe(2);
      expect(search.upsert(fresh)).toBe(true);
      expect(search.size).toBe(3);
    });

    it('a prefix finds words from the initial build and from later upserts alike', () => {
      const a = fixture();
      const search = createAnnotationSearch([a.risk], pages); // "registered" indexed at build
      const later = makeAnnotation({ quote: 'Regional rules differ.', modified: '2025-04-01T00:00:00Z' });
      search.upsert(later);
      expect(search.query({ scope: 'all', text: 'reg' }).items.map((v) => v.annotation.id)).toEqual([later.id, a.risk.id]);
      expect(search.query({ scope: 'all', text: 'reg rules' }).items.map((v) => v.annotation.id)).toEqual([later.id]);
      expect(search.query({ scope: 'all', text: 'reg systems' }).items.map((v) => v.annotation.id)).toEqual([a.risk.id]);
      search.remove(later.id);
      expect(search.query({ scope: 'all', text: 'regional' }).total).toBe(0);
    });

    it('remove forgets listed and corrupt records', () => {
      const a = fixture();
      const search = createAnnotationSearch([a.regle, { id: 'broken', type: 'Annotation' }, { nope: true }], pages);
      expect(search.query({ scope: 'all' }).corrupt).toBe(2);
      search.remove('broken');
      search.remove(a.regle.id);
      const r = search.query({ scope: 'all' });
      expect(r).toMatchObject({ total: 0, corrupt: 1 });
    });

    it('an invalid upsert replaces the listed copy and is counted as corrupt', () => {
      const a = fixture();
      const search = createAnnotationSearch([a.regle], pages);
      expect(search.upsert({ ...a.regle, color: 42 })).toBe(false);
      expect(search.query({ scope: 'all' })).toMatchObject({ total: 0, corrupt: 1 });
      expect(search.upsert(a.regle)).toBe(true);
      expect(search.query({ scope: 'all' })).toMatchObject({ total: 1, corrupt: 0 });
    });

    it('upsert invalidates tag counts', () => {
      const a = fixture();
      const search = createAnnotationSearch([a.regle], pages);
      expect(search.query({ scope: 'all' }).tags).toHaveLength(2);
      search.upsert(makeAnnotation({ tags: ['new-tag'] }));
      expect(search.query({ scope: 'all' }).tags.map((t) => t.name)).toContain('new-tag');
    });

    it('setPage re-indexes that page’s titles', () => {
      const a = fixture();
      const search = createAnnotationSearch([a.order], pages);
      expect(search.query({ scope: 'all', text: 'décret' }).total).toBe(0);
      search.setPage(PAGE_B, { title: 'Le décret présidentiel', url: PAGE_B });
      const r = search.query({ scope: 'all', text: 'decret' });
      expect(r.total).toBe(1);
      expect(r.items[0]!.pageTitle).toBe('Le décret présidentiel');
    });
  });
});
