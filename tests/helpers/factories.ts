/**
 * Test data factories: sensible defaults, overridden per test. Ids are deterministic
 * (a counter), so failures are reproducible.
 */
import { makeBody, type Annotation, type PageRecord } from '../../lib/model';

let counter = 0;

/** A fresh `urn:uuid:` id that passes the protocol's id check. */
export function nextId(): string {
  counter++;
  return `urn:uuid:00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export interface AnnotationOverrides extends Partial<Annotation> {
  /** Shorthand for `target.selector[0].exact`. */
  quote?: string;
  /** Shorthand for the commenting body. */
  note?: string;
  /** Shorthand for the tagging bodies. */
  tags?: string[];
}

/** An annotation on https://example.org/article unless overridden. */
export function makeAnnotation(overrides: AnnotationOverrides = {}): Annotation {
  const { quote, note, tags, ...rest } = overrides;
  const pageId = rest.pageId ?? 'https://example.org/article';
  const exact = quote ?? 'The regulation applies to general-purpose AI models.';
  const created = rest.created ?? '2025-03-01T10:00:00.000Z';
  return {
    id: nextId(),
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    created,
    modified: rest.modified ?? created,
    creator: 'local',
    target: {
      source: pageId,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: exact.length },
      ],
    },
    body: makeBody(note ?? '', tags ?? []),
    color: 'yellow',
    pageId,
    ...rest,
  };
}

/** A page record for https://example.org/article unless overridden. */
export function makePage(overrides: Partial<PageRecord> = {}): PageRecord {
  const id = overrides.id ?? 'https://example.org/article';
  return {
    id,
    urls: [id],
    title: 'The AI Act explained',
    site: 'example.org',
    byline: '',
    published: '',
    lang: 'en',
    textHash: '0123456789abcdef',
    simhash: '0123456789abcdef',
    textLength: 1000,
    firstSeen: '2025-03-01T09:00:00.000Z',
    lastSeen: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}
