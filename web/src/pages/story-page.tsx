import { useEffect } from 'preact/hooks';
import { storyTitle } from '../../../src/report/render/labels.ts';
import { api } from '../api.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { StoryView } from '../components/story-view.tsx';
import { useData } from '../use-data.ts';

export function StoryPage({ id }: { id: string }) {
  const data = useData(id, () => api.comparison(id));
  useEffect(() => {
    if (data.state === 'ready') document.title = `${storyTitle(data.data)} · Parallax`;
  }, [data]);
  return (
    <section aria-labelledby="story-h">
      <p class="crumbs">
        <a href="/">← All stories</a>
      </p>
      {data.state === 'loading' && <Loading what="the comparison" />}
      {data.state === 'error' && (
        <>
          {/^There is no story/.test(data.message) && <h1 id="story-h">Story not found</h1>}
          <ErrorBox message={data.message} />
        </>
      )}
      {data.state === 'ready' && (
        <>
          <h1 id="story-h">{storyTitle(data.data)}</h1>
          <p class="meta">
            {data.data.articles.length} {data.data.articles.length === 1 ? 'report' : 'reports'}: {data.data.articles.map((a) => a.outlet ?? a.source).join(', ')} ·{' '}
            <a href={`/api/stories/${encodeURIComponent(id)}/comparison`} download={`${id}.json`}>
              JSON
            </a>
          </p>
          <StoryView comparison={data.data} />
        </>
      )}
    </section>
  );
}
