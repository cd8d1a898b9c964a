import type { PolicyLensDb } from './schema';

const keyOf = (pageId: string, suggestion: string) => `${pageId}\u0000${suggestion}`;

/** Remembers that the reader dismissed a suggestion on a page; returns how many are dismissed there. */
export async function dismissSuggestion(db: PolicyLensDb, pageId: string, suggestion: string, now: string): Promise<number> {
  const tx = db.transaction('dismissals', 'readwrite');
  await tx.store.put({ key: keyOf(pageId, suggestion), pageId, suggestion, at: now });
  const n = await tx.store.index('by-page').count(pageId);
  await tx.done;
  return n;
}

export async function undismissSuggestion(db: PolicyLensDb, pageId: string, suggestion: string): Promise<number> {
  const tx = db.transaction('dismissals', 'readwrite');
  await tx.store.delete(keyOf(pageId, suggestion));
  const n = await tx.store.index('by-page').count(pageId);
  await tx.done;
  return n;
}

export async function dismissedOn(db: PolicyLensDb, pageId: string): Promise<string[]> {
  const records = await db.getAllFromIndex('dismissals', 'by-page', pageId);
  return records.map((r) => r.suggestion).filter((s): s is string => typeof s === 'string');
}
