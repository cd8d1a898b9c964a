import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analysis';
import { analyzeInChunks, chunkBounds, spanOrder } from '../../lib/analysis/chunked';
import type { AnalysisResult } from '../../lib/analysis/types';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings';
import { buildSuggestions, mergeSuggestions, suggestionKey } from '../../lib/suggestions';

const TEXT =
  'Hugging Face soutient que les modèles open-source peuvent surpasser les systèmes commerciaux même avec moins de paramètres.\n' +
  'Le site compte 7 millions d’utilisateurs.\nLa météo était belle.';

function result(): AnalysisResult {
  const orgStart = TEXT.indexOf('Hugging Face');
  const second = TEXT.indexOf('Le site');
  return {
    lang: 'fr',
    claimsEnabled: true,
    detectorVersion: 'test',
    orgs: [{ start: orgStart, end: orgStart + 12, text: 'Hugging Face', id: 'Q123', name: 'Hugging Face', type: 'ai-lab', source: 'gazetteer', score: 0.95 }],
    claims: [
      { start: 0, end: second - 1, kind: 'comparison', score: 0.9, cues: ['comparative'], claimant: { start: 0, end: 12, text: 'Hugging Face' } },
      { start: second, end: TEXT.indexOf('\nLa'), kind: 'statistic', score: 0.4, cues: ['number'] },
    ],
  };
}

/** `paragraphs` lines of an AI-policy article, each with organizations, a statistic and a position. */
const policyArticle = (paragraphs: number): string =>
  Array.from(
    { length: paragraphs },
    (_, i) =>
      `Paragraph ${i}: the European Commission said AI investment rose by ${10 + i}% in 2024, according to the OECD. ` +
      `Researchers at Hugging Face argue that open models will outperform closed ones by ${2030 + (i % 5)}.`,
  ).join('\n');

describe('buildSuggestions', () => {
  it('turns organizations and claims into keyed suggestions in reading order', () => {
    const list = buildSuggestions(result(), TEXT, { ...DEFAULT_SETTINGS.analysis, threshold: 0.3 }, new Set());
    expect(list.map((s) => s.kind)).toEqual(['comparison', 'organization', 'statistic']);
    const org = list.find((s) => s.kind === 'organization')!;
    expect(org.key).toBe('org:Q123');
    expect(org.org).toEqual({ id: 'Q123', name: 'Hugging Face', type: 'ai-lab', source: 'gazetteer' });
    expect(list[0]?.claimant).toBe('Hugging Face');
    expect(list[0]?.key).toBe(suggestionKey('comparison', list[0]!.text));
  });

  it('applies the threshold, the per-kind toggles and the type toggles', () => {
    const s = DEFAULT_SETTINGS.analysis;
    expect(buildSuggestions(result(), TEXT, s, new Set()).map((x) => x.kind)).toEqual(['comparison', 'organization']);
    expect(buildSuggestions(result(), TEXT, { ...s, kinds: { ...s.kinds, comparison: false } }, new Set()).map((x) => x.kind)).toEqual(['organization']);
    expect(buildSuggestions(result(), TEXT, { ...s, organizations: false }, new Set()).map((x) => x.kind)).toEqual(['comparison']);
    expect(buildSuggestions(result(), TEXT, { ...s, enabled: false }, new Set())).toEqual([]);
    expect(buildSuggestions({ ...result(), claimsEnabled: false }, TEXT, s, new Set()).map((x) => x.kind)).toEqual(['organization']);
  });

  it('leaves out what the reader dismissed, by stable key', () => {
    const all = buildSuggestions(result(), TEXT, DEFAULT_SETTINGS.analysis, new Set());
    const dismissed = new Set([all[0]!.key, 'org:Q123']);
    expect(buildSuggestions(result(), TEXT, DEFAULT_SETTINGS.analysis, dismissed)).toEqual([]);
  });

  it('keys claims by their text, so a moved sentence keeps its key', () => {
    expect(suggestionKey('statistic', 'Un chiffre.')).toBe(suggestionKey('statistic', 'Un chiffre.'));
    expect(suggestionKey('statistic', 'Un chiffre.')).not.toBe(suggestionKey('statistic', 'Un autre chiffre.'));
  });
});

describe('parseSettings', () => {
  it.each([
    ['nothing stored', undefined],
    ['not an object', 'garbage'],
    ['no analysis', { version: 1 }],
  ])('gives the defaults for %s', (_name, raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and repairs invalid ones', () => {
    const s = parseSettings({ analysis: { enabled: false, claims: 'yes', threshold: 7, kinds: { causal: false, bogus: true } } });
    expect(s.analysis.enabled).toBe(false);
    expect(s.analysis.claims).toBe(true);
    expect(s.analysis.threshold).toBe(DEFAULT_SETTINGS.analysis.threshold);
    expect(s.analysis.kinds).toEqual({ ...DEFAULT_SETTINGS.analysis.kinds, causal: false });
  });

  it('keeps a known claim convention and repairs an unknown one', () => {
    expect(parseSettings({ analysis: { convention: 'checkworthy' } }).analysis.convention).toBe('checkworthy');
    expect(parseSettings({ analysis: { convention: 'policy' } }).analysis.convention).toBe('policy');
    expect(parseSettings({ analysis: { convention: '<b>x</b>' } }).analysis.convention).toBe('auto');
    expect(DEFAULT_SETTINGS.analysis.convention).toBe('auto');
  });
});

describe('analyzeInChunks', () => {
  const article = Array.from(
    { length: 40 },
    (_, i) => `Paragraph ${i}: the European Commission said AI investment rose by ${10 + i}% in 2024, according to the OECD.`,
  ).join('\n');

  it('cuts at paragraph breaks and covers the text exactly once', () => {
    const bounds = chunkBounds(article, 500);
    expect(bounds[0]![0]).toBe(0);
    expect(bounds.at(-1)![1]).toBe(article.length);
    for (let i = 1; i < bounds.length; i++) {
      expect(bounds[i]![0]).toBe(bounds[i - 1]![1]);
      expect(article[bounds[i]![0] - 1]).toBe('\n');
    }
  });

  it('never cuts inside a word when a chunk has no paragraph break', () => {
    const flat = article.replace(/\n/g, ' ');
    for (const [, end] of chunkBounds(flat, 333).slice(0, -1)) expect(flat[end - 1]).toBe(' ');
  });

  it('finds the same organizations and claims, at the same offsets, as one pass', async () => {
    let yields = 0;
    const chunked = await analyzeInChunks(article, { chunkChars: 600, yieldToHost: async () => void yields++ });
    const whole = analyze(article, { lang: 'en' });
    expect(yields).toBeGreaterThan(3);
    expect(chunked.lang).toBe('en');
    expect(chunked.claims.map((c) => article.slice(c.start, c.end))).toEqual(whole.claims.map((c) => article.slice(c.start, c.end)));
    expect(chunked.orgs.map((o) => `${o.start}:${article.slice(o.start, o.end)}`)).toEqual(
      whole.orgs.map((o) => `${o.start}:${article.slice(o.start, o.end)}`),
    );
    expect(chunked.orgs.length).toBeGreaterThan(0);
  });

  it('stops at the time budget and says so, keeping what it found', async () => {
    let t = 0;
    const r = await analyzeInChunks(article, { chunkChars: 600, budgetMs: 10, now: () => (t += 4) });
    expect(r.gaveUp?.reason).toBe('time-budget');
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await analyzeInChunks(article, { signal: controller.signal });
    expect(r.claims).toEqual([]);
  });
});

describe('progressive analysis (viewport first)', () => {
  const article = policyArticle(60);
  const settings = { ...DEFAULT_SETTINGS.analysis, threshold: 0 };
  const keyed = (list: { key: string; kind: string; start: number; end: number }[]) => list.map((s) => `${s.kind}|${s.key}|${s.start}-${s.end}`);

  it('orders the span on screen first, widened to paragraph breaks, then the rest in document order', () => {
    const at = article.indexOf('Paragraph 30');
    const spans = spanOrder(article, { start: at + 20, end: at + 400 });
    expect(spans[0]![0]).toBe(at);
    expect(article[spans[0]![1] - 1]).toBe('\n');
    expect(spans.slice(1)).toEqual([
      [0, at],
      [spans[0]![1], article.length],
    ]);
    expect(spanOrder(article, null)).toEqual([[0, article.length]]);
    expect(spanOrder(article, { start: 0, end: 0 })).toEqual([[0, article.length]]);
    // No paragraph break (blocks not marked): cut at sentence ends, never inside a word.
    const flat = article.replace(/\n/g, ' ');
    const [[s, e]] = spanOrder(flat, { start: at + 20, end: at + 400 }) as [[number, number]];
    expect(flat.slice(s - 2, s)).toBe('. ');
    expect(flat.slice(e - 2, e)).toBe('. ');
  });

  it('gives each chunk as found, viewport first, and the same merged result and suggestions as one pass', async () => {
    const at = article.indexOf('Paragraph 40');
    const seen: [number, number][] = [];
    const parts: ReturnType<typeof buildSuggestions>[] = [];
    const progressive = await analyzeInChunks(article, {
      chunkChars: 600,
      first: () => ({ start: at, end: at + 300 }),
      onChunk: (part, span) => {
        seen.push(span);
        for (const x of [...part.orgs, ...part.claims]) {
          expect(x.start).toBeGreaterThanOrEqual(span[0]);
          expect(x.end).toBeLessThanOrEqual(span[1]);
        }
        parts.push(buildSuggestions(part, article, settings, new Set()));
      },
    });
    const onePass = await analyzeInChunks(article, { chunkChars: 600 });
    expect(seen[0]![0]).toBe(at);
    // Every character analysed once.
    const covered = [...seen].sort((a, b) => a[0] - b[0]);
    expect(covered[0]![0]).toBe(0);
    expect(covered.at(-1)![1]).toBe(article.length);
    for (let i = 1; i < covered.length; i++) expect(covered[i]![0]).toBe(covered[i - 1]![1]);
    // The merged result is in document order, as a pass from the top gives it.
    expect(progressive).toEqual(onePass);
    const whole = buildSuggestions(onePass, article, settings, new Set());
    expect(whole.length).toBeGreaterThan(100);
    const merged = mergeSuggestions(parts);
    expect(new Set(keyed(merged))).toEqual(new Set(keyed(whole)));
    expect(merged).toEqual(whole);
  });
});

describe('analysis of a text that comes in two parts (its beginning first)', () => {
  const article = policyArticle(120);
  // A still clock: chunk sizes then follow the same rule in both runs (they adapt to the time measured).
  const still = () => 0;
  const run = async (first: { start: number; end: number } | null, prefix?: number) => {
    const seen: [number, number][] = [];
    let asked = 0;
    const result = await analyzeInChunks(prefix === undefined ? article : article.slice(0, prefix), {
      now: still,
      first: () => first,
      onChunk: (_part, span) => void seen.push(span),
      ...(prefix === undefined
        ? {}
        : {
            rest: async () => {
              asked++;
              return article;
            },
          }),
    });
    return { result, seen, asked };
  };

  it('gives the chunks and the result of one pass over the whole text, asking for the rest once', async () => {
    const at = article.indexOf('Paragraph 70');
    for (const first of [null, { start: 0, end: 0 }, { start: at, end: at + 300 }]) {
      const once = await run(first);
      for (const prefix of [0, 1000, 3999, 4000, 6000, 9000, 15_000]) {
        const twice = await run(first, prefix);
        expect(twice.seen).toEqual(once.seen);
        expect(twice.result).toEqual(once.result);
        expect(twice.asked).toBe(1);
      }
    }
  });

  it('analyses the beginning before asking for the rest, when the reading starts at the top', async () => {
    let chunksBeforeRest = -1;
    let chunks = 0;
    await analyzeInChunks(article.slice(0, 9000), {
      now: still,
      onChunk: () => void chunks++,
      rest: async () => {
        chunksBeforeRest = chunks;
        return article;
      },
    });
    expect(chunksBeforeRest).toBeGreaterThan(0);
    expect(chunks).toBeGreaterThan(chunksBeforeRest);
  });

  it('stops when the rest cannot be had', async () => {
    const r = await analyzeInChunks(article.slice(0, 9000), { now: still, rest: async () => null });
    expect(r.claims.every((c) => c.end <= 9000)).toBe(true);
  });
});
