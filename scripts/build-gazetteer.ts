/**
 * Compiles the organization gazetteer sources (data/gazetteer/*.txt) into
 * lib/analysis/orgs/gazetteer.generated.ts.
 *
 *   npx tsx scripts/build-gazetteer.ts          # compile
 *   npx tsx scripts/build-gazetteer.ts --sort   # also sort each source block by English name
 *   npx tsx scripts/build-gazetteer.ts --check  # exit 1 when the generated file is stale
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseGazetteer, renderGazetteerModule, sortSourceText } from '../lib/analysis/orgs/gazetteer-source';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(root, 'data/gazetteer');
const outFile = join(root, 'lib/analysis/orgs/gazetteer.generated.ts');
const args = new Set(process.argv.slice(2));

const names = readdirSync(srcDir).filter((n) => n.endsWith('.txt'));
if (args.has('--sort')) {
  for (const n of names) writeFileSync(join(srcDir, n), sortSourceText(readFileSync(join(srcDir, n), 'utf8')));
}
const files = names.map((name) => ({ name, text: readFileSync(join(srcDir, name), 'utf8') }));
const { entries, errors, warnings } = parseGazetteer(files);
for (const w of warnings) console.warn(`warning: ${w}`);
if (errors.length) {
  for (const e of errors) console.error(`error: ${e}`);
  process.exit(1);
}
const moduleText = renderGazetteerModule(entries);
if (args.has('--check')) {
  const current = readFileSync(outFile, 'utf8');
  if (current !== moduleText) {
    console.error('gazetteer.generated.ts is stale: run npx tsx scripts/build-gazetteer.ts');
    process.exit(1);
  }
} else {
  writeFileSync(outFile, moduleText);
}
const bytes = Buffer.byteLength(moduleText);
const forms = entries.reduce((n, e) => n + e.forms.length, 0);
console.log(
  `gazetteer entries=${entries.length} forms=${forms} module=${bytes} B gzip=${gzipSync(moduleText).length} B warnings=${warnings.length}`,
);
