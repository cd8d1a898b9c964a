/**
 * Runtime half of the gazetteer: turns the compact generated strings into a token trie, once,
 * on first use (a few milliseconds), and matches the longest form starting at a token.
 */
import { ORG_TYPES, type OrgType } from '../types';
import { GAZETTEER_ENTRIES, GAZETTEER_FORMS } from './gazetteer.generated';
import { slugify, type Tokens } from './tokenize';

export interface OrgEntry {
  id: string;
  type: OrgType;
  en: string;
  fr: string;
}

/** A trie node: children by token key; `entry` ≥ 0 when a form ends here. */
export interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  entry: number;
  /** May start in lower case. */
  lower: boolean;
  /** Must not match at sentence start. */
  notInitial: boolean;
  /** Bit p set: token p of the form must be capitalised in the text. */
  capMask: number;
  /**
   * Generated form lines starting with this node's key, not yet added below it (first-level nodes
   * of the gazetteer only): the subtree is built on the first match that reaches it.
   */
  pending?: string[];
}

export interface Gazetteer {
  entries: OrgEntry[];
  root: TrieNode;
  /**
   * Cheap pre-test of a token key before the trie lookup, by `keySlot`: bit 1 when some form may
   * start with a key of that slot, bit 2 when such a form may also start in lower case.
   */
  firstKeys: Uint8Array;
}

const KEY_SLOTS = 1 << 16;
/** Slot of a token key in `Gazetteer.firstKeys` (first, second and last characters, length). */
export function keySlot(key: string): number {
  const n = key.length;
  const c1 = n > 1 ? key.charCodeAt(1) : 0;
  return (((key.charCodeAt(0) * 31 + c1) * 31 + key.charCodeAt(n - 1)) * 31 + n) & (KEY_SLOTS - 1);
}

export const newNode = (): TrieNode => ({ next: undefined, entry: -1, lower: false, notInitial: false, capMask: 0 });

/** Adds a form (its token keys) to a trie; the first entry added for a form wins. */
export function addForm(root: TrieNode, keys: readonly string[], entry: number, lower = false, notInitial = false, capMask = 0): void {
  let node = root;
  for (const k of keys) {
    node.next ??= new Map();
    let child = node.next.get(k);
    if (!child) {
      child = newNode();
      node.next.set(k, child);
    }
    node = child;
  }
  if (node.entry < 0) {
    node.entry = entry;
    node.lower = lower;
    node.notInitial = notInitial;
    node.capMask = capMask;
  }
}

let cached: Gazetteer | undefined;

/** The compiled gazetteer (built lazily, then shared). */
export function getGazetteer(): Gazetteer {
  if (cached) return cached;
  const entries: OrgEntry[] = GAZETTEER_ENTRIES.split('\n').map((line) => {
    const [id = '', typeIndex = '0', en = '', fr = ''] = line.split('\t');
    return { id: id || slugify(en), type: ORG_TYPES[Number(typeIndex)] ?? 'other', en, fr: fr || en };
  });
  // Only the first level is built here: building the whole trie cost about 10 ms of every page's
  // start-up, and most first words never start a match on a given page.
  const root = newNode();
  root.next = new Map();
  const firstKeys = new Uint8Array(KEY_SLOTS);
  for (const line of GAZETTEER_FORMS.split('\n')) {
    const tab = line.indexOf('\t');
    const space = line.indexOf(' ');
    const first = space >= 0 && space < tab ? line.slice(0, space) : line.slice(0, tab);
    let node = root.next.get(first);
    if (!node) {
      node = newNode();
      node.pending = [];
      root.next.set(first, node);
    }
    node.pending!.push(line);
    const flags = line.split('\t')[2] ?? '';
    firstKeys[keySlot(first)]! |= flags.includes('l') ? 3 : 1;
  }
  cached = { entries, root, firstKeys };
  return cached;
}

/** Adds a first-level node's pending form lines below it, in their generated order (first wins). */
function expand(node: TrieNode): void {
  const lines = node.pending!;
  node.pending = undefined;
  for (const line of lines) {
    const [keys = '', index = '0', flags = '', mask = '0'] = line.split('\t');
    // The node already stands for the first key: the rest of the form hangs below it.
    addForm(node, keys.split(' ').slice(1), Number(index), flags.includes('l'), flags.includes('~'), Number(mask));
  }
}

export interface TrieMatch {
  /** Index of the last token of the match (inclusive). */
  last: number;
  node: TrieNode;
}

/**
 * Longest form of `root` starting at token `i`. `joined[j]` is 1 when tokens j-1 and j are
 * separated by nothing but spaces (a form never spans punctuation gaps or line breaks).
 */
export function longestMatch(root: TrieNode, tokens: Tokens, i: number, joined: Uint8Array): TrieMatch | undefined {
  let node: TrieNode | undefined = root;
  let best: TrieMatch | undefined;
  for (let j = i; j < tokens.count; j++) {
    if (j > i && !joined[j]) break;
    node = node.next?.get(tokens.key[j]!);
    if (!node) break;
    if (node.pending) expand(node);
    if (node.entry >= 0) best = { last: j, node };
  }
  return best;
}
