/**
 * The fast paths of the organization detector give exactly what the straightforward code gives:
 * the hand-written tokenizer against the regex it replaces, and the tagger's lazy features (only
 * where decoding looks) against every token's features (as in training). Run on generated text,
 * and on the dev texts of ../shared/eval when they are there (read at test time, never copied).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectOrganizations, getOrgModel } from '../../../lib/analysis/orgs';
import { decode, prepare, type ModelInput } from '../../../lib/analysis/orgs/model';
import { tokenize, tokenKey, type Tokens } from '../../../lib/analysis/orgs/tokenize';

/** The tokenizer as first written (one regex match per token). */
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-.&'’·/][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*\+*|\S/gu;
const ELISION_RE = /^(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu|[pP]resqu|[qQ]uoiqu)['’](?=[\p{L}\p{N}])/u;
const INITIALS_RE = /^(?:\p{L}\.)+\p{L}$/u;
const ABBREVIATIONS = new Set(['Inc', 'Corp', 'Ltd', 'Co', 'Bros', 'Jr', 'Sr', 'St', 'Dept', 'Univ', 'Assn', 'Mt', 'Ste', 'Cie']);
function referenceTokenize(text: string): Tokens {
  const out: Tokens = { count: 0, start: [], end: [], raw: [], key: [] };
  const push = (s: number, e: number, raw: string) => {
    out.start.push(s);
    out.end.push(e);
    out.raw.push(raw);
    out.key.push(tokenKey(raw));
    out.count++;
  };
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let word = m[0];
    let s = m.index;
    if (word.length > 1) {
      const apos = /['’]/.test(word);
      const el = apos ? ELISION_RE.exec(word) : null;
      if (el) {
        push(s, s + el[0].length, el[0]);
        s += el[0].length;
        word = word.slice(el[0].length);
      }
      if (apos && word.length > 2 && /['’][sS]$/.test(word)) {
        push(s, s + word.length - 2, word.slice(0, -2));
        push(s + word.length - 2, s + word.length, word.slice(-2));
        continue;
      }
      if (text.charCodeAt(s + word.length) === 46 && (INITIALS_RE.test(word) || ABBREVIATIONS.has(word))) {
        word += '.';
        TOKEN_RE.lastIndex++;
      }
    }
    push(s, s + word.length, word);
  }
  return out;
}

const evalData = fileURLToPath(new URL('../../../../shared/eval/data/', import.meta.url));
/** Dev texts as scripts/eval-orgs.ts analyses them (documents joined by line breaks), or none. */
function devTexts(): { lang: string; text: string }[] {
  if (!existsSync(evalData)) return [];
  const out: { lang: string; text: string }[] = [];
  for (const file of readdirSync(evalData).filter((f) => /^(ner_|aipolicy_).*\.jsonl$/.test(f))) {
    const groups = new Map<string, { lang: string; text: string }[]>();
    for (const line of readFileSync(join(evalData, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id?: string; doc?: string; lang: string; text: string };
      const key = r.doc ?? r.id ?? String(groups.size);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const g of groups.values()) out.push({ lang: g[0]!.lang, text: g.map((r) => r.text).join('\n') });
  }
  return out;
}

/** Deterministic text mixing the cases the fast tokenizer handles by hand. */
function generatedTexts(): string[] {
  const parts = [
    'a', 'B', '1', ' ', '\n', '\t', '.', '-', "'", '’', '&', '/', '·', '+', '(', ')', 'é', 'É', 'e\u0301', '\u0301', '\u00a0',
    '\u2009', '\u3000', '\ufeff', '𝐀', '😀', '\ud835', '\udc00', 'ß', 'İ', 'K', 'Σ', "l'", 'd’', "jusqu'", "Lorsqu’", "qu'",
    "O'Neil", "aujourd'hui", 'U.S', 'A.B.C', '𝐀.𝐁', 'Inc', 'Dept', 'St', 'Microsoft', 'AT&T', 'Canal', 'iPhone', '2024', '3rd',
  ];
  let seed = 42;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: string[] = [];
  for (let k = 0; k < 3000; k++) {
    let s = '';
    const n = 1 + Math.floor(rnd() * 30);
    for (let i = 0; i < n; i++) s += parts[Math.floor(rnd() * parts.length)];
    out.push(s);
  }
  for (let k = 0; k < 300; k++) {
    let s = '';
    for (let i = 0; i < 40; i++) s += String.fromCharCode(Math.floor(rnd() * 65536));
    out.push(s);
  }
  return out;
}

const dev = devTexts();

describe('organization detector fast paths', () => {
  it('tokenizes generated text exactly as the regex tokenizer', () => {
    for (const text of generatedTexts()) expect(tokenize(text)).toEqual(referenceTokenize(text));
  });

  it.runIf(dev.length > 0)('tokenizes every dev text exactly as the regex tokenizer', () => {
    for (const { text } of dev) expect(tokenize(text)).toEqual(referenceTokenize(text));
  });

  it.runIf(dev.length > 0)('decodes every English dev text with lazy features exactly as with all features', () => {
    const model = getOrgModel();
    for (const { lang, text } of dev) {
      if (lang !== 'en') continue;
      let input: ModelInput | undefined;
      detectOrganizations(text, lang, { model: null, onInput: (x) => (input = x) });
      if (!input) continue;
      expect(decode(model, input)).toEqual(decode(model, input, prepare(input, model.bits)));
    }
  });

  it('decodes generated English text with lazy features exactly as with all features', () => {
    const model = getOrgModel();
    const text = generatedTexts().join(' The Mad Capsule Markets signed with Killing Joke Records in 1999. ');
    let input: ModelInput | undefined;
    detectOrganizations(text, 'en', { model: null, onInput: (x) => (input = x) });
    expect(decode(model, input!)).toEqual(decode(model, input!, prepare(input!, model.bits)));
  });
});
