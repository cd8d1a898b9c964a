/**
 * The IndexedDB schema, owned by the background worker. One typed schema, one upgrade function
 * that switches on the old version (https://github.com/jakearchibald/idb#opendb).
 *
 * History:
 * - v1: annotations (by page, by modified) and pages (by URL alias, by text hash).
 * - v2: tags (one record per tag, key = lower-cased name), filled from the tags already used in
 *   annotations; outbox (local changes waiting for team sync).
 * - v3: dismissals (automatic suggestions the reader dismissed, per page).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { tagKey, type Annotation, type PageRecord, type TagRecord } from '../model';

/** A local change to sync later. Written in the same transaction as the change itself. */
export interface OutboxEntry {
  seq?: number;
  entity: 'tag';
  key: string;
  op: 'upsert' | 'delete';
  at: string;
}

/** An automatic suggestion the reader dismissed on a page; it stays hidden on later visits. */
export interface DismissalRecord {
  /** `${pageId}\u0000${suggestion}` */
  key: string;
  pageId: string;
  suggestion: string;
  at: string;
}

export interface PolicyLensSchema extends DBSchema {
  annotations: {
    key: string;
    // Records are validated on read: an old or damaged record must not break the UI.
    value: Annotation;
    indexes: { 'by-page': string; 'by-modified': string };
  };
  pages: {
    key: string;
    value: PageRecord;
    indexes: { 'by-url': string; 'by-text-hash': string };
  };
  tags: {
    key: string;
    value: TagRecord;
    indexes: { 'by-modified': string };
  };
  outbox: {
    key: number;
    value: OutboxEntry;
  };
  dismissals: {
    key: string;
    value: DismissalRecord;
    indexes: { 'by-page': string };
  };
}

export type PolicyLensDb = IDBPDatabase<PolicyLensSchema>;
export const DB_NAME = 'policy-lens';
export const DB_VERSION = 3;

type UpgradeTx = IDBPTransaction<PolicyLensSchema, StoreNames<PolicyLensSchema>[], 'versionchange'>;

export async function upgrade(db: PolicyLensDb, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) {
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('by-page', 'pageId');
    annotations.createIndex('by-modified', 'modified');
    const pages = db.createObjectStore('pages', { keyPath: 'id' });
    pages.createIndex('by-url', 'urls', { multiEntry: true });
    pages.createIndex('by-text-hash', 'textHash');
  }
  if (oldVersion < 2) {
    const tags = db.createObjectStore('tags', { keyPath: 'key' });
    tags.createIndex('by-modified', 'modified');
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    // Tags used to live only inside annotation bodies: give each one a record.
    const found = new Map<string, TagRecord>();
    let cursor = await tx.objectStore('annotations').openCursor();
    while (cursor) {
      const value = cursor.value as Partial<Annotation>;
      const at = typeof value.modified === 'string' ? value.modified : new Date(0).toISOString();
      for (const b of Array.isArray(value.body) ? value.body : []) {
        if (b?.purpose !== 'tagging' || typeof b.value !== 'string') continue;
        const key = tagKey(b.value);
        if (!key || found.has(key)) continue;
        found.set(key, { key, name: b.value.trim(), created: at, modified: at });
      }
      cursor = await cursor.continue();
    }
    const store = tx.objectStore('tags');
    for (const tag of found.values()) await store.put(tag);
  }
  if (oldVersion < 3) {
    db.createObjectStore('dismissals', { keyPath: 'key' }).createIndex('by-page', 'pageId');
  }
}

/** Opens (and upgrades) the database. `factory` lets tests pass a fresh fake IndexedDB. */
export function openPolicyLensDb(name = DB_NAME, version = DB_VERSION): Promise<PolicyLensDb> {
  return openDB<PolicyLensSchema>(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // idb runs this inside the versionchange transaction; the promise keeps it open while
      // the cursor runs (no non-database awaits inside).
      upgrade(db, oldVersion, tx).catch((err: unknown) => {
        console.error('[policy-lens] database upgrade failed', err);
        tx.abort();
      });
    },
  });
}
