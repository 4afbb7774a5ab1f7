// One story in a list: its reports per outlet as a coverage bar, dates, conflicts, the names it
// mentions, and the active outlets that did not report it (its blindspot).
import type { StoryCard } from '../api.ts';
import { entityHref, outletHref, storyHref } from '../router.ts';

// Distinct for common colour-vision deficiencies (Okabe–Ito); segments are also labelled in text.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#6a3d9a', '#000000'];

export function dateRange(s: { firstPublished: string | null; lastPublished: string | null }): string {
  if (!s.firstPublished) return 'date unknown';
  const a = s.firstPublished.slice(0, 10);
  const b = (s.lastPublished ?? s.firstPublished).slice(0, 10);
  return a === b ? a : `${a} – ${b}`;
}

/** One colour per outlet name, the same in every card. */
function colourOf(outlet: string): string {
  let hash = 0;
  for (const ch of outlet) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function CoverageBar({ coverage }: { coverage: { outlet: string; articles: number }[] }) {
  const total = coverage.reduce((s, c) => s + c.articles, 0) || 1;
  return (
    <div class="coverage">
      <div class="coverage-bar" role="img" aria-label={`Reports per outlet: ${coverage.map((c) => `${c.outlet} ${c.articles}`).join(', ')}`}>
        {coverage.map((c) => (
          <span class="coverage-seg" style={{ flexGrow: c.articles, background: colourOf(c.outlet) }} title={`${c.outlet}: ${n(c.articles, 'report')}`}>
            {c.articles / total >= 0.2 ? c.articles : ''}
          </span>
        ))}
      </div>
      <ul class="chips" aria-label="Outlets covering this story">
        {coverage.map((c) => (
          <li>
            <a class="chip" href={outletHref(c.outlet)}>
              <span class="swatch" style={{ background: colourOf(c.outlet) }} aria-hidden="true" />
              {c.outlet}
              {c.articles > 1 ? ` ×${c.articles}` : ''}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function StoryCardView({ s }: { s: StoryCard }) {
  const coverage = s.coverage ?? s.outlets.map((o) => ({ outlet: o, articles: 1 }));
  const outlets = new Set(coverage.map((c) => c.outlet)).size;
  return (
    <li class="story-card">
      <h2>
        <a href={storyHref(s.id)}>{s.title}</a>
      </h2>
      <p class="meta">
        {n(s.articleCount, 'report')} from {n(outlets, 'outlet')} · {dateRange(s)}
        {typeof s.conflicts === 'number' && (
          <>
            {' · '}
            <span class={s.conflicts ? 'conflict-count' : undefined}>{n(s.conflicts, 'conflict')}</span>
          </>
        )}
      </p>
      <CoverageBar coverage={coverage} />
      {s.blindspot && s.blindspot.length > 0 && (
        <p class="blindspot">
          Not reported by:{' '}
          {s.blindspot.map((o, i) => (
            <>
              {i > 0 && ', '}
              <a href={outletHref(o)}>{o}</a>
            </>
          ))}
        </p>
      )}
      {s.entities.length > 0 && (
        <p class="names">
          Names:{' '}
          {s.entities.slice(0, 8).map((e, i) => (
            <>
              {i > 0 && ', '}
              <a href={entityHref(e)}>{e}</a>
            </>
          ))}
        </p>
      )}
    </li>
  );
}
