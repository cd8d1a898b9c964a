/**
 * The data model shared by every context (background, content script, popup, scripts).
 *
 * Annotations follow the W3C Web Annotation model (https://www.w3.org/TR/annotation-model/):
 * a target with a TextQuoteSelector + TextPositionSelector, and TextualBody bodies for the note
 * (purpose "commenting") and each tag (purpose "tagging"). The note and tags live only in `body`
 * so there is one source of truth; `noteOf` / `tagsOf` read them.
 */

/** Highlight colours offered to readers. Names, not hex codes, so a theme can restyle them. */
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type ColorName = (typeof COLORS)[number];

/** Background colours used to paint each highlight colour (also used in the popup swatches). */
export const COLOR_HEX: Record<ColorName, string> = {
  yellow: '#fff176',
  green: '#a5d6a7',
  blue: '#90caf9',
  pink: '#f48fb1',
  purple: '#ce93d8',
  orange: '#ffcc80',
};

export function isColorName(value: unknown): value is ColorName {
  return typeof value === 'string' && (COLORS as readonly string[]).includes(value);
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets into the normalised text of the page (see lib/anchoring/text-index.ts). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type SelectorSet = [TextQuoteSelector, TextPositionSelector];

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format: 'text/plain';
}

/** How an annotation was found on its page at the last visit. */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export interface AnchorReport {
  status: AnchorStatus;
  /** 0..1; 1 for exact and moved matches. */
  confidence: number;
  /** The text the highlight is attached to now, when it differs from the stored quote. */
  foundText?: string;
  checkedAt: string;
}

/** Where an annotation came from when it was not made by hand (automatic analysis). */
export interface Provenance {
  detector: string;
  version: string;
  score: number;
  /** 'organization' or a claim kind; the reader's correction when they changed it. */
  kind?: string;
  /** Who makes the claim (as detected, or as corrected by the reader). */
  claimant?: string;
  /** For organizations: canonical name, type and stable id. */
  orgName?: string;
  orgType?: string;
  orgId?: string;
  /** The reader changed the detector's kind or claimant before accepting. */
  corrected?: boolean;
}

export interface Annotation {
  /** `urn:uuid:...`, minted by the extension. */
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  creator: string;
  target: {
    /** The page's identity (normalised canonical URL) at creation time. */
    source: string;
    selector: SelectorSet;
  };
  body: TextualBody[];
  color: ColorName;
  /** Key of the PageRecord this annotation belongs to. */
  pageId: string;
  anchor?: AnchorReport;
  provenance?: Provenance;
  /** Set when deleted: kept as a tombstone so undo and (later) sync work. */
  deleted?: string;
}

export interface PageRecord {
  /** The normalised preferred URL (canonical if the page gives one). */
  id: string;
  /** Every normalised URL this page was seen at (canonical, og:url, AMP, location). */
  urls: string[];
  title: string;
  site: string;
  byline: string;
  published: string;
  lang: string;
  /** Exact hash of the normalised article text: changes when the article is edited. */
  textHash: string;
  /** Similarity hash of the article text: close for near-identical articles. */
  simhash: string;
  textLength: number;
  firstSeen: string;
  lastSeen: string;
  /** Set when a visit found the article text changed since it was last annotated. */
  changedAt?: string;
}

export interface TagRecord {
  /** Lower-cased, whitespace-collapsed name: two tags differing only by case are one tag. */
  key: string;
  name: string;
  color?: ColorName;
  created: string;
  modified: string;
  deleted?: string;
}

export const MAX_NOTE_LENGTH = 10_000;
export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS = 32;
export const MAX_QUOTE_LENGTH = 20_000;
export const MAX_CONTEXT_LENGTH = 64;

/** Tag key: what makes two tag spellings the same tag. */
export function tagKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function noteOf(a: Pick<Annotation, 'body'>): string {
  return a.body.find((b) => b.purpose === 'commenting')?.value ?? '';
}

export function tagsOf(a: Pick<Annotation, 'body'>): string[] {
  return a.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
}

/** Builds the body array from a note and tags (empty note omitted, tags de-duplicated by key). */
export function makeBody(note: string, tags: readonly string[]): TextualBody[] {
  const body: TextualBody[] = [];
  if (note.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/plain' });
  const seen = new Set<string>();
  for (const raw of tags) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const key = tagKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    body.push({ type: 'TextualBody', purpose: 'tagging', value: name, format: 'text/plain' });
  }
  return body;
}

export function quoteOf(a: Pick<Annotation, 'target'>): string {
  return a.target.selector[0].exact;
}
