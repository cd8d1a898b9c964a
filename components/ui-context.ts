/**
 * The UI language for every popup component: the translator plus number and date formatting in
 * the same language. Provided once by PopupApp so components do not thread `t` through props.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MessageKey, Translate } from '../lib/i18n';

export interface Ui {
  t: Translate;
  /** BCP 47 tag of the UI language (e.g. "fr"). */
  locale: string;
  formatNumber(n: number): string;
  /** Formats an ISO date for display; returns '' for an unreadable date. */
  formatDate(iso: string): string;
  /** `t(one or other, formatted n)`, choosing by the language's plural rules ("1 highlight", "0 surlignage"). */
  plural(n: number, one: MessageKey, other: MessageKey): string;
}

/** A BCP 47 tag Intl accepts ("en_US" from some browsers becomes "en-US"); undefined if invalid. */
export function safeLocale(locale: string): string | undefined {
  const tag = locale.replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Builds the formatters once (creating Intl formatters per list item is slow). */
export function createUi(t: Translate, locale: string): Ui {
  const tag = safeLocale(locale);
  const numbers = new Intl.NumberFormat(tag);
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  const plurals = new Intl.PluralRules(tag);
  return {
    t,
    locale: tag ?? 'en',
    formatNumber: (n) => numbers.format(n),
    formatDate: (iso) => {
      const ms = Date.parse(iso);
      return Number.isNaN(ms) ? '' : dates.format(ms);
    },
    plural: (n, one, other) => t(plurals.select(n) === 'one' ? one : other, numbers.format(n)),
  };
}

export const UiContext = createContext<Ui>(createUi((key) => key, 'en'));

/** The current UI language helpers. */
export function useUi(): Ui {
  return useContext(UiContext);
}
