/**
 * What a content script learns about its page: identity hints, citation metadata and a
 * fingerprint of the article text. DOM-parameterised (the document is passed in).
 */
import { simhashSteps, textHash } from '../fingerprint';
import type { PageInfo } from '../protocol';
import { runSteps, runStepsSliced } from '../steps';
import { findArticle } from './article';

const meta = (doc: Document, selector: string): string =>
  doc.querySelector<HTMLMetaElement>(selector)?.content?.trim() ?? '';
/** An absolute http(s) URL, resolved against the page; undefined for anything else. */
const httpUrl = (href: string, doc: Document): string | undefined => {
  try {
    const url = new URL(href, doc.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
};
const link = (doc: Document, rel: string): string | undefined => {
  const href = doc.querySelector<HTMLLinkElement>(`link[rel~="${rel}"][href]`)?.getAttribute('href');
  return href ? httpUrl(href, doc) : undefined;
};
const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

/** Text used for the article fingerprint: textContent with whitespace collapsed (cheap, no layout). */
export function articleText(doc: Document, article: Element | null = findArticle(doc)): string {
  return ((article ?? doc.body ?? doc.documentElement).textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function collectPageInfo(doc: Document, article: Element | null = findArticle(doc)): PageInfo {
  return runSteps(pageInfoSteps(doc, article));
}

/**
 * The same, in slices: the fingerprint reads the whole article (a long one takes tens of ms), so
 * `yieldToHost` runs between its steps. `article` is passed when the caller has found it already.
 */
export async function collectPageInfoSliced(
  doc: Document,
  yieldToHost: () => Promise<void>,
  article: () => Element | null = () => findArticle(doc),
): Promise<PageInfo> {
  // Yield at every step: each reads or hashes the whole article once.
  return (await runStepsSliced(pageInfoSteps(doc, article), { yieldToHost, sliceMs: 0 }))!;
}

function* pageInfoSteps(doc: Document, article: Element | null | (() => Element | null)): Generator<void, PageInfo> {
  const found = typeof article === 'function' ? article() : article;
  yield;
  const text = articleText(doc, found);
  yield;
  const hash = textHash(text);
  yield;
  const sim = yield* simhashSteps(text);
  const og = (p: string) => meta(doc, `meta[property="og:${p}"]`);
  const ogUrl = og('url');
  const ogAbsolute = ogUrl ? httpUrl(ogUrl, doc) : undefined;
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? '';
  const canonicalUrl = link(doc, 'canonical');
  const ampUrl = link(doc, 'amphtml');
  return {
    ...(canonicalUrl ? { canonicalUrl: clip(canonicalUrl, 2048) } : {}),
    ...(ogAbsolute ? { ogUrl: clip(ogAbsolute, 2048) } : {}),
    ...(ampUrl ? { ampUrl: clip(ampUrl, 2048) } : {}),
    title: clip(og('title') || doc.title || '', 1000).trim(),
    site: clip(og('site_name') || doc.location?.hostname || '', 300),
    byline: clip(meta(doc, 'meta[name="author"]') || meta(doc, 'meta[property="article:author"]'), 300),
    published: clip(meta(doc, 'meta[property="article:published_time"]') || time, 60),
    lang: clip(doc.documentElement.lang || '', 35),
    textHash: hash,
    simhash: sim,
    textLength: text.length,
  };
}
