// Which elements of a page are not article text: navigation, asides, footers, share and comment widgets,
// related lists, captions and credits, cookie/newsletter/donation boxes, hidden elements. Decided from
// tags, ARIA roles and the words pages use in class/id names, the same everywhere (no per-site rules).

import type { El } from './tree.js';
import type { ElStats } from './stats.js';

const DROP_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'figure', 'figcaption', 'menu', 'form', 'label', 'input', 'fieldset', 'legend', 'option', 'head', 'picture', 'img']);
const DROP_ROLES = /^(navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar|toolbar|tablist|tab|alert|status|marquee|timer|log)$/;

// Words of class/id names that mark page furniture. Matched as whole name parts ("share-bar",
// "related_links", "c-newsletter"), never inside a longer word.
const BOILER_WORDS = [
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'footer', 'sidebar', 'widget', 'widgets',
  'related', 'recommended', 'recommendations', 'recirc', 'recirculation', 'trending', 'popular', 'most-read', 'mostread',
  'share', 'sharing', 'sharebar', 'social', 'socials', 'comment', 'comments', 'disqus', 'newsletter', 'subscribe',
  'subscription', 'signup', 'promo', 'promotion', 'promos', 'advert', 'advertisement', 'advertising', 'ad', 'ads',
  'adslot', 'adunit', 'ad-slot', 'ad-unit', 'dfp', 'sponsor', 'sponsored', 'cookie', 'cookies', 'consent', 'gdpr',
  'popup', 'modal', 'overlay', 'tags', 'tag-list', 'taglist', 'keywords', 'byline', 'author-bio',
  'caption', 'credit', 'credits', 'copyright', 'disclaimer', 'toolbar', 'pagination', 'pager', 'skip-link',
  'outbrain', 'taboola', 'rss', 'masthead', 'topbar', 'subnav', 'timestamp', 'meta-info',
  'article-meta', 'post-meta', 'entry-meta', 'date', 'pubdate', 'post-date', 'entry-date', 'posted-on', 'publish-date', 'published-date', 'donate', 'donation', 'membership', 'newsletter-signup',
  'visually-hidden', 'sr-only', 'screen-reader-text', 'offscreen', 'banner', 'jump-link', 'toc', 'more-stories',
  'read-more', 'readmore', 'see-also', 'also-read', 'next-article', 'prev-article', 'author-info', 'about-author',
];
const BOILER = new RegExp(`(?:^|[\\s_\\-])(?:${BOILER_WORDS.map((w) => w.replace(/-/g, '[-_]?')).join('|')})(?=$|[\\s_\\-\\d])`, 'i');
// Names that say "this is the article": such an element is never dropped for a furniture word it also has.
export const CONTENT_NAME = /(?:^|[\s_-])(?:article[-_]?body|articlebody|article[-_]?content|article[-_]?text|story[-_]?body|storybody|story[-_]?content|entry[-_]?content|post[-_]?content|post[-_]?body|body[-_]?text|article__body|main[-_]?content|content[-_]?body|rich[-_]?text|text[-_]?body)(?=$|[\s_\-\d])/i;

function names(el: El): string {
  const cls = el.attrs.class ?? '';
  const id = el.attrs.id ?? '';
  return cls || id ? `${cls} ${id}` : '';
}

export function isHidden(el: El): boolean {
  const a = el.attrs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  const style = a.style;
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export interface PruneVerdict {
  drop: boolean;
  why: string;
}

/** Is this element page furniture? `share` is its part of the page's text (0..1): big parts are never dropped. */
export function furniture(el: El, st: ElStats, pageText: number): string | null {
  const share = pageText > 0 ? st.text / pageText : 0;
  if (isHidden(el)) return share < 0.5 ? 'hidden' : null;
  if (share >= 0.5) return null;
  const n = names(el);
  const contentNamed = n !== '' && CONTENT_NAME.test(n);
  if (el.attrs.itemprop && /articlebody|text/i.test(el.attrs.itemprop)) return null;
  if (DROP_TAGS.has(el.tag)) {
    // A <header> or <form> that holds a big part of the text is a wrapper, not furniture.
    if ((el.tag === 'form' || el.tag === 'header') && share > 0.3) return null;
    return `tag:${el.tag}`;
  }
  const role = el.attrs.role;
  if (role && DROP_ROLES.test(role)) return `role:${role}`;
  if (n && !contentNamed && BOILER.test(n)) return `name:${BOILER.exec(n)![0].trim()}`;
  return null;
}
