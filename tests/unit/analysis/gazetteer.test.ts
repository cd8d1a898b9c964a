import { describe, expect, it } from 'vitest';
import { addForm, expand, getGazetteer, keySlot, newNode, type TrieNode } from '../../../lib/analysis/orgs/gazetteer';
import { GAZETTEER_FIRST, GAZETTEER_FORMS } from '../../../lib/analysis/orgs/gazetteer.generated';

/** The trie as it was built before the first level became lazy: every form line added up front. */
function eagerTrie(): TrieNode {
  const root = newNode();
  for (const line of GAZETTEER_FORMS.split('\n')) {
    const [keys = '', index = '0', flags = '', mask = '0'] = line.split('\t');
    addForm(root, keys.split(' '), Number(index), flags.includes('l'), flags.includes('~'), Number(mask));
  }
  return root;
}

/** A node and everything below it, as plain data (the lazy parts expanded). */
function plain(node: TrieNode): unknown {
  if (node.pending) expand(node);
  const next: Record<string, unknown> = {};
  for (const [k, child] of node.next ?? []) next[k] = plain(child);
  return { entry: node.entry, lower: node.lower, notInitial: node.notInitial, capMask: node.capMask, next };
}

describe('gazetteer trie (first level filled on demand)', () => {
  const eager = eagerTrie();
  const { root, firstKeys } = getGazetteer();

  it('finds, for every first key, exactly the subtree the eager trie has', () => {
    const keys = [...(eager.next ?? new Map()).keys()];
    expect(keys.length).toBeGreaterThan(1000);
    for (const key of keys) {
      const lazy = root.next?.get(key);
      expect(lazy, key).toBeDefined();
      expect(plain(lazy!)).toEqual(plain(eager.next!.get(key)!));
    }
  });

  it('answers "no form starts here" for other keys, also when asked twice', () => {
    for (const key of ['zzzz-not-a-name', '', 'openai-', 'a', '~', 'Zzz']) {
      if (eager.next?.has(key)) continue;
      expect(root.next?.has(key)).toBe(false);
      expect(root.next?.get(key)).toBeUndefined();
      expect(root.next?.has(key)).toBe(false);
    }
  });

  it('pre-tests first keys by slot: set for every first key, with the lower-case bit when a form may start in lower case', () => {
    const lines = GAZETTEER_FIRST.split('\n');
    expect(lines.length).toBe(eager.next?.size);
    const lowerOk = new Set(GAZETTEER_FORMS.split('\n').filter((l) => (l.split('\t')[2] ?? '').includes('l')).map((l) => l.split(/[ \t]/)[0]));
    expect(lowerOk.size).toBeGreaterThan(0);
    for (const [key, node] of eager.next ?? []) {
      expect(firstKeys[keySlot(key)]! & 1, key).toBe(1);
      if (lowerOk.has(key)) expect(firstKeys[keySlot(key)]! & 2, key).toBe(2);
      expect(node).toBeDefined();
    }
  });
});
