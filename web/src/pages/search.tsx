import { api } from '../api.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { navigate, storyHref, type Location } from '../router.ts';
import { useData } from '../use-data.ts';

/** The store marks matched words as **word**; they become <mark> elements (the rest stays text). */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/\*\*(.+?)\*\*/);
  return <p class="snippet">{parts.map((p, i) => (i % 2 ? <mark>{p}</mark> : p))}</p>;
}

export function SearchPage({ loc }: { loc: Location }) {
  const q = loc.query.get('q') ?? '';
  const data = useData(q, () => (q ? api.search(q) : Promise.resolve({ query: '', hits: [] })));
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const v = String(new FormData(e.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    navigate(v ? `/search?q=${encodeURIComponent(v)}` : '/search');
  };
  return (
    <section aria-labelledby="search-h">
      <h1 id="search-h">Search</h1>
      <form class="filters" role="search" onSubmit={onSubmit} key={q}>
        <label>
          Words in articles and claims <input name="q" type="search" defaultValue={q} required />
        </label>
        <button type="submit">Search</button>
      </form>
      {q && data.state === 'loading' && <Loading what="results" />}
      {data.state === 'error' && <ErrorBox message={data.message} />}
      {q && data.state === 'ready' && (
        <>
          <p role="status">
            {data.data.hits.length} result{data.data.hits.length === 1 ? '' : 's'} for “{q}”
          </p>
          <ol class="hits">
            {data.data.hits.map((h) => (
              <li>
                <p>
                  {h.story ? <a href={storyHref(h.story)}>{h.title ?? 'Untitled report'}</a> : <span>{h.title ?? 'Untitled report'}</span>}{' '}
                  <span class="meta">
                    {h.outlet ?? ''} · {h.kind}
                  </span>
                </p>
                <Snippet text={h.snippet} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
