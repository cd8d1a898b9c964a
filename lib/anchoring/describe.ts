import type { SelectorSet } from '../model';

/** Characters of context stored on each side of a quote (the usual W3C/Hypothesis choice). */
export const CONTEXT_CHARS = 32;

/** Selectors for the span [start, end) of a normalised text. Pure. */
export function describeSpan(text: string, start: number, end: number): SelectorSet {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
      suffix: text.slice(e, e + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start: s, end: e },
  ];
}
