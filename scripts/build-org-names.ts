/**
 * Compiles the list of well-known organization names (data/orgs-general/*.txt) into
 * lib/analysis/orgs/names.generated.ts, which the tagger (model.ts) uses as a feature.
 *
 *   npx tsx scripts/build-org-names.ts          # compile
 *   npx tsx scripts/build-org-names.ts --check  # exit 1 when the generated file is stale
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compileNames, renderNamesModule } from '../lib/analysis/orgs/names-source';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(root, 'data/orgs-general');
const outFile = join(root, 'lib/analysis/orgs/names.generated.ts');

const files = readdirSync(srcDir)
  .filter((n) => n.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(srcDir, name), 'utf8') }));
const moduleText = renderNamesModule(files);
if (process.argv.includes('--check')) {
  if (readFileSync(outFile, 'utf8') !== moduleText) {
    console.error('names.generated.ts is stale: run npx tsx scripts/build-org-names.ts');
    process.exit(1);
  }
} else {
  writeFileSync(outFile, moduleText);
}
const { categories, cats } = compileNames(files);
const perCategory = categories.map((c, i) => `${c}=${cats.filter((x) => x === i + 1).length}`).join(' ');
console.log(`org names: ${cats.length} (${perCategory}) module=${Buffer.byteLength(moduleText)} B gzip=${gzipSync(moduleText).length} B`);
