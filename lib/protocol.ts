/**
 * The one message protocol between the extension's contexts.
 *
 * Every request is `{ type, ...payload }`, validated with zod at the receiving end (messages from
 * content scripts are untrusted: a page can influence what they send). Replies are
 * `{ ok: true, value } | { ok: false, error }` because thrown errors do not cross contexts well.
 *
 * Directions:
 * - ContentToBackground: sent by the content script; the background takes the page URL from
 *   `sender.tab`, never from the payload.
 * - ExtensionToBackground: sent by extension pages (popup); refused from content scripts.
 * - BackgroundToContent: sent by the background (or popup) to one tab's content script.
 */
import { z } from 'zod';
import {
  COLORS,
  MAX_CONTEXT_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  type Annotation,
  type AnchorStatus,
  isColorName,
  type ColorName,
  type PageRecord,
  type TagRecord,
} from './model';

/** Largest serialised request we accept at all; anything bigger is refused before parsing. */
export const MAX_MESSAGE_BYTES = 512 * 1024;
export const MAX_ANCHOR_RESULTS = 5_000;
export const MAX_QUERY_LIMIT = 500;

/**
 * The zod schemas of the messages the background receives. Built on first use, not at module
 * load: content scripts import this module on every page and must not pay for zod (neither its
 * schema construction nor, since nothing reaches this function there, its code in their bundle).
 */
function buildSchemas() {
  const shortText = (max: number) => z.string().max(max);
  const annotationId = z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/, 'not an annotation id');
  const pageId = z.string().min(1).max(2048);
  const color = z.enum(COLORS);
  const tagName = z.string().trim().min(1).max(MAX_TAG_LENGTH);
  const tags = z.array(tagName).max(MAX_TAGS);
  const note = z.string().max(MAX_NOTE_LENGTH);
  const httpUrl = z
    .string()
    .max(2048)
    .refine((u) => /^https?:\/\//i.test(u), 'only http(s) URLs');

  const selectorSet = z.tuple([
    z.object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
      prefix: shortText(MAX_CONTEXT_LENGTH),
      suffix: shortText(MAX_CONTEXT_LENGTH),
    }),
    z
      .object({
        type: z.literal('TextPositionSelector'),
        start: z.number().int().min(0),
        end: z.number().int().min(0),
      })
      .refine((p) => p.end > p.start, 'position end must be after start'),
  ]);

  const anchorStatus = z.enum(['exact', 'moved', 'fuzzy', 'orphan']);

  const pageInfo = z.object({
    canonicalUrl: httpUrl.optional(),
    ogUrl: httpUrl.optional(),
    ampUrl: httpUrl.optional(),
    title: shortText(1000),
    site: shortText(300),
    byline: shortText(300),
    published: shortText(60),
    lang: shortText(35),
    textHash: z.string().regex(/^[0-9a-f]{1,32}$/),
    simhash: z.string().regex(/^[0-9a-f]{16}$/),
    textLength: z.number().int().min(0),
  });

  const provenance = z.object({
    detector: shortText(100),
    version: shortText(80),
    score: z.number().min(0).max(1),
    kind: shortText(40).optional(),
    claimant: shortText(300).optional(),
    orgName: shortText(300).optional(),
    orgType: shortText(40).optional(),
    orgId: shortText(200).optional(),
    corrected: z.boolean().optional(),
  });
  const suggestionKey = z.string().min(1).max(200);

  const contentToBackground = {
    /** Register a visit; returns the page's identity and its annotations. */
    'page/open': z.object({ type: z.literal('page/open'), page: pageInfo }),
    /**
     * The dismissed suggestions of the page at the sender's address (no fingerprint needed, so it
     * can be sent at start-up; `page/open` may later find the same article at another address).
     */
    'page/dismissed': z.object({ type: z.literal('page/dismissed') }),
    /** Store a new highlight on the sender's page. */
    'annotation/create': z.object({
      type: z.literal('annotation/create'),
      page: pageInfo,
      selectors: selectorSet,
      color,
      note,
      tags,
      provenance: provenance.optional(),
    }),
    /** Change colour, note or tags. Also allowed from extension pages. */
    'annotation/update': z.object({
      type: z.literal('annotation/update'),
      id: annotationId,
      patch: z.object({ color: color.optional(), note: note.optional(), tags: tags.optional() }),
    }),
    /** Soft-delete (kept as a tombstone so undo works). Also allowed from extension pages. */
    'annotation/delete': z.object({ type: z.literal('annotation/delete'), id: annotationId }),
    /** Undo a delete. Also allowed from extension pages. */
    'annotation/restore': z.object({ type: z.literal('annotation/restore'), id: annotationId }),
    /** Record how each annotation anchored on this visit (shown in the popup). */
    'anchor/report': z.object({
      type: z.literal('anchor/report'),
      pageId,
      results: z
        .array(
          z.object({
            id: annotationId,
            status: anchorStatus,
            confidence: z.number().min(0).max(1),
            foundText: z.string().max(MAX_QUOTE_LENGTH).optional(),
          }),
        )
        .max(MAX_ANCHOR_RESULTS),
    }),
    /** Tag names for autocomplete. */
    'tags/list': z.object({ type: z.literal('tags/list') }),
    /** Remember that the reader dismissed an automatic suggestion on this page. */
    'suggestion/dismiss': z.object({ type: z.literal('suggestion/dismiss'), page: pageInfo, key: suggestionKey }),
    /** Forget a dismissal (undo). */
    'suggestion/undismiss': z.object({ type: z.literal('suggestion/undismiss'), page: pageInfo, key: suggestionKey }),
  } as const;

  const extensionToBackground = {
    /** Search and filter annotations for the popup. */
    'annotations/query': z.object({
      type: z.literal('annotations/query'),
      scope: z.enum(['page', 'all']),
      pageId: pageId.optional(),
      text: shortText(500).optional(),
      tags: z.array(tagName).max(MAX_TAGS).optional(),
      colors: z.array(color).max(COLORS.length).optional(),
      statuses: z.array(anchorStatus).max(4).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(MAX_QUERY_LIMIT).default(100),
    }),
    /** Scroll the tab to an annotation, or open its page in a new tab and scroll there. */
    'annotation/reveal': z.object({
      type: z.literal('annotation/reveal'),
      id: annotationId,
      tabId: z.number().int().optional(),
    }),
  } as const;
  return { pageInfo, contentToBackground, extensionToBackground };
}
type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;
const getSchemas = (): Schemas => (schemas ??= buildSchemas());

/** A record built on first access (keys, spread and `Object.hasOwn` included). */
function lazyRecord<T extends object>(build: () => T): T {
  let built: T | undefined;
  const get = () => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => get()[key as keyof T],
    has: (_, key) => key in get(),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Object.getOwnPropertyDescriptor(get(), key);
      return d && { ...d, configurable: true };
    },
  });
}

/** What the content script knows about the page it runs in. */
export type PageInfo = z.infer<Schemas['pageInfo']>;
export const contentToBackground: Schemas['contentToBackground'] = /* @__PURE__ */ lazyRecord(() => getSchemas().contentToBackground);
export const extensionToBackground: Schemas['extensionToBackground'] = /* @__PURE__ */ lazyRecord(() => getSchemas().extensionToBackground);

const ANNOTATION_ID = /^urn:uuid:[0-9a-f-]{36}$/;
const isText = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;

/** Messages the content script receives from the background (or the popup). */
export interface BackgroundToContent {
  'content/highlight-selection': { type: 'content/highlight-selection'; color?: ColorName };
  'content/reveal': { type: 'content/reveal'; id: string };
  'content/refresh': { type: 'content/refresh'; pageId?: string };
  'content/status': { type: 'content/status' };
  'content/toggle-list': { type: 'content/toggle-list' };
  'content/reveal-suggestion': { type: 'content/reveal-suggestion'; key: string };
}

/** A hand-written check: the message with its known fields only, or why it is refused ("field: reason"). */
export type MessageCheck<M> = (m: Record<string, unknown>) => M | string;

/**
 * Checks of what the content script receives. Hand-written rather than zod: these messages come
 * only from our own background (the sender is checked too) and are tiny, and the content script
 * runs on every page, where loading zod was a large part of its start-up task.
 */
export const backgroundToContent: { [K in keyof BackgroundToContent]: MessageCheck<BackgroundToContent[K]> } = {
  /** Highlight the current selection (keyboard shortcut, context menu). */
  'content/highlight-selection': (m) =>
    m.color === undefined
      ? { type: 'content/highlight-selection' }
      : isColorName(m.color)
        ? { type: 'content/highlight-selection', color: m.color }
        : 'color: not a colour',
  /** Scroll to an annotation and focus it. */
  'content/reveal': (m) => (typeof m.id === 'string' && ANNOTATION_ID.test(m.id) ? { type: 'content/reveal', id: m.id } : 'id: not an annotation id'),
  /** Annotations changed elsewhere (popup): reload them and repaint. */
  'content/refresh': (m) =>
    m.pageId === undefined
      ? { type: 'content/refresh' }
      : isText(m.pageId, 1, 2048)
        ? { type: 'content/refresh', pageId: m.pageId }
        : 'pageId: not a page id',
  /** Which page is this and how did its annotations anchor? (popup) */
  'content/status': () => ({ type: 'content/status' }),
  /** Toggle the in-page accessible list of highlights. */
  'content/toggle-list': () => ({ type: 'content/toggle-list' }),
  /** Scroll to an automatic suggestion (organization or claim) and open its card. */
  'content/reveal-suggestion': (m) =>
    isText(m.key, 1, 200) ? { type: 'content/reveal-suggestion', key: m.key } : 'key: not a suggestion key',
};

export type ContentToBackground = { [K in keyof typeof contentToBackground]: z.infer<(typeof contentToBackground)[K]> };
export type ExtensionToBackground = { [K in keyof typeof extensionToBackground]: z.infer<(typeof extensionToBackground)[K]> };
export type BackgroundRequest = ContentToBackground & ExtensionToBackground;

/** One annotation as the popup shows it: with its page's title and URL. */
export interface AnnotationView {
  annotation: Annotation;
  pageTitle: string;
  pageUrl: string;
}

export interface PageOpenResult {
  /** Null until the page has an annotation: visits alone are not recorded. */
  page: PageRecord | null;
  annotations: Annotation[];
  /** The article text differs from the one last seen on this page. */
  textChanged: boolean;
  /** An annotation to reveal once anchored (set when the popup opened this page for one). */
  reveal?: string;
  /** Keys of the automatic suggestions the reader dismissed on this page. */
  dismissed: string[];
}

export interface QueryResult {
  items: AnnotationView[];
  total: number;
  /** Every tag used in the scope, with counts, for the filter menu. */
  tags: { name: string; count: number }[];
  /** Records that could not be read, skipped and reported. */
  corrupt: number;
}

/** One automatic suggestion as the popup lists it. */
export interface SuggestionSummary {
  key: string;
  /** 'organization' or a claim kind. */
  kind: string;
  text: string;
  score: number;
}

export interface AnalysisStatus {
  /** 'done', or why there is nothing: analysis off in the settings, no article found, gave up. */
  state: 'done' | 'off' | 'no-article' | 'running';
  lang: string;
  claimsEnabled: boolean;
  /** The claim convention the analysis used ('checkworthy': read as a debate transcript, or forced). */
  claimMode?: 'policy' | 'checkworthy';
  organizations: number;
  claims: number;
  items: SuggestionSummary[];
  gaveUp?: string;
}

export interface ContentStatus {
  pageId: string | null;
  counts: Record<AnchorStatus, number>;
  analysis?: AnalysisStatus;
}

/** What each request answers. */
export interface Responses {
  'page/open': PageOpenResult;
  /** `stored`: a page is stored at this address (it has annotations or dismissals). */
  'page/dismissed': { dismissed: string[]; stored: boolean };
  'annotation/create': Annotation;
  'annotation/update': Annotation;
  'annotation/delete': Annotation;
  'annotation/restore': Annotation;
  'anchor/report': { updated: number };
  'tags/list': TagRecord[];
  'annotations/query': QueryResult;
  'annotation/reveal': { opened: 'scrolled' | 'new-tab' };
  'content/highlight-selection': { created: boolean };
  'content/reveal': { found: boolean };
  'content/refresh': { count: number };
  'content/status': ContentStatus;
  'content/toggle-list': { open: boolean };
  'content/reveal-suggestion': { found: boolean };
  'suggestion/dismiss': { dismissed: number };
  'suggestion/undismiss': { dismissed: number };
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type ParseResult<M> = { ok: true; message: M } | { ok: false; error: string };

/**
 * Validates an untrusted message against one direction's schemas. Never throws: a bad message
 * yields a reason a person can read in the log.
 */
export function parseMessage<S extends Record<string, z.ZodType | MessageCheck<unknown>>>(
  schemas: S,
  raw: unknown,
): ParseResult<{ [K in keyof S]: Parsed<S[K]> }[keyof S]> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'message is not an object' };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(schemas, type)) {
    return { ok: false, error: `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}` };
  }
  let size: number;
  try {
    size = JSON.stringify(raw).length;
  } catch {
    return { ok: false, error: 'message cannot be serialised' };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: `message too large (${size} bytes, limit ${MAX_MESSAGE_BYTES})` };
  const schema = schemas[type as keyof S]!;
  type Message = { [K in keyof S]: Parsed<S[K]> }[keyof S];
  if (typeof schema === 'function') {
    const checked = schema(raw as Record<string, unknown>);
    if (typeof checked === 'string') return { ok: false, error: `invalid ${type} at ${checked}` };
    return { ok: true, message: checked as Message };
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `invalid ${type}${where}: ${issue?.message ?? 'bad payload'}` };
  }
  return { ok: true, message: result.data as Message };
}

/** What a zod schema or a hand-written check yields. */
type Parsed<V> = V extends z.ZodType ? z.infer<V> : V extends MessageCheck<infer M> ? M : never;

/** Which context a message came from, decided from the browser-provided sender, not the payload. */
export type SenderKind = 'content' | 'extension' | 'foreign';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export function classifySender(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab && typeof sender.tab.id === 'number' && /^https?:\/\//i.test(sender.tab.url ?? url)) return 'content';
  return 'foreign';
}

export function isColor(c: unknown): c is ColorName {
  return isColorName(c);
}
