import { hammingDistance, SAME_ARTICLE_MAX_DISTANCE } from '../fingerprint';
import type { PageRecord } from '../model';
import type { PageInfo } from '../protocol';
import type { PolicyLensDb } from './schema';
import { isPageRecord } from './validate';

export interface OpenedPage {
  /** Null when the page has never been annotated (and `create` was false). */
  page: PageRecord | null;
  /** The stored text hash differed from this visit's: the article was edited. */
  textChanged: boolean;
}

/**
 * Finds the stored page for a visit and refreshes it; creates it only when `create` is set. Pages
 * are stored only once annotated: the database must not become a browsing history. Identity, in order: any of the visit's URL
 * aliases; the exact article text hash; a near-identical SimHash with a similar text length (the
 * same article under another address). Every alias seen is added to the record.
 */
export async function openPage(
  db: PolicyLensDb,
  urls: string[],
  info: PageInfo,
  now: string,
  create: boolean,
): Promise<OpenedPage> {
  if (urls.length === 0) throw new Error('page has no http(s) address');
  const tx = db.transaction('pages', 'readwrite');
  const store = tx.store;
  let found: PageRecord | undefined;
  for (const url of urls) {
    const hit = await store.index('by-url').get(url);
    if (isPageRecord(hit)) {
      found = hit;
      break;
    }
  }
  if (!found && info.textLength >= 500) {
    const hit = await store.index('by-text-hash').get(info.textHash);
    if (isPageRecord(hit)) found = hit;
  }
  if (!found && info.textLength >= 500) {
    // Pages are few (one per annotated article), so a scan is cheap enough here.
    let cursor = await store.openCursor();
    while (cursor) {
      const p = cursor.value as unknown;
      if (
        isPageRecord(p) &&
        Math.abs(p.textLength - info.textLength) <= Math.max(200, p.textLength * 0.1) &&
        hammingDistance(p.simhash, info.simhash) <= SAME_ARTICLE_MAX_DISTANCE
      ) {
        found = p;
        break;
      }
      cursor = await cursor.continue();
    }
  }
  const meta = {
    title: info.title,
    site: info.site,
    byline: info.byline,
    published: info.published,
    lang: info.lang,
  };
  let page: PageRecord;
  let textChanged = false;
  if (found) {
    textChanged = found.textHash !== info.textHash;
    page = {
      ...found,
      ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v)),
      urls: [...new Set([...found.urls, ...urls])].slice(-20),
      textHash: info.textHash,
      simhash: info.simhash,
      textLength: info.textLength,
      lastSeen: now,
      ...(textChanged ? { changedAt: now } : {}),
    };
  } else if (!create) {
    await tx.done;
    return { page: null, textChanged: false };
  } else {
    page = {
      id: urls[0]!,
      urls,
      ...meta,
      textHash: info.textHash,
      simhash: info.simhash,
      textLength: info.textLength,
      firstSeen: now,
      lastSeen: now,
    };
  }
  await store.put(page);
  await tx.done;
  return { page, textChanged };
}

/** The stored page with this (normalised) URL among its aliases, without touching it. */
export async function findPageByUrl(db: PolicyLensDb, url: string): Promise<PageRecord | undefined> {
  const p: unknown = await db.getFromIndex('pages', 'by-url', url);
  return isPageRecord(p) ? p : undefined;
}

export async function getPage(db: PolicyLensDb, id: string): Promise<PageRecord | undefined> {
  const p: unknown = await db.get('pages', id);
  return isPageRecord(p) ? p : undefined;
}

export async function allPages(db: PolicyLensDb): Promise<PageRecord[]> {
  const all: unknown[] = await db.getAll('pages');
  return all.filter(isPageRecord);
}
