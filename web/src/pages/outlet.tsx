// One outlet: the stories it reported and its blindspot, the stories two or more other outlets
// reported and it did not.
import { useEffect } from 'preact/hooks';
import { api } from '../api.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { StoryCardView } from '../components/story-card.tsx';
import { useData } from '../use-data.ts';

export function OutletPage({ name }: { name: string }) {
  const data = useData(name, () => api.outlet(name));
  useEffect(() => {
    document.title = `${name} · Parallax`;
  }, [name]);
  return (
    <section aria-labelledby="outlet-h">
      <p class="crumbs">
        <a href="/">← All stories</a>
      </p>
      <h1 id="outlet-h">{name}</h1>
      {data.state === 'loading' && <Loading what="the outlet" />}
      {data.state === 'error' && <ErrorBox message={data.message} />}
      {data.state === 'ready' && (
        <>
          <p class="meta">
            {data.data.stories} {data.data.stories === 1 ? 'story' : 'stories'} reported
            {data.data.share !== null && ` · ${Math.round(data.data.share * 100)}% of the stories that two or more outlets reported`}
          </p>
          <div class="outlet-columns">
            <section aria-labelledby="covered-h">
              <h2 id="covered-h">Stories it reported</h2>
              <ol class="story-list">
                {data.data.covered.map((s) => (
                  <StoryCardView s={s} />
                ))}
              </ol>
            </section>
            <section aria-labelledby="blindspot-h">
              <h2 id="blindspot-h">Its blindspot ({data.data.blindspotCount})</h2>
              <p class="lede">Stories that two or more other outlets reported and {name} did not.</p>
              {data.data.blindspot.length === 0 ? (
                <p>None: every story reported by two or more outlets has a report from {name}.</p>
              ) : (
                <ol class="story-list">
                  {data.data.blindspot.map((s) => (
                    <StoryCardView s={s} />
                  ))}
                </ol>
              )}
            </section>
          </div>
        </>
      )}
    </section>
  );
}
