// Where things live, resolved from this file so no machine path is ever written down.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the repository). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The team's shared folder, a sibling of the repository; may be missing on other machines. */
export const SHARED = path.resolve(ROOT, '../shared');
export const CORPUS = path.join(SHARED, 'corpus');
export const CORPUS_PAGES = path.join(CORPUS, 'pages');
/** Our own small fixture pages (written for this project, safe to commit). */
export const FIXTURES = path.join(ROOT, 'tests/fixtures/pages');

export const corpusAvailable = (): boolean => fs.existsSync(path.join(CORPUS_PAGES));

/** Names of the corpus pages (directories holding a source.html), sorted. */
export function corpusPageNames(): string[] {
  if (!corpusAvailable()) return [];
  return fs
    .readdirSync(CORPUS_PAGES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(CORPUS_PAGES, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
}

export const corpusSource = (name: string): string => path.join(CORPUS_PAGES, name, 'source.html');

/** Says, once per file, that a corpus-based check could not run (the suite goes on). */
export function reportMissingCorpus(check: string): void {
  console.warn(`[e2e] ../shared/corpus is missing: could not run "${check}"`);
}
