/**
 * Dev evaluation of `findOrganizations` with the project's scorer (../shared/eval/score.mjs).
 *
 *   npx tsx scripts/eval-orgs.ts [--eval-dir ../shared/eval] [--only aipolicy_en] [--errors 20]
 *   npx tsx scripts/eval-orgs.ts --dump preds.jsonl   # every mention of every dev text, for before/after diffs
 *   npx tsx scripts/eval-orgs.ts --speed              # chars/s per call size (sentence, paragraph, document, page)
 *
 * NER files are scored sentence by sentence; the AI-policy files are analysed one document at a
 * time (sentences joined by line breaks, as a page would be) so document-level cues work, and the
 * spans are mapped back to sentences. Prints exact/lenient F1 per file and the throughput.
 * Measurement only: never copy gold names into the gazetteer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findOrganizations } from '../lib/analysis/orgs';
import type { OrgMention } from '../lib/analysis/types';

interface GoldRecord {
  id: string;
  doc?: string;
  lang: string;
  text: string;
}

const FILES = [
  'aipolicy_en.dev.jsonl',
  'aipolicy_fr.dev.jsonl',
  'ner_en_wikigold.dev.jsonl',
  'ner_en_crossner_politics.dev.jsonl',
  'ner_en_crossner_ai.dev.jsonl',
  'ner_fr_wikineural.dev.jsonl',
];

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const evalDir = resolve(opt('--eval-dir') ?? '../shared/eval');
const only = opt('--only');
const errors = opt('--errors');
const dump = opt('--dump');
const outDir = mkdtempSync(join(tmpdir(), 'eval-orgs-'));

// The first call pays for building the gazetteer trie and decoding the tagger's weights.
const setupStarted = performance.now();
findOrganizations('The European Commission met OpenAI.', 'en');
const setupMs = performance.now() - setupStarted;

let totalChars = 0;
let totalMs = 0;
const rows: string[] = [];
for (const file of FILES.filter((f) => !only || f.includes(only))) {
  const goldPath = join(evalDir, 'data', file);
  const records: GoldRecord[] = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRecord);
  const preds = new Map<string, { start: number; end: number }[]>();
  // Group into documents (AI-policy files) or keep each sentence alone (NER files).
  const groups = new Map<string, GoldRecord[]>();
  for (const r of records) {
    const key = r.doc ?? r.id;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const started = performance.now();
  for (const group of groups.values()) {
    const text = group.map((r) => r.text).join('\n');
    const mentions = findOrganizations(text, group[0]!.lang);
    let offset = 0;
    for (const r of group) {
      const end = offset + r.text.length;
      preds.set(
        r.id,
        mentions.filter((m) => m.start >= offset && m.end <= end).map((m) => ({ start: m.start - offset, end: m.end - offset })),
      );
      offset = end + 1;
    }
    totalChars += text.length;
  }
  totalMs += performance.now() - started;
  const predPath = join(outDir, file.replace('.jsonl', '.pred.jsonl'));
  writeFileSync(predPath, records.map((r) => JSON.stringify({ id: r.id, orgs: preds.get(r.id) ?? [] })).join('\n') + '\n');
  const scoreArgs = [join(evalDir, 'score.mjs'), 'orgs', goldPath, predPath, ...(errors ? ['--errors', errors] : [])];
  const out = execFileSync('node', scoreArgs, { encoding: 'utf8' });
  if (errors) console.log(`\n=== ${file}\n${out}`);
  const summary = out.trim().split('\n').pop() ?? '';
  const prLine = (out.split("\n").find((l) => l.startsWith("ALL")) ?? "").replace(/^ALL\s+/, "");
  rows.push(`${file.replace('.dev.jsonl', '').padEnd(26)} ${summary}   ${prLine.trim()}`);
}
console.log('\nfile                       summary');
for (const r of rows) console.log(r);
console.log(`throughput: ${((totalChars / totalMs) * 1000).toFixed(0)} chars/s over ${totalChars} chars (first call includes building the trie)`);
console.log(`first call (gazetteer trie + tagger weights): ${setupMs.toFixed(1)} ms`);

/** Every dev text as analysed above, the AI-policy documents whole, and the test-corpus pages (tags stripped). */
function allTexts(): { name: string; lang: string; text: string }[] {
  const out: { name: string; lang: string; text: string }[] = [];
  const read = (file: string) =>
    readFileSync(join(evalDir, 'data', file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldRecord);
  for (const file of FILES) {
    const groups = new Map<string, GoldRecord[]>();
    for (const r of read(file)) groups.set(r.doc ?? r.id, [...(groups.get(r.doc ?? r.id) ?? []), r]);
    for (const [key, g] of groups) out.push({ name: `${file}#${key}`, lang: g[0]!.lang, text: g.map((r) => r.text).join('\n') });
  }
  for (const file of ['aipolicy_docs.dev.jsonl', 'claims_en_claimbuster.dev.jsonl', 'claims_en_clef2019.dev.jsonl']) {
    if (!existsSync(join(evalDir, 'data', file))) continue;
    for (const r of read(file)) out.push({ name: `${file}#${r.id ?? r.doc}`, lang: r.lang, text: r.text });
  }
  const pages = join(evalDir, '..', 'corpus', 'pages');
  if (existsSync(pages)) {
    for (const name of readdirSync(pages).sort()) {
      const p = join(pages, name, 'expected.html');
      if (!existsSync(p)) continue;
      const text = readFileSync(p, 'utf8')
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<\/(p|div|h[1-6]|li|tr|blockquote|section|article|header|footer|figcaption)>|<br\s*\/?>/gi, '\n')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/[ \t]+/g, ' ');
      for (const lang of ['en', 'fr']) out.push({ name: `corpus/${name}/${lang}`, lang, text });
    }
  }
  return out;
}

if (dump) {
  const lines: string[] = [];
  let n = 0;
  for (const { name, lang, text } of allTexts()) {
    const mentions: OrgMention[] = findOrganizations(text, lang);
    n += mentions.length;
    lines.push(JSON.stringify({ name, lang, mentions }));
  }
  writeFileSync(dump, lines.join('\n') + '\n');
  console.log(`dump: ${lines.length} texts, ${n} mentions -> ${dump}`);
}

if (argv.includes('--speed')) {
  const texts = allTexts();
  const en = texts.filter((x) => x.lang === 'en' && !x.name.startsWith('corpus/'));
  const sentences = en.filter((x) => x.name.startsWith('ner_en_wikigold')).map((x) => x.text);
  const docs = texts.filter((x) => x.name.startsWith('aipolicy_docs')).map((x) => x.text);
  const paragraphs: string[] = [];
  for (const d of docs) for (const p of d.split(/\n+/)) if (p.length > 200) paragraphs.push(p);
  const page = texts.find((x) => x.name === 'corpus/wikipedia-2/en')?.text ?? docs.join('\n\n');
  const sizes: [string, string[]][] = [
    ['sentence (wikigold)', sentences],
    ['paragraph (aipolicy)', paragraphs],
    ['document en (aipolicy_docs)', en.filter((x) => x.name.startsWith('aipolicy_docs')).map((x) => x.text)],
    ['page (wikipedia-2)', [page]],
  ];
  /** Median chars/s over passes of the whole set lasting ≥ 1.5 s after a warm-up pass. */
  const rate = (set: string[], lang: string) => {
    const chars = set.reduce((a, s) => a + s.length, 0);
    const pass = () => {
      const t0 = performance.now();
      for (const s of set) findOrganizations(s, lang);
      return (chars / Math.max(performance.now() - t0, 1e-3)) * 1000;
    };
    pass();
    const rates: number[] = [];
    const started = performance.now();
    while (performance.now() - started < 1500 || rates.length < 5) rates.push(pass());
    rates.sort((a, b) => a - b);
    return rates[Math.floor(rates.length / 2)]!;
  };
  console.log('\ncall size                     calls   chars/call   chars/s (median)');
  for (const [label, set] of sizes) {
    const chars = set.reduce((a, s) => a + s.length, 0);
    const r = rate(set, 'en');
    console.log(`${label.padEnd(28)} ${String(set.length).padStart(6)} ${String(Math.round(chars / set.length)).padStart(12)} ${Math.round(r).toLocaleString('en-US').padStart(18)}`);
  }
  const frDocs = texts.filter((x) => x.name.startsWith('aipolicy_docs') && x.lang === 'fr').map((x) => x.text);
  const frChars = frDocs.reduce((a, s) => a + s.length, 0);
  const frRate = Math.round(rate(frDocs, 'fr')).toLocaleString('en-US');
  console.log(`${'document fr (aipolicy_docs)'.padEnd(28)} ${String(frDocs.length).padStart(6)} ${String(Math.round(frChars / frDocs.length)).padStart(12)} ${frRate.padStart(18)}`);
}
