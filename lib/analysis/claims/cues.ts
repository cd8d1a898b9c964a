/**
 * The compiled cue lexicons the detector uses, read from lexicon.generated.ts on first use. The
 * sources (lexicon.ts) are compiled at build time and stay out of the content script: compiling
 * them in the page cost about 20 ms of its first analysis (matcher.ts says more).
 */
import { COMPILED_LEXICONS } from './lexicon.generated';
import { loadLexicon, type CompiledLexicon } from './matcher';

// Read on first use, not at import: the content script loads on every page, and most pages never
// need the French tables (or any, when analysis is off).
let compiledEn: CompiledLexicon | undefined;
let compiledFr: CompiledLexicon | undefined;

/** Compiled lexicon of a language; English serves as the fallback. */
export function lexiconFor(lang: string): CompiledLexicon {
  if (lang === 'fr') return (compiledFr ??= loadLexicon(COMPILED_LEXICONS.fr));
  return (compiledEn ??= loadLexicon(COMPILED_LEXICONS.en));
}
