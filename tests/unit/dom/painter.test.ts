import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createPainter } from '../../../lib/dom/painter';

/** The Highlight API and IntersectionObserver, faked: the test decides what is near the screen. */
function fakeWindow(html: string, tops: Record<string, number>) {
  const { window, document } = parseHTML(html);
  const registry = new Map<string, Set<unknown>>();
  class FakeHighlight extends Set<unknown> {
    priority = 0;
  }
  let observerCallback: ((entries: { target: Element; isIntersecting: boolean }[]) => void) | undefined;
  const observed = new Set<Element>();
  class FakeIO {
    constructor(cb: typeof observerCallback) {
      observerCallback = cb;
    }
    observe(el: Element) {
      observed.add(el);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  }
  // Element positions by id: top of the element in viewport pixels (each 20 px tall).
  for (const el of document.querySelectorAll('[id]')) {
    const top = tops[el.id] ?? 0;
    (el as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = () => ({ top, bottom: top + 20 });
  }
  const win = Object.assign(window, {
    CSS: { highlights: registry },
    Highlight: FakeHighlight,
    IntersectionObserver: FakeIO,
    innerHeight: 1000,
  }) as unknown as Window & typeof globalThis;
  // The painter reads only where a range starts (linkedom has no Range.setStart).
  const rangeIn = (id: string) => ({ startContainer: document.getElementById(id)!.firstChild!, id }) as unknown as Range;
  /** The observer reports `id` entering (true) or leaving (false) the margin around the screen. */
  const scroll = (id: string, isIntersecting: boolean) => observerCallback?.([{ target: document.getElementById(id)!, isIntersecting }]);
  return { win, registry, rangeIn, scroll, observed, document };
}

const PAGE = '<html><body><p id="a">Alpha one</p><p id="b">Beta two</p><p id="c">Gamma three</p></body></html>';

describe('createPainter, nearViewport', () => {
  it('registers only highlights near the screen, and the others as the reader scrolls to them', () => {
    const { win, registry, rangeIn, scroll, observed } = fakeWindow(PAGE, { a: 100, b: 1900, c: 5000 });
    const painter = createPainter(win, ['org'], 'pl-', { nearViewport: true });
    painter.paint('1', rangeIn('a'), 'org');
    painter.paint('2', rangeIn('b'), 'org');
    painter.paint('3', rangeIn('c'), 'org');
    const org = registry.get('pl-org')!;
    // a is on screen, b within one screen below it, c four screens further.
    expect([painter.size, painter.registeredSize, org.size]).toEqual([3, 2, 2]);
    expect(observed.size).toBe(3);
    scroll('c', true);
    scroll('a', false);
    expect(painter.registeredSize).toBe(2);
    expect([...org]).toEqual([painter.rangeOf('2'), painter.rangeOf('3')]);
    // Unpainting a far highlight leaves the registry alone and stops watching its element.
    painter.unpaint('1');
    expect([painter.size, painter.registeredSize, observed.size]).toEqual([2, 2, 2]);
    scroll('a', true);
    expect(painter.registeredSize).toBe(2);
    painter.clear();
    expect([painter.size, painter.registeredSize, org.size, observed.size]).toEqual([0, 0, 0, 0]);
  });

  it('registers everything without the option (user highlights)', () => {
    const { win, registry, rangeIn, observed } = fakeWindow(PAGE, { a: 100, b: 1900, c: 5000 });
    const painter = createPainter(win, ['blue'], 'pl-');
    for (const id of ['a', 'b', 'c']) painter.paint(id, rangeIn(id), 'blue');
    expect([painter.size, painter.registeredSize, registry.get('pl-blue')!.size, observed.size]).toEqual([3, 3, 3, 0]);
  });

  it('keeps a highlight painted twice once, under its latest name', () => {
    const { win, registry, rangeIn } = fakeWindow(PAGE, { a: 100 });
    const painter = createPainter(win, ['org', 'claim'], 'pl-', { nearViewport: true });
    painter.paint('1', rangeIn('a'), 'org');
    painter.paint('1', rangeIn('a'), 'claim');
    expect([registry.get('pl-org')!.size, registry.get('pl-claim')!.size, painter.size]).toEqual([0, 1, 1]);
  });
});
