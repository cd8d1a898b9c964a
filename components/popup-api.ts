/**
 * What the popup needs from the rest of the extension (types only). The real implementation
 * (entrypoints/popup/api.ts) talks to the background and the active tab; tests use a fake built
 * on lib/search.
 */
import type { Annotation } from '../lib/model';
import type { ContentStatus, ContentToBackground, ExtensionToBackground, QueryResult, Responses } from '../lib/protocol';

/** The active tab, as far as the popup can tell. `pageId` is null when no content script answered. */
export interface CurrentTab {
  tabId: number;
  pageId: string | null;
  counts: ContentStatus['counts'];
  /** The automatic analysis of the page; absent when the content script has not reported one. */
  analysis?: ContentStatus['analysis'];
}

/** A search as the popup asks for it. */
export type PopupQuery = Omit<ExtensionToBackground['annotations/query'], 'type'>;

/** The editable parts of an annotation. */
export type AnnotationPatch = ContentToBackground['annotation/update']['patch'];

export interface PopupApi {
  /** The active tab and how its annotations anchored; null when there is no usable tab. */
  currentTab(): Promise<CurrentTab | null>;
  /** Searches annotations (newest-modified first, one page at a time). */
  query(q: PopupQuery): Promise<QueryResult>;
  /** Changes colour, note or tags; resolves to the saved annotation. */
  update(id: string, patch: AnnotationPatch): Promise<Annotation>;
  /** Soft-deletes (undo with `restore`). */
  remove(id: string): Promise<Annotation>;
  /** Undoes a delete. */
  restore(id: string): Promise<Annotation>;
  /** Scrolls `tabId` to the annotation, or opens its page when no tab is given or it is elsewhere. */
  reveal(id: string, tabId?: number): Promise<Responses['annotation/reveal']>;
  /** Scrolls `tabId` to an automatic suggestion and opens its card; `found` is false when it is gone. */
  revealSuggestion(tabId: number, key: string): Promise<Responses['content/reveal-suggestion']>;
  /** Opens the settings page. */
  openSettings(): Promise<void>;
}
