// The canonical form of an article URL: two URLs of the same page compare equal after it.

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src|_ga|igshid)$/i;

/** Lower-case scheme and host, no fragment, no tracking parameters, no default port, no trailing slash. */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) {
    // A loop, not /\/+$/: that regex is quadratic on a long run of slashes inside a hostile path.
    let end = u.pathname.length;
    while (end > 1 && u.pathname[end - 1] === '/') end--;
    u.pathname = u.pathname.slice(0, end);
  }
  u.username = '';
  u.password = '';
  const keep = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = keep.length ? '?' + new URLSearchParams(keep).toString() : '';
  // http and https versions of one page are the same article.
  return u.toString().replace(/^http:/, 'https:');
}
