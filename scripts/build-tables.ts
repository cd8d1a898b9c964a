/**
 * Writes the analysis tables that are computed at build time rather than in the page, where their
 * first use would cost tens of milliseconds of cold code on every page's first analysis:
 * - lib/analysis/sentence-break.generated.ts: the Sentence_Break classes and Latin letters of the
 *   code units the sentence splitter handles itself (from this engine's Unicode properties);
 * - lib/analysis/claims/lexicon.generated.ts: the claim cue lexicons, compiled.
 * Unit tests fail when either is stale.
 *
 *   npx tsx scripts/build-tables.ts          # write
 *   npx tsx scripts/build-tables.ts --check  # exit 1 when a generated file is stale
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderTextTablesModule } from '../lib/analysis/sentence-break-build';
import { renderLexiconModule } from '../lib/analysis/claims/lexicon';

const outputs: [string, () => string][] = [
  ['lib/analysis/sentence-break.generated.ts', renderTextTablesModule],
  ['lib/analysis/claims/lexicon.generated.ts', renderLexiconModule],
];
const check = process.argv.includes('--check');
let stale = 0;
for (const [rel, render] of outputs) {
  const file = fileURLToPath(new URL(`../${rel}`, import.meta.url));
  const text = render();
  if (check) {
    const ok = existsSync(file) && readFileSync(file, 'utf8') === text;
    if (!ok) stale++;
    console.log(ok ? `${rel} is up to date` : `${rel} is stale: run npx tsx scripts/build-tables.ts`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${rel} (${text.length} chars)`);
  }
}
process.exit(stale ? 1 : 0);
