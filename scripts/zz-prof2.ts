import { readFileSync } from 'node:fs';
import { analyze } from '../lib/analysis';
const files = ['aipolicy_en','aipolicy_fr','claims_en_claimbuster','claims_en_clef2019','ner_en_wikigold'];
const recs = files.flatMap(f=>readFileSync(`../shared/eval/data/${f}.dev.jsonl`,'utf8').trim().split('\n').map(l=>JSON.parse(l) as {text:string,lang:string}));
const chars = recs.reduce((a,r)=>a+r.text.length,0);
for (let k=0;k<6;k++){ const t0=performance.now(); for(const r of recs) analyze(r.text,{lang:r.lang}); const ms=performance.now()-t0; console.log(Math.round(chars/ms*1000).toLocaleString()); }
