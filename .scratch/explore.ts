import path from 'node:path';
import { launchExtension } from '../tests/e2e/helpers/chromium';
import { startServer } from '../tests/e2e/helpers/server';
import { findOutputDir } from '../tests/e2e/helpers/build';
import { CORPUS } from '../tests/e2e/helpers/paths';

const server = await startServer({ routes: { '/seed.html': { file: path.join(CORPUS, 'seed-article-fr.html') } } });
const lens = await launchExtension({ extensionPath: findOutputDir('chrome')!, allowOrigins: [server.origin] });
const page = await lens.newPage();
await page.goto(server.url('/seed.html'));
await page.waitForFunction(() => document.documentElement.dataset.policyLensAnalysis, null, { timeout: 20000 });
console.log(await page.evaluate(() => document.documentElement.dataset.policyLensAnalysis));
const out = await page.evaluate(() => {
  const names = ['organization', 'statistic', 'comparison', 'causal', 'prediction', 'position'];
  const res: any[] = [];
  for (const n of names) {
    const h = CSS.highlights.get('policy-lens-s-' + n);
    if (!h) { res.push([n, 'none']); continue; }
    h.forEach((r: any) => { const rr = document.createRange(); rr.setStart(r.startContainer, r.startOffset); rr.setEnd(r.endContainer, r.endOffset); res.push([n, rr.toString()]); });
  }
  return res;
});
console.log(out);
console.log(lens.extensionProblems());
await lens.close(); await server.close();
