// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { buildTextIndex, buildTextIndexSliced, startTextIndex } from '../../../lib/anchoring/text-index';
import { describeRange, anchor } from '../../../lib/anchoring/index';

/** The window's own document (happy-dom's Range misbehaves on createHTMLDocument documents). */
function docFrom(bodyHtml: string): Document {
  document.body.innerHTML = bodyHtml;
  return document;
}

describe('buildTextIndex: normalised visible text', () => {
  const cases: { name: string; html: string; text: string }[] = [
    { name: 'block boundaries become one space', html: '<p>One</p><p>Two</p><div>Three<div>Four</div></div>', text: 'One Two Three Four' },
    { name: 'inline elements add nothing', html: '<p>Or<b>gani</b><i>zation</i> name</p>', text: 'Organization name' },
    { name: 'whitespace runs collapse, trimmed', html: '\n  <p>  a \n\t b  </p>  \n', text: 'a b' },
    { name: 'br and list items separate', html: 'line one<br>line two<ul><li>x</li><li>y</li></ul>', text: 'line one line two x y' },
    { name: 'tables', html: '<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>', text: 'a b c' },
    {
      name: 'script, style, noscript, template, hidden are skipped',
      html: '<p>keep</p><script>var x = "no";</script><style>p{}</style><noscript>no</noscript><template><p>no</p></template><span hidden>no</span><span style="display: none">no</span><p>this</p>',
      text: 'keep this',
    },
    { name: 'nbsp is kept (not collapsible)', html: '<p>a\u00a0\u00a0b</p>', text: 'a\u00a0\u00a0b' },
    { name: 'svg title is skipped', html: '<p>x<svg><title>logo</title><desc>d</desc></svg>y</p>', text: 'xy' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(buildTextIndex(docFrom(c.html).body).text).toBe(c.text);
    });
  }

  it('opts.skip leaves out the extension UI host', () => {
    const doc = docFrom('<p>article</p><div id="policy-lens-host">toolbar text</div><p>more</p>');
    const idx = buildTextIndex(doc.body, { skip: (el) => el.id === 'policy-lens-host' });
    expect(idx.text).toBe('article more');
  });

  it('indexes a whole document (head skipped)', () => {
    const doc = docFrom('<p>Body text</p>');
    expect(buildTextIndex(doc).text).toBe('Body text');
  });
});

describe('rangeFor / offsetsOf', () => {
  const html = '<h1>Title  here</h1>\n<p>The <a href="#">European\n   Commission</a> said <em>on</em> Tuesday.</p><p>  Second   paragraph. </p>';

  it('round-trips every span of words', () => {
    const doc = docFrom(html);
    const idx = buildTextIndex(doc.body);
    expect(idx.text).toBe('Title here The European Commission said on Tuesday. Second paragraph.');
    const words = [...idx.text.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
    for (let i = 0; i < words.length; i++) {
      for (let j = i; j < Math.min(words.length, i + 4); j++) {
        const start = words[i]![0];
        const end = words[j]![1];
        const range = idx.rangeFor(start, end)!;
        expect(range).not.toBeNull();
        // the DOM text of the range is the span (up to whitespace: block boundaries have none in the DOM)
        expect(range.toString().replace(/\s+/g, '')).toBe(idx.text.slice(start, end).replace(/\s+/g, ''));
        expect(idx.offsetsOf(range)).toEqual({ start, end });
      }
    }
  });

  it('maps a span inside collapsed whitespace and across inline elements', () => {
    const doc = docFrom(html);
    const idx = buildTextIndex(doc.body);
    const start = idx.text.indexOf('European Commission');
    const range = idx.rangeFor(start, start + 'European Commission'.length)!;
    expect(range.toString()).toBe('European\n   Commission');
    expect(range.startContainer.textContent).toBe('European\n   Commission');
  });

  it('offsetsOf accepts element boundary points', () => {
    const doc = docFrom(html);
    const idx = buildTextIndex(doc.body);
    const p = doc.querySelectorAll('p')[0]!;
    const range = doc.createRange();
    range.selectNodeContents(p);
    const o = idx.offsetsOf(range)!;
    expect(idx.text.slice(o.start, o.end)).toBe('The European Commission said on Tuesday.');
  });

  it('rangeFor rejects out-of-bounds or empty spans', () => {
    const idx = buildTextIndex(docFrom('<p>abc</p>').body);
    expect(idx.rangeFor(0, 0)).toBeNull();
    expect(idx.rangeFor(2, 10)).toBeNull();
    expect(idx.rangeFor(-1, 2)).toBeNull();
  });

  it('describeRange + anchor after the page changed (markup split, block inserted)', () => {
    const doc = docFrom('<p>Intro text of the article.</p><p>The regulator fined the company on Friday for data breaches.</p>');
    const idx = buildTextIndex(doc.body);
    const start = idx.text.indexOf('fined the company');
    const sel = describeRange(idx, idx.rangeFor(start - 1, start + 18)!)!; // selection with spaces around
    expect(sel[0].exact).toBe('fined the company');
    const doc2 = docFrom('<p>Intro text of the article.</p><p class="ad">Advertisement</p><p>The regulator <span>fi</span><span>ned</span> the\n <em>company</em> on Friday for data breaches.</p>');
    const idx2 = buildTextIndex(doc2.body);
    const m = anchor(idx2.text, sel);
    expect(m.status).toBe('moved');
    if (m.status !== 'orphan') expect(idx2.rangeFor(m.start, m.end)!.toString().replace(/\s+/g, ' ')).toBe('fined the company');
  });
});

describe('blockText', () => {
  it.each([
    ['<p>One</p><p>Two <b>bold</b> end</p><div>Three<div>Four</div></div>', 'One\nTwo bold end\nThree\nFour'],
    ['<h1>Title</h1>Intro text<br>next line', 'Title\nIntro text\nnext line'],
    ['<p>a \n b</p>', 'a b'],
    ['<p>One</p>\n  <p>Two</p>\n<h2>Head </h2> <p>Three</p>', 'One\nTwo\nHead\nThree'],
    ['<div><p>a <b>b</b> </p>\n</div><p>c</p>', 'a b\nc'],
  ])('marks block boundaries of %s with newlines, keeping offsets', (html, expected) => {
    const index = buildTextIndex(docFrom(html).body);
    expect(index.blockText()).toBe(expected);
    expect(index.blockText().length).toBe(index.text.length);
    expect(index.blockText().replace(/\n/g, ' ')).toBe(index.text);
  });
});

/**
 * A random fragment: text with every kind of whitespace the normalisation treats differently
 * (single spaces, runs, tabs and line breaks, spaces at node ends, U+00A0), inline and block
 * elements, empty ones, comments.
 */
const fragment: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'bc', 'de f', ' ', '  ', '\n', '\t', ' g ', 'h  i', '\u00a0', 'j\n k', ' l', 'm ', '<br>', '<!-- c -->', ''),
    fc.tuple(fc.constantFrom('b', 'i', 'p', 'div', 'li', 'span'), tie('nodes')).map(([tag, inner]) => `<${tag}>${inner}</${tag}>`),
  ),
  nodes: fc.array(tie('node'), { maxLength: 5 }).map((xs) => xs.join('')),
})).nodes;

/** What the index's text and blockText should be, by the definition: visible text, block edges as breaks, runs collapsed. */
function reference(root: Node): { text: string; block: string } {
  const BLOCK = new Set(['p', 'div', 'li', 'br']);
  let raw = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) raw += (n as Text).data;
    else if (n.nodeType === 1) {
      const block = BLOCK.has((n as Element).localName);
      if (block) raw += '\u0001';
      n.childNodes.forEach(walk);
      if (block) raw += '\u0001';
    }
  };
  root.childNodes.forEach(walk);
  const block = raw.replace(/[ \t\n\f\r\u0001]+/g, (run) => (run.includes('\u0001') ? '\n' : ' ')).replace(/^[ \n]|[ \n]$/g, '');
  return { text: block.replace(/\n/g, ' '), block };
}

describe('buildTextIndex on random markup', () => {
  it('text and blockText follow the definition; every word maps to its DOM text and back', () => {
    fc.assert(
      fc.property(fragment, (html) => {
        const doc = docFrom(html);
        const idx = buildTextIndex(doc.body);
        const ref = reference(doc.body);
        expect(idx.text).toBe(ref.text);
        expect(idx.blockText()).toBe(ref.block);
        for (const m of idx.text.matchAll(/[^ ]+/g)) {
          const start = m.index!;
          const end = start + m[0].length;
          const range = idx.rangeFor(start, end)!;
          expect(range.toString().replace(/[ \t\n\f\r]+/g, '')).toBe(m[0]);
          expect(idx.offsetsOf(range)).toEqual({ start, end });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildTextIndexSliced', () => {
  it('builds the same index as the one-pass build, yielding between slices', async () => {
    const html = Array.from({ length: 400 }, (_, i) => `<p>Paragraph <b>${i}</b> of the <i>article</i>.</p>`).join('');
    const doc = docFrom(html);
    let yields = 0;
    let t = 0;
    const sliced = await buildTextIndexSliced(doc.body, { yieldToHost: async () => void yields++, sliceMs: 1, now: () => (t += 1) });
    const whole = buildTextIndex(doc.body);
    expect(yields).toBeGreaterThan(2);
    expect(sliced?.text).toBe(whole.text);
    const at = whole.text.indexOf('Paragraph 250');
    expect(sliced?.rangeFor(at, at + 13)?.toString()).toBe('Paragraph 250');
  });
});

describe('startTextIndex: a prefix first, then the rest', () => {
  const sameRange = (a: Range | null, b: Range | null) =>
    a && b
      ? a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset
      : a === b;

  it('a prefix is the beginning of the whole index (text, blockText, ranges, offsets); offsets past it are unknown', async () => {
    let partial = 0;
    await fc.assert(
      // Long enough to be built in several steps (a step is a few hundred nodes).
      fc.asyncProperty(fc.array(fragment, { minLength: 80, maxLength: 160 }), fc.nat({ max: 1500 }), async (fragments, chars) => {
        const doc = docFrom(fragments.map((f) => `<p>${f}</p>`).join('\n'));
        const whole = buildTextIndex(doc.body);
        const build = startTextIndex(doc.body, { yieldToHost: async () => undefined, sliceMs: 0 });
        const prefix = (await build.prefix(chars))!;
        expect(whole.text.startsWith(prefix.text)).toBe(true);
        expect(whole.blockText().startsWith(prefix.blockText())).toBe(true);
        if (prefix.complete) expect(prefix.text).toBe(whole.text);
        else expect(prefix.text.length).toBeGreaterThanOrEqual(Math.min(chars, whole.text.length) - 1);
        // Every fifth word, not all: happy-dom's ranges are slow on pages this size.
        for (const [k, m] of [...prefix.text.matchAll(/[^ ]+/g)].entries()) {
          if (k % 5) continue;
          const range = prefix.rangeFor(m.index!, m.index! + m[0].length);
          expect(sameRange(range, whole.rangeFor(m.index!, m.index! + m[0].length))).toBe(true);
          expect(prefix.offsetsOf(range!)).toEqual(whole.offsetsOf(range!));
        }
        if (!prefix.complete) {
          // The last word of the page lies past the prefix.
          const last = [...whole.text.matchAll(/[^ ]+/g)].at(-1)!;
          if (last.index! >= prefix.text.length) expect(prefix.offsetsOf(whole.rangeFor(last.index!, last.index! + last[0].length)!)).toBeNull();
        }
        partial += prefix.complete ? 0 : 1;
        const rest = (await build.complete())!;
        expect(rest.complete).toBe(true);
        expect(rest.text).toBe(whole.text);
        expect(rest.blockText()).toBe(whole.blockText());
      }),
      { numRuns: 30 },
    );
    // Most runs stopped before the end of the page (else the check above proves little).
    expect(partial).toBeGreaterThan(15);
  }, 30_000);

  it('is null once the signal aborted', async () => {
    const doc = docFrom(Array.from({ length: 400 }, (_, i) => `<p>Paragraph <b>${i}</b>.</p>`).join(''));
    const abort = new AbortController();
    const build = startTextIndex(doc.body, { yieldToHost: async () => abort.abort(), sliceMs: 0, signal: abort.signal });
    expect(await build.prefix(100)).not.toBeNull();
    expect(await build.complete()).toBeNull();
  });
});
