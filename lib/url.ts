/**
 * Page identity from URLs. The same article is reached through tracking links, AMP copies and
 * canonical links; we normalise each candidate and keep them all as aliases of one page.
 */

/** Query parameters that never change what a page shows (analytics, ad click ids, share sources). */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  'mkt_tok', '_hsenc', '_hsmi', 'hsctatracking', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'ref_src', 'ref_url',
  'cmpid', 'ncid', 'ocid', 'sr_share', 'smid', 'smtyp', 'share', 'at_medium', 'at_campaign', 'xtor', 'spm',
  '__twitter_impression', 'ito', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'cid', 'outputtype', 'amp',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'ga_', 'at_', 'hsa_', 'itm_'];

function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * Normalises an http(s) URL: lower-case host without `www.` and default port, no fragment, no
 * tracking parameters, remaining parameters sorted, no trailing slash (except the root), AMP path
 * markers removed. Returns null for anything that is not http(s).
 */
export function normalizeUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  // http and https copies of an article are the same article.
  url.protocol = 'https:';
  url.hostname = url.hostname.toLowerCase().replace(/^(www|m|amp|mobile)\./, '');
  if (url.port === '443' || url.port === '80') url.port = '';
  const kept = [...url.searchParams.entries()].filter(([k]) => !isTrackingParam(k));
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  url.search = new URLSearchParams(kept).toString();
  let path = url.pathname
    .replace(/\/amp\/?$/i, '/')
    .replace(/^\/amp\//i, '/')
    .replace(/\.amp(\.html?)?$/i, '$1')
    .replace(/\/index\.html?$/i, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  url.pathname = path;
  return url.toString();
}

export interface UrlHints {
  location: string;
  canonical?: string;
  ogUrl?: string;
  ampUrl?: string;
}

/**
 * The page's candidate identities, best first: canonical link, og:url, then the address it was
 * loaded at. Each is normalised; duplicates dropped. Canonical links pointing to another site's
 * home page (a common CMS mistake) are ignored, as are links to a site's root and links to
 * another site.
 */
export function pageUrlCandidates(hints: UrlHints): string[] {
  const location = normalizeUrl(hints.location);
  const out: string[] = [];
  const add = (u: string | undefined) => {
    if (!u) return;
    const n = normalizeUrl(u, hints.location);
    if (!n || out.includes(n)) return;
    if (location && n !== location && new URL(n).pathname === '/' && new URL(location).pathname !== '/') return;
    // A hint naming another site is not trusted as an identity: any page can claim any canonical
    // link, and an alias would attach it to that article's stored page (its highlights, its
    // dismissals, and the fingerprint the visit overwrites). The same article at another site is
    // still recognised, by its text hash or SimHash (lib/db/pages.ts).
    if (location && new URL(n).host !== new URL(location).host) return;
    out.push(n);
  };
  add(hints.canonical);
  add(hints.ogUrl);
  add(hints.ampUrl);
  if (location && !out.includes(location)) out.push(location);
  return out;
}
