import { api, type StoryQuery } from '../api.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { StoryCardView } from '../components/story-card.tsx';
import { navigate, type Location } from '../router.ts';
import { useData } from '../use-data.ts';

const PAGE = 30;

export function StoryList({ loc }: { loc: Location }) {
  const q: StoryQuery = {};
  for (const k of ['outlet', 'entity', 'from', 'to', 'q'] as const) {
    const v = loc.query.get(k);
    if (v) q[k] = v;
  }
  const offset = Math.max(0, Number(loc.query.get('offset') ?? 0) || 0);
  const key = JSON.stringify({ ...q, offset });
  const stories = useData(key, () => api.stories({ ...q, limit: PAGE, offset }));
  const outlets = useData('outlets', () => api.outlets());

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const p = new URLSearchParams();
    for (const [k, v] of form.entries()) if (typeof v === 'string' && v.trim()) p.set(k, v.trim());
    navigate(`/${p.toString() ? '?' + p.toString() : ''}`);
  };
  const pageHref = (o: number) => {
    const p = new URLSearchParams(loc.query);
    if (o > 0) p.set('offset', String(o));
    else p.delete('offset');
    return `/${p.toString() ? '?' + p.toString() : ''}`;
  };

  return (
    <section aria-labelledby="stories-h">
      <h1 id="stories-h">Stories</h1>
      <p class="lede">Each story gathers the reports of one event. Open one to see, claim by claim, where the outlets agree, where they conflict and what only one of them says.</p>
      <form class="filters" onSubmit={onSubmit} key={key}>
        <label>
          Title words <input name="q" type="search" defaultValue={q.q ?? ''} />
        </label>
        <label>
          Outlet
          <select name="outlet" defaultValue={q.outlet ?? ''}>
            <option value="">any outlet</option>
            {outlets.state === 'ready' && outlets.data.outlets.map((o) => <option value={o.outlet}>{`${o.outlet} (${o.stories})`}</option>)}
          </select>
        </label>
        <label>
          Names <input name="entity" defaultValue={q.entity ?? ''} placeholder="person, place, organisation" />
        </label>
        <label>
          From <input name="from" type="date" defaultValue={q.from ?? ''} />
        </label>
        <label>
          To <input name="to" type="date" defaultValue={q.to ?? ''} />
        </label>
        <button type="submit">Filter</button>
        {Object.keys(q).length > 0 && <a href="/">Clear filters</a>}
      </form>
      {stories.state === 'loading' && <Loading what="stories" />}
      {stories.state === 'error' && <ErrorBox message={stories.message} />}
      {stories.state === 'ready' && (
        <>
          {stories.data.stories.length === 0 ? (
            <p>No story matches. {Object.keys(q).length ? 'Try fewer filters.' : 'Ingest articles with `parallax ingest`, or compare your own below.'}</p>
          ) : (
            <ol class="story-list" start={offset + 1}>
              {stories.data.stories.map((s) => (
                <StoryCardView s={s} />
              ))}
            </ol>
          )}
          <nav class="pager" aria-label="Pages">
            {offset > 0 && <a href={pageHref(Math.max(0, offset - PAGE))}>← Newer</a>}
            {stories.data.stories.length === PAGE && <a href={pageHref(offset + PAGE)}>Older →</a>}
          </nav>
        </>
      )}
    </section>
  );
}
