/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Behaviour of a rendered story: choosing a finding (button or highlight) marks every span of it and
// scrolls each report's text so that its span is in view. Used by the web UI as a module and inlined
// by the HTML report through Function.prototype.toString, so this function must not use anything
// defined outside its own body.

export function attachInteractions(root: HTMLElement): () => void {
  const ACTIVE = 'px-active';
  const HOVER = 'px-hover';
  const live = root.querySelector<HTMLElement>('.px-live');
  const marksOf = (ids: string[]): HTMLElement[] => {
    const out: HTMLElement[] = [];
    for (const id of ids) {
      if (!/^[A-Za-z0-9_-]+$/.test(id)) continue;
      root.querySelectorAll<HTMLElement>(`mark[data-f~="${id}"]`).forEach((m) => {
        if (!out.includes(m)) out.push(m);
      });
    }
    return out;
  };
  const clear = (cls: string) => root.querySelectorAll('.' + cls).forEach((el) => el.classList.remove(cls));
  // Scrolls a text box so that the mark sits in its middle, without moving the page.
  const scrollInBox = (mark: HTMLElement) => {
    const box = mark.closest<HTMLElement>('.px-text');
    if (!box) return;
    const markTop = mark.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = Math.max(0, markTop - box.clientHeight / 2 + mark.offsetHeight / 2);
  };
  const activate = (trigger: HTMLElement) => {
    const ids = (trigger.getAttribute('data-f') ?? '').split(/\s+/).filter(Boolean);
    const marks = marksOf(ids);
    clear(ACTIVE);
    root.querySelectorAll<HTMLElement>('[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    if (trigger.tagName === 'BUTTON') trigger.setAttribute('aria-pressed', 'true');
    for (const m of marks) m.classList.add(ACTIVE);
    const fromText = trigger.tagName === 'MARK';
    const ownBox = fromText ? trigger.closest('.px-text') : null;
    const seen = new Set<Element>();
    for (const m of marks) {
      const box = m.closest('.px-text');
      if (!box || seen.has(box)) continue;
      seen.add(box);
      if (box !== ownBox) scrollInBox(m);
    }
    if (!fromText && marks.length) {
      const section = root.querySelector<HTMLElement>('.px-articles');
      const rect = section?.getBoundingClientRect();
      if (section && rect && (rect.top < 0 || rect.bottom > window.innerHeight)) section.scrollIntoView({ block: 'start' });
    }
    if (live) {
      const n = seen.size;
      live.textContent = marks.length ? `Shown in ${n} report${n === 1 ? '' : 's'}.` : 'This finding has no highlighted words.';
    }
  };
  const onClick = (e: Event) => {
    const t = (e.target as Element | null)?.closest<HTMLElement>('[data-f]');
    if (t && root.contains(t) && (t.tagName === 'BUTTON' || t.tagName === 'MARK')) activate(t);
  };
  const onOver = (e: Event) => {
    const t = (e.target as Element | null)?.closest<HTMLElement>('mark[data-f], button[data-f]');
    clear(HOVER);
    if (t) for (const m of marksOf((t.getAttribute('data-f') ?? '').split(/\s+/))) m.classList.add(HOVER);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      clear(ACTIVE);
      clear(HOVER);
    }
  };
  root.addEventListener('click', onClick);
  root.addEventListener('mouseover', onOver);
  root.addEventListener('keydown', onKey);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('mouseover', onOver);
    root.removeEventListener('keydown', onKey);
  };
}
