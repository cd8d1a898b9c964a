import { describe, expect, it } from 'vitest';
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
