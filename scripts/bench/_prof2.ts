import fs from 'node:fs';
import { parseHTML } from 'linkedom';
import { buildTextIndex } from '../../lib/anchoring/index';
import { anchorExact, anchorFuzzy } from '../../lib/anchoring/match';
import { __workload } from './anchoring';
const text = buildTextIndex(parseHTML(fs.readFileSync('../shared/corpus/pages/wikipedia-2/source.html', 'utf8')).document).text;
const w = __workload(text);
const rows: [number, number, string, string][] = [];
for (let rep = 0; rep < 2; rep++) {
  rows.length = 0;
  let te = 0, tf = 0;
  for (const it of w.items) {
    let t = performance.now();
    const e = anchorExact(w.text, it.selectors);
    const d1 = performance.now() - t; te += d1;
    t = performance.now();
    const f = e ? e : anchorFuzzy(w.text, it.selectors);
    const d2 = e ? 0 : performance.now() - t; tf += d2;
    rows.push([d1, d2, f.status, it.selectors[0].exact.slice(0, 50)]);
  }
  console.log('exact total', te.toFixed(1), 'fuzzy total', tf.toFixed(1));
}
rows.sort((a, b) => b[0] + b[1] - a[0] - a[1]);
for (const r of rows.slice(0, 15)) console.log(r[0].toFixed(2), r[1].toFixed(2), r[2], JSON.stringify(r[3]));
