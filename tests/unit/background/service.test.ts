import { describe, expect, it, vi } from 'vitest';
import { BackgroundService } from '../../../lib/background/service';
import { openPolicyLensDb, type PolicyLensDb } from '../../../lib/db';
import type { Annotation } from '../../../lib/model';
import type { PageInfo, PageOpenResult, QueryResult, Reply } from '../../../lib/protocol';

const EXT_ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const tabSender = (url: string, id = 7) => ({ id: EXT_ID, url, tab: { id, url }, frameId: 0 });
const popupSender = { id: EXT_ID, url: `${ORIGIN}popup.html` };

const info: PageInfo = {
  canonicalUrl: 'https://news.example/story',
  title: 'Story',
  site: 'news.example',
  byline: 'A. Writer',
  published: '2025-03-22',
  lang: 'en',
  textHash: '00112233445566ff',
  simhash: '0011223344556677',
  textLength: 4000,
};
const selectors = [
  { type: 'TextQuoteSelector', exact: 'the AI Office', prefix: 'said ', suffix: ' will' },
  { type: 'TextPositionSelector', start: 100, end: 113 },
] as const;

function setup() {
  let db: Promise<PolicyLensDb> | null = null;
  const log = vi.fn<(m: string) => void>();
  const sendToTab = vi.fn(async () => ({ ok: true, value: { found: false } }));
  const openTab = vi.fn(async () => 42);
  const broadcast = vi.fn(async (_message: unknown) => undefined);
  let n = 0;
  const service = new BackgroundService({
    db: () => (db ??= openPolicyLensDb()),
    now: () => new Date('2025-05-01T00:00:00Z'),
    newId: () => `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    creator: async () => 'urn:test:user',
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    sendToTab,
    openTab,
    broadcast,
    log,
  });
  return { service, log, sendToTab, openTab, broadcast };
}

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`expected ok, got: ${reply.error}`);
  return reply.value as T;
}

async function createOne(service: BackgroundService, url = 'https://news.example/story?utm_source=feed') {
  return value<Annotation>(
    await service.handle({ type: 'annotation/create', page: info, selectors, color: 'green', note: 'n', tags: ['AI Act'] }, tabSender(url)),
  );
}

describe('BackgroundService', () => {
  it('creates an annotation on the sender page and returns it on the next visit from another URL', async () => {
    const { service } = setup();
    const a = await createOne(service);
    expect(a.pageId).toBe('https://news.example/story');
    expect(a.creator).toBe('urn:test:user');
    const opened = value<PageOpenResult>(
      await service.handle({ type: 'page/open', page: { ...info, canonicalUrl: undefined } }, tabSender('https://www.news.example/story#top')),
    );
    expect(opened.annotations.map((x) => x.id)).toEqual([a.id]);
    expect(opened.textChanged).toBe(false);
  });

  it('does not open another site’s page for a copycat that names it as its canonical link', async () => {
    const { service } = setup();
    await createOne(service);
    // Other text (no fingerprint match), canonical link pointing at the annotated article.
    const copycat = { ...info, textHash: 'ffeeddccbbaa9988', simhash: 'ffeeddccbbaa9988', textLength: 9000 };
    const opened = value<PageOpenResult>(await service.handle({ type: 'page/open', page: copycat }, tabSender('https://copycat.example/post')));
    expect(opened.annotations).toEqual([]);
    // The stored page kept its own fingerprint and gained no alias from the copycat.
    const again = value<PageOpenResult>(await service.handle({ type: 'page/open', page: info }, tabSender('https://news.example/story')));
    expect(again.textChanged).toBe(false);
    expect(again.annotations).toHaveLength(1);
  });

  it('tells the reader when the article text changed', async () => {
    const { service } = setup();
    await createOne(service);
    const opened = value<PageOpenResult>(
      await service.handle({ type: 'page/open', page: { ...info, textHash: 'ffffffffffffffff' } }, tabSender('https://news.example/story')),
    );
    expect(opened.textChanged).toBe(true);
  });

  it.each([
    ['not an object', 'hello', 'message is not an object'],
    ['unknown type', { type: 'db/drop' }, 'unknown message type'],
    ['bad colour', { type: 'annotation/update', id: 'urn:uuid:00000000-0000-4000-8000-000000000001', patch: { color: 'red' } }, 'invalid annotation/update at patch.color'],
    ['bad id', { type: 'annotation/delete', id: '../../etc' }, 'not an annotation id'],
    ['oversized note', { type: 'annotation/create', page: info, selectors, color: 'green', note: 'x'.repeat(10_001), tags: [] }, 'invalid annotation/create at note'],
    ['huge message', { type: 'annotation/create', page: info, selectors, color: 'green', note: '', tags: [], pad: 'x'.repeat(600_000) }, 'message too large'],
    ['position end before start', { type: 'annotation/create', page: info, selectors: [selectors[0], { type: 'TextPositionSelector', start: 9, end: 3 }], color: 'green', note: '', tags: [] }, 'position end must be after start'],
  ])('rejects a malformed message (%s) with a logged reason and stores nothing', async (_name, message, reason) => {
    const { service, log } = setup();
    const reply = await service.handle(message, tabSender('https://news.example/story'));
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toContain(reason);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(reason));
    const all = value<QueryResult>(await service.handle({ type: 'annotations/query', scope: 'all' }, popupSender));
    expect(all.total).toBe(0);
  });

  it('refuses messages from other extensions and popup-only requests from pages', async () => {
    const { service } = setup();
    const foreign = await service.handle({ type: 'tags/list' }, { id: 'evil', url: 'https://x.example/', tab: { id: 1, url: 'https://x.example/' } });
    expect(foreign).toEqual({ ok: false, error: 'message from an unknown sender' });
    const fromPage = await service.handle({ type: 'annotations/query', scope: 'all' }, tabSender('https://news.example/'));
    expect(fromPage.ok).toBe(false);
    expect(!fromPage.ok && fromPage.error).toContain('not allowed from a web page');
  });

  it('does not let one page edit, delete or report on another page’s annotations', async () => {
    const { service } = setup();
    const a = await createOne(service);
    const elsewhere = tabSender('https://attacker.example/page');
    for (const message of [
      { type: 'annotation/update', id: a.id, patch: { note: 'pwned' } },
      { type: 'annotation/delete', id: a.id },
      { type: 'anchor/report', pageId: a.pageId, results: [{ id: a.id, status: 'orphan', confidence: 0 }] },
    ]) {
      const reply = await service.handle(message, elsewhere);
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error).toBe('annotation belongs to another page');
    }
    // The popup (an extension page) may edit any annotation.
    const edited = value<Annotation>(await service.handle({ type: 'annotation/update', id: a.id, patch: { note: 'ok' } }, popupSender));
    expect(edited.body[0]?.value).toBe('ok');
  });

  it('keeps the popup search current after edits, deletes and restores', async () => {
    const { service } = setup();
    const a = await createOne(service);
    const q = async (text?: string) =>
      value<QueryResult>(await service.handle({ type: 'annotations/query', scope: 'all', ...(text ? { text } : {}) }, popupSender));
    expect((await q('office')).total).toBe(1);
    await service.handle({ type: 'annotation/update', id: a.id, patch: { note: 'compute thresholds' } }, popupSender);
    expect((await q('thresholds')).total).toBe(1);
    await service.handle({ type: 'annotation/delete', id: a.id }, popupSender);
    expect((await q()).total).toBe(0);
    await service.handle({ type: 'annotation/restore', id: a.id }, popupSender);
    const back = await q();
    expect(back.total).toBe(1);
    expect(back.items[0]?.pageTitle).toBe('Story');
  });

  it('reveals an annotation in its tab, or opens its page and reveals it there', async () => {
    const { service, sendToTab, openTab } = setup();
    const a = await createOne(service);
    const opened = value<{ opened: string }>(await service.handle({ type: 'annotation/reveal', id: a.id, tabId: 3 }, popupSender));
    expect(sendToTab).toHaveBeenCalledWith(3, { type: 'content/reveal', id: a.id });
    expect(opened.opened).toBe('new-tab');
    expect(openTab).toHaveBeenCalledWith('https://news.example/story');
    const visit = value<PageOpenResult>(await service.handle({ type: 'page/open', page: info }, tabSender('https://news.example/story', 42)));
    expect(visit.reveal).toBe(a.id);
  });

  it('asks the page to repaint after an edit in the popup, not after the page’s own edit', async () => {
    const { service, broadcast } = setup();
    const a = await createOne(service);
    await service.handle({ type: 'annotation/update', id: a.id, patch: { color: 'pink' } }, tabSender('https://news.example/story'));
    expect(broadcast).not.toHaveBeenCalled();
    await service.handle({ type: 'annotation/delete', id: a.id }, popupSender);
    expect(broadcast).toHaveBeenCalledWith({ type: 'content/refresh', pageId: a.pageId });
  });

  it('remembers dismissed suggestions for the page and returns them on the next visit', async () => {
    const { service } = setup();
    const dismissed = value<{ dismissed: number }>(
      await service.handle({ type: 'suggestion/dismiss', page: info, key: 'org:Q1' }, tabSender('https://news.example/story')),
    );
    expect(dismissed.dismissed).toBe(1);
    const visit = value<PageOpenResult>(await service.handle({ type: 'page/open', page: info }, tabSender('https://news.example/story?utm_medium=x')));
    expect(visit.dismissed).toEqual(['org:Q1']);
    expect(visit.annotations).toEqual([]);
    await service.handle({ type: 'suggestion/undismiss', page: info, key: 'org:Q1' }, tabSender('https://news.example/story'));
    const again = value<PageOpenResult>(await service.handle({ type: 'page/open', page: info }, tabSender('https://news.example/story')));
    expect(again.dismissed).toEqual([]);
    const fromPopup = await service.handle({ type: 'suggestion/dismiss', page: info, key: 'org:Q1' }, popupSender);
    expect(fromPopup.ok).toBe(false);
  });

  it('answers page/dismissed with the dismissals of the page at the sender’s address, before any fingerprint', async () => {
    const { service } = setup();
    await service.handle({ type: 'suggestion/dismiss', page: info, key: 'org:Q1' }, tabSender('https://news.example/story'));
    await service.handle({ type: 'suggestion/dismiss', page: info, key: 'claim:abc' }, tabSender('https://news.example/story'));
    // Found by the normalised address (tracking parameters, www. and fragment dropped).
    const early = value<{ dismissed: string[]; stored: boolean }>(
      await service.handle({ type: 'page/dismissed' }, tabSender('https://www.news.example/story?utm_source=x#top')),
    );
    expect(early.dismissed.sort()).toEqual(['claim:abc', 'org:Q1']);
    expect(early.stored).toBe(true);
    // The same as page/open answers later with the fingerprint.
    const opened = value<PageOpenResult>(await service.handle({ type: 'page/open', page: info }, tabSender('https://news.example/story')));
    expect(opened.dismissed.sort()).toEqual(early.dismissed);
    // An address never annotated or dismissed on: nothing, and no page is stored for it.
    const unknown = value<{ dismissed: string[]; stored: boolean }>(await service.handle({ type: 'page/dismissed' }, tabSender('https://news.example/other')));
    expect(unknown).toEqual({ dismissed: [], stored: false });
    const all = value<QueryResult>(await service.handle({ type: 'annotations/query', scope: 'all' }, popupSender));
    expect(all.total).toBe(0);
  });

  it('does not let a page read another address’s dismissals through page/dismissed', async () => {
    const { service, log } = setup();
    await service.handle({ type: 'suggestion/dismiss', page: info, key: 'org:Q1' }, tabSender('https://news.example/story'));
    // The address comes from the tab, never from the payload: extra fields naming another page are ignored.
    const spoof = value<{ dismissed: string[]; stored: boolean }>(
      await service.handle(
        { type: 'page/dismissed', url: 'https://news.example/story', pageId: 'https://news.example/story', canonicalUrl: 'https://news.example/story' },
        tabSender('https://attacker.example/page'),
      ),
    );
    expect(spoof).toEqual({ dismissed: [], stored: false });
    // Another extension, or a sender that is no web page, gets nothing.
    const foreign = await service.handle({ type: 'page/dismissed' }, { id: 'evil', url: 'https://news.example/story', tab: { id: 1, url: 'https://news.example/story' } });
    expect(foreign).toEqual({ ok: false, error: 'message from an unknown sender' });
    const noTab = await service.handle({ type: 'page/dismissed' }, { id: EXT_ID, url: 'https://news.example/story' });
    expect(noTab.ok).toBe(false);
    const fromPopup = await service.handle({ type: 'page/dismissed' }, popupSender);
    expect(fromPopup.ok).toBe(false);
    expect(!fromPopup.ok && fromPopup.error).toContain('only for content scripts');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('message from an unknown sender'));
  });

  it('rejects a malformed page/dismissed', async () => {
    const { service } = setup();
    const reply = await service.handle({ type: 'page/dismissed', pad: 'x'.repeat(600_000) }, tabSender('https://news.example/story'));
    expect(!reply.ok && reply.error).toContain('message too large');
  });

  it('stores the provenance of an accepted suggestion', async () => {
    const { service } = setup();
    const a = value<Annotation>(
      await service.handle(
        {
          type: 'annotation/create',
          page: info,
          selectors,
          color: 'blue',
          note: '',
          tags: ['organization'],
          provenance: { detector: 'policy-lens-analysis', version: 'analysis-1', score: 0.93, kind: 'organization', orgName: 'AI Office', orgType: 'regulator' },
        },
        tabSender('https://news.example/story'),
      ),
    );
    expect(a.provenance).toEqual({ detector: 'policy-lens-analysis', version: 'analysis-1', score: 0.93, kind: 'organization', orgName: 'AI Office', orgType: 'regulator' });
    const bad = await service.handle(
      { type: 'annotation/create', page: info, selectors, color: 'blue', note: '', tags: [], provenance: { detector: 'x', version: '1', score: 7 } },
      tabSender('https://news.example/story'),
    );
    expect(bad.ok).toBe(false);
  });
});
