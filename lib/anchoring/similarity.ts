/**
 * Small string-similarity helpers for scoring anchoring candidates. Pure.
 */

let rowA = new Int32Array(128);
let rowB = new Int32Array(128);

/**
 * Edit distance between `pattern` and the best-matching *suffix* of `text` (the start of `text`
 * is free, its end is anchored). Used to compare a stored prefix with the text before a
 * candidate, so an insertion or deletion in the context costs only its own length.
 */
export function suffixAlignedDistance(pattern: string, text: string): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  if (n === 0) return m;
  if (rowA.length < m + 1) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
  }
  // Column-wise over text: col[i] = distance of pattern[0..i) ending at text position j.
  let prev = rowA;
  let cur = rowB;
  for (let i = 0; i <= m; i++) prev[i] = i;
  for (let j = 1; j <= n; j++) {
    const tc = text.charCodeAt(j - 1);
    cur[0] = 0; // free start in text
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern.charCodeAt(i - 1) === tc ? 0 : 1);
      const del = prev[i]! + 1;
      const ins = cur[i - 1]! + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Distance between `pattern` and the best-matching *prefix* of `text` (end of `text` free). */
export function prefixAlignedDistance(pattern: string, text: string): number {
  return suffixAlignedDistance(reverse(pattern), reverse(text));
}

/** Plain Levenshtein distance (small strings only). */
export function levenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

const GAP_OPEN = 1.5;
const GAP_EXTEND = 0.3;
let gM = new Float64Array(0);
let gX = new Float64Array(0);
let gY = new Float64Array(0);

/**
 * Like `suffixAlignedDistance` but with affine gaps (Gotoh): a run of inserted or deleted text
 * costs 1.5 + 0.3 per further character, so a word inserted into a context ("said reportedly
 * that") costs about what one substituted character pair does, while unrelated text still
 * costs about one per character. Substitution costs 1.
 */
export function suffixAlignedGapCost(pattern: string, text: string): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  if (n === 0) return GAP_OPEN + (m - 1) * GAP_EXTEND;
  const size = (m + 1) * (n + 1);
  if (gM.length < size) {
    gM = new Float64Array(size);
    gX = new Float64Array(size);
    gY = new Float64Array(size);
  }
  const W = n + 1;
  const INF = 1e9;
  for (let j = 0; j <= n; j++) {
    gM[j] = 0; // free start anywhere in text
    gX[j] = INF;
    gY[j] = INF;
  }
  for (let i = 1; i <= m; i++) {
    const row = i * W;
    const up = (i - 1) * W;
    gM[row] = INF;
    gX[row] = INF;
    gY[row] = GAP_OPEN + (i - 1) * GAP_EXTEND;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const diag = up + j - 1;
      const bestDiag = Math.min(gM[diag]!, gX[diag]!, gY[diag]!);
      gM[row + j] = bestDiag + (pc === text.charCodeAt(j - 1) ? 0 : 1);
      const left = row + j - 1; // text char skipped (inserted in the new text)
      gX[row + j] = Math.min(gM[left]! + GAP_OPEN, gX[left]! + GAP_EXTEND, gY[left]! + GAP_OPEN);
      const above = up + j; // pattern char missing (deleted from the new text)
      gY[row + j] = Math.min(gM[above]! + GAP_OPEN, gY[above]! + GAP_EXTEND, gX[above]! + GAP_OPEN);
    }
  }
  const end = m * W + n;
  return Math.min(gM[end]!, gX[end]!, gY[end]!);
}

/** Affine-gap cost of `pattern` against the best-matching prefix of `text`. */
export function prefixAlignedGapCost(pattern: string, text: string): number {
  return suffixAlignedGapCost(reverse(pattern), reverse(text));
}

/**
 * Fraction (0..1) of the character trigrams of `stored` that occur in `window`. Insensitive to a
 * word inserted in the context (only the 2 trigrams spanning the insertion point are lost) and
 * to a small shift, while two unrelated snippets of prose share few trigrams (~0.1–0.25).
 */
export function trigramContainment(stored: string, window: string): number {
  const n = stored.length - 2;
  if (n <= 0) return window.includes(stored) ? 1 : 0;
  const grams = new Set<number>();
  for (let i = 0; i + 2 < window.length; i++) {
    grams.add(window.charCodeAt(i) * 0x100000000 + window.charCodeAt(i + 1) * 0x10000 + window.charCodeAt(i + 2));
  }
  let hit = 0;
  for (let i = 0; i < n; i++) {
    if (grams.has(stored.charCodeAt(i) * 0x100000000 + stored.charCodeAt(i + 1) * 0x10000 + stored.charCodeAt(i + 2))) hit++;
  }
  return hit / n;
}

/**
 * `trigramContainment` with the stored side prepared once, for scoring many candidates of one
 * quote without allocating: `containment(text, from, to)` reads the window straight from the text.
 */
export class TrigramModel {
  private readonly index = new Map<number, number>();
  private readonly seen: Int32Array;
  private stamp = 0;
  readonly count: number;

  constructor(readonly stored: string) {
    const n = Math.max(0, stored.length - 2);
    for (let i = 0; i < n; i++) {
      const code = stored.charCodeAt(i) * 0x100000000 + stored.charCodeAt(i + 1) * 0x10000 + stored.charCodeAt(i + 2);
      if (!this.index.has(code)) this.index.set(code, this.index.size);
    }
    this.seen = new Int32Array(this.index.size);
    this.count = n;
    // multiset counts: how many stored positions share each distinct trigram
    this.weights = new Int32Array(this.index.size);
    for (let i = 0; i < n; i++) {
      const code = stored.charCodeAt(i) * 0x100000000 + stored.charCodeAt(i + 1) * 0x10000 + stored.charCodeAt(i + 2);
      this.weights[this.index.get(code)!]!++;
    }
  }
  private readonly weights: Int32Array;

  /** Fraction of the stored trigrams present in text[from, to). */
  containment(text: string, from: number, to: number): number {
    if (this.count <= 0) return text.slice(from, to).includes(this.stored) ? 1 : 0;
    const stamp = ++this.stamp;
    let hit = 0;
    for (let i = Math.max(0, from); i + 2 < to && i + 2 < text.length; i++) {
      const code = text.charCodeAt(i) * 0x100000000 + text.charCodeAt(i + 1) * 0x10000 + text.charCodeAt(i + 2);
      const k = this.index.get(code);
      if (k !== undefined && this.seen[k] !== stamp) {
        this.seen[k] = stamp;
        hit += this.weights[k]!;
      }
    }
    return hit / this.count;
  }
}
