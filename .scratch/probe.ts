import { launchExtension } from '../tests/e2e/helpers/chromium';
import { startServer } from '../tests/e2e/helpers/server';
import { findOutputDir } from '../tests/e2e/helpers/build';
import { corpusSource } from '../tests/e2e/helpers/paths';
import { inPage } from '../tests/e2e/helpers/lens';
const PAGES = process.argv.slice(2);
const server = await startServer({ routes: Object.fromEntries(PAGES.map((n) => [`/corpus/${n}.html`, { file: corpusSource(n) }])) });
const lens = await launchExtension({ extensionPath: findOutputDir('chrome')!, allowOrigins: [server.origin] });
const page = await lens.newPage();
for (const name of PAGES) {
  await page.goto(server.url(`/corpus/${name}.html`), { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.policyLensAnalysis, null, { timeout: 20000 });
  const r = await inPage(page, `(() => {
    const out = [];
    for (const k of __policyLensTest.SUGGESTION_KINDS) { const h = CSS.highlights.get('policy-lens-s-' + k); if (!h) continue;
      h.forEach(r => { let el = r.startContainer.parentElement; const chain = []; for (let e = el; e && chain.length < 8; e = e.parentElement) chain.push(e.localName + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').slice(0,2).join('.') : ''));
        out.push({ k, text: r.startContainer.data.slice(r.startOffset, r.startContainer === r.endContainer ? r.endOffset : undefined).slice(0, 60), visible: el.checkVisibility(), chain: chain.join(' < ') }); }); }
    return out.slice(0, 12); })()`);
  console.log(name, JSON.stringify(r, null, 1));
}
await lens.close(); await server.close();
