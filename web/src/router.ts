// A small history router: routes are path patterns, links are ordinary <a href> that we intercept.
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event('px:navigate'));
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () => setLoc(current());
    window.addEventListener('popstate', update);
    window.addEventListener('px:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('px:navigate', update);
    };
  }, []);
  return loc;
}

/** Same-origin link clicks (without modifier keys) change the route without reloading. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/') || url.pathname === '/openapi.json') return;
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
    window.scrollTo(0, 0);
  });
}

export function storyHref(id: string): string {
  return `/stories/${encodeURIComponent(id)}`;
}

export function entityHref(name: string): string {
  return `/entities/${encodeURIComponent(name)}`;
}

export function outletHref(name: string): string {
  return `/outlets/${encodeURIComponent(name)}`;
}
