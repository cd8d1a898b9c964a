/**
 * Paints highlights with the CSS Custom Highlight API (https://drafts.csswg.org/css-highlight-api-1/):
 * no element is added to the page, so text nodes are never split and frameworks re-rendering the
 * page are not disturbed. The `::highlight(policy-lens-*)` rules come from the content script's
 * manifest stylesheet. Highlights have no events: `hitTest` finds them from a point.
 *
 * With `nearViewport`, only the highlights within a screen's height of the viewport are in the
 * browser's registry; the others are kept and added as the reader scrolls to them (an
 * IntersectionObserver on their elements). Chromium rebuilds the markers of every registered range
 * in each frame where any highlight changed, so a long article's thousand suggestions made one
 * rendering task of 50-110 ms when they were all added; a few dozen cost a few milliseconds.
 */

export const HIGHLIGHT_PREFIX = 'policy-lens-';
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;

export interface Painter<N extends string = string> {
  /** Whether the browser supports the Highlight API (if not, highlights are listed but not painted). */
  readonly supported: boolean;
  /** Paints `range` under the highlight `name` (a colour, or a suggestion kind). */
  paint(id: string, range: Range, name: N): void;
  unpaint(id: string): void;
  /** Marks one highlight as focused (keyboard navigation), or none. */
  focus(id: string | null): void;
  rangeOf(id: string): Range | undefined;
  /** Ids of painted highlights under the viewport point (x, y). */
  hitTest(x: number, y: number): string[];
  /** Highlights painted (whether or not in the browser's registry yet). */
  readonly size: number;
  /** Highlights in the browser's registry (all of them, unless `nearViewport`). */
  readonly registeredSize: number;
  clear(): void;
  destroy(): void;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

export interface PainterOptions {
  /** Register only the highlights near the viewport (see above); the others wait to be scrolled to. */
  nearViewport?: boolean;
}

/** How far beyond the viewport (in viewport heights, above and below) highlights are registered. */
const NEAR_SCREENS = 1;

/** The element whose position stands for a range's: its start's element. */
function elementOf(range: Range): Element | null {
  const n = range.startContainer;
  return n.nodeType === 1 ? (n as Element) : n.parentElement;
}

/**
 * A set of highlights named `${prefix}${name}` for each of `names`, plus `${prefix}focus`.
 * User highlights use the colour names; automatic suggestions use another prefix and their kinds.
 */
export function createPainter<N extends string>(
  win: Window & typeof globalThis,
  names: readonly N[],
  prefix = HIGHLIGHT_PREFIX,
  opts: PainterOptions = {},
): Painter<N> {
  const doc = win.document;
  const registry = win.CSS && 'highlights' in win.CSS ? win.CSS.highlights : undefined;
  const Ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  const supported = Boolean(registry && Ctor);
  const byName = new Map<N, Highlight>();
  const focusName = `${prefix}focus`;
  let focusHighlight: Highlight | undefined;
  if (supported) {
    for (const name of names) {
      const h = new Ctor!();
      byName.set(name, h);
      registry!.set(`${prefix}${name}`, h);
    }
    focusHighlight = new Ctor!();
    focusHighlight.priority = 1;
    registry!.set(focusName, focusHighlight);
  }
  const painted = new Map<string, { range: Range; name: N; el: Element | null }>();
  let focused: string | null = null;

  // Near-viewport registration: which painted ids each observed element carries, and whether the
  // element is near the viewport (as the observer last said, or as measured when first seen).
  const IO = opts.nearViewport && supported ? win.IntersectionObserver : undefined;
  const idsOf = new Map<Element, Set<string>>();
  const near = new Map<Element, boolean>();
  const registered = new Set<string>();
  const register = (id: string) => {
    const entry = painted.get(id);
    if (!entry || registered.has(id)) return;
    registered.add(id);
    byName.get(entry.name)?.add(entry.range);
  };
  const unregister = (id: string) => {
    const entry = painted.get(id);
    if (!entry || !registered.delete(id)) return;
    byName.get(entry.name)?.delete(entry.range);
  };
  const observer = IO
    ? new IO(
        (entries) => {
          for (const e of entries) {
            near.set(e.target, e.isIntersecting);
            for (const id of idsOf.get(e.target) ?? []) (e.isIntersecting ? register : unregister)(id);
          }
        },
        { rootMargin: `${NEAR_SCREENS * 100}% 0px` },
      )
    : undefined;
  /** Is `el` within NEAR_SCREENS viewport heights of the viewport (measured once, when first painted)? */
  const measure = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const h = win.innerHeight;
    return r.bottom >= -NEAR_SCREENS * h && r.top <= (1 + NEAR_SCREENS) * h;
  };

  const caretAt = (x: number, y: number): { node: Node; offset: number } | null => {
    const d = doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    if (d.caretPositionFromPoint) {
      const p = d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    const r = d.caretRangeFromPoint?.(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  };

  return {
    supported,
    paint(id, range, name) {
      this.unpaint(id);
      const el = observer ? elementOf(range) : null;
      painted.set(id, { range, name, el });
      if (focused === id) focusHighlight?.add(range);
      if (!observer || !el) {
        register(id);
        return;
      }
      let ids = idsOf.get(el);
      if (!ids) {
        idsOf.set(el, (ids = new Set()));
        near.set(el, measure(el));
        observer.observe(el);
      }
      ids.add(id);
      if (near.get(el)) register(id);
    },
    unpaint(id) {
      const entry = painted.get(id);
      if (!entry) return;
      unregister(id);
      focusHighlight?.delete(entry.range);
      painted.delete(id);
      const ids = entry.el ? idsOf.get(entry.el) : undefined;
      if (ids && entry.el) {
        ids.delete(id);
        if (ids.size === 0) {
          idsOf.delete(entry.el);
          near.delete(entry.el);
          observer?.unobserve(entry.el);
        }
      }
    },
    focus(id) {
      focusHighlight?.clear();
      focused = id;
      const entry = id ? painted.get(id) : undefined;
      if (entry) focusHighlight?.add(entry.range);
    },
    rangeOf(id) {
      return painted.get(id)?.range;
    },
    hitTest(x, y) {
      const caret = caretAt(x, y);
      if (!caret) return [];
      const hits: string[] = [];
      for (const [id, { range }] of painted) {
        try {
          if (range.isPointInRange(caret.node, caret.offset) && !(range.endContainer === caret.node && range.endOffset === caret.offset)) {
            hits.push(id);
          }
        } catch {
          // A range whose nodes left the document: ignore until re-anchored.
        }
      }
      return hits;
    },
    get size() {
      return painted.size;
    },
    get registeredSize() {
      return registered.size;
    },
    clear() {
      for (const h of byName.values()) h.clear();
      focusHighlight?.clear();
      painted.clear();
      registered.clear();
      observer?.disconnect();
      idsOf.clear();
      near.clear();
    },
    destroy() {
      this.clear();
      if (registry) {
        for (const name of names) registry.delete(`${prefix}${name}`);
        registry.delete(focusName);
      }
    },
  };
}
