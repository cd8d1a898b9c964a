/**
 * A small token tagger (B / I / O over organization names) that proposes names the gazetteer and
 * the head-word rules do not cover: bands, clubs, labels, units ("The Mad Capsule Markets",
 * "Bowling Green Falcons", "139th"). Averaged perceptron over hashed features, greedy
 * left-to-right decoding; trained by `scripts/train-orgs.ts` on wikigold only (CC BY 4.0) and
 * shipped as `model.generated.ts`.
 *
 * Features are mostly language-agnostic: capital/digit shape of the word and its neighbours,
 * what the gazetteer and rules said, head-word membership, the capitalised run the word sits in
 * (its last word, the words around it) and lower-cased words (French function words are mapped
 * to their English equivalents so "Penguins de Pittsburgh" looks like "Army of the Potomac").
 * The same code extracts features for training and at run time.
 */
import { CALENDAR, CONNECTORS as CONNECTOR_WORDS, DETERMINERS, HEAD_TYPES, SENTENCE_STARTERS, TITLES } from './lexicon';
import type { Tokens } from './tokenize';

/** What the tagger sees of a text: tokens, per-token facts and the rules' verdicts. */
export interface ModelInput {
  t: Tokens;
  cap: Uint8Array;
  initial: Uint8Array;
  joined: Uint8Array;
  titleCaseLine: Uint8Array;
  /** Gazetteer hit: 0 none, 1 first token, 2 later token. */
  gaz: Uint8Array;
  /** Other rule hit (head word, acronym, repeat): 0 none, 1 first token, 2 later token. */
  rule: Uint8Array;
}

export interface OrgModel {
  bits: number;
  /** Weights of B and I relative to O, interleaved: w[2h] (B), w[2h+1] (I). */
  w: Float32Array;
}

export interface ModelSpan {
  first: number;
  last: number;
  /** Mean decision margin over the span's tokens (higher = surer). */
  conf: number;
}

export const TAG_O = 0;
export const TAG_B = 1;
export const TAG_I = 2;

const FNV = 0x811c9dc5;
const MIX_B = 0x9e3779b1;
const MIX_C = 0x85ebca6b;
const mix = (a: number, b: number) => Math.imul(a ^ Math.imul(b, MIX_B), MIX_C) ^ (a >>> 15);

function hashWord(s: string): number {
  let h = FNV;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 16777619);
  }
  return h | 0;
}

/** French (and a few other) function words hashed as their English counterparts. */
const SAME_AS: Record<string, string> = {
  de: 'of', du: 'of', des: 'of', "d'": 'of', le: 'the', la: 'the', les: 'the', "l'": 'the', et: 'and', pour: 'for', par: 'by',
  à: 'at', a: 'at', au: 'at', aux: 'at', en: 'in', dans: 'in', avec: 'with', sur: 'on', un: 'a', une: 'a', est: 'is', sont: 'are',
  qui: 'who', que: 'that', ou: 'or', ses: 'his', son: 'his', sa: 'his', leur: 'their', leurs: 'their', il: 'he', elle: 'she',
  chez: 'at', contre: 'against', entre: 'between', depuis: 'since', avant: 'before', après: 'after', apres: 'after',
  groupe: 'band', equipe: 'team', club: 'club', joueur: 'player', entraineur: 'coach', fonde: 'founded', fondee: 'founded',
  societe: 'company', entreprise: 'company', label: 'label', maison: 'label', chaine: 'channel', journal: 'newspaper', parti: 'party',
  signe: 'signed', rejoint: 'joined', joue: 'played', saison: 'season', ligue: 'league', championnat: 'league', of: 'of',
};
/** Word hash → hash of its English counterpart (open addressing: the lookup runs for every word the tagger sees). */
const ALIAS_SLOTS = 256;
const aliasFrom = new Int32Array(ALIAS_SLOTS);
const aliasTo = new Int32Array(ALIAS_SLOTS);
const aliasUsed = new Uint8Array(ALIAS_SLOTS);
const aliasSlot = (h: number) => (h ^ (h >>> 11) ^ (h >>> 22)) & (ALIAS_SLOTS - 1);
for (const [fr, en] of Object.entries(SAME_AS)) {
  const h = hashWord(fr);
  let k = aliasSlot(h);
  while (aliasUsed[k] && aliasFrom[k] !== h) k = (k + 1) & (ALIAS_SLOTS - 1);
  aliasUsed[k] = 1; // a repeated hash keeps the last alias, as Map.set would

  aliasFrom[k] = h;
  aliasTo[k] = hashWord(en);
}
function aliased(h: number): number {
  for (let k = aliasSlot(h); aliasUsed[k]; k = (k + 1) & (ALIAS_SLOTS - 1)) if (aliasFrom[k] === h) return aliasTo[k]!;
  return h;
}

/** A module-local binding: imported ones may be getters once transpiled to CommonJS (tsx). */
const CONNECTORS = CONNECTOR_WORDS;

const LOWER_ANY = /\p{Ll}/u;
const UPPER_ANY = /\p{Lu}/u;
const LETTER = /\p{L}/u;

/** Shape code: 0 lower, 1 Capitalised, 2 ALLCAPS, 3 single capital, 4 number, 5 number+letters, 6 CamelCase, 7 caps+digits, 8 lowerCamel, ≥100 punctuation. */
function shapeOf(raw: string): number {
  const c0 = raw.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    for (let i = 1; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) return 5;
    }
    return 4;
  }
  const ascii = c0 < 128;
  const upper0 = ascii ? c0 >= 65 && c0 <= 90 : UPPER_ANY.test(raw.charAt(0));
  const letter0 = ascii ? upper0 || (c0 >= 97 && c0 <= 122) : LETTER.test(raw.charAt(0));
  if (!letter0) return 100 + (c0 & 0xff);
  let lower = 0;
  let innerUpper = 0;
  let digit = 0;
  for (let i = 1; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) innerUpper++;
    else if (c >= 48 && c <= 57) digit++;
    else if (c > 127) {
      const ch = raw.charAt(i);
      if (LOWER_ANY.test(ch)) lower++;
      else if (UPPER_ANY.test(ch)) innerUpper++;
    }
  }
  if (upper0) {
    if (raw.length === 1) return 3;
    if (digit) return 7;
    if (!lower) return 2;
    return innerUpper ? 6 : 1;
  }
  return innerUpper ? 8 : 0;
}

function listCodeOf(key: string, initial: number): number {
  if (DETERMINERS.has(key)) return 1;
  if (TITLES.has(key)) return 2;
  if (CALENDAR.has(key)) return 3;
  if (initial && SENTENCE_STARTERS.has(key)) return 4;
  if (CONNECTORS.has(key)) return 5;
  const h = HEAD_TYPES.get(key);
  return h ? 10 + h.length : 0;
}

/** listCodeOf of every listed key in one lookup: low byte when not sentence-initial, next byte when initial. */
const LIST_CODES: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const set of [DETERMINERS, TITLES, CALENDAR, SENTENCE_STARTERS, CONNECTORS, HEAD_TYPES.keys()]) {
    for (const key of set) m.set(key, listCodeOf(key, 0) | (listCodeOf(key, 1) << 8));
  }
  return m;
})();

function listCode(key: string, initial: number): number {
  const c = LIST_CODES.get(key);
  return c === undefined ? 0 : initial ? c >> 8 : c & 255;
}

/** Number of static feature templates per token (plus 4 that depend on the previous tag). */
export const STATIC_FEATURES = 27;
export const DYNAMIC_FEATURES = 4;
const BOS = hashWord('<s>');
const EOS = hashWord('</s>');
/** Salt of each template: the bucket of value v of template f is `mix(salt[f], v) & mask`. */
const STATIC_SALT = Int32Array.from({ length: STATIC_FEATURES }, (_, f) => mix(FNV, f + 1));
const DYNAMIC_SALT = Int32Array.from({ length: DYNAMIC_FEATURES }, (_, f) => mix(FNV, 101 + f));
const STATIC_SALT_SHIFTED = STATIC_SALT.map((x) => x >>> 15);
/** Feature values of one token (Int32Array: the same ToInt32 as `Math.imul` in `mix`). */
const scratchValues = new Int32Array(STATIC_FEATURES);

/** Hash of `s` from index `from` on (ASCII lower-cased), without slicing. */
function hashFrom(s: string, from: number): number {
  let h = FNV;
  for (let i = from; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 16777619);
  }
  return h | 0;
}

/** Scratch buffers up to this many tokens (≈ 1 MB of text, 1.1 MB of buffers) are kept between calls. */
const MAX_KEPT_TOKENS = 1 << 16;
const EMPTY_TOKENS: Tokens = { count: 0, start: [], end: [], raw: [], key: [] };

/**
 * Per-text facts of the tagger: word hashes and shapes (computed on first use: decoding looks only
 * at capitalised words and their neighbours) and the capitalised runs. Buffers grow and are reused.
 */
class Facts {
  n = 0;
  t: Tokens = EMPTY_TOKENS;
  wordHash = new Int32Array(256);
  shape = new Int32Array(256);
  /** Bit 1: wordHash computed; bit 2: shape computed. */
  state = new Uint8Array(256);
  runFirst = new Int32Array(256);
  runLast = new Int32Array(256);

  reset(input: ModelInput): void {
    const n = input.t.count;
    if (n > this.state.length) this.allocate(Math.max(n, Math.min(2 * this.state.length, MAX_KEPT_TOKENS)));
    else this.state.fill(0, 0, n);
    this.n = n;
    this.t = input.t;
    this.findRuns(input);
  }

  /** Lets go of the text; buffers sized for a very large page are not kept. */
  release(): void {
    this.t = EMPTY_TOKENS;
    this.n = 0;
    if (this.state.length > MAX_KEPT_TOKENS) this.allocate(256);
  }

  private allocate(size: number): void {
    this.wordHash = new Int32Array(size);
    this.shape = new Int32Array(size);
    this.state = new Uint8Array(size);
    this.runFirst = new Int32Array(size);
    this.runLast = new Int32Array(size);
  }

  /** Computes the word hash and shape of token j (in range) if not done yet. */
  need(j: number): void {
    const st = this.state[j]!;
    if (st === 3) return;
    if (!(st & 1)) this.wordHash[j] = aliased(hashWord(this.t.key[j]!));
    if (!(st & 2)) this.shape[j] = shapeOf(this.t.raw[j]!);
    this.state[j] = 3;
  }

  /** Shape of token j (in range). */
  shp(j: number): number {
    const st = this.state[j]!;
    if (st & 2) return this.shape[j]!;
    const s = shapeOf(this.t.raw[j]!);
    this.shape[j] = s;
    this.state[j] = st | 2;
    return s;
  }

  /** Shape 4 or 5 (starts with a digit), without computing the shape. */
  digit(j: number): boolean {
    const c = this.t.raw[j]!.charCodeAt(0);
    return c >= 48 && c <= 57;
  }

  /** Capitalised runs (with inner connectors): the name a word may belong to. */
  private findRuns(input: ModelInput): void {
    const { t, cap, joined } = input;
    const n = this.n;
    const { runFirst, runLast } = this;
    runFirst.fill(-1, 0, n);
    runLast.fill(-1, 0, n);
    for (let i = 0; i < n; ) {
      if (!(cap[i] || this.digit(i))) {
        i++;
        continue;
      }
      let e = i;
      let k = i + 1;
      while (k < n && joined[k]) {
        if (cap[k] || (this.digit(k) && this.shp(k) === 5)) {
          e = k++;
          continue;
        }
        if (CONNECTORS.has(t.key[k]!) && k + 1 < n && joined[k + 1] && cap[k + 1]) {
          e = k + 1;
          k += 2;
          continue;
        }
        break;
      }
      for (let j = i; j <= e; j++) {
        runFirst[j] = i;
        runLast[j] = e;
      }
      i = e + 1;
    }
  }

  /** May open a name (capitalised, digit, lowerCamel or a rule hit). */
  eligible(input: ModelInput, i: number): boolean {
    if (input.cap[i] || input.gaz[i] || input.rule[i]) return true;
    const s = this.shp(i);
    return s === 4 || s === 5 || s === 8;
  }
}

/** Values of the static features of token `i` (v[k]: template k). */
function staticValues(f: Facts, input: ModelInput, i: number, v: Int32Array): void {
  const { t, initial, joined, titleCaseLine, gaz, rule } = input;
  const n = f.n;
  const rf = f.runFirst[i]!;
  const rl = f.runLast[i]!;
  for (let j = Math.max(0, i - 2), e = Math.min(n - 1, i + 2); j <= e; j++) f.need(j);
  if (rf > 0) f.need(rf - 1);
  if (rf >= 0) f.need(rl);
  if (rl >= 0 && rl + 1 < n) f.need(rl + 1);
  const wh = f.wordHash;
  const sh = f.shape;
  const s0 = sh[i]!;
  const sp = i > 0 ? sh[i - 1]! : 99;
  const sn = i + 1 < n ? sh[i + 1]! : 99;
  const w0 = wh[i]!;
  const wp = i > 0 ? wh[i - 1]! : BOS;
  const wn = i + 1 < n ? wh[i + 1]! : EOS;
  const wpp = i > 1 ? wh[i - 2]! : BOS;
  const wnn = i + 2 < n ? wh[i + 2]! : EOS;
  // The run's last word and the words around it (0 outside runs).
  const wLast = rf >= 0 ? wh[rl]! : 0;
  const wBefore = rf > 0 ? wh[rf - 1]! : rf === 0 ? BOS : 0;
  const wAfter = rf < 0 ? 0 : rl + 1 < n ? wh[rl + 1]! : EOS;
  const key = t.key[i]!;
  const raw = t.raw[i]!;
  const inRun = rf >= 0 ? 1 + (i === rf ? 0 : 1) + 2 * Math.min(rl - rf, 4) : 0;
  const g = gaz[i]!;
  const r = rule[i]!;
  v[0] = 1;
  v[1] = w0;
  v[2] = wp;
  v[3] = wn;
  v[4] = wpp;
  v[5] = wnn;
  v[6] = s0;
  v[7] = sp * 1000 + s0;
  v[8] = s0 * 1000 + sn;
  v[9] = sp * 1000000 + s0 * 1000 + sn;
  // Suffix: the last three characters of the key (the whole word when it is short).
  v[10] = raw.length > 3 ? hashFrom(key, Math.max(0, key.length - 3)) : w0;
  v[11] = initial[i]! * 1000 + s0;
  v[12] = g * 10 + r;
  v[13] = g * 1000 + s0;
  v[14] = r * 1000 + s0;
  v[15] = listCode(key, initial[i]!);
  v[16] = wLast;
  v[17] = wBefore;
  v[18] = wAfter;
  v[19] = inRun;
  v[20] = titleCaseLine[i]! * 1000 + s0;
  v[21] = mix(wp, s0);
  v[22] = mix(s0, wn);
  v[23] = joined[i]! * 1000 + sp;
  v[24] = Math.min(raw.length, 12) * 1000 + s0;
  v[25] = rf >= 0 ? mix(wBefore, inRun) : 0;
  v[26] = rf >= 0 ? mix(wLast, inRun) : 0;
}

/** Bucket indices of the static features of token `i`, written to out[off…off+STATIC_FEATURES). */
function staticFeatures(f: Facts, input: ModelInput, i: number, mask: number, out: Int32Array, off: number): void {
  const v = scratchValues;
  staticValues(f, input, i, v);
  // bucket = mix(salt, value) & mask, written out so that no call returns a boxed number.
  for (let k = 0; k < STATIC_FEATURES; k++) {
    out[off + k] = (Math.imul(STATIC_SALT[k]! ^ Math.imul(v[k]!, MIX_B), MIX_C) ^ STATIC_SALT_SHIFTED[k]!) & mask;
  }
}

function dynamicBuckets(prev: number, s0: number, wordHash: number, joined: number, mask: number, out: Int32Array): void {
  out[0] = mix(DYNAMIC_SALT[0]!, prev) & mask;
  out[1] = mix(DYNAMIC_SALT[1]!, prev * 1000 + s0) & mask;
  out[2] = mix(DYNAMIC_SALT[2]!, mix(prev, wordHash)) & mask;
  out[3] = mix(DYNAMIC_SALT[3]!, prev * 10 + joined) & mask;
}

/** Per-text precomputation: word hashes, shapes, capitalised runs, static feature buckets. */
export interface Prepared {
  n: number;
  /** Bucket indices of the static features, STATIC_FEATURES per token. */
  feats: Int32Array;
  wordHash: Int32Array;
  shape: Int32Array;
  /** May open a name (capitalised, digit or a rule hit). */
  eligible: Uint8Array;
}

/** Every token's features at once (training); decoding computes them only where it looks. */
export function prepare(input: ModelInput, bits: number): Prepared {
  const n = input.t.count;
  const mask = (1 << bits) - 1;
  const f = new Facts();
  f.reset(input);
  const wordHash = new Int32Array(n);
  const shape = new Int32Array(n);
  const eligible = new Uint8Array(n);
  const feats = new Int32Array(n * STATIC_FEATURES);
  for (let i = 0; i < n; i++) {
    f.need(i);
    wordHash[i] = f.wordHash[i]!;
    shape[i] = f.shape[i]!;
    eligible[i] = f.eligible(input, i) ? 1 : 0;
    staticFeatures(f, input, i, mask, feats, i * STATIC_FEATURES);
  }
  return { n, feats, wordHash, shape, eligible };
}

/** Bucket indices of the features that depend on the previous tag. */
export function dynamicFeatures(p: Prepared, input: ModelInput, i: number, prev: number, bits: number, out: Int32Array): void {
  dynamicBuckets(prev, p.shape[i]!, p.wordHash[i]!, input.joined[i]!, (1 << bits) - 1, out);
}

const scratchFacts = new Facts();
const scratchDynamic = new Int32Array(DYNAMIC_FEATURES);

/**
 * Greedy decoding; returns spans with their confidence. Without `p`, features are computed only
 * for the tokens decoding looks at (a name may open there, or one is open), with the same buckets.
 */
export function decode(model: OrgModel, input: ModelInput, p?: Prepared): ModelSpan[] {
  const { w, bits } = model;
  const mask = (1 << bits) - 1;
  const f = scratchFacts;
  if (!p) f.reset(input);
  const v = scratchValues;
  const dyn = scratchDynamic;
  const n = input.t.count;
  const joined = input.joined;
  const out: ModelSpan[] = [];
  let prev = TAG_O;
  let first = -1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (prev === TAG_O && !(p ? p.eligible[i] : f.eligible(input, i))) continue;
    let b = 0;
    let ii = 0;
    if (p) {
      const base = i * STATIC_FEATURES;
      for (let k = 0; k < STATIC_FEATURES; k++) {
        const h = p.feats[base + k]! << 1;
        b += w[h]!;
        ii += w[h + 1]!;
      }
      dynamicBuckets(prev, p.shape[i]!, p.wordHash[i]!, joined[i]!, mask, dyn);
    } else {
      // The buckets of staticFeatures, summed as they are hashed.
      staticValues(f, input, i, v);
      for (let k = 0; k < STATIC_FEATURES; k++) {
        const h = ((Math.imul(STATIC_SALT[k]! ^ Math.imul(v[k]!, MIX_B), MIX_C) ^ STATIC_SALT_SHIFTED[k]!) & mask) << 1;
        b += w[h]!;
        ii += w[h + 1]!;
      }
      dynamicBuckets(prev, f.shape[i]!, f.wordHash[i]!, joined[i]!, mask, dyn);
    }
    for (let k = 0; k < DYNAMIC_FEATURES; k++) {
      const h = dyn[k]! << 1;
      b += w[h]!;
      ii += w[h + 1]!;
    }
    let tag = TAG_O;
    let margin: number;
    if (prev === TAG_O) {
      tag = b > 0 ? TAG_B : TAG_O;
      margin = Math.abs(b);
    } else if (ii >= b && ii > 0) {
      tag = TAG_I;
      margin = ii - Math.max(b, 0);
    } else if (b > 0) {
      tag = TAG_B;
      margin = b - Math.max(ii, 0);
    } else margin = -Math.max(b, ii);
    if (tag !== TAG_I && first >= 0) {
      out.push({ first, last: i - 1, conf: sum / (i - first) });
      first = -1;
    }
    if (tag === TAG_B) {
      first = i;
      sum = margin;
    } else if (tag === TAG_I) sum += margin;
    prev = tag;
  }
  if (first >= 0) out.push({ first, last: n - 1, conf: sum / (n - first) });
  if (!p) f.release();
  return out;
}

/** Decodes the compact weights string of `model.generated.ts` (see scripts/train-orgs.ts). */
export function loadModel(bits: number, scale: number, data: string): OrgModel {
  const bytes = base64Bytes(data);
  const w = new Float32Array(2 << bits);
  // Sparse: varint gap to the next non-zero weight index, then one signed byte.
  let idx = -1;
  for (let p = 0; p < bytes.length; ) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++]!;
      gap |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    idx += gap;
    const v = bytes[p++]!;
    w[idx] = (v > 127 ? v - 256 : v) * scale;
  }
  return { bits, w };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(s: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  for (let i = 0; i < len; i += 4) {
    const a = lookup[s.charCodeAt(i)]!;
    const b = lookup[s.charCodeAt(i + 1)]!;
    const c = i + 2 < len ? lookup[s.charCodeAt(i + 2)]! : 0;
    const d = i + 3 < len ? lookup[s.charCodeAt(i + 3)]! : 0;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

export function encodeModel(w: Float32Array, scale: number): string {
  const bytes: number[] = [];
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    const q = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
    if (q === 0) continue;
    let gap = i - last;
    last = i;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
    bytes.push(q & 255);
  }
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const v = (a << 16) | (b << 8) | c;
    s += B64[(v >> 18) & 63]! + B64[(v >> 12) & 63]! + (i + 1 < bytes.length ? B64[(v >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[v & 63]! : '=');
  }
  return s;
}
