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
import { CALENDAR, CONNECTORS, DETERMINERS, HEAD_TYPES, SENTENCE_STARTERS, TITLES } from './lexicon';
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
const mix = (a: number, b: number) => Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ (a >>> 15);

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
const WORD_ALIAS = new Map<number, number>();
for (const [fr, en] of Object.entries(SAME_AS)) WORD_ALIAS.set(hashWord(fr), hashWord(en));

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

function listCode(key: string, initial: number): number {
  if (DETERMINERS.has(key)) return 1;
  if (TITLES.has(key)) return 2;
  if (CALENDAR.has(key)) return 3;
  if (initial && SENTENCE_STARTERS.has(key)) return 4;
  if (CONNECTORS.has(key)) return 5;
  const h = HEAD_TYPES.get(key);
  return h ? 10 + h.length : 0;
}

/** Number of static feature templates per token (plus 4 that depend on the previous tag). */
export const STATIC_FEATURES = 27;
export const DYNAMIC_FEATURES = 4;
const BOS = hashWord('<s>');
const EOS = hashWord('</s>');

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

export function prepare(input: ModelInput, bits: number): Prepared {
  const { t, cap, initial, joined, titleCaseLine, gaz, rule } = input;
  const n = t.count;
  const mask = (1 << bits) - 1;
  const wordHash = new Int32Array(n);
  const shape = new Int32Array(n);
  const eligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = hashWord(t.key[i]!);
    wordHash[i] = WORD_ALIAS.get(h) ?? h;
    const s = shapeOf(t.raw[i]!);
    shape[i] = s;
    eligible[i] = cap[i] || s === 4 || s === 5 || s === 8 || gaz[i] || rule[i] ? 1 : 0;
  }
  // Capitalised runs (with inner connectors): the name a word may belong to.
  const runFirst = new Int32Array(n).fill(-1);
  const runLast = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; ) {
    const s = shape[i]!;
    if (!(cap[i] || s === 5 || s === 4)) {
      i++;
      continue;
    }
    let e = i;
    let k = i + 1;
    while (k < n && joined[k]) {
      if (cap[k] || shape[k] === 5) {
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
  const feats = new Int32Array(n * STATIC_FEATURES);
  const word = (j: number) => (j < 0 ? BOS : j >= n ? EOS : wordHash[j]!);
  const shp = (j: number) => (j < 0 || j >= n ? 99 : shape[j]!);
  for (let i = 0; i < n; i++) {
    const base = i * STATIC_FEATURES;
    const s0 = shape[i]!;
    const sp = shp(i - 1);
    const sn = shp(i + 1);
    const w0 = wordHash[i]!;
    const key = t.key[i]!;
    const raw = t.raw[i]!;
    const suf = raw.length > 3 ? hashWord(key.slice(-3)) : w0;
    const rf = runFirst[i]!;
    const rl = runLast[i]!;
    const inRun = rf >= 0 ? 1 + (i === rf ? 0 : 1) + 2 * Math.min(rl - rf, 4) : 0;
    const lc = listCode(key, initial[i]!);
    const v = [
      1,
      w0,
      word(i - 1),
      word(i + 1),
      word(i - 2),
      word(i + 2),
      s0,
      sp * 1000 + s0,
      s0 * 1000 + sn,
      sp * 1000000 + s0 * 1000 + sn,
      suf,
      initial[i]! * 1000 + s0,
      gaz[i]! * 10 + rule[i]!,
      gaz[i]! * 1000 + s0,
      rule[i]! * 1000 + s0,
      lc,
      rf >= 0 ? wordHash[rl]! : 0,
      rf >= 0 ? word(rf - 1) : 0,
      rf >= 0 ? word(rl + 1) : 0,
      inRun,
      titleCaseLine[i]! * 1000 + s0,
      mix(word(i - 1), s0),
      mix(s0, word(i + 1)),
      joined[i]! * 1000 + sp,
      Math.min(raw.length, 12) * 1000 + s0,
      rf >= 0 ? mix(word(rf - 1), inRun) : 0,
      rf >= 0 ? mix(wordHash[rl]!, inRun) : 0,
    ];
    for (let f = 0; f < STATIC_FEATURES; f++) feats[base + f] = mix(mix(FNV, f + 1), v[f]!) & mask;
  }
  return { n, feats, wordHash, shape, eligible };
}

/** Bucket indices of the features that depend on the previous tag. */
export function dynamicFeatures(p: Prepared, input: ModelInput, i: number, prev: number, bits: number, out: Int32Array): void {
  const mask = (1 << bits) - 1;
  const s0 = p.shape[i]!;
  out[0] = mix(mix(FNV, 101), prev) & mask;
  out[1] = mix(mix(FNV, 102), prev * 1000 + s0) & mask;
  out[2] = mix(mix(FNV, 103), mix(prev, p.wordHash[i]!)) & mask;
  out[3] = mix(mix(FNV, 104), prev * 10 + input.joined[i]!) & mask;
}

/** Greedy decoding; returns spans with their confidence. */
export function decode(model: OrgModel, input: ModelInput, p: Prepared = prepare(input, model.bits)): ModelSpan[] {
  const { w, bits } = model;
  const dyn = new Int32Array(DYNAMIC_FEATURES);
  const out: ModelSpan[] = [];
  let prev = TAG_O;
  let first = -1;
  let sum = 0;
  const close = (last: number) => {
    if (first >= 0) out.push({ first, last, conf: sum / (last - first + 1) });
    first = -1;
  };
  for (let i = 0; i < p.n; i++) {
    if (prev === TAG_O && !p.eligible[i]) continue;
    let b = 0;
    let ii = 0;
    const base = i * STATIC_FEATURES;
    for (let f = 0; f < STATIC_FEATURES; f++) {
      const h = p.feats[base + f]! << 1;
      b += w[h]!;
      ii += w[h + 1]!;
    }
    dynamicFeatures(p, input, i, prev, bits, dyn);
    for (let f = 0; f < DYNAMIC_FEATURES; f++) {
      const h = dyn[f]! << 1;
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
    if (tag !== TAG_I) close(i - 1);
    if (tag === TAG_B) {
      first = i;
      sum = margin;
    } else if (tag === TAG_I) sum += margin;
    prev = tag;
  }
  close(p.n - 1);
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
