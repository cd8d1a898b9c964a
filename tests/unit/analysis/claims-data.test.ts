/**
 * The project's own labelled sentences (data/claims) are training data for the shipped claim
 * stacker (their shape is checked in claims-stacker.test.ts). None of them may be a copy or a
 * close paraphrase of an evaluation sentence: a near-copy would teach the model the dev answers
 * and inflate the figures `npm run eval:analysis` prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const EVAL = path.resolve('../shared/eval/data');
const hasEval = fs.existsSync(EVAL);

interface Row {
  id: string;
  doc: string;
  lang: string;
  text: string;
  label: number;
  kind: string | null;
  claimant: string | null;
}
const readJsonl = (file: string): unknown[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);

const words = (t: string): string[] =>
  t
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
const trigrams = (t: string): Set<string> => {
  const w = words(t);
  const out = new Set<string>();
  for (let i = 0; i + 2 < w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
};
/**
 * Share of the shorter sentence's word trigrams found in the other one; 1 for equal word
 * sequences. Stock phrases shorter than five words ("What do you think?", "Thank you.") are
 * left out: they are page furniture every source shares, not copied content.
 */
function overlap(a: string, b: string): number {
  const wa = words(a);
  if (wa.length >= 5 && wa.join(' ') === words(b).join(' ')) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size < 5 || tb.size < 5) return 0;
  let n = 0;
  for (const g of ta) if (tb.has(g)) n++;
  return n / Math.min(ta.size, tb.size);
}

describe.each(['en', 'fr'])('data/claims/policy-%s.jsonl', (lang) => {
  const rows = readJsonl(path.resolve(`data/claims/policy-${lang}.jsonl`)) as Row[];

  it.runIf(hasEval)('copies or closely paraphrases no evaluation sentence (needs ../shared/eval)', () => {
    const evalTexts = fs
      .readdirSync(EVAL)
      .filter((f) => f.endsWith('.jsonl') && !f.includes('claimbuster') && !f.includes('wikigold'))
      .flatMap((f) => (readJsonl(path.join(EVAL, f)) as Array<{ text: string; lang?: string }>).filter((r) => (r.lang ?? lang) === lang).map((r) => r.text));
    expect(evalTexts.length).toBeGreaterThan(100);
    // Inverted index trigram → evaluation sentences, so that only sentences sharing a trigram are compared.
    const index = new Map<string, number[]>();
    const exact = new Map<string, number>();
    evalTexts.forEach((t, i) => {
      exact.set(words(t).join(' '), i);
      for (const g of trigrams(t)) {
        const list = index.get(g);
        if (list) list.push(i);
        else index.set(g, [i]);
      }
    });
    const near: string[] = [];
    for (const r of rows) {
      const candidates = new Set<number>();
      const same = exact.get(words(r.text).join(' '));
      if (same !== undefined) candidates.add(same);
      for (const g of trigrams(r.text)) for (const i of index.get(g) ?? []) candidates.add(i);
      for (const i of candidates) {
        const t = evalTexts[i] as string;
        if (overlap(r.text, t) >= 0.6) near.push(`${r.id}: "${r.text}" ~ "${t}"`);
      }
    }
    expect(near).toEqual([]);
  });
});

describe('overlap', () => {
  it('is 1 for the same words, high for a light paraphrase, low for unrelated sentences', () => {
    expect(overlap('We can and we must do both.', 'we can, and we MUST do both')).toBe(1);
    expect(overlap('The companies commit to sharing information across the industry on AI risks.', 'The companies commit to sharing information across the industry and with governments on AI risks.')).toBeGreaterThanOrEqual(0.6);
    expect(overlap('Regulators fined the company last week.', 'The committee will meet again in the spring.')).toBe(0);
  });
});

if (!hasEval) console.warn('[eval] ../shared/eval is missing: the check that data/claims copies no evaluation sentence did not run');
