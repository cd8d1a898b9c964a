/**
 * Build-time half of the gazetteer: parses the human-readable source files
 * (`data/gazetteer/*.txt`, format in its README) and renders the compact generated module.
 * Pure (no file system) so the staleness unit test can recompile in memory. Not imported by
 * the runtime matcher, so it stays out of the content-script bundle.
 */
import { ORG_TYPES, type OrgType } from '../types';
import { firstKeyOf } from './gazetteer';
import { formKeys, slugify, tokenize } from './tokenize';

export interface SourceFile {
  name: string;
  text: string;
}

export interface GazetteerEntry {
  id: string;
  type: OrgType;
  en: string;
  fr: string;
  /** Every spelling that matches, `~`-prefixed when it must not match at sentence start. */
  forms: string[];
  file: string;
  line: number;
}

export interface ParseResult {
  entries: GazetteerEntry[];
  errors: string[];
  warnings: string[];
}

const split = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const clean = (form: string) => form.replace(/^~/, '');

/** Parses every source file; `errors` are fatal (bad type, missing name), `warnings` are not. */
export function parseGazetteer(files: readonly SourceFile[]): ParseResult {
  const entries: GazetteerEntry[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const ids = new Set<string>();
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    let type: OrgType | undefined;
    file.text.split('\n').forEach((rawLine, i) => {
      const where = `${file.name}:${i + 1}`;
      const line = rawLine.trim();
      if (!line || line.startsWith('#')) return;
      if (line.startsWith('@type')) {
        const t = line.slice(5).trim();
        if ((ORG_TYPES as readonly string[]).includes(t)) type = t as OrgType;
        else errors.push(`${where}: unknown type "${t}"`);
        return;
      }
      if (!type) return void errors.push(`${where}: entry before any @type line`);
      const cells = line.split('|').map((c) => c.trim());
      const enForm = cells[0] ?? '';
      const en = clean(enForm);
      if (!en) return void errors.push(`${where}: missing English name`);
      const frForm = cells[1] || enForm;
      const fr = clean(frForm);
      const id = cells[4] || slugify(en);
      if (ids.has(id)) errors.push(`${where}: duplicate id "${id}"`);
      ids.add(id);
      const forms = [...new Set([enForm, frForm, ...split(cells[2]), ...split(cells[3])])];
      entries.push({ id, type, en, fr, forms, file: file.name, line: i + 1 });
    });
  }
  const seen = new Map<string, string>();
  for (const e of entries) {
    for (const f of e.forms) {
      const k = formKeys(clean(f)).join(' ');
      const prev = seen.get(k);
      if (prev !== undefined && prev !== e.id) warnings.push(`form "${clean(f)}" of ${e.id} already belongs to ${prev}; first wins`);
      else seen.set(k, e.id);
    }
  }
  return { entries, errors, warnings };
}

/** Heads that French often writes in lower case ("le ministère de l'Intérieur"). */
const UPPER_RE = /^\p{Lu}/u;
const LOWERCASE_OK_HEADS = new Set(['Ministère', 'Ministere']);

/** Renders the generated TypeScript module (deterministic: same sources, same bytes). */
export function renderGazetteerModule(entries: readonly GazetteerEntry[]): string {
  const entryLines: string[] = [];
  const formLines: string[] = [];
  const seen = new Set<string>();
  entries.forEach((e, index) => {
    const typeIndex = ORG_TYPES.indexOf(e.type);
    // The id is written even when it is the slug of the English name: slugging 1,500 names took
    // about 5 ms of the content script's start-up on every page.
    entryLines.push([e.id, typeIndex, e.en, e.fr === e.en ? '' : e.fr].join('\t'));
    for (const f of e.forms) {
      const form = clean(f);
      const tokens = tokenize(form);
      const keys = tokens.key;
      const k = keys.join(' ');
      if (!k || seen.has(k)) continue;
      seen.add(k);
      // The same words written with other capitals in this entry ("Biden administration"): keep the laxest.
      const variants = e.forms.map(clean).filter((g) => formKeys(g).join(' ') === k);
      let flags = '';
      const first = form.charAt(0);
      if (first !== first.toUpperCase() || LOWERCASE_OK_HEADS.has(form.split(' ')[0] ?? '')) flags += 'l';
      if (f.startsWith('~')) flags += '~';
      // Words capitalised in the form must be capitalised in the text ("Le Monde", not "le monde").
      let mask = 0;
      tokens.raw.forEach((_raw, p) => {
        if (p > 0 && p < 31 && variants.every((g) => UPPER_RE.test(tokenize(g).raw[p] ?? ''))) mask |= 1 << p;
      });
      formLines.push(mask ? `${k}\t${index}\t${flags}\t${mask}` : flags ? `${k}\t${index}\t${flags}` : `${k}\t${index}`);
    }
  });
  // Forms grouped by first key, the groups in code-unit order (stable: a group keeps the sources'
  // order), so the page finds a first word's forms by binary search instead of indexing all of them.
  const byFirst = (a: string, b: string): number => (firstKeyOf(a) < firstKeyOf(b) ? -1 : firstKeyOf(a) > firstKeyOf(b) ? 1 : 0);
  formLines.sort(byFirst);
  // One line per first key, marked `\tl` when one of its forms may start in lower case.
  const firstLines: string[] = [];
  let prev: string | undefined;
  for (const line of formLines) {
    const first = firstKeyOf(line);
    const lower = (line.split('\t')[2] ?? '').includes('l');
    if (first !== prev) firstLines.push(first);
    if (lower) firstLines[firstLines.length - 1] = `${first}\tl`;
    prev = first;
  }
  const lit = (lines: string[]) => `[\n${lines.map((l) => `  ${JSON.stringify(l)},`).join('\n')}\n].join('\\n')`;
  return `// Generated by scripts/build-gazetteer.ts from data/gazetteer/*.txt: do not edit by hand.
// Run \`npx tsx scripts/build-gazetteer.ts\` after editing the sources (a unit test checks this).

/** One organization per line: id, type index in ORG_TYPES, English name, French name (empty = English). */
export const GAZETTEER_ENTRIES: string = ${lit(entryLines)};

/** One matchable spelling per line, grouped by first key (groups in code-unit order): token keys joined by spaces, entry index, flags (l = may start in lower case, ~ = not at sentence start), bit mask of the other words that must be capitalised. */
export const GAZETTEER_FORMS: string = ${lit(formLines)};

/** The distinct first keys of GAZETTEER_FORMS, in the same order; \`\\tl\` when one of its forms may start in lower case. */
export const GAZETTEER_FIRST: string = ${lit(firstLines)};
`;
}

/** Rewrites a source file with the entry lines of each `@type` block sorted by English name. */
export function sortSourceText(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let block: string[] = [];
  const key = (l: string) => clean(l.split('|')[0] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const flush = () => {
    out.push(...block.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)));
    block = [];
  };
  for (const l of lines) {
    const t = l.trim();
    if (!t || t.startsWith('#') || t.startsWith('@')) {
      flush();
      out.push(l);
    } else block.push(t);
  }
  flush();
  return out.join('\n');
}
