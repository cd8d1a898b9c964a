import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hammingDistance, SAME_ARTICLE_MAX_DISTANCE, simhash, textHash } from '../../lib/fingerprint';

const article = Array.from(
  { length: 60 },
  (_, i) => `Sentence ${i} says the regulator will publish guidance on general-purpose models in ${2020 + (i % 6)}.`,
).join(' ');

describe('fingerprints', () => {
  it('textHash ignores whitespace and case but not words', () => {
    expect(textHash('The  AI\nAct')).toBe(textHash('the ai act'));
    expect(textHash('The AI Act')).not.toBe(textHash('The AI Acts'));
    expect(textHash('')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('simhash is close for a lightly edited article and far for another one', () => {
    const edited = article.replace('Sentence 10 says', 'Update: corrected. Sentence 10 says');
    const other = article
      .split(' ')
      .map((w, i) => (i % 3 === 0 ? `x${i}` : w))
      .join(' ');
    expect(simhash(article)).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(simhash(article), simhash(article))).toBe(0);
    expect(hammingDistance(simhash(article), simhash(edited))).toBeLessThanOrEqual(SAME_ARTICLE_MAX_DISTANCE);
    expect(hammingDistance(simhash(article), simhash(other))).toBeGreaterThan(SAME_ARTICLE_MAX_DISTANCE);
  });

  it('hammingDistance counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0000000000000001', '0000000000000003')).toBe(1);
  });
});

describe('simhash stays the stored format', () => {
  // The straightforward definition: FNV-1a (two seeds) of each joined 4-word shingle, finalised,
  // bits voted. Fingerprints already stored in readers' databases were made this way, so the
  // word-by-word implementation must give the very same hashes.
  function reference(text: string): string {
    const h32 = (s: string, seed: number): number => {
      let h = seed >>> 0;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d);
      h ^= h >>> 12;
      return h >>> 0;
    };
    const words = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
    const weights = new Array<number>(64).fill(0);
    for (let i = 0; i < Math.max(1, words.length - 3); i++) {
      const shingle = words.slice(i, i + 4).join(' ');
      const lo = h32(shingle, 0x9747b28c);
      const hi = h32(shingle, 0x85ebca6b);
      for (let b = 0; b < 32; b++) {
        weights[b]! += (lo >>> b) & 1 ? 1 : -1;
        weights[b + 32]! += (hi >>> b) & 1 ? 1 : -1;
      }
    }
    let lo = 0;
    let hi = 0;
    for (let b = 0; b < 32; b++) {
      if (weights[b]! > 0) lo |= 1 << b;
      if (weights[b + 32]! > 0) hi |= 1 << b;
    }
    return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
  }

  it('equals the joined-shingle definition on short, empty and mixed-script texts', () => {
    for (const t of ['', 'a', 'a b c', 'one two three four', 'Ünïcode  wörds\n\tand ÉMOJI 😀 here now today', 'La CNIL et l’OCDE publient, selon Le Monde, un avis.']) {
      expect(simhash(t), JSON.stringify(t)).toBe(reference(t));
    }
  });

  it('equals it on random word sequences (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('AI', 'policy', 'the', 'OECD', 'ÉTATS', 'unis', 'x', '42', '—', 'naïve'), { maxLength: 60 }), (ws) => {
        const t = ws.join(' ');
        expect(simhash(t)).toBe(reference(t));
      }),
    );
  });
});
