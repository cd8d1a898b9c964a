/**
 * UI strings. Sources live in locales/<lang>/<area>.json (one file per area so features do not
 * edit the same file); wxt.config.ts merges them into public `_locales/<lang>/messages.json` at
 * build time, where `browser.i18n` reads them. Components receive a `Translate` function rather
 * than calling the browser, so tests can render them in English or French.
 */
import type enCommon from '../locales/en/common.json';
import type enPopup from '../locales/en/popup.json';
import type enContent from '../locales/en/content.json';
import type enOptions from '../locales/en/options.json';

export type MessageKey = keyof typeof enCommon | keyof typeof enPopup | keyof typeof enContent | keyof typeof enOptions;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

export interface MessageEntry {
  message: string;
  description?: string;
}
export type MessageFile = Record<string, MessageEntry>;

/** Same substitution rules as browser.i18n.getMessage for positional `$1`..`$9` placeholders. */
export function createTranslator(messages: MessageFile): Translate {
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return key;
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
  };
}

/** Merges the per-area files of one language; a key defined twice is an error. */
export function mergeMessageFiles(files: Record<string, MessageFile>): MessageFile {
  const merged: MessageFile = {};
  for (const [name, file] of Object.entries(files)) {
    for (const [key, entry] of Object.entries(file)) {
      if (Object.hasOwn(merged, key)) throw new Error(`i18n key "${key}" is defined twice (again in ${name})`);
      merged[key] = entry;
    }
  }
  return merged;
}

/** Adapts `browser.i18n.getMessage` (whose generated types do not know our merged keys). */
export function translatorFrom(getMessage: (key: string, substitutions?: string | string[]) => string): Translate {
  return (key, substitutions) => getMessage(key, substitutions) || key;
}
