/**
 * Bundled (unminified, names kept) by scripts/bench/analysis-browser.ts and run in a page's main
 * world WITHOUT the extension: the same steps as entrypoints/content/suggestions.ts `analysePage`
 * (article finder → text index → chunked analysis → suggestions → painting), each timed on its own,
 * so a long task seen with the extension can be pinned on one part. Not shipped.
 */
import { analyze } from '../../lib/analysis';
import { chunkBounds } from '../../lib/analysis/chunked';
import { detectLanguage } from '../../lib/analysis/text';
import { buildTextIndex } from '../../lib/anchoring';
import { findArticle, skipInArticle } from '../../lib/dom/article';
import { createPainter } from '../../lib/dom/painter';
import { parseSettings } from '../../lib/settings';
import { buildSuggestions, type SuggestionKind } from '../../lib/suggestions';

const KINDS: readonly SuggestionKind[] = ['organization', 'statistic', 'comparison', 'causal', 'prediction', 'position'];

export interface ProbeStep {
  /** `file: function` of the step. */
  step: string;
  ms: number;
  detail?: string;
}

function time<T>(steps: ProbeStep[], step: string, fn: () => T, detail?: (r: T) => string): T {
  const t0 = performance.now();
  const r = fn();
  steps.push({ step, ms: performance.now() - t0, ...(detail ? { detail: detail(r) } : {}) });
  return r;
}

/** Runs the pipeline once, synchronously per step (the content script yields between chunks). */
function run(): ProbeStep[] {
  const steps: ProbeStep[] = [];
  const article = time(steps, 'lib/dom/article.ts: findArticle', () => findArticle(document), (a) => (a ? a.localName : 'none'));
  if (!article) return steps;
  const index = time(
    steps,
    'lib/anchoring/text-index.ts: buildTextIndex',
    () => buildTextIndex(article, { skip: (el) => el.localName === 'policy-lens-ui' || skipInArticle(el) }),
    (i) => `${i.text.length} chars`,
  );
  const text = time(steps, 'lib/anchoring/text-index.ts: blockText', () => index.blockText());
  const lang = time(steps, 'lib/analysis/text.ts: detectLanguage', () => detectLanguage(text).lang);
  const merged = { orgs: [] as ReturnType<typeof analyze>['orgs'], claims: [] as ReturnType<typeof analyze>['claims'] };
  let claimsEnabled = false;
  let detectorVersion = '';
  // The content script's chunking (lib/analysis/chunked.ts analyzeInChunks, 6000 chars).
  chunkBounds(text, 6000).forEach(([start, end], i) => {
    const r = time(steps, `lib/analysis/index.ts: analyze (chunk ${i})`, () => analyze(text.slice(start, end), { lang }), (x) => `${end - start} chars, ${x.orgs.length} orgs, ${x.claims.length} claims`);
    claimsEnabled = r.claimsEnabled;
    detectorVersion = r.detectorVersion;
    for (const o of r.orgs) merged.orgs.push({ ...o, start: o.start + start, end: o.end + start });
    for (const c of r.claims) merged.claims.push({ ...c, start: c.start + start, end: c.end + start, ...(c.claimant ? { claimant: { ...c.claimant, start: c.claimant.start + start, end: c.claimant.end + start } } : {}) });
  });
  const settings = parseSettings(undefined).analysis;
  const list = time(steps, 'lib/suggestions.ts: buildSuggestions', () =>
    buildSuggestions({ lang, orgs: merged.orgs, claims: merged.claims, claimsEnabled, detectorVersion }, index.text, settings, new Set()),
  (l) => `${l.length} suggestions`);
  const ranges = time(steps, 'lib/anchoring/text-index.ts: rangeFor (all suggestions)', () => list.map((s) => index.rangeFor(s.start, s.end)));
  time(steps, 'lib/dom/painter.ts: paint (all suggestions)', () => {
    const painter = createPainter(window, KINDS, 'policy-lens-probe-');
    ranges.forEach((r, i) => r && painter.paint(String(i), r, list[i]!.kind));
    return painter.size;
  }, (n) => `${n} ranges`);
  return steps;
}

(globalThis as unknown as { __plProbe: unknown }).__plProbe = { run };
