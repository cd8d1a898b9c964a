import fs from 'node:fs';
import { parseHTML } from 'linkedom';
import { buildTextIndex } from '../../lib/anchoring/index';
import { GramIndex } from '../../lib/anchoring/match';
const text = buildTextIndex(parseHTML(fs.readFileSync('../shared/corpus/pages/wikipedia-2/source.html', 'utf8')).document).text;
for (let r = 0; r < 3; r++) { const t = performance.now(); new GramIndex(text); console.log('gram build', (performance.now() - t).toFixed(1)); }
