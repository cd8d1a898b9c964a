/**
 * Fingerprints of an article's text: an exact hash (did the text change at all?) and a 64-bit
 * SimHash over word 4-grams (is this the same article, perhaps lightly edited, at another URL?).
 */
import { runSteps } from './steps';

/** Collapses whitespace and case so markup-only changes do not change the fingerprint. */
export function normalizeForFingerprint(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** FNV-1a 32-bit, twice with different seeds, as 16 hex chars. Not cryptographic; it need not be. */
export function textHash(text: string): string {
  const s = normalizeForFingerprint(text);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** The finaliser of the shingle hashes (spreads FNV's weak low bits). */
function mix32(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** 64-bit SimHash of word 4-gram shingles, as 16 hex chars. */
export function simhash(text: string): string {
  return runSteps(simhashSteps(text));
}

/**
 * The same SimHash, pausing (`yield`) every `perStep` shingles so a caller can give the main
 * thread back between slices on a long article.
 */
export function* simhashSteps(text: string, perStep = 2000): Generator<void, string> {
  const words = normalizeForFingerprint(text).split(' ').filter(Boolean);
  const weights = new Int32Array(64);
  const n = Math.max(1, words.length - 3);
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % perStep === 0) yield;
    // FNV-1a of the shingle "w[i] w[i+1] w[i+2] w[i+3]" with two seeds, read word by word rather
    // than from a joined string: the same hashes (stored fingerprints stay comparable) without a
    // slice and a join per word, which were most of the cost on a long article.
    let lo = 0x9747b28c;
    let hi = 0x85ebca6b;
    const end = Math.min(words.length, i + 4);
    for (let k = i; k < end; k++) {
      if (k > i) {
        lo = Math.imul(lo ^ 32, 0x01000193);
        hi = Math.imul(hi ^ 32, 0x01000193);
      }
      const w = words[k] as string;
      for (let j = 0; j < w.length; j++) {
        const c = w.charCodeAt(j);
        lo = Math.imul(lo ^ c, 0x01000193);
        hi = Math.imul(hi ^ c, 0x01000193);
      }
    }
    lo = mix32(lo);
    hi = mix32(hi);
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

/** Number of differing bits between two SimHashes (0..64). */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}

/** Two texts are the same article when their SimHashes differ in at most this many bits. */
export const SAME_ARTICLE_MAX_DISTANCE = 6;
