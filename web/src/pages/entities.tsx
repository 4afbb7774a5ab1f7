import { api } from '../api.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { entityHref, navigate, storyHref, type Location } from '../router.ts';
import { useData } from '../use-data.ts';

export function EntityList({ loc }: { loc: Location }) {
  const q = loc.query.get('q') ?? '';
  const data = useData(q, () => api.entities(q || undefined));
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const v = String(new FormData(e.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    navigate(v ? `/entities?q=${encodeURIComponent(v)}` : '/entities');
  };
  return (
    <section aria-labelledby="entities-h">
      <h1 id="entities-h">People, places and organisations</h1>
      <form class="filters" onSubmit={onSubmit} role="search" key={q}>
        <label>
          Name contains <input name="q" type="search" defaultValue={q} />
        </label>
        <button type="submit">Find</button>
      </form>
      {data.state === 'loading' && <Loading what="names" />}
      {data.state === 'error' && <ErrorBox message={data.message} />}
      {data.state === 'ready' &&
        (data.data.entities.length === 0 ? (
          <p>No names found{q ? ` containing “${q}”` : ''}.</p>
        ) : (
          <div class="table-wrap">
            <table class="px-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">Stories</th>
                  <th scope="col">Outlets that name it</th>
                </tr>
              </thead>
              <tbody>
                {data.data.entities.map((e) => (
                  <tr>
                    <th scope="row">
                      <a href={entityHref(e.name)}>{e.name}</a>
                      {e.aliases && e.aliases.length > 0 && <span class="aliases"> also {e.aliases.join(', ')}</span>}
                    </th>
                    <td class="entity-type">{e.type ?? '—'}</td>
                    <td>{e.stories}</td>
                    <td>{e.outlets.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

export function EntityPage({ name }: { name: string }) {
  const data = useData(name, () => api.entity(name));
  return (
    <section aria-labelledby="entity-h">
      <p class="crumbs">
        <a href="/entities">← All names</a>
      </p>
      <h1 id="entity-h">{data.state === 'ready' ? data.data.name : name}</h1>
      {data.state === 'loading' && <Loading what={name} />}
      {data.state === 'error' && <ErrorBox message={data.message} />}
      {data.state === 'ready' && (
        <>
          <p class="meta entity-meta">
            {data.data.type ?? 'type unknown'}
            {data.data.aliases && data.data.aliases.length > 0 && <> · also written {data.data.aliases.join(', ')}</>}
          </p>
          <h2>Which outlets name {name}, and how</h2>
          <div class="table-wrap">
            <table class="px-table">
              <thead>
                <tr>
                  <th scope="col">Outlet</th>
                  <th scope="col">Stories</th>
                  <th scope="col">Mentions</th>
                  <th scope="col">Words used</th>
                </tr>
              </thead>
              <tbody>
                {data.data.outlets.map((o) => (
                  <tr>
                    <th scope="row">{o.outlet}</th>
                    <td>{o.stories}</td>
                    <td>{o.mentions}</td>
                    <td>{o.names.map((n) => `“${n.text}” ×${n.count}`).join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Stories</h2>
          <ul>
            {data.data.stories.map((s) => (
              <li>
                <a href={storyHref(s.id)}>{s.title}</a> <span class="meta">({s.outlets.join(', ')})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
