import { render } from 'preact';
import 'virtual:px-story.css';
import './app.css';
import { interceptLinks, useLocation } from './router.ts';
import { StoryList } from './pages/story-list.tsx';
import { StoryPage } from './pages/story-page.tsx';
import { EntityList, EntityPage } from './pages/entities.tsx';
import { SearchPage } from './pages/search.tsx';
import { ComparePage } from './pages/compare.tsx';
import { OutletPage } from './pages/outlet.tsx';

const NAV = [
  { href: '/', label: 'Stories', match: (p: string) => p === '/' || p.startsWith('/stories/') || p.startsWith('/outlets/') },
  { href: '/entities', label: 'Names', match: (p: string) => p.startsWith('/entities') },
  { href: '/search', label: 'Search', match: (p: string) => p === '/search' },
  { href: '/compare', label: 'Compare your own', match: (p: string) => p === '/compare' },
];

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function Page() {
  const loc = useLocation();
  const p = loc.path;
  let m: RegExpMatchArray | null;
  if (p === '/' || p === '/stories') return <StoryList loc={loc} />;
  if ((m = p.match(/^\/stories\/([^/]+)$/))) return <StoryPage id={decode(m[1]!)} />;
  if (p === '/entities') return <EntityList loc={loc} />;
  if ((m = p.match(/^\/entities\/([^/]+)$/))) return <EntityPage name={decode(m[1]!)} />;
  if (p === '/search') return <SearchPage loc={loc} />;
  if (p === '/compare') return <ComparePage />;
  if ((m = p.match(/^\/outlets\/([^/]+)$/))) return <OutletPage name={decode(m[1]!)} />;
  return (
    <section class="not-found">
      <h1>Not found</h1>
      <p>
        There is no page here. <a href="/">See the stories</a>.
      </p>
    </section>
  );
}

function App() {
  const loc = useLocation();
  return (
    <>
      <header class="site">
        <a class="brand" href="/">
          Parallax <span>one story, every side</span>
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li>
                <a href={n.href} aria-current={n.match(loc.path) ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
      <footer class="site">
        Parallax reports what each outlet says; it does not decide which one is right. <a href="/openapi.json">API</a>
      </footer>
    </>
  );
}

const root = document.getElementById('app')!;
interceptLinks(document.body);
render(<App />, root);
