import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectLanguage, splitSentences, uaxSentenceBreaks } from '../../../lib/analysis/text';
import { decodeRuns, SB_TABLE_SIZE, SB_UNKNOWN } from '../../../lib/analysis/sentence-break';
import { CHECK_TEMPLATES, deriveLatinLetters, deriveSentenceBreakTable, encodeRuns, renderTextTablesModule } from '../../../lib/analysis/sentence-break-build';
import { SB_RUNS } from '../../../lib/analysis/sentence-break.generated';

describe('splitSentences', () => {
  it.each([
    ['EN titles', 'Mr. Smith met Dr. Jones. They talked.', ['Mr. Smith met Dr. Jones.', 'They talked.']],
    ['EN e.g. and U.S. + name', 'Use e.g. audits. The U.S. Department of Commerce will act. It is fine.', ['Use e.g. audits.', 'The U.S. Department of Commerce will act.', 'It is fine.']],
    ['EN U.S. at sentence end', 'We went to the U.S. The next day it rained.', ['We went to the U.S.', 'The next day it rained.']],
    ['EN decimals and money', 'Version 3.5 is out. It costs $1.5 billion.', ['Version 3.5 is out.', 'It costs $1.5 billion.']],
    ['FR M. and Mme', 'M. Macron et Mme. Dupont sont là. Ils parlent.', ['M. Macron et Mme. Dupont sont là.', 'Ils parlent.']],
    ['FR initials in bylines', 'Propos recueillis par J. Dupont', ['Propos recueillis par J. Dupont']],
    ['FR closing guillemet', 'Il a dit « Non. » Puis il est parti.', ['Il a dit « Non. »', 'Puis il est parti.']],
    ['line breaks end headings', 'Un titre sans point\nLe texte suit. Et encore', ['Un titre sans point', 'Le texte suit.', 'Et encore']],
  ])('%s', (_name, input, expected) => {
    const out = splitSentences(input);
    expect(out.map((s) => s.text)).toEqual(expected);
    for (const s of out) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('cuts very long lines into bounded blocks without losing text', () => {
    const text = 'Word '.repeat(5000) + 'end.';
    const out = splitSentences(text);
    expect(out.length).toBeGreaterThan(1);
    expect(out.map((s) => s.text).join(' ')).toBe(text.trim());
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['The Commission said that the new rules will apply to all providers of AI systems.', 'en'],
    ["La Commission a indiqué que les nouvelles règles s'appliqueront à tous les fournisseurs de systèmes d'IA.", 'fr'],
    ['Die Kommission sagte, dass die neuen Regeln für alle Anbieter gelten werden und nicht nur für die großen.', 'de'],
    ['La Comisión dijo que las nuevas normas se aplicarán a todos los proveedores de sistemas y que también son muy claras.', 'es'],
    ['人工知能に関する新しい規則が発表されました。', 'ja'],
    ['Новые правила вступят в силу в следующем году.', 'ru'],
    ['', 'und'],
    ['12345 67890', 'und'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });
});

describe('splitSentences fast path', () => {
  it('keeps a line without inner terminator whole, and still splits lines that have one', () => {
    expect(splitSentences('A heading without a final stop').map((s) => s.text)).toEqual(['A heading without a final stop']);
    expect(splitSentences('One sentence only.').map((s) => s.text)).toEqual(['One sentence only.']);
    expect(splitSentences('First one. Second one!').map((s) => s.text)).toEqual(['First one.', 'Second one!']);
  });
});

describe('detectLanguage (single pass)', () => {
  it('recognises scripts and Latin languages', () => {
    expect(detectLanguage('これは日本語の文章です。ひらがなとカタカナ。').lang).toBe('ja');
    expect(detectLanguage('Это предложение написано на русском языке и оно довольно длинное.').lang).toBe('ru');
    expect(detectLanguage("L'intelligence artificielle est un enjeu pour les entreprises et les citoyens.").lang).toBe('fr');
  });
});

describe('splitSentences: UAX #29 breaks without Intl.Segmenter', () => {
  const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
  const icuBreaks = (text: string): number[] => [...icu.segment(text)].map((x) => x.index).filter((i) => i > 0);
  // Characters of every Sentence_Break class that occur in Latin-script text, and some of other scripts.
  const tricky = ['a', 'b', 'é', 'B', 'É', 'ǅ', 'ß', 'ª', '1', '2', '.', '.', '!', '?', '‽', '․', '…', ' ', ' ', '\u00a0', '\u202f', '\t', ')', '(', '"', "'", '»', '«', '”', '’', '‚', ',', ';', ':', '-', '–', '—', '\u0301', '\u00ad', '\u200b', '\u200d', '%', '$', '€', '#', '*', '/', '&', '¿', '¡'];
  const otherScripts = ['д', 'Д', 'λ', 'Λ', 'क', 'ि', '।', 'ب', '؟', '،', '٣', '中', '。', '、', 'Ａ', 'ａ', '．', '１', '！', '「', '」', 'ա', '։'];

  it('gives the breaks of Intl.Segmenter on text of tabulated characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...tricky), minLength: 1, maxLength: 24 }), (text) => {
        expect(uaxSentenceBreaks(text)).toEqual(icuBreaks(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the breaks of Intl.Segmenter on mixed-script text (or declines it)', () => {
    const declined: string[] = [];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...tricky, ...otherScripts, ...otherScripts), minLength: 1, maxLength: 24 }), (text) => {
        const ours = uaxSentenceBreaks(text);
        if (ours === null) declined.push(text);
        else expect(ours).toEqual(icuBreaks(text));
      }),
      { numRuns: 3000 },
    );
    // Declining is the fallback for a few characters, not a way to pass: these scripts are tabulated.
    expect(declined).toEqual([]);
  });

  it('gives the breaks of Intl.Segmenter around tabulated characters (all Latin ones, a sample of the rest)', () => {
    const table = decodeRuns(SB_RUNS, SB_TABLE_SIZE);
    const latin: Array<[number, number]> = [[0x20, 0x36f], [0x1e00, 0x1eff], [0x2000, 0x20cf]];
    const isLatin = (c: number) => latin.some(([lo, hi]) => c >= lo && c <= hi);
    let checked = 0;
    for (let c = 0x20; c < SB_TABLE_SIZE; c++) {
      if (!isLatin(c) && c % 17 !== 0) continue;
      const x = String.fromCharCode(c);
      if (table[c] === SB_UNKNOWN) {
        // Line and paragraph separators, surrogates, and the few characters ICU classes otherwise.
        expect(uaxSentenceBreaks(`a${x}. b`)).toBeNull();
        continue;
      }
      checked++;
      for (const template of CHECK_TEMPLATES) {
        const t = template(x);
        expect([t, uaxSentenceBreaks(t)]).toEqual([t, icuBreaks(t)]);
      }
    }
    expect(checked).toBeGreaterThan(4000);
    for (const x of 'aé.!, 1дλक。') expect(table[x.charCodeAt(0)]).not.toBe(SB_UNKNOWN);
  });

  it('declines text it does not tabulate (Intl.Segmenter then decides)', () => {
    expect(uaxSentenceBreaks('Smile 😀. Next one.')).toBeNull();
    expect(uaxSentenceBreaks('a.\u0085b')).toBeNull();
    expect(splitSentences('Smile 😀. Next one.').map((s) => s.text)).toEqual(['Smile 😀.', 'Next one.']);
    expect(splitSentences('Это предложение. Второе.').map((s) => s.text)).toEqual(['Это предложение.', 'Второе.']);
  });
});

describe('splitSentences: line breaks and bounds', () => {
  it('ends sentences at every kind of line break', () => {
    for (const nl of ['\n', '\r\n', '\r', '\u2028', '\u2029']) {
      const text = `One line${nl}Two. Three${nl}${nl}Four.`;
      expect(splitSentences(text).map((x) => x.text)).toEqual(['One line', 'Two.', 'Three', 'Four.']);
    }
  });

  it('reads only the lines between from and to', () => {
    const text = 'Alpha one. Alpha two.\nBeta one. Beta two.\nGamma.';
    const from = text.indexOf('one.');
    const to = text.indexOf('Beta two.');
    expect(splitSentences(text, from, to).map((x) => x.text)).toEqual(['one.', 'Alpha two.', 'Beta one.']);
  });
});

describe('sentence-break tables (built, not derived in the page)', () => {
  it('generated module is up to date with the Unicode data of this engine (run npx tsx scripts/build-tables.ts)', () => {
    // Deriving checks every character against Intl.Segmenter: a few seconds.
    const derived = deriveSentenceBreakTable();
    const generated = readFileSync(new URL('../../../lib/analysis/sentence-break.generated.ts', import.meta.url), 'utf8');
    expect(generated === renderTextTablesModule(derived)).toBe(true);
    expect(decodeRuns(SB_RUNS, SB_TABLE_SIZE)).toEqual(derived);
  }, 60_000);

  it('run-length form round-trips and rejects a table of the wrong size', () => {
    for (const table of [decodeRuns(SB_RUNS, SB_TABLE_SIZE), deriveLatinLetters(), new Uint8Array([3, 3, 0, 7, 7, 7])]) {
      expect(decodeRuns(encodeRuns(table), table.length)).toEqual(table);
    }
    expect(() => decodeRuns([1, 4], 5)).toThrow(/4 entries decoded, 5 expected/);
  });
});
