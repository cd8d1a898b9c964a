/**
 * Paints highlights with the CSS Custom Highlight API (https://drafts.csswg.org/css-highlight-api-1/):
 * no element is added to the page, so text nodes are never split and frameworks re-rendering the
 * page are not disturbed. The `::highlight(policy-lens-*)` rules come from the content script's
 * manifest stylesheet. Highlights have no events: `hitTest` finds them from a point.
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
  readonly size: number;
  clear(): void;
  destroy(): void;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

/**
 * A set of highlights named `${prefix}${name}` for each of `names`, plus `${prefix}focus`.
 * User highlights use the colour names; automatic suggestions use another prefix and their kinds.
 */
export function createPainter<N extends string>(
  win: Window & typeof globalThis,
  names: readonly N[],
  prefix = HIGHLIGHT_PREFIX,
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
  const painted = new Map<string, { range: Range; name: N }>();
  let focused: string | null = null;

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
      painted.set(id, { range, name });
      byName.get(name)?.add(range);
      if (focused === id) focusHighlight?.add(range);
    },
    unpaint(id) {
      const entry = painted.get(id);
      if (!entry) return;
      byName.get(entry.name)?.delete(entry.range);
      focusHighlight?.delete(entry.range);
      painted.delete(id);
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
    clear() {
      for (const h of byName.values()) h.clear();
      focusHighlight?.clear();
      painted.clear();
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
