/**
 * Context similarity for scoring anchoring candidates. Pure.
 *
 * Why trigram containment rather than edit distance: with edit distance (even with affine gaps)
 * unrelated snippets of prose still score 0.4–0.6 on 32 characters, too close to a context with
 * a reworded word; trigrams separate them better (unrelated ~0.1–0.25, one word changed ~0.8).
 */

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
