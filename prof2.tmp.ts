import { readFileSync } from 'node:fs';
import { EN, FR } from './lib/analysis/claims/lexicon';
const rows = readFileSync('../shared/eval/data/aipolicy_en.dev.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const texts = rows.map(r=>r.text as string); const chars = texts.reduce((a,t)=>a+t.length,0);
const res: [string, number][] = [];
for (const [name, re] of Object.entries(EN)) { const t0=performance.now(); for (let k=0;k<5;k++) for (const t of texts) re!.test(t); res.push([name, Math.round(chars*5/(performance.now()-t0)*1000)]); }
console.log(res.sort((a,b)=>a[1]-b[1]).map(x=>x.join('=')).join(' '));
const w=/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu; let t0=performance.now(); for (let k=0;k<5;k++) for (const t of texts) t.toLowerCase().match(w); console.log('tokenize', Math.round(chars*5/(performance.now()-t0)*1000));
