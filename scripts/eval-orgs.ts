/**
 * Dev evaluation of `findOrganizations` with the project's scorer (../shared/eval/score.mjs).
 *
 *   npx tsx scripts/eval-orgs.ts [--eval-dir ../shared/eval] [--only aipolicy_en] [--errors 20]
 *
 * NER files are scored sentence by sentence; the AI-policy files are analysed one document at a
 * time (sentences joined by line breaks, as a page would be) so document-level cues work, and the
 * spans are mapped back to sentences. Prints exact/lenient F1 per file and the throughput.
 * Measurement only: never copy gold names into the gazetteer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findOrganizations } from '../lib/analysis/orgs';

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
const outDir = mkdtempSync(join(tmpdir(), 'eval-orgs-'));

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
