import { readFileSync } from 'node:fs';
import { analyze } from '../lib/analysis';
import { findOrganizations } from '../lib/analysis/orgs';
import { splitSentences } from '../lib/analysis/text';
import { extractFeatures, ngrams } from '../lib/analysis/claims/features';
import { scoreClaim } from '../lib/analysis/claims';
const docs = readFileSync('../shared/eval/data/aipolicy_docs.dev.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l));
const en = docs.filter(d=>d.lang==='en').map(d=>d.text).join('\n\n');
const fr = docs.filter(d=>d.lang==='fr').map(d=>d.text).join('\n\n');
const wiki = readFileSync('../shared/corpus/pages/wikipedia-2/expected.html','utf8').replace(/<[^>]+>/g,' ').replace(/&[a-z#0-9]+;/g,' ').replace(/[ \t]+/g,' ');
function t(name:string, f:()=>void, chars:number){ for(let i=0;i<2;i++)f(); const t0=performance.now(); let n=0; while(performance.now()-t0<700){f();n++;} const ms=(performance.now()-t0)/n; console.log(name, ms.toFixed(2)+'ms', Math.round(chars/ms*1000).toLocaleString()); }
for (const [name, text, lang] of [['en',en,'en'],['fr',fr,'fr'],['wiki',wiki,'en']] as const) {
  console.log(name, text.length);
  t(' analyze', ()=>analyze(text,{lang, budgetMs:1e9}), text.length);
  t(' orgs', ()=>findOrganizations(text,lang), text.length);
  t(' split', ()=>splitSentences(text), text.length);
  const ss = splitSentences(text);
  t(' features', ()=>{for(const s of ss) extractFeatures(s.text, lang)}, text.length);
  t(' ngrams', ()=>{for(const s of ss) ngrams(s.text)}, text.length);
  const orgs = findOrganizations(text, lang);
  t(' scoreClaim', ()=>{for(const s of ss) scoreClaim(text, s, lang, orgs)}, text.length);
}
