// @vitest-environment happy-dom
import { describe, it, expect } from 'vitest';
import { buildTextIndex, buildTextIndexSliced } from '../../../lib/anchoring/text-index';
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
