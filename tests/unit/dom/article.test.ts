import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTextIndex } from '../../../lib/anchoring/text-index';
import { findArticle, skipInArticle } from '../../../lib/dom/article';

const CORPUS = path.resolve('../shared/corpus/pages');
const hasCorpus = fs.existsSync(CORPUS);
const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));

function articleText(html: string): string {
  const { document } = parseHTML(html);
  const article = findArticle(document as unknown as Document);
  return article ? buildTextIndex(article as unknown as Node, { skip: skipInArticle }).text : '';
}

describe('findArticle on our fixtures', () => {
  it('finds the article body, not navigation, related links, comments or ads', () => {
    const html = `<html><body>
      <header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header>
      <main><article>
        <h1>The AI Office opens</h1>
        <p>The European Commission opened the AI Office on Monday, saying it would supervise general-purpose models.</p>
        <div class="ad-slot"><p>Advertisement: buy the best laptops now, limited offer, free shipping.</p></div>
        <p>Critics argue that the office lacks staff, and that enforcement will take years to begin in earnest.</p>
        <p>Officials said hiring would double by next year, according to a statement released in Brussels.</p>
        <aside class="related"><p>Related: Ten things to know about chips, and why they matter for you.</p></aside>
      </article></main>
      <section class="comments"><p>Great article, thanks for sharing this with all of us here today.</p></section>
      <footer><p>Copyright the publisher, all rights reserved, terms of use apply to this site.</p></footer>
    </body></html>`;
    const text = articleText(html);
    expect(text).toContain('opened the AI Office');
    expect(text).toContain('hiring would double');
    for (const furniture of ['Home', 'Advertisement', 'Related:', 'Great article', 'Copyright']) expect(text).not.toContain(furniture);
  });

  it('returns null for a page without an article', () => {
    const { document } = parseHTML('<html><body><nav><a>One</a><a>Two</a></nav><p>Short.</p></body></html>');
    expect(findArticle(document as unknown as Document)).toBeNull();
  });

  it('prefers the publisher’s articleBody marking', () => {
    const fixture = fs.readFileSync('tests/fixtures/pages/ai-policy-fr.html', 'utf8');
    const { document } = parseHTML(fixture);
    const article = findArticle(document as unknown as Document);
    expect(article).not.toBeNull();
    expect((article!.textContent ?? '').length).toBeGreaterThan(300);
  });
});

describe('findArticle: widening to the <main> around the article', () => {
  const paragraphs = Array.from(
    { length: 4 },
    (_, i) => `<p>Paragraph ${i} of the article, with   several  clauses, commas, and\n   enough words to be read as prose.</p>`,
  ).join('\n');
  // Text around the article inside <main>: words, whitespace runs of every kind, U+00A0,
  // comments (no text), nested inline elements, headings.
  const piece = fc.oneof(
    fc.stringMatching(/^[a-z]{1,12}$/, { size: 'max' }),
    fc.constantFrom(' ', '   ', '\n\t ', '\u00a0', '<!-- a comment that is not text -->', '<span> x </span>', '<h2>  Heading\n</h2>', '<b>bold</b>'),
  );
  // Up to about twice the article's text on each side: both outcomes, and cases near the threshold.
  const around = fc.array(piece, { maxLength: 60, size: 'max' }).map((xs) => xs.join(''));

  it('takes <main> exactly when its collapsed text is under 1.6 times the article’s', () => {
    const collapsedLength = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    fc.assert(
      fc.property(around, around, (before, after) => {
        const { document } = parseHTML(`<html><body><nav>Home</nav><main>${before}<div class="content">${paragraphs}</div>${after}</main></body></html>`);
        const doc = document as unknown as Document;
        const best = doc.querySelector('.content')!;
        const main = doc.querySelector('main')!;
        expect(findArticle(doc)).toBe(collapsedLength(main) < collapsedLength(best) * 1.6 ? main : best);
      }),
      { numRuns: 500 },
    );
  });
});

describe.runIf(hasCorpus)('findArticle on the 42 corpus pages (against Readability’s extraction)', () => {
  it('covers at least 90% of the article words with at least 90% precision on average', () => {
    let recall = 0;
    let precision = 0;
    const pages = fs.readdirSync(CORPUS).filter((n) => fs.existsSync(path.join(CORPUS, n, 'source.html')));
    for (const name of pages) {
      const ours = words(articleText(fs.readFileSync(path.join(CORPUS, name, 'source.html'), 'utf8')));
      const expected = words(fs.readFileSync(path.join(CORPUS, name, 'expected.html'), 'utf8').replace(/<[^>]+>/g, ' '));
      recall += [...expected].filter((w) => ours.has(w)).length / Math.max(1, expected.size);
      precision += [...ours].filter((w) => expected.has(w)).length / Math.max(1, ours.size);
    }
    expect(pages.length).toBe(42);
    expect(recall / pages.length).toBeGreaterThanOrEqual(0.9);
    expect(precision / pages.length).toBeGreaterThanOrEqual(0.9);
  });
});

if (!hasCorpus) console.warn('[corpus] ../shared/corpus is missing: the article-finder check on the 42 corpus pages did not run');
