/**
 * Locale files: English and French define the same keys, no message is empty, placeholders match,
 * and every message key the UI code names exists.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../lib/i18n';
import { LANGUAGES, loadMessages } from '../../scripts/locales';

const LOCALES = 'locales';
const messages = Object.fromEntries(LANGUAGES.map((lang) => [lang, loadMessages(LOCALES, lang)]));
const en = messages.en!;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const placeholders = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

describe('locale files', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the English keys', (lang) => {
    expect(Object.keys(messages[lang]!).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LANGUAGES)('%s has no empty messages', (lang) => {
    const empty = Object.entries(messages[lang]!)
      .filter(([, entry]) => typeof entry.message !== 'string' || entry.message.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s uses the same $1..$9 placeholders as English', (lang) => {
    const mismatched = Object.entries(en)
      .filter(([key, entry]) => JSON.stringify(placeholders(entry.message)) !== JSON.stringify(placeholders(messages[lang]![key]?.message ?? '')))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('keys are camelCase (browser.i18n allows only [A-Za-z0-9_@])', () => {
    for (const lang of LANGUAGES) for (const key of Object.keys(messages[lang]!)) expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('popup keys are prefixed "popup"', () => {
    const popup = JSON.parse(readFileSync(join(LOCALES, 'en', 'popup.json'), 'utf8')) as Record<string, unknown>;
    for (const key of Object.keys(popup)) expect(key).toMatch(/^popup[A-Z]/);
  });

  it('every message key named in components/ exists in English', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('components')) {
      const src = readFileSync(file, 'utf8');
      // t('key', …) calls, and keys written as literals elsewhere (label maps, plural() pairs).
      for (const m of src.matchAll(/\bt\(\s*['"]([A-Za-z0-9_]+)['"]/g)) used.add(m[1]!);
      for (const m of src.matchAll(/['"]((?:popup|color|status|ext)[A-Z][A-Za-z0-9]*)['"]/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !Object.hasOwn(en, key))).toEqual([]);
  });

  it('createTranslator substitutes like browser.i18n', () => {
    const t = createTranslator(en);
    expect(t('statusFuzzy', '87')).toBe('fuzzy 87%');
    expect(t('popupCountItem', ['moved', '2'])).toBe('moved: 2');
  });
});
