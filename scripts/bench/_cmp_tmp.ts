import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { buildTextIndex } from '../../lib/anchoring/text-index';
// @ts-ignore
import { pageText } from '../../../shared/corpus/mutate.mjs';
const dir = '../shared/corpus/pages';
const which = process.argv[2] ?? 'linkedom';
let same = 0, diff = 0;
for (const name of fs.readdirSync(dir).sort()) {
  const f = path.join(dir, name, 'source.html');
  if (!fs.existsSync(f)) continue;
  const html = fs.readFileSync(f, 'utf8');
  let t0 = performance.now();
  let doc: any;
  if (which === 'linkedom') doc = parseHTML(html).document;
  else { const w = new Window(); w.document.write(html); doc = w.document; }
  const t1 = performance.now();
  const idx = buildTextIndex(doc);
  const t2 = performance.now();
  const m = pageText(html).text;
  const t3 = performance.now();
  const ours = idx.text;
  const mm = m.replace(/ $/, '');
  const ok = ours === mm;
  if (ok) same++; else diff++;
  let d = 0; while (d < ours.length && ours[d] === mm[d]) d++;
  console.log(name.padEnd(28), 'parse', (t1-t0).toFixed(0), 'index', (t2-t1).toFixed(1), 'mutate', (t3-t2).toFixed(0), ours.length, mm.length, ok ? 'SAME' : 'DIFF@' + d + ' ours=' + JSON.stringify(ours.slice(Math.max(0,d-30), d+40)) + ' mut=' + JSON.stringify(mm.slice(Math.max(0,d-30), d+40)));
}
console.log({ same, diff });
