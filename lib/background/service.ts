/**
 * The background's request handling, with every side input (database, clock, ids, tabs) passed in
 * so it runs in Node tests. entrypoints/background only wires it to the browser.
 *
 * Trust: content scripts are untrusted (a page can script what they send). Each request is
 * validated (lib/protocol), its sender classified from the browser-provided `sender`, and the page
 * a content script acts on is derived from `sender.tab.url`, never from the payload.
 */
import {
  allAnnotationRecords,
  allPages,
  annotationsForPage,
  createAnnotation,
  deleteAnnotation,
  dismissedOn,
  dismissSuggestion,
  findPageByUrl,
  getAnnotation,
  getPage,
  listTags,
  openPage,
  recordAnchors,
  restoreAnnotation,
  undismissSuggestion,
  updateAnnotation,
  type PolicyLensDb,
} from '../db';
import type { Annotation, PageRecord } from '../model';
import {
  classifySender,
  contentToBackground,
  extensionToBackground,
  parseMessage,
  type BackgroundRequest,
  type PageInfo,
  type Reply,
  type Responses,
  type SenderLike,
} from '../protocol';
import { createAnnotationSearch, type AnnotationSearch } from '../search';
import { normalizeUrl, pageUrlCandidates } from '../url';

export interface ServiceDeps {
  db: () => Promise<PolicyLensDb>;
  now?: () => Date;
  newId?: () => string;
  creator: () => Promise<string>;
  extensionId: string;
  extensionOrigin: string;
  /** Sends a message to one tab's content script. */
  sendToTab: (tabId: number, message: unknown) => Promise<unknown>;
  /** Sends a message to every tab's content script (errors ignored). */
  broadcast?: (message: unknown) => Promise<void>;
  /** Opens a URL in a new tab, returning its id. */
  openTab: (url: string) => Promise<number | undefined>;
  log?: (message: string) => void;
}

const allSchemas = { ...contentToBackground, ...extensionToBackground };
const extensionOnly = new Set(Object.keys(extensionToBackground));

export class BackgroundService {
  private search: Promise<AnnotationSearch> | null = null;
  /** Annotations to reveal once their page, opened from the popup, has loaded: tabId → id. */
  private pendingReveal = new Map<number, string>();
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly log: (message: string) => void;

  constructor(private readonly deps: ServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => `urn:uuid:${crypto.randomUUID()}`);
    this.log = deps.log ?? ((m) => console.warn(`[policy-lens] ${m}`));
  }

  /** Entry point for runtime.onMessage. Never throws; refusals are logged with their reason. */
  async handle(raw: unknown, sender: SenderLike): Promise<Reply<unknown>> {
    const kind = classifySender(sender, this.deps.extensionId, this.deps.extensionOrigin);
    if (kind === 'foreign') return this.refuse('message from an unknown sender');
    const parsed = parseMessage(allSchemas, raw);
    if (!parsed.ok) return this.refuse(parsed.error);
    const message = parsed.message as BackgroundRequest[keyof BackgroundRequest];
    if (kind === 'content' && extensionOnly.has(message.type)) return this.refuse(`${message.type} is not allowed from a web page`);
    try {
      const value = await this.dispatch(message, kind === 'content' ? sender : null);
      return { ok: true, value };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.log(`${message.type} failed: ${error}`);
      return { ok: false, error };
    }
  }

  private refuse(reason: string): Reply<never> {
    this.log(`refused message: ${reason}`);
    return { ok: false, error: reason };
  }

  private iso(): string {
    return this.now().toISOString();
  }

  /** URL aliases of the sender's page: from the tab's real URL plus the hints the page gave. */
  private senderUrls(sender: SenderLike, page: PageInfo): string[] {
    const location = sender.tab?.url ?? sender.url ?? '';
    return pageUrlCandidates({ location, canonical: page.canonicalUrl, ogUrl: page.ogUrl, ampUrl: page.ampUrl });
  }

  /** A content script may only act on annotations of the page it runs in. */
  private async checkOwnPage(sender: SenderLike | null, pageId: string): Promise<void> {
    if (!sender) return;
    const page = await getPage(await this.deps.db(), pageId);
    const location = normalizeUrl(sender.tab?.url ?? '');
    if (!page || !location || !page.urls.includes(location)) throw new Error('annotation belongs to another page');
  }

  private async ownAnnotation(sender: SenderLike | null, id: string): Promise<Annotation> {
    const a = await getAnnotation(await this.deps.db(), id);
    if (!a) throw new Error('annotation not found');
    await this.checkOwnPage(sender, a.pageId);
    return a;
  }

  private getSearch(): Promise<AnnotationSearch> {
    this.search ??= (async () => {
      const db = await this.deps.db();
      const [records, pages] = await Promise.all([allAnnotationRecords(db), allPages(db)]);
      return createAnnotationSearch(records, new Map(pages.map((p) => [p.id, pageLite(p)])));
    })().catch((err: unknown) => {
      this.search = null;
      throw err;
    });
    return this.search;
  }

  /** Keeps the popup's search index current after a write (if it has been built). */
  private async indexed(a: Annotation, page?: PageRecord): Promise<Annotation> {
    if (this.search) {
      const s = await this.search;
      if (page) s.setPage(page.id, pageLite(page));
      s.upsert(a);
    }
    return a;
  }

  /**
   * After an edit: keep the search current and, when the edit came from the popup, have the tab
   * showing that page repaint (the content script made its own edits and needs no refresh).
   */
  private async changed(a: Annotation, sender: SenderLike | null): Promise<Annotation> {
    await this.indexed(a);
    if (!sender) void this.deps.broadcast?.({ type: 'content/refresh', pageId: a.pageId }).catch(() => undefined);
    return a;
  }

  private async dispatch(m: BackgroundRequest[keyof BackgroundRequest], sender: SenderLike | null): Promise<Responses[keyof Responses]> {
    const db = await this.deps.db();
    switch (m.type) {
      case 'page/open': {
        if (!sender) throw new Error('page/open is only for content scripts');
        const urls = this.senderUrls(sender, m.page);
        const { page, textChanged } = await openPage(db, urls, m.page, this.iso(), false);
        const { annotations, corrupt } = page ? await annotationsForPage(db, page.id) : { annotations: [], corrupt: 0 };
        if (corrupt) this.log(`${corrupt} damaged annotation record(s) skipped on ${page?.id}`);
        const tabId = sender.tab?.id;
        const reveal = tabId === undefined ? undefined : this.pendingReveal.get(tabId);
        if (tabId !== undefined) this.pendingReveal.delete(tabId);
        if (page && this.search) (await this.search).setPage(page.id, pageLite(page));
        const dismissed = page ? await dismissedOn(db, page.id) : [];
        return { page, annotations, dismissed, textChanged: textChanged && annotations.length > 0, ...(reveal ? { reveal } : {}) };
      }
      case 'page/dismissed': {
        if (!sender) throw new Error('page/dismissed is only for content scripts');
        // Only the address the tab is really at: no hint from the page (canonical, og:url) is
        // trusted here, so a page can read the dismissals of its own address and no other.
        const url = normalizeUrl(sender.tab?.url ?? sender.url ?? '');
        const page = url ? await findPageByUrl(db, url) : undefined;
        return { dismissed: page ? await dismissedOn(db, page.id) : [], stored: Boolean(page) };
      }
      case 'annotation/create': {
        if (!sender) throw new Error('annotation/create is only for content scripts');
        const urls = this.senderUrls(sender, m.page);
        const { page } = await openPage(db, urls, m.page, this.iso(), true);
        const created = await createAnnotation(
          db,
          {
            id: this.newId(),
            pageId: page!.id,
            source: page!.id,
            selectors: m.selectors,
            color: m.color,
            note: m.note,
            tags: m.tags,
            creator: await this.deps.creator(),
            ...(m.provenance ? { provenance: m.provenance } : {}),
          },
          this.iso(),
        );
        return this.indexed(created, page!);
      }
      case 'annotation/update':
        await this.ownAnnotation(sender, m.id);
        return this.changed(await updateAnnotation(db, m.id, m.patch, this.iso()), sender);
      case 'annotation/delete':
        await this.ownAnnotation(sender, m.id);
        return this.changed(await deleteAnnotation(db, m.id, this.iso()), sender);
      case 'annotation/restore':
        await this.ownAnnotation(sender, m.id);
        return this.changed(await restoreAnnotation(db, m.id, this.iso()), sender);
      case 'anchor/report': {
        await this.checkOwnPage(sender, m.pageId);
        const updated = await recordAnchors(db, m.pageId, m.results, this.iso());
        if (this.search && updated) {
          const s = await this.search;
          for (const { annotations } of [await annotationsForPage(db, m.pageId)]) for (const a of annotations) s.upsert(a);
        }
        return { updated };
      }
      case 'tags/list':
        return listTags(db);
      case 'suggestion/dismiss':
      case 'suggestion/undismiss': {
        if (!sender) throw new Error(`${m.type} is only for content scripts`);
        // Dismissing is an act on the page, so it is remembered like an annotation is.
        const { page } = await openPage(db, this.senderUrls(sender, m.page), m.page, this.iso(), m.type === 'suggestion/dismiss');
        if (!page) return { dismissed: 0 };
        const dismissed =
          m.type === 'suggestion/dismiss' ? await dismissSuggestion(db, page.id, m.key, this.iso()) : await undismissSuggestion(db, page.id, m.key);
        return { dismissed };
      }
      case 'annotations/query':
        return (await this.getSearch()).query(m);
      case 'annotation/reveal': {
        const a = await getAnnotation(db, m.id);
        if (!a) throw new Error('annotation not found');
        if (m.tabId !== undefined) {
          const reply = await this.deps.sendToTab(m.tabId, { type: 'content/reveal', id: m.id }).catch(() => null);
          if (isOkFound(reply)) return { opened: 'scrolled' };
        }
        const page = await getPage(db, a.pageId);
        const url = page?.urls.find((u) => /^https?:/.test(u)) ?? a.target.source;
        const tabId = await this.deps.openTab(url);
        if (tabId !== undefined) this.pendingReveal.set(tabId, m.id);
        return { opened: 'new-tab' };
      }
    }
  }
}

function pageLite(p: PageRecord): { title: string; url: string } {
  return { title: p.title, url: p.urls[p.urls.length - 1] ?? p.id };
}

function isOkFound(reply: unknown): boolean {
  return (
    typeof reply === 'object' &&
    reply !== null &&
    (reply as Reply<{ found: boolean }>).ok === true &&
    (reply as { value: { found: boolean } }).value.found
  );
}
