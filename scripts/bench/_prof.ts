import fs from 'node:fs';
import { parseHTML } from 'linkedom';
import { buildTextIndex, describeSpan } from '../../lib/anchoring/index';
import { anchorExact, anchorFuzzy } from '../../lib/anchoring/match';
const text = buildTextIndex(parseHTML(fs.readFileSync('../shared/corpus/pages/wikipedia-2/source.html', 'utf8')).document).text;
// time exact/fuzzy for some typical quotes after deleting them
const samples = ['New Zealand', 'Prime Minister', 'the', 'Zealand', 'Māori', 'the country', 'which is the largest'];
for (const q of [...samples, ...samples]) {
  const at = text.indexOf(q, 50000);
  const sel = describeSpan(text, at, at + q.length);
  const t2 = text.slice(0, at) + text.slice(at + q.length);
  let t = performance.now();
  const e = anchorExact(t2, sel);
  const te = performance.now() - t;
  t = performance.now();
  const f = e ? null : anchorFuzzy(t2, sel);
  console.log(JSON.stringify(q), t2.split(q).length - 1, 'exact', te.toFixed(2), 'ms', e?.status, 'fuzzy', (performance.now() - t).toFixed(2), f?.status);
}
