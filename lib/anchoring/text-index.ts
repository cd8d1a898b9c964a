/**
 * The normalised visible text of a DOM subtree, with a compact map back to text nodes.
 *
 * Normalisation (kept identical to `pageText()` in ../shared/corpus/mutate.mjs so offsets are
 * comparable with its manifests): visible text only, runs of ASCII whitespace collapsed to one
 * space, one space at block-element boundaries, no leading space. Block-ness comes from a tag list,
 * not computed style, so Node (happy-dom, linkedom) and the browser produce the same text.
 * U+00A0 is *not* collapsed (it is not collapsible whitespace in HTML either).
 *
 * No globals: the document comes from `root.ownerDocument`, so this runs in the page, in
 * happy-dom and in linkedom alike.
 */
import { runSteps, runStepsSliced, type SliceOptions } from '../steps';

/** Elements whose start or end separates text (a space in the normalised text). Same list as mutate.mjs. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(
  'address article aside blockquote body br center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody thead tfoot td th tr caption ul option select legend'.split(
    ' ',
  ),
);

/** Elements whose text is never rendered (mutate.mjs's list, plus svg <desc>). */
export const HIDDEN_TAGS: ReadonlySet<string> = new Set(
  'head script style noscript template textarea title iframe select option noembed noframes object desc'.split(' '),
);

const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;

export interface TextIndexOptions {
  /** Return true to leave an element (and its subtree) out, e.g. the extension's own UI host. */
  skip?: (el: Element) => boolean;
}

export interface TextIndex {
  /** The normalised text. */
  readonly text: string;
  /** A DOM range for normalised offsets [start, end), or null when out of bounds or empty. */
  rangeFor(start: number, end: number): Range | null;
  /** Normalised offsets of a DOM range, or null when it lies outside the indexed text. */
  offsetsOf(range: Range): { start: number; end: number } | null;
  /**
   * The same text with each block-boundary space replaced by '\n' (same length, same offsets):
   * paragraph and heading boundaries matter to sentence splitting in the analysis.
   */
  blockText(): string;
  /**
   * False for a prefix (`TextIndexBuild.prefix`): its text and offsets are those of the whole
   * index, but `offsetsOf` is null for what lies past its end.
   */
  readonly complete: boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function isSkipped(el: Element, name: string, skip: TextIndexOptions['skip']): boolean {
  if (HIDDEN_TAGS.has(name)) return true;
  // Most elements have no attribute at all: one call instead of two lookups.
  if (!el.hasAttributes()) return skip ? skip(el) : false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  return skip ? skip(el) : false;
}

/**
 * Per indexed text node: `ns` = normalised offset of its first emitted character, `ne` = end.
 * `cp` is null when raw offset = normalised offset - ns (the common case); otherwise a flat list
 * of checkpoints [n0, r0, n1, r1, ...] (relative offsets): for n in [n_k, n_{k+1}), raw = r_k + n - n_k.
 * Nodes that emit nothing are not indexed.
 */
class DomTextIndex implements TextIndex {
  readonly text: string;
  private readonly nodes: Text[];
  private readonly ns: Int32Array;
  private readonly ne: Int32Array;
  private readonly cps: (number[] | null)[];
  /** Index of each text node, built on the first `offsetsOf` (painting only needs `rangeFor`). */
  private posMap: Map<Node, number> | null = null;
  private readonly root: Node;

  /** Offsets of the spaces that stand for a block boundary (whether or not a text node holds them). */
  private readonly blockSeps: number[];

  readonly complete: boolean;

  constructor(root: Node, text: string, nodes: Text[], ns: number[], ne: number[], cps: (number[] | null)[], blockSeps: number[] = [], complete = true) {
    this.root = root;
    this.complete = complete;
    this.blockSeps = blockSeps;
    this.text = text;
    this.nodes = nodes;
    this.ns = Int32Array.from(ns);
    this.ne = Int32Array.from(ne);
    this.cps = cps;
  }

  private get pos(): Map<Node, number> {
    if (!this.posMap) {
      this.posMap = new Map();
      for (let i = 0; i < this.nodes.length; i++) this.posMap.set(this.nodes[i]!, i);
    }
    return this.posMap;
  }

  blockText(): string {
    // Block boundaries are single spaces in `text`; a boundary's space may sit in a gap between
    // nodes or inside a whitespace-only text node between two blocks (the usual "</p>\n<p>").
    // Built from slices between the (few) boundaries, not character by character.
    const text = this.text;
    const length = text.length;
    const parts: string[] = [];
    let from = 0;
    const cut = (k: number) => {
      if (k < from) return; // a boundary space that is also a gap: already cut
      parts.push(text.slice(from, k), '\n');
      from = k + 1;
    };
    const seps = this.blockSeps;
    let s = 0;
    // Both lists are in text order: merged as they go.
    const sepsBefore = (k: number) => {
      for (; s < seps.length && seps[s]! < k; s++) if (seps[s]! < length && text.charCodeAt(seps[s]!) === 32) cut(seps[s]!);
    };
    let at = 0;
    for (let i = 0; i <= this.nodes.length; i++) {
      const gapEnd = i < this.nodes.length ? this.ns[i]! : length;
      for (let k = at; k < gapEnd; k++) {
        sepsBefore(k);
        cut(k);
      }
      if (i < this.nodes.length) at = this.ne[i]!;
    }
    sepsBefore(length);
    if (from === 0) return text;
    parts.push(text.slice(from));
    return parts.join('');
  }

  /** First node whose end is > offset (binary search). */
  private nodeAfter(offset: number): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ne[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private rawOf(i: number, rel: number): number {
    const cp = this.cps[i];
    if (!cp) return rel;
    let k = 0;
    while (k + 2 < cp.length && cp[k + 2]! <= rel) k += 2;
    return cp[k + 1]! + rel - cp[k]!;
  }

  private relOf(i: number, raw: number): number {
    const len = this.ne[i]! - this.ns[i]!;
    const cp = this.cps[i];
    if (!cp) return Math.max(0, Math.min(raw, len));
    let rel = 0;
    for (let k = 0; k < cp.length; k += 2) {
      const n = cp[k]!;
      const r = cp[k + 1]!;
      if (raw < r) break; // inside a dropped whitespace run: snap to the next emitted char
      const segEnd = k + 2 < cp.length ? cp[k + 2]! : len;
      rel = Math.min(n + (raw - r), segEnd);
    }
    return rel;
  }

  rangeFor(start: number, end: number): Range | null {
    const n = this.nodes.length;
    if (!(start >= 0 && end > start && end <= this.text.length) || n === 0) return null;
    // start: the first node ending after `start`; if `start` is a block-boundary space (in a gap), its next node.
    const si = this.nodeAfter(start);
    // end: the last node starting before `end`.
    let ei = this.nodeAfter(end - 1);
    if (si >= n || ei >= n) return null;
    if (this.ns[ei]! >= end) ei--;
    if (ei < si) return null; // only boundary spaces selected
    const sRel = Math.max(0, start - this.ns[si]!);
    const eRel = Math.min(end, this.ne[ei]!) - this.ns[ei]!;
    const doc = this.root.ownerDocument ?? (this.root as Document);
    const range = doc.createRange();
    range.setStart(this.nodes[si]!, this.rawOf(si, sRel));
    range.setEnd(this.nodes[ei]!, this.rawOf(ei, eRel - 1) + 1);
    return range;
  }

  /** Normalised offset of a boundary point; `asEnd` decides which side a gap falls on. */
  private offsetOf(container: Node, offset: number, asEnd: boolean): number | null {
    const i = this.pos.get(container);
    // (A prefix's last node may end with a space it leaves out, see `snapshot`.)
    if (i !== undefined) return Math.min(this.ns[i]! + this.relOf(i, offset), this.text.length);
    let next: Node | null;
    if (container.nodeType === TEXT_NODE || container.nodeType === 8 /* comment */) {
      next = followingNode(container, this.root);
      if (offset === 0) next = container;
    } else {
      const child = container.childNodes[offset];
      next = child ?? followingNode(container, this.root);
    }
    // A prefix knows nothing past its last node: no walk to the end of the page.
    const last = this.nodes[this.nodes.length - 1];
    if (!this.complete && next && (!last || last.compareDocumentPosition(next) & 4 /* FOLLOWING */)) return null;
    // Walk forward to the first indexed text node at/after the boundary.
    let steps = 0;
    for (let node = next; node; node = nextInTree(node, this.root)) {
      const j = this.pos.get(node);
      if (j !== undefined) return asEnd ? (j > 0 ? this.ne[j - 1]! : 0) : this.ns[j]!;
      if (++steps > 200_000) return null;
    }
    // Past the last indexed node: the end of the text, or unknown in a prefix.
    if (!this.complete) return null;
    return this.nodes.length ? (asEnd ? this.ne[this.nodes.length - 1]! : this.text.length) : 0;
  }

  offsetsOf(range: Range): { start: number; end: number } | null {
    if (!this.root.contains(range.startContainer) && range.startContainer !== this.root) return null;
    const start = this.offsetOf(range.startContainer, range.startOffset, false);
    const end = this.offsetOf(range.endContainer, range.endOffset, true);
    if (start === null || end === null) return null;
    return { start, end: Math.max(start, end) };
  }
}

function nextInTree(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  return followingNode(node, root);
}

function followingNode(node: Node, root: Node): Node | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/** Builds the normalised text of `root` and its map back to text nodes. Linear in the DOM size. */
export function buildTextIndex(rootNode: Node, opts: TextIndexOptions = {}): TextIndex {
  return runSteps(indexSteps(rootNode, opts));
}

export interface SlicedIndexOptions extends TextIndexOptions, SliceOptions {}

/**
 * The same index, built in slices of at most ~sliceMs with `yieldToHost` between them, so a
 * very large page (a long Wikipedia article) never holds the main thread for long. The DOM may
 * change between slices; callers rebuild on mutations anyway.
 */
export function buildTextIndexSliced(rootNode: Node, opts: SlicedIndexOptions): Promise<TextIndex | null> {
  return runStepsSliced(indexSteps(rootNode, opts), opts);
}

/** An index being built in slices, whose beginning can be used before the rest is built. */
export interface TextIndexBuild {
  /**
   * The index of the text so far, once it holds at least `chars` characters (the whole index when
   * the text is shorter: then `complete`); null when the signal aborted. The build stops there
   * until asked for more.
   */
  prefix(chars: number): Promise<TextIndex | null>;
  /** The whole index (the build goes on from where it stopped); null when the signal aborted. */
  complete(): Promise<TextIndex | null>;
}

/**
 * Starts building the index in slices, as `buildTextIndexSliced`, but on demand: `prefix` builds
 * only the beginning (what is on screen at the top of an article), `complete` the rest.
 */
export function startTextIndex(rootNode: Node, opts: SlicedIndexOptions): TextIndexBuild {
  const probe: IndexProbe = {};
  const steps = indexSteps(rootNode, opts, probe);
  let whole: TextIndex | null | undefined;
  // Asks run one after another (a generator cannot be resumed while it runs).
  let queue: Promise<unknown> = Promise.resolve();
  const drive = (chars: number): Promise<TextIndex | null> => {
    const next = queue.then(async () => {
      if (whole !== undefined) return whole;
      const r = await runStepsSliced(upTo(steps, chars), opts);
      if (r === null || r instanceof DomTextIndex) return (whole = r);
      return probe.snapshot!();
    });
    queue = next;
    return next;
  };
  return { prefix: (chars) => drive(chars), complete: () => drive(Infinity) };
}

/** Steps of `steps` until it has indexed `chars` characters ('more': it is not done) or is done. */
function* upTo(steps: Generator<number, TextIndex>, chars: number): Generator<void, TextIndex | 'more'> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (r.value >= chars) return 'more';
    yield;
  }
}

/** Nodes visited between two chances to yield. */
const NODES_PER_STEP = 200;

/** Filled by `indexSteps`: the index of what is built so far. */
interface IndexProbe {
  snapshot?: () => TextIndex;
}

/** Yields the length of the text so far between steps; returns the index. */
function* indexSteps(rootNode: Node, opts: TextIndexOptions, probe?: IndexProbe): Generator<number, TextIndex> {
  // A Document: walk its root element (linkedom keeps the doctype outside the sibling chain).
  const root: Node = rootNode.nodeType === 9 ? ((rootNode as Document).documentElement ?? rootNode) : rootNode;
  const skip = opts.skip;
  const parts: string[] = [];
  const nodes: Text[] = [];
  const nsArr: number[] = [];
  const neArr: number[] = [];
  const cps: (number[] | null)[] = [];
  let length = 0;
  let lastIsSpace = true; // nothing emitted yet: a leading space is never emitted
  let pendingSep = false;
  const blockSeps: number[] = [];
  /** A block starts or ends: if a space was just emitted, it is that boundary's separator. */
  const blockBoundary = () => {
    pendingSep = true;
    if (lastIsSpace && length > 0) blockSeps.push(length - 1);
  };

  // Whitespace runs that normalisation changes: any run holding a tab or line break, two or more
  // spaces, a space at either end of the node. A single space between two words stays as it is.
  // Found with a regular expression, not a loop over characters: this runs once per page, in cold
  // code, where the native scan is faster (and most text nodes are one verbatim slice).
  const changedWs = /[\t\n\f\r][\t\n\f\r ]*| [\t\n\f\r ]+|^ | $/g;
  const visitText = (node: Text) => {
    const data = node.data;
    const n = data.length;
    if (n === 0) return;
    let cp: number[] | null = null;
    let nodeStart = -1; // normalised offset of the first emitted char
    let i = 0;
    let emittedRel = 0;
    // `delta` = raw - rel for the current segment; a checkpoint is needed when it changes.
    let delta = 0;
    const mark = (raw: number) => {
      if (nodeStart < 0) nodeStart = length;
      const d = raw - emittedRel;
      if (d !== delta || (cp === null && emittedRel === 0 && d !== 0)) {
        if (cp === null) cp = emittedRel === 0 ? [] : [0, 0];
        cp.push(emittedRel, raw);
        delta = d;
      }
    };
    changedWs.lastIndex = 0;
    while (i < n) {
      const run = changedWs.exec(data);
      const runStart = run ? run.index : n;
      if (runStart > i) {
        // A verbatim segment (single spaces between words included): emitted as it is.
        if (pendingSep) {
          // the block-boundary space belongs to no node: it sits in the gap before this one
          if (!lastIsSpace) {
            blockSeps.push(length);
            parts.push(' ');
            length++;
          }
          pendingSep = false;
        }
        mark(i);
        lastIsSpace = false;
        parts.push(i === 0 && runStart === n ? data : data.slice(i, runStart));
        length += runStart - i;
        emittedRel += runStart - i;
      }
      if (!run) break;
      // A whitespace run: one space, unless one was just emitted.
      if (!lastIsSpace) {
        mark(runStart);
        if (pendingSep) blockSeps.push(length);
        parts.push(' ');
        length++;
        emittedRel++;
        lastIsSpace = true;
      }
      pendingSep = false;
      i = runStart + run[0].length;
    }
    if (nodeStart >= 0) {
      nodes.push(node);
      nsArr.push(nodeStart);
      neArr.push(length);
      cps.push(cp);
    }
  };

  if (probe) {
    probe.snapshot = () => {
      let text = parts.join('');
      // A space just emitted may yet become a block boundary, or be trimmed as the last one:
      // the prefix stops before it, so all it holds is as in the whole index.
      if (lastIsSpace && text.length > 0) text = text.slice(0, -1);
      const blocks = blockSeps.filter((k) => k < text.length);
      return new DomTextIndex(root, text, nodes.slice(), nsArr.slice(), neArr.slice(), cps.slice(), blocks, false);
    };
  }

  // Iterative pre-order walk (deep pages would overflow a recursive one).
  let node: Node | null = root.firstChild;
  if (root.nodeType === TEXT_NODE) visitText(root as Text);
  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_STEP === 0) yield length;
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      visitText(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      const block = BLOCK_TAGS.has(name);
      if (block) blockBoundary();
      if (!isSkipped(el, name, skip)) descend = node.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // leave: climb until a sibling exists, marking block ends on the way
    while (node && node !== root) {
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
      if (node && node !== root && node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName)) {
        blockBoundary();
      }
      if (node === root) node = null;
    }
    if (node === root) node = null;
  }
  let text = parts.join('');
  // Trim the one trailing space a final whitespace run or block may leave (never a leading one).
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    const last = nodes.length - 1;
    if (last >= 0 && neArr[last]! > text.length) {
      neArr[last] = text.length;
      if (neArr[last] === nsArr[last]) {
        nodes.pop();
        nsArr.pop();
        neArr.pop();
        cps.pop();
      }
    }
  }
  return new DomTextIndex(root, text, nodes, nsArr, neArr, cps, blockSeps);
}
