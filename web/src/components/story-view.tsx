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
    // The charts (and Chart.js, a separate chunk) come after the texts are on screen: reading comes first.
    let destroy = () => {};
    let live = true;
    if (slot) {
      void import('./charts.ts').then(({ drawFramingCharts }) => {
        if (live) destroy = drawFramingCharts(slot, comparison);
      });
    }
    return () => {
      live = false;
      detach();
      destroy();
    };
  }, [html]);
  return <div ref={ref} class="story-view" dangerouslySetInnerHTML={{ __html: html }} />;
}
