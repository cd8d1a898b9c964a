import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { anchorSelectors, errorBudget, type AnchorMatch } from '../../../lib/anchoring/match';
import { describeSpan } from '../../../lib/anchoring/describe';
import { anchorMany, anchorManySync } from '../../../lib/anchoring/index';
import type { SelectorSet } from '../../../lib/model';

/** Selectors for the `occurrence`-th (1-based) occurrence of `quote` in `text`. */
function sel(text: string, quote: string, occurrence = 1): SelectorSet {
  let at = -1;
  for (let k = 0; k < occurrence; k++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture: ${quote} not in text`);
  return describeSpan(text, at, at + quote.length);
}
const spanOf = (text: string, m: AnchorMatch) => (m.status === 'orphan' ? null : text.slice(m.start, m.end));

const PARA1 = 'The European Commission published its draft rules on Tuesday after months of negotiation with member states.';
const PARA2 = 'Critics said the proposal would weaken oversight, while industry groups welcomed the longer transition period.';
const PARA3 = 'OpenAI and Anthropic declined to comment; Mistral said it would study the text before responding.';
const ARTICLE = [PARA1, PARA2, PARA3].join(' ');

describe('describeSpan', () => {
  it('stores the exact text, 32 chars of context and the position', () => {
    const [q, p] = sel(ARTICLE, 'industry groups');
    expect(q.exact).toBe('industry groups');
    expect(q.prefix).toHaveLength(32);
    expect(q.suffix).toHaveLength(32);
    expect(ARTICLE.slice(p.start, p.end)).toBe('industry groups');
  });
  it('clips context at the text edges', () => {
    const [q] = describeSpan('abc def', 0, 3);
    expect(q.prefix).toBe('');
    expect(q.suffix).toBe(' def');
  });
});

describe('anchorSelectors: exact and moved', () => {
  const cases: { name: string; before: string; after: string; quote: string; occurrence?: number; want: 'exact' | 'moved'; wantAt?: (t: string) => number }[] = [
    { name: 'unchanged text', before: ARTICLE, after: ARTICLE, quote: 'transition period', want: 'exact' },
    {
      name: 'text inserted before (positions shift)',
      before: ARTICLE,
      after: 'Update: this story was updated on Monday with a response from the company. ' + ARTICLE,
      quote: 'weaken oversight',
      want: 'moved',
    },
    {
      name: 'repeats are told apart by prefix/suffix',
      before: 'In Paris, the Commission met. ' + ARTICLE + ' Later the Commission met again in Brussels on Friday.',
      after: 'Preface paragraph added here. In Paris, the Commission met. ' + ARTICLE + ' Later the Commission met again in Brussels on Friday.',
      quote: 'the Commission met',
      occurrence: 2,
      want: 'moved',
      wantAt: (t) => t.lastIndexOf('the Commission met'),
    },
    {
      name: 'duplicate inserted earlier: the original place wins by context',
      before: ARTICLE,
      after: 'An earlier version said that “weaken oversight”, since revised. ' + ARTICLE,
      quote: 'weaken oversight',
      want: 'moved',
      wantAt: (t) => t.lastIndexOf('weaken oversight'),
    },
    {
      name: 'a word changed just before and after the quote',
      before: ARTICLE,
      after: ARTICLE.replace('Critics said the', 'Critics stated the').replace('while industry', 'yet industry'),
      quote: 'proposal would weaken oversight',
      want: 'moved',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const m = anchorSelectors(c.after, sel(c.before, c.quote, c.occurrence));
      expect(m.status).toBe(c.want);
      expect(spanOf(c.after, m)).toBe(c.quote);
      if (c.wantAt && m.status !== 'orphan') expect(m.start).toBe(c.wantAt(c.after));
    });
  }

  it('whitespace in stored selectors is normalised', () => {
    const [q, p] = sel(ARTICLE, 'industry groups welcomed');
    const stored: SelectorSet = [{ ...q, exact: 'industry\n  groups\twelcomed', prefix: q.prefix.replace(/ /g, '  ') }, p];
    const m = anchorSelectors(ARTICLE, stored);
    expect(spanOf(ARTICLE, m)).toBe('industry groups welcomed');
  });
});

describe('anchorSelectors: orphans rather than guesses', () => {
  it('quote deleted → orphan', () => {
    const after = [PARA1, PARA3].join(' ');
    expect(anchorSelectors(after, sel(ARTICLE, 'weaken oversight')).status).toBe('orphan');
  });
  it('sentence with a short repeated name deleted → orphan, not the other occurrence', () => {
    const before = 'Mistral raised money in June. ' + ARTICLE + ' Analysts expect more deals this year across Europe.';
    const after = before.replace(PARA3 + ' ', '');
    const m = anchorSelectors(after, sel(before, 'Mistral', 2));
    expect(m.status).toBe('orphan');
  });
  it('identical repeats with identical context and no usable position → ambiguous orphan', () => {
    const block = 'Read more about the AI Act and its obligations for providers here. ';
    const before = block + 'Filler text of the page, of some length, to separate things. ' + block;
    const stored = sel(before, 'AI Act', 1);
    const moved: SelectorSet = [stored[0], { type: 'TextPositionSelector', start: -1, end: -1 }];
    const m = anchorSelectors(before, moved);
    expect(m).toMatchObject({ status: 'orphan', reason: 'ambiguous' });
  });
  it('never matches a look-alike short quote fuzzily ("Linus" vs "chines")', () => {
    const before = 'The kernel was written by Linus in 1991 as a hobby project for his own machines.';
    const after = 'The kernel was written in 1991 as a hobby project for machines of that era, by hand.';
    expect(anchorSelectors(after, sel(before, 'Linus')).status).toBe('orphan');
  });
  it('error budget is zero for short quotes and a small fraction for long ones', () => {
    expect(errorBudget(5)).toBe(0);
    expect(errorBudget(11)).toBe(0);
    expect(errorBudget(40)).toBeLessThanOrEqual(5);
    expect(errorBudget(200)).toBeLessThanOrEqual(24);
  });
});

describe('anchorSelectors: fuzzy', () => {
  it('one word reworded inside → fuzzy on the edited words (or orphan), never elsewhere', () => {
    const quote = 'Critics said the proposal would weaken oversight';
    const after = ARTICLE.replace('would weaken', 'could weaken');
    const m = anchorSelectors(after, sel(ARTICLE, quote));
    if (m.status !== 'orphan') {
      expect(m.status).toBe('fuzzy');
      expect(spanOf(after, m)).toBe('Critics said the proposal could weaken oversight');
      expect(m.confidence).toBeGreaterThan(0.8);
      expect(m.confidence).toBeLessThan(1);
    }
  });
  it('fuzzy after the text also moved', () => {
    const quote = 'industry groups welcomed the longer transition period';
    const after = 'A new first paragraph. '.repeat(10) + ARTICLE.replace('the longer', 'a longer');
    const m = anchorSelectors(after, sel(ARTICLE, quote));
    expect(m.status).toBe('fuzzy');
    expect(spanOf(after, m)).toBe('industry groups welcomed a longer transition period');
  });
});

describe('anchorSelectors: sizes and Unicode', () => {
  it('very short quotes (1–3 chars) anchor by context', () => {
    const text = 'AI is here. The EU said AI rules matter. The UN said AI is a risk.';
    const m = anchorSelectors('Intro. ' + text, sel(text, 'AI', 2));
    expect(m.status).toBe('moved');
    if (m.status !== 'orphan') expect(m.start).toBe(('Intro. ' + text).indexOf('AI rules'));
  });
  it('very long quotes (thousands of chars) anchor exactly and fuzzily, fast', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `word${(i * 7919) % 1000}`);
    const long = words.join(' ');
    const text = 'Start of the page. ' + long + ' End of the page.';
    const stored = sel(text, long);
    const t0 = performance.now();
    expect(anchorSelectors('New intro. ' + text, stored).status).toBe('moved');
    const edited = ('New intro. ' + text).replace('word500 ', 'wordX ');
    const m = anchorSelectors(edited, stored);
    expect(m.status).toBe('fuzzy');
    expect(performance.now() - t0).toBeLessThan(500);
  });
  it('accents, emoji (astral) and NFD text do not throw', () => {
    const text = 'Le Conseil d’État a publié son avis 🚀 sur l’IA générative, dit l’Autorité.';
    expect(spanOf(text, anchorSelectors(text, sel(text, 'l’IA générative')))).toBe('l’IA générative');
    const moved = 'Préambule. ' + text;
    expect(spanOf(moved, anchorSelectors(moved, sel(text, 'avis 🚀 sur')))).toBe('avis 🚀 sur');
    const nfd = text.normalize('NFD');
    expect(() => anchorSelectors(nfd, sel(text, 'l’IA générative'))).not.toThrow();
  });
  it('empty quote → orphan', () => {
    expect(anchorSelectors('abc', describeSpan('abc', 1, 1)).status).toBe('orphan');
  });
});

describe('property: describe then anchor on the same text is exact', () => {
  it('returns the same span with status exact', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', 'x', 'y', '.'), minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        (raw, x, y) => {
          let text = raw;
          // texts as the index produces them: no runs of spaces
          text = text.replace(/ +/g, ' ');
          const a = x % text.length;
          const b = a + 1 + (y % (text.length - a));
          const m = anchorSelectors(text, describeSpan(text, a, b));
          expect(m).toMatchObject({ status: 'exact', start: a, end: b });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('anchorMany', () => {
  const items = [PARA1, PARA2, PARA3].map((p, i) => ({ id: `a${i}`, selectors: sel(ARTICLE, p.slice(10, 40)) }));
  const missing = { id: 'gone', selectors: describeSpan('zzz unrelated words here that vanish completely zzz', 4, 45) };
  it('anchors all and matches the sync version', async () => {
    const after = 'Inserted. ' + ARTICLE;
    const res = await anchorMany(after, [...items, missing], { yieldToHost: async () => {} });
    expect(res.get('a1')?.status).toBe('moved');
    expect(res.get('gone')?.status).toBe('orphan');
    expect([...res]).toEqual([...anchorManySync(after, [...items, missing])]);
  });
  it('many fuzzy items (shared trigram index) give the same results as one by one', async () => {
    const before = [PARA1, PARA2, PARA3, PARA1.toUpperCase(), PARA2.replace(/e/g, 'E')].join(' ');
    const spans = [PARA1, PARA2, PARA3].map((p) => p.slice(5, 60));
    const edited = before.replace('draft rules', 'draft regulations').replace('weaken oversight', 'weaken the oversight').replace('declined to', 'refused to');
    const fuzzyItems = spans.map((q, i) => ({ id: `f${i}`, selectors: sel(before, q) }));
    const gone = [0, 1, 2].map((i) => ({ id: `g${i}`, selectors: describeSpan(`nothing like this text exists in the article number ${i} at all`, 0, 50) }));
    const all = [...fuzzyItems, ...gone];
    const res = await anchorMany(edited, all, { yieldToHost: async () => {} });
    expect([...res]).toEqual([...anchorManySync(edited, all)]);
    expect(res.get('f1')?.status).toBe('fuzzy');
    expect(res.get('g0')?.status).toBe('orphan');
  });
  it('yields between slices and stops when aborted', async () => {
    let t = 0;
    let yields = 0;
    const ctrl = new AbortController();
    const res = await anchorMany(ARTICLE, [...items, missing], {
      now: () => (t += 10), // every item "takes" 10 ms
      sliceMs: 8,
      yieldToHost: async () => {
        yields++;
        if (yields === 2) ctrl.abort();
      },
      signal: ctrl.signal,
    });
    expect(yields).toBe(2);
    expect(res.size).toBe(2);
  });
});
