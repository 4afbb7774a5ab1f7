// A story comparison in the page: the HTML comes from the renderer shared with the self-contained
// report (every article string escaped there); this component adds the interactions and the charts.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { StoryComparison } from '../../../src/compare/types.ts';
import { attachInteractions } from '../../../src/report/render/interact.ts';
import { renderStoryBody } from '../../../src/report/render/story.ts';

export function StoryView({ comparison }: { comparison: StoryComparison }) {
  const ref = useRef<HTMLDivElement>(null);
  const html = useMemo(() => renderStoryBody(comparison, { framingChart: () => '<div class="chart-slot"></div>' }), [comparison]);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const detach = attachInteractions(root);
    const slot = root.querySelector<HTMLElement>('.chart-slot');
    // The charts (and Chart.js, a separate chunk) are drawn when the framing section comes near the screen:
    // drawing them takes the main thread for a moment that reading the reports should not wait for.
    let destroy = () => {};
    let live = true;
    let observer: IntersectionObserver | null = null;
    if (slot) {
      const draw = () =>
        void import('./charts.ts').then(({ drawFramingCharts }) => {
          if (live) destroy = drawFramingCharts(slot, comparison);
        });
      if (typeof IntersectionObserver === 'function') {
        observer = new IntersectionObserver(
          (entries) => {
            if (!entries.some((e) => e.isIntersecting)) return;
            observer?.disconnect();
            draw();
          },
          { rootMargin: '300px' },
        );
        observer.observe(slot);
      } else draw();
    }
    return () => {
      live = false;
      observer?.disconnect();
      detach();
      destroy();
    };
  }, [html]);
  return <div ref={ref} class="story-view" dangerouslySetInnerHTML={{ __html: html }} />;
}
