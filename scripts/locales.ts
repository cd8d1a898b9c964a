/** Loads the locale sources from disk (Node only: build config and tests). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mergeMessageFiles, type MessageFile } from '../lib/i18n';

export const LANGUAGES = ['en', 'fr'] as const;

export function loadMessages(localesDir: string, lang: string): MessageFile {
  const dir = join(localesDir, lang);
  const files: Record<string, MessageFile> = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    files[name] = JSON.parse(readFileSync(join(dir, name), 'utf8')) as MessageFile;
  }
  return mergeMessageFiles(files);
}
