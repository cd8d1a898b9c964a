/**
 * Where the main thread goes while the extension starts and analyses a page: one traced + profiled
 * load per page (after a warm-up load) in headless Chromium with the e2e build. Lists each task
 * longer than `POLICY_LENS_PROFILE_MIN_MS` (default 15) from the trace (RunTask), with the CPU
 * profile's self time inside it by function and source (`ext:` = the content script), so a long
 * task can be pinned on script evaluation, a module's top-level code or a step of the analysis.
 *
 * Usage: npx tsx scripts/bench/analysis-profile.ts [page...]   (pages: wikipedia-2, seed; default both)
 * For readable names build without minifying first: POLICY_LENS_NO_MINIFY=1 npx wxt build --mode e2e
 * (then POLICY_LENS_BENCH_SKIP_BUILD=1 is implied: the existing .output/chrome-mv3-e2e is used).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { buildExtension, findOutputDir } from '../../tests/e2e/helpers/build';
import { launchExtension } from '../../tests/e2e/helpers/chromium';
import { CORPUS, CORPUS_PAGES, FIXTURES } from '../../tests/e2e/helpers/paths';
import { startServer } from '../../tests/e2e/helpers/server';

const MIN_MS = Number(process.env.POLICY_LENS_PROFILE_MIN_MS ?? 15);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; functionName?: string }; name?: string };
}
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const short = (url: string) => (url.startsWith('chrome-extension://') ? 'ext:' + url.replace(/^chrome-extension:\/\/[^/]+\//, '') : url ? 'page' : '');

async function traceLoad(page: Page, cdp: CDPSession, url: string): Promise<{ events: TraceEvent[]; profile: CpuProfile }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'] },
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => document.documentElement.dataset.policyLensAnalysis !== undefined, null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  return { events, profile };
}

function report(events: TraceEvent[], profile: CpuProfile, analysisMs: number): string[] {
  // The renderer main thread: the one running the page's ParseHTML.
  const parse = events.find((e) => e.name === 'ParseHTML' || e.name === 'CommitLoad');
  const main = events.filter((e) => e.tid === parse?.tid && e.pid === parse?.pid);
  const tasks = main.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) / 1000 >= MIN_MS);
  const dcl = main.find((e) => e.name === 'MarkDOMContent')?.ts ?? tasks[0]?.ts ?? 0;
  // Sample times.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const lines: string[] = [`  (times relative to DOMContentLoaded; analysePage took ${analysisMs} ms)`];
  for (const task of tasks) {
    const from = task.ts;
    const to = task.ts + (task.dur ?? 0);
    const self = new Map<string, number>();
    const incl = new Map<string, number>();
    let ext = 0;
    profile.samples.forEach((id, i) => {
      const at = times[i]!;
      if (at < from || at > to) return;
      const node = byId.get(id)!;
      const f = node.callFrame;
      const key = `${short(f.url) || ''} ${f.functionName || '(anon)'}:${f.lineNumber + 1}`;
      const dt = (profile.timeDeltas[i + 1] ?? 100) / 1000;
      self.set(key, (self.get(key) ?? 0) + dt);
      const seen = new Set<string>();
      let isExt = false;
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const cf = byId.get(cur)!.callFrame;
        if (cf.url.startsWith('chrome-extension://')) {
          isExt = true;
          const k = `${cf.functionName || '(anon)'}:${cf.lineNumber + 1}`;
          if (!seen.has(k)) {
            seen.add(k);
            incl.set(k, (incl.get(k) ?? 0) + dt);
          }
        }
      }
      if (isExt) ext += dt;
    });
    const kids = main
      .filter((e) => e.ph === 'X' && e.ts >= from && e.ts < to && e !== task && (e.dur ?? 0) > 2000)
      .map((e) => `${e.name}${e.args?.data?.url ? ` ${short(e.args.data.url) || e.args.data.url.slice(-40)}` : ''}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`)
      .slice(0, 8);
    lines.push(`  task at dcl${from >= dcl ? '+' : ''}${((from - dcl) / 1000).toFixed(0)} ms: ${((task.dur ?? 0) / 1000).toFixed(1)} ms, in extension code (inclusive) ${ext.toFixed(1)} ms`);
    lines.push(`    trace: ${kids.join(' | ')}`);
    const top = (m: Map<string, number>, k: number) =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, ms]) => `${ms.toFixed(1)} ${name}`);
    lines.push(`    self: ${top(self, 8).join(' | ')}`);
    if (ext > 0) lines.push(`    ext inclusive: ${top(incl, 10).join(' | ')}`);
  }
  return lines;
}

const wanted = process.argv.slice(2);
const pages = [
  { name: 'wikipedia-2', file: path.join(CORPUS_PAGES, 'wikipedia-2', 'source.html') },
  { name: 'seed', file: fs.existsSync(path.join(CORPUS, 'seed-article-fr.html')) ? path.join(CORPUS, 'seed-article-fr.html') : path.join(FIXTURES, 'ai-policy-fr.html') },
].filter((p) => fs.existsSync(p.file) && (wanted.length === 0 || wanted.includes(p.name)));
const extensionPath = process.env.POLICY_LENS_NO_MINIFY === '1' || process.env.POLICY_LENS_BENCH_SKIP_BUILD === '1' ? findOutputDir('chrome', 'e2e') ?? buildExtension('chrome', 'e2e') : buildExtension('chrome', 'e2e');
const server = await startServer({ routes: Object.fromEntries(pages.map((p, i) => [`/p${i}.html`, { file: p.file }])) });
const lens = await launchExtension({ extensionPath, allowOrigins: [server.origin] });
try {
  for (const [i, p] of pages.entries()) {
    const url = server.url(`/p${i}.html`);
    const warm = await lens.newPage();
    await warm.goto(url, { waitUntil: 'load' });
    await warm.waitForFunction(() => document.documentElement.dataset.policyLensAnalysis !== undefined, null, { timeout: 30_000 });
    await warm.close();
    const page = await lens.newPage();
    const cdp = await page.context().newCDPSession(page);
    const { events, profile } = await traceLoad(page, cdp, url);
    const status = JSON.parse((await page.evaluate(() => document.documentElement.dataset.policyLensAnalysis)) ?? '{}') as { ms?: number; painted?: number };
    console.log(`${p.name}: ${status.painted} painted`);
    for (const l of report(events, profile, status.ms ?? NaN)) console.log(l);
    await page.close();
  }
} finally {
  await lens.close();
  await server.close();
}
