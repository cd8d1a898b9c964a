import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  annotationsForPage,
  createAnnotation,
  deleteAnnotation,
  dismissedOn,
  dismissSuggestion,
  listTags,
  openPage,
  openPolicyLensDb,
  recordAnchors,
  restoreAnnotation,
  undismissSuggestion,
  updateAnnotation,
  type NewAnnotation,
} from '../../../lib/db';
import { noteOf, tagsOf } from '../../../lib/model';
import type { PageInfo } from '../../../lib/protocol';
import { makeAnnotation, nextId } from '../../helpers/factories';

const NOW = '2025-05-01T12:00:00.000Z';
const LATER = '2025-05-02T12:00:00.000Z';

function pageInfo(overrides: Partial<PageInfo> = {}): PageInfo {
  return {
    title: 'AI Act',
    site: 'example.org',
    byline: '',
    published: '',
    lang: 'en',
    textHash: '0123456789abcdef',
    simhash: '0123456789abcdef',
    textLength: 5000,
    ...overrides,
  };
}

function newAnnotation(overrides: Partial<NewAnnotation> = {}): NewAnnotation {
  return {
    id: nextId(),
    pageId: 'https://example.org/a',
    source: 'https://example.org/a',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'general-purpose AI', prefix: 'the ', suffix: ' models' },
      { type: 'TextPositionSelector', start: 10, end: 28 },
    ],
    color: 'yellow',
    note: '',
    tags: [],
    creator: 'urn:test',
    ...overrides,
  };
}

describe('pages', () => {
  it('does not record a visit to a page that has no annotation', async () => {
    const db = await openPolicyLensDb();
    const opened = await openPage(db, ['https://example.org/a'], pageInfo(), NOW, false);
    expect(opened.page).toBeNull();
    expect(await db.count('pages')).toBe(0);
  });

  it('finds a page by any alias, by text hash, or by a close simhash, and merges aliases', async () => {
    const db = await openPolicyLensDb();
    const created = await openPage(db, ['https://example.org/a'], pageInfo(), NOW, true);
    expect(created.page?.id).toBe('https://example.org/a');

    const byAlias = await openPage(db, ['https://example.org/canonical', 'https://example.org/a'], pageInfo(), LATER, false);
    expect(byAlias.page?.id).toBe('https://example.org/a');
    expect(byAlias.page?.urls).toEqual(['https://example.org/a', 'https://example.org/canonical']);
    expect(byAlias.textChanged).toBe(false);

    const byHash = await openPage(db, ['https://mirror.example/x'], pageInfo(), LATER, false);
    expect(byHash.page?.id).toBe('https://example.org/a');

    const bySimhash = await openPage(db, ['https://other.example/y'], pageInfo({ textHash: 'ffff', simhash: '0123456789abcdee', textLength: 5100 }), LATER, false);
    expect(bySimhash.page?.id).toBe('https://example.org/a');
    expect(bySimhash.textChanged).toBe(true);
    expect(bySimhash.page?.changedAt).toBe(LATER);
  });

  it('does not match unrelated pages by fingerprint', async () => {
    const db = await openPolicyLensDb();
    await openPage(db, ['https://example.org/a'], pageInfo(), NOW, true);
    const other = await openPage(db, ['https://b.example/'], pageInfo({ textHash: 'aaaa', simhash: 'fedcba9876543210' }), NOW, false);
    expect(other.page).toBeNull();
    // Short texts (a near-empty page) never match by fingerprint.
    const short = await openPage(db, ['https://c.example/'], pageInfo({ textLength: 20 }), NOW, false);
    expect(short.page).toBeNull();
  });
});

describe('annotations', () => {
  it('creates, updates, deletes and restores, keeping note and tags as W3C bodies', async () => {
    const db = await openPolicyLensDb();
    const a = await createAnnotation(db, newAnnotation({ note: 'Check this', tags: ['AI Act', 'ai act', 'GPAI'] }), NOW);
    expect(a.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: 'Check this', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'AI Act', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'GPAI', format: 'text/plain' },
    ]);
    expect(a.motivation).toBe('commenting');
    expect((await listTags(db)).map((t) => t.name)).toEqual(['AI Act', 'GPAI']);
    expect(await db.count('outbox')).toBe(2);

    const updated = await updateAnnotation(db, a.id, { note: '', color: 'blue', tags: ['Compute'] }, LATER);
    expect(noteOf(updated)).toBe('');
    expect(tagsOf(updated)).toEqual(['Compute']);
    expect(updated.color).toBe('blue');
    expect(updated.motivation).toBe('highlighting');
    expect(updated.modified).toBe(LATER);
    expect(updated.created).toBe(NOW);

    await deleteAnnotation(db, a.id, LATER);
    expect((await annotationsForPage(db, a.pageId)).annotations).toHaveLength(0);
    expect(await db.count('annotations')).toBe(1); // tombstone kept
    const restored = await restoreAnnotation(db, a.id, LATER);
    expect(restored.deleted).toBeUndefined();
    expect((await annotationsForPage(db, a.pageId)).annotations.map((x) => x.id)).toEqual([a.id]);
  });

  it('refuses to update a missing or damaged record and changes nothing', async () => {
    const db = await openPolicyLensDb();
    await expect(updateAnnotation(db, 'urn:uuid:nope', { note: 'x' }, NOW)).rejects.toThrow('annotation not found');
    await db.put('annotations', { id: 'urn:uuid:bad', pageId: 'p' } as never);
    await expect(updateAnnotation(db, 'urn:uuid:bad', { note: 'x' }, NOW)).rejects.toThrow('damaged');
    expect(await db.get('annotations', 'urn:uuid:bad')).toEqual({ id: 'urn:uuid:bad', pageId: 'p' });
  });

  it('skips and counts damaged records when listing a page', async () => {
    const db = await openPolicyLensDb();
    const good = await createAnnotation(db, newAnnotation(), NOW);
    await db.put('annotations', { id: 'urn:uuid:bad', pageId: good.pageId, body: 'oops' } as never);
    const { annotations, corrupt } = await annotationsForPage(db, good.pageId);
    expect(annotations.map((a) => a.id)).toEqual([good.id]);
    expect(corrupt).toBe(1);
  });

  it('records anchoring results only for annotations of the given page', async () => {
    const db = await openPolicyLensDb();
    const mine = await createAnnotation(db, newAnnotation(), NOW);
    const other = await createAnnotation(db, newAnnotation({ pageId: 'https://other.example/', source: 'https://other.example/' }), NOW);
    const n = await recordAnchors(
      db,
      mine.pageId,
      [
        { id: mine.id, status: 'fuzzy', confidence: 0.91, foundText: 'general purpose AI' },
        { id: other.id, status: 'orphan', confidence: 0 },
      ],
      LATER,
    );
    expect(n).toBe(1);
    const [reloaded] = (await annotationsForPage(db, mine.pageId)).annotations;
    expect(reloaded?.anchor).toEqual({ status: 'fuzzy', confidence: 0.91, foundText: 'general purpose AI', checkedAt: LATER });
    expect(reloaded?.modified).toBe(NOW); // anchoring is not an edit
    expect((await annotationsForPage(db, other.pageId)).annotations[0]?.anchor?.status).toBe('exact');
  });
});

describe('dismissals', () => {
  it('remembers dismissed suggestions per page, and forgets on undo', async () => {
    const db = await openPolicyLensDb();
    expect(await dismissSuggestion(db, 'https://a.example/', 'org:hugging face', NOW)).toBe(1);
    expect(await dismissSuggestion(db, 'https://a.example/', 'org:hugging face', NOW)).toBe(1);
    await dismissSuggestion(db, 'https://b.example/', 'claim:1234', NOW);
    expect(await dismissedOn(db, 'https://a.example/')).toEqual(['org:hugging face']);
    expect(await undismissSuggestion(db, 'https://a.example/', 'org:hugging face')).toBe(0);
    expect(await dismissedOn(db, 'https://b.example/')).toEqual(['claim:1234']);
  });
});

describe('upgrades', () => {
  it('upgrades a version 1 database: keeps annotations and creates tag records from their tags', async () => {
    const v1 = await openDB('policy-lens-upgrade', 1, {
      upgrade(db) {
        const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('by-page', 'pageId');
        annotations.createIndex('by-modified', 'modified');
        const pages = db.createObjectStore('pages', { keyPath: 'id' });
        pages.createIndex('by-url', 'urls', { multiEntry: true });
        pages.createIndex('by-text-hash', 'textHash');
      },
    });
    const a = makeAnnotation({ tags: ['AI Act', 'Compute'] });
    const b = makeAnnotation({ tags: ['ai act'] });
    await v1.put('annotations', a);
    await v1.put('annotations', b);
    await v1.put('annotations', { id: 'urn:uuid:damaged', body: 7 });
    v1.close();

    const db = await openPolicyLensDb('policy-lens-upgrade');
    expect(db.version).toBe(3);
    expect(db.objectStoreNames.contains('dismissals')).toBe(true);
    expect(db.objectStoreNames.contains('outbox')).toBe(true);
    expect((await listTags(db)).map((t) => t.key)).toEqual(['ai act', 'compute']);
    expect((await annotationsForPage(db, a.pageId)).annotations).toHaveLength(2);
  });

  it('creates the whole schema on a fresh database', async () => {
    const db = await openPolicyLensDb('fresh');
    expect([...db.objectStoreNames].sort()).toEqual(['annotations', 'dismissals', 'outbox', 'pages', 'tags']);
    expect([...db.transaction('pages').store.indexNames].sort()).toEqual(['by-text-hash', 'by-url']);
  });
});
