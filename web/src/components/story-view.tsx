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
    // The charts (and Chart.js, a separate chunk) are drawn once the page is idle, or at once when it
    // is printed or its section comes into view: a full-page capture or a printout never shows blanks,
    // and reading the reports does not wait for them.
    let destroy = () => {};
    let live = true;
    let started = false;
    let observer: IntersectionObserver | null = null;
    let idle: number | null = null;
    const draw = () => {
      if (started || !slot) return;
      started = true;
      observer?.disconnect();
      void import('./charts.ts').then(({ drawFramingCharts }) => {
        if (live) destroy = drawFramingCharts(slot, comparison);
      });
    };
    if (slot) {
      if (typeof IntersectionObserver === 'function') {
        observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && draw(), { rootMargin: '300px' });
        observer.observe(slot);
      }
      idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(draw, { timeout: 2000 }) : window.setTimeout(draw, 500);
      window.addEventListener('beforeprint', draw);
    }
    return () => {
      live = false;
      observer?.disconnect();
      if (idle !== null) (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(idle) : window.clearTimeout(idle));
      window.removeEventListener('beforeprint', draw);
      detach();
      destroy();
    };
  }, [html]);
  return <div ref={ref} class="story-view" dangerouslySetInnerHTML={{ __html: html }} />;
}
