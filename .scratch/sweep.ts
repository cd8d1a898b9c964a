import { launchExtension, mentionsExtension } from '../tests/e2e/helpers/chromium';
import { startServer } from '../tests/e2e/helpers/server';
import { findOutputDir } from '../tests/e2e/helpers/build';
import { corpusPageNames, corpusSource } from '../tests/e2e/helpers/paths';
import { inPage } from '../tests/e2e/helpers/lens';
const PAGES = corpusPageNames();
const server = await startServer({ routes: Object.fromEntries(PAGES.map((n) => [`/corpus/${n}.html`, { file: corpusSource(n) }])) });
const lens = await launchExtension({ extensionPath: findOutputDir('chrome')!, allowOrigins: [server.origin] });
const page = await lens.newPage();
for (const name of PAGES) {
  const t0 = Date.now();
  const before = lens.problems.length;
  await page.goto(server.url(`/corpus/${name}.html`), { waitUntil: 'load', timeout: 45_000 });
  let a: any = null;
  for (let i = 0; i < 200 && !a; i++) { a = await inPage(page, '__policyLensTest.analysis()').catch(() => null); if (!a) await page.waitForTimeout(100); }
  const lay: any = await inPage(page, '__policyLensTest.suggestionLayout()');
  const mine = lens.problems.slice(before).filter(mentionsExtension);
  console.log(name, Date.now() - t0, JSON.stringify({ state: a?.state, lang: a?.lang, o: a?.organizations, c: a?.claims, p: a?.painted, ms: a?.ms }), lay.count, lay.common, lay.commonIsPage, lay.commonShare, lay.furniture.length ? 'FURN ' + JSON.stringify(lay.furniture.slice(0, 3)) : '', mine.length ? 'ERR ' + JSON.stringify(mine) : '');
}
await lens.close(); await server.close();
