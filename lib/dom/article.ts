/**
 * Finds the article in a page: the container holding the main run of paragraphs, without
 * navigation, ads, comments or related links. A Readability-style paragraph score, kept cheap
 * (one pass over paragraphs, no cloning, no layout) because it runs on every page at idle time;
 * Readability itself was too slow for our 50 ms task budget on large pages. DOM-parameterised.
 */

/** Subtrees that are never article text. */
const BOILERPLATE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'menu', 'dialog', 'select', 'label']);
const BOILERPLATE_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert)$/;
/** Class or id words of page furniture. Matched on word parts, e.g. "related-links", "ad-slot". */
const BOILERPLATE_NAMES =
  /(^|[-_\s])(comments?|related|recommend\w*|promo\w*|ads?|advert\w*|sponsor\w*|share|sharing|social|newsletter|subscribe|sidebar|breadcrumbs?|footer|header|nav|navbar|menu|cookie\w*|consent|popup|modal|outbrain|taboola|most-?read|trending|paywall|byline|tags?|author-?box|caption)($|[-_\s])/i;
/** Containers a publisher marks as the article body. */
const ARTICLE_BODY = '[itemprop="articleBody"], .article-body, .articleBody, .article__body, .post-content, .entry-content, .story-body';

/** Page furniture is short; a "sidebar" holding thousands of characters is the layout. */
const FURNITURE_MAX_CHARS = 1500;

function names(el: Element): string {
  return `${el.id} ${el.getAttribute('class') ?? ''}`;
}

/** Whether an element is page furniture (and its subtree is not article text). */
export function isBoilerplate(el: Element): boolean {
  if (BOILERPLATE_TAGS.has(el.localName)) return true;
  // Without attributes there is no role, aria-hidden, id or class to ask (most elements).
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role && BOILERPLATE_ROLES.test(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const n = names(el);
  // Class names are noisy (WordPress puts "tag-…" on the article, wrappers say "share-…"):
  // a name only marks furniture when the element holds little text.
  return n.length > 1 && BOILERPLATE_NAMES.test(n) && (el.textContent?.length ?? 0) < FURNITURE_MAX_CHARS;
}

/**
 * Whether a paragraph sits in page furniture. Only near ancestors are asked: a wrapper around the
 * whole page may carry a class such as "layout-with-sidebar" without being a sidebar.
 */
function insideBoilerplate(el: Element, stop: Element, known: Map<Element, boolean>, depth = 6): boolean {
  let e: Element | null = el;
  for (let d = 0; e && e !== stop && d < depth; d++, e = e.parentElement) {
    // Paragraphs share ancestors: each is asked once per search (a furniture test may read a
    // whole subtree's text).
    let furniture = known.get(e);
    if (furniture === undefined) known.set(e, (furniture = isBoilerplate(e)));
    if (furniture) return true;
  }
  return false;
}

/**
 * Whitespace-collapsed size of a text: `length` of `text.replace(/\s+/g, ' ').trim()`;
 * `lead`/`trail`: the text starts/ends with whitespace.
 */
interface Collapsed {
  length: number;
  lead: boolean;
  trail: boolean;
}

/**
 * The collapsed size of `text`. With the regular expression, not a loop over characters: this
 * runs once per page, in cold code, where the native pass is faster.
 */
function collapse(text: string): Collapsed {
  const collapsed = text.replace(/\s+/g, ' ');
  const lead = collapsed.startsWith(' ');
  const trail = collapsed.length > 0 && collapsed.endsWith(' ');
  return { length: collapsed.length - (lead ? 1 : 0) - (trail && collapsed.length > 1 ? 1 : 0), lead, trail };
}

/** The collapsed size of `a + b` from those of `a` and `b`. */
function join(a: Collapsed, b: Collapsed): Collapsed {
  if (!a.length) return { length: b.length, lead: a.lead || b.lead, trail: b.length ? b.trail : a.trail || b.trail };
  if (!b.length) return { length: a.length, lead: a.lead, trail: a.trail || b.trail };
  return { length: a.length + b.length + (a.trail || b.lead ? 1 : 0), lead: a.lead, trail: b.trail };
}

/** The text a node contributes to its parent's `textContent` (comments and processing instructions: none). */
const nodeText = (n: Node): string => (n.nodeType === 1 ? (n.textContent ?? '') : n.nodeType === 3 || n.nodeType === 4 ? ((n as CharacterData).data ?? '') : '');

/**
 * The collapsed size of `outer`'s text, given that of `inner` (a descendant): only the text
 * around `inner` is read, not all of `outer`'s again.
 */
function collapsedAround(outer: Element, inner: Element, innerSize: Collapsed): Collapsed {
  const before: string[] = [];
  const after: string[] = [];
  for (let node: Node = inner; node !== outer && node.parentNode; node = node.parentNode) {
    for (let s = node.previousSibling; s; s = s.previousSibling) before.push(nodeText(s));
    for (let s = node.nextSibling; s; s = s.nextSibling) after.push(nodeText(s));
  }
  // `before` holds the nearest text first: reversed, it is in document order.
  let size: Collapsed = { length: 0, lead: false, trail: false };
  for (let i = before.length - 1; i >= 0; i--) size = join(size, collapse(before[i]!));
  size = join(size, innerSize);
  for (const text of after) size = join(size, collapse(text));
  return size;
}

const textLength = (el: Element) => collapse(el.textContent ?? '').length;

/** The article's container, or null when the page has no run of paragraphs worth the name. */
export function findArticle(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const known = new Map<Element, boolean>();
  // A publisher's own marking wins when it holds real text; several marked blocks (one per
  // section) are taken together through their closest common ancestor.
  const marked = Array.from(doc.querySelectorAll(ARTICLE_BODY))
    .slice(0, 20)
    .filter((el) => textLength(el) >= 300 && !insideBoilerplate(el, body, known));
  const outer = marked.filter((el) => !marked.some((o) => o !== el && o.contains(el)));
  if (outer.length === 1) return outer[0]!;
  if (outer.length > 1) {
    let common: Element | null = outer[0]!;
    while (common && !outer.every((el) => common!.contains(el))) common = common.parentElement;
    if (common && common !== body && common !== doc.documentElement) return common;
  }
  const scores = new Map<Element, number>();
  // List items are left out: reference lists and link lists would outscore the prose.
  const paragraphs = doc.querySelectorAll('p, pre, blockquote');
  const limit = Math.min(paragraphs.length, 3000);
  for (let i = 0; i < limit; i++) {
    const p = paragraphs[i]!;
    const text = p.textContent ?? '';
    const len = text.length;
    if (len < 25) continue;
    if (insideBoilerplate(p, body, known)) continue;
    // Sentences, not link lists: mostly-link paragraphs score little.
    let linkText = 0;
    for (const a of Array.from(p.querySelectorAll('a'))) linkText += (a.textContent ?? '').length;
    const commas = text.split(/[,.;:，。]/).length;
    const score = (1 + Math.min(len, 1000) / 100 + commas / 4) * (1 - Math.min(0.9, linkText / Math.max(1, len)));
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (!best || bestScore < 8) return null;
  // An article split into several sibling blocks (e.g. one per section): take their parent when
  // siblings score comparably.
  const parent = best.parentElement;
  if (parent && parent !== body && parent !== doc.documentElement) {
    let siblingScore = 0;
    for (const child of Array.from(parent.children)) if (child !== best) siblingScore += scores.get(child) ?? 0;
    if (siblingScore >= bestScore * 0.3) best = parent;
  }
  // Widen to an <article>/<main> ancestor that adds little besides the same text (title, lede).
  const wider = best.closest('article, main, [role="main"]');
  if (wider && wider !== body) {
    const inner = collapse(best.textContent ?? '');
    if (collapsedAround(wider, best, inner).length < inner.length * 1.6) return wider;
  }
  return best;
}

/** Skip rule for the article's text index: furniture inside the article (related links, ads…). */
export function skipInArticle(el: Element): boolean {
  return isBoilerplate(el);
}
