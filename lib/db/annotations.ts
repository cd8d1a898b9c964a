import {
  makeBody,
  noteOf,
  tagKey,
  tagsOf,
  type AnchorReport,
  type Annotation,
  type ColorName,
  type Provenance,
  type SelectorSet,
  type TagRecord,
} from '../model';
import type { IDBPTransaction } from 'idb';
import type { PolicyLensDb, PolicyLensSchema } from './schema';
import { isAnnotation, partitionValid } from './validate';

export interface NewAnnotation {
  id: string;
  pageId: string;
  source: string;
  selectors: SelectorSet;
  color: ColorName;
  note: string;
  tags: string[];
  creator: string;
  provenance?: Provenance;
}

export interface AnnotationPatch {
  color?: ColorName;
  note?: string;
  tags?: string[];
}

type RwTx = IDBPTransaction<PolicyLensSchema, ('annotations' | 'tags' | 'outbox')[], 'readwrite'>;

/**
 * Makes sure every tag name has a tag record, writing the record and its sync-outbox entry in the
 * caller's transaction (so an edit and its outbox entry land together or not at all).
 */
async function ensureTags(tx: RwTx, names: readonly string[], now: string): Promise<void> {
  const tags = tx.objectStore('tags');
  for (const name of names) {
    const key = tagKey(name);
    if (!key) continue;
    const existing = (await tags.get(key)) as TagRecord | undefined;
    if (existing && !existing.deleted) continue;
    const record: TagRecord = existing
      ? { ...existing, modified: now }
      : { key, name: name.trim().replace(/\s+/g, ' '), created: now, modified: now };
    delete record.deleted;
    await tags.put(record);
    await tx.objectStore('outbox').add({ entity: 'tag', key, op: 'upsert', at: now });
  }
}

export async function createAnnotation(db: PolicyLensDb, input: NewAnnotation, now: string): Promise<Annotation> {
  const annotation: Annotation = {
    id: input.id,
    type: 'Annotation',
    motivation: input.note.trim() ? 'commenting' : 'highlighting',
    created: now,
    modified: now,
    creator: input.creator,
    target: { source: input.source, selector: input.selectors },
    body: makeBody(input.note, input.tags),
    color: input.color,
    pageId: input.pageId,
    anchor: { status: 'exact', confidence: 1, checkedAt: now },
    ...(input.provenance ? { provenance: input.provenance } : {}),
  };
  const tx = db.transaction(['annotations', 'tags', 'outbox'], 'readwrite');
  await tx.objectStore('annotations').add(annotation);
  await ensureTags(tx, tagsOf(annotation), now);
  await tx.done;
  return annotation;
}

async function mutate(
  db: PolicyLensDb,
  id: string,
  now: string,
  change: (a: Annotation) => Annotation,
): Promise<Annotation> {
  const tx = db.transaction(['annotations', 'tags', 'outbox'], 'readwrite');
  const store = tx.objectStore('annotations');
  const current: unknown = await store.get(id);
  if (!isAnnotation(current)) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(current === undefined ? 'annotation not found' : 'annotation record is damaged');
  }
  const next = { ...change(current), modified: now };
  await store.put(next);
  await ensureTags(tx, tagsOf(next), now);
  await tx.done;
  return next;
}

export function updateAnnotation(db: PolicyLensDb, id: string, patch: AnnotationPatch, now: string): Promise<Annotation> {
  return mutate(db, id, now, (a) => {
    const note = patch.note ?? noteOf(a);
    return {
      ...a,
      color: patch.color ?? a.color,
      body: makeBody(note, patch.tags ?? tagsOf(a)),
      motivation: note.trim() ? 'commenting' : 'highlighting',
    };
  });
}

/** Soft delete: the record stays as a tombstone so the reader can undo. */
export function deleteAnnotation(db: PolicyLensDb, id: string, now: string): Promise<Annotation> {
  return mutate(db, id, now, (a) => ({ ...a, deleted: now }));
}

export function restoreAnnotation(db: PolicyLensDb, id: string, now: string): Promise<Annotation> {
  return mutate(db, id, now, (a) => {
    const { deleted: _deleted, ...rest } = a;
    return rest;
  });
}

export async function getAnnotation(db: PolicyLensDb, id: string): Promise<Annotation | undefined> {
  const a: unknown = await db.get('annotations', id);
  return isAnnotation(a) ? a : undefined;
}

/** Live (not deleted) annotations of one page, with a count of damaged records skipped. */
export async function annotationsForPage(db: PolicyLensDb, pageId: string): Promise<{ annotations: Annotation[]; corrupt: number }> {
  const raw: unknown[] = await db.getAllFromIndex('annotations', 'by-page', pageId);
  const { valid, corrupt } = partitionValid(raw, isAnnotation);
  return { annotations: valid.filter((a) => !a.deleted), corrupt };
}

/** Every record, unvalidated: the caller (search) validates and counts damaged ones. */
export function allAnnotationRecords(db: PolicyLensDb): Promise<unknown[]> {
  return db.getAll('annotations');
}

export interface AnchorResultInput {
  id: string;
  status: AnchorReport['status'];
  confidence: number;
  foundText?: string;
}

/**
 * Stores how each annotation anchored. Only annotations of `pageId` are touched: a content script
 * cannot write anchoring results onto another page's annotations. Does not change `modified`
 * (anchoring is not an edit).
 */
export async function recordAnchors(db: PolicyLensDb, pageId: string, results: AnchorResultInput[], now: string): Promise<number> {
  const tx = db.transaction('annotations', 'readwrite');
  let updated = 0;
  for (const r of results) {
    const a: unknown = await tx.store.get(r.id);
    if (!isAnnotation(a) || a.pageId !== pageId) continue;
    const anchor: AnchorReport = { status: r.status, confidence: r.confidence, checkedAt: now };
    if (r.foundText !== undefined && r.foundText !== a.target.selector[0].exact) anchor.foundText = r.foundText;
    await tx.store.put({ ...a, anchor });
    updated++;
  }
  await tx.done;
  return updated;
}

export async function listTags(db: PolicyLensDb): Promise<TagRecord[]> {
  const all = await db.getAll('tags');
  return all.filter((t) => !t.deleted).sort((a, b) => a.name.localeCompare(b.name));
}
