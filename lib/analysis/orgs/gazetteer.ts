/**
 * Runtime half of the gazetteer: turns the compact generated strings into a token trie, once,
 * on first use (a few milliseconds), and matches the longest form starting at a token.
 */
import { lowerBound } from '../sorted';
import { ORG_TYPES, type OrgType } from '../types';
import { GAZETTEER_ENTRIES, GAZETTEER_FIRST, GAZETTEER_FORMS } from './gazetteer.generated';
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

/**
 * The first level of the trie, filled on demand: a first key's node is made (with its form lines
 * pending) the first time a token asks for it, found by binary search in the form lines, which the
 * build groups by first key in code-unit order. Indexing all 1,800 first keys up front was most of
 * the gazetteer's share of each page's first analysis; a page asks for a few dozen.
 */
class FirstLevel extends Map<string, TrieNode> {
  /** First keys asked for that start no form. */
  private readonly absent = new Set<string>();
  constructor(private readonly lines: readonly string[]) {
    super();
  }

  override get(key: string): TrieNode | undefined {
    const node = super.get(key);
    if (node !== undefined || this.absent.has(key)) return node;
    return this.find(key);
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  private find(key: string): TrieNode | undefined {
    const lines = this.lines;
    // The first line whose first key is not below `key`: lines sort as their first keys do, since a
    // key is followed by a space or a tab, below any character of a key.
    const lo = lowerBound(lines, key);
    let end = lo;
    while (end < lines.length && firstKeyOf(lines[end]!) === key) end++;
    if (end === lo) {
      this.absent.add(key);
      return undefined;
    }
    const node = newNode();
    node.pending = lines.slice(lo, end);
    super.set(key, node);
    return node;
  }
}

/** The first token key of a generated form line (keys are separated by spaces, then a tab). */
export function firstKeyOf(line: string): string {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) !== 32 && line.charCodeAt(i) !== 9) i++;
  return line.slice(0, i);
}

let cached: Gazetteer | undefined;

/** The compiled gazetteer (built lazily, then shared). */
export function getGazetteer(): Gazetteer {
  if (cached) return cached;
  const entries: OrgEntry[] = GAZETTEER_ENTRIES.split('\n').map((line) => {
    const [id = '', typeIndex = '0', en = '', fr = ''] = line.split('\t');
    return { id: id || slugify(en), type: ORG_TYPES[Number(typeIndex)] ?? 'other', en, fr: fr || en };
  });
  const root = newNode();
  root.next = new FirstLevel(GAZETTEER_FORMS.split('\n'));
  const firstKeys = new Uint8Array(KEY_SLOTS);
  for (const line of GAZETTEER_FIRST.split('\n')) {
    const tab = line.indexOf('\t');
    firstKeys[keySlot(tab < 0 ? line : line.slice(0, tab))]! |= tab < 0 ? 1 : 3;
  }
  cached = { entries, root, firstKeys };
  return cached;
}

/** Adds a first-level node's pending form lines below it, in their generated order (first wins). Exported for tests. */
export function expand(node: TrieNode): void {
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
