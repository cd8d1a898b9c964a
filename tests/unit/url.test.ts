import { describe, expect, it } from 'vitest';
import { normalizeUrl, pageUrlCandidates } from '../../lib/url';

describe('normalizeUrl', () => {
  it.each([
    ['https://www.example.org/a/b?utm_source=x&utm_medium=y#frag', 'https://example.org/a/b'],
    ['http://example.org/a/b/', 'https://example.org/a/b'],
    ['https://EXAMPLE.org:443/a', 'https://example.org/a'],
    ['https://example.org/a?b=2&a=1&fbclid=z&gclid=q', 'https://example.org/a?a=1&b=2'],
    ['https://example.org/story/amp', 'https://example.org/story'],
    ['https://example.org/amp/story', 'https://example.org/story'],
    ['https://amp.example.org/story.amp.html', 'https://example.org/story.html'],
    ['https://example.org/', 'https://example.org/'],
    ['https://example.org/index.html', 'https://example.org/'],
    ['https://user:pw@example.org/x', 'https://example.org/x'],
    ['https://example.org/a?id=1&id=2', 'https://example.org/a?id=1&id=2'],
    ['https://m.lemonde.fr/article?xtor=RSS', 'https://lemonde.fr/article'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'chrome-extension://abc/popup.html', ''])(
    'refuses %s',
    (input) => {
      expect(normalizeUrl(input)).toBeNull();
    },
  );

  it('resolves relative URLs against a base', () => {
    expect(normalizeUrl('/b?utm_campaign=1', 'https://example.org/a')).toBe('https://example.org/b');
  });
});

describe('pageUrlCandidates', () => {
  it('puts the canonical link first and keeps the location', () => {
    expect(
      pageUrlCandidates({
        location: 'https://example.org/amp/story?utm_source=t',
        canonical: 'https://www.example.org/story',
        ogUrl: 'https://example.org/story',
      }),
    ).toEqual(['https://example.org/story']);
    expect(pageUrlCandidates({ location: 'https://news.site/a?ref=1', canonical: 'https://news.site/a-better' })).toEqual([
      'https://news.site/a-better',
      'https://news.site/a?ref=1',
    ]);
  });

  it('ignores a canonical link to the site root from an article', () => {
    expect(pageUrlCandidates({ location: 'https://news.site/story/1', canonical: 'https://news.site/' })).toEqual([
      'https://news.site/story/1',
    ]);
  });

  it('does not take another site\'s address from the page as an identity', () => {
    expect(
      pageUrlCandidates({ location: 'https://copycat.example/post', canonical: 'https://news.site/story', ogUrl: 'https://news.site/story', ampUrl: 'https://news.site/story/amp' }),
    ).toEqual(['https://copycat.example/post']);
    // AMP and www. variants of the same site still count as the same site (after normalising).
    expect(pageUrlCandidates({ location: 'https://amp.news.site/story.amp.html', canonical: 'https://www.news.site/story.html' })).toEqual(['https://news.site/story.html']);
  });

  it('resolves relative canonical links and drops non-http ones', () => {
    expect(pageUrlCandidates({ location: 'https://news.site/x', canonical: '/y', ogUrl: 'javascript:void(0)' })).toEqual([
      'https://news.site/y',
      'https://news.site/x',
    ]);
  });
});
