import fs from 'node:fs';
import search from 'approx-string-match';
import { parseHTML } from 'linkedom';
import { buildTextIndex } from '../../lib/anchoring/index';
const text = buildTextIndex(parseHTML(fs.readFileSync('../shared/corpus/pages/wikipedia-2/source.html', 'utf8')).document).text;
const pat = 'and tribes (iwi) ruled by a chief (rangatira), who';
let t = performance.now();
for (let r = 0; r < 100; r++) search(text.slice(1000, 1200), pat, 6);
console.log('search 200-char window', ((performance.now() - t) / 100).toFixed(3));
t = performance.now();
for (let r = 0; r < 100; r++) { const pieces = 8; for (let p = 0; p < pieces; p++) { const piece = pat.slice(p * 6, p * 6 + 6); let i = text.indexOf(piece); while (i >= 0) i = text.indexOf(piece, i + 1); } }
console.log('8 pieces indexOf', ((performance.now() - t) / 100).toFixed(3));
t = performance.now();
for (let r = 0; r < 10; r++) search(text.slice(0, 12000), pat, 6);
console.log('search 12k', ((performance.now() - t) / 10).toFixed(3));
