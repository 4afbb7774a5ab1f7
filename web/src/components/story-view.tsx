// A story comparison in the page: the HTML comes from the renderer shared with the self-contained
// report (every article string escaped there); this component adds the interactions and the charts.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { StoryComparison } from '../../../src/compare/types.ts';
import { attachInteractions } from '../../../src/report/render/interact.ts';
import { renderStoryBody } from '../../../src/report/render/story.ts';
import { drawFramingCharts } from './charts.ts';

export function StoryView({ comparison }: { comparison: StoryComparison }) {
  const ref = useRef<HTMLDivElement>(null);
  const html = useMemo(() => renderStoryBody(comparison, { framingChart: () => '<div class="chart-slot"></div>' }), [comparison]);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const detach = attachInteractions(root);
    const slot = root.querySelector<HTMLElement>('.chart-slot');
    const destroy = slot ? drawFramingCharts(slot, comparison) : () => {};
    return () => {
      detach();
      destroy();
    };
  }, [html]);
  return <div ref={ref} class="story-view" dangerouslySetInnerHTML={{ __html: html }} />;
}
