import fs from 'node:fs';
import { parseHTML } from 'linkedom';
import { buildTextIndex } from '../../lib/anchoring/index';
import { anchorExact, anchorFuzzy } from '../../lib/anchoring/match';
import { __workload } from './anchoring';
const text = buildTextIndex(parseHTML(fs.readFileSync('../shared/corpus/pages/wikipedia-2/source.html', 'utf8')).document).text;
const w = __workload(text);
for (const q of ['Encyclopedia', 'Paul (May', 'and tribes (iwi) ruled', 'New Zealand,']) {
  const it = w.items.find((x) => x.selectors[0].exact.startsWith(q))!;
  const times: number[] = [];
  for (let r = 0; r < 20; r++) {
    const t = performance.now();
    const e = anchorExact(w.text, it.selectors) ?? anchorFuzzy(w.text, it.selectors);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(q, w.text.split(it.selectors[0].exact).length - 1, 'min', times[0]!.toFixed(2), 'median', times[10]!.toFixed(2), 'max', times[19]!.toFixed(2));
}
