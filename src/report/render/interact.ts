/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Behaviour of a rendered story: choosing a finding (button or highlight) marks every span of it and
// scrolls each report's text so that its span is in view. Used by the web UI as a module and inlined
// by the HTML report through Function.prototype.toString, so this function must not use anything
// defined outside its own body.

export function attachInteractions(root: HTMLElement): () => void {
  const ACTIVE = 'px-active';
  const KEY = 'px-key';
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
  // Scrolls a text box so that the finding's marks in it sit in its middle (or the first one, when
  // they are taller than the box), without moving the page.
  const scrollInBox = (box: HTMLElement, marks: HTMLElement[]) => {
    const boxRect = box.getBoundingClientRect();
    let top = Infinity;
    let bottom = -Infinity;
    for (const m of marks) {
      const r = m.getBoundingClientRect();
      top = Math.min(top, r.top);
      bottom = Math.max(bottom, r.bottom);
    }
    const first = marks[0]!.getBoundingClientRect();
    const [a, b] = bottom - top <= box.clientHeight ? [top, bottom] : [first.top, first.bottom];
    const offset = a - boxRect.top + box.scrollTop;
    box.scrollTop = Math.max(0, offset - (box.clientHeight - (b - a)) / 2);
  };
  const activate = (trigger: HTMLElement) => {
    const ids = (trigger.getAttribute('data-f') ?? '').split(/\s+/).filter(Boolean);
    const marks = marksOf(ids);
    clear(ACTIVE);
    clear(KEY);
    root.querySelectorAll<HTMLElement>('[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    if (trigger.tagName === 'BUTTON') trigger.setAttribute('aria-pressed', 'true');
    for (const m of marks) {
      m.classList.add(ACTIVE);
      const keys = (m.getAttribute('data-k') ?? '').split(/\s+/);
      if (ids.some((id) => keys.includes(id))) m.classList.add(KEY);
    }
    const fromText = trigger.tagName === 'MARK';
    const ownBox = fromText ? trigger.closest('.px-text') : null;
    const byBox = new Map<HTMLElement, HTMLElement[]>();
    for (const m of marks) {
      const box = m.closest<HTMLElement>('.px-text');
      if (!box) continue;
      const list = byBox.get(box) ?? [];
      list.push(m);
      byBox.set(box, list);
    }
    for (const [box, list] of byBox) {
      const keyMarks = list.filter((m) => m.classList.contains(KEY));
      if (box !== ownBox) scrollInBox(box, keyMarks.length ? keyMarks : list);
    }
    if (!fromText && marks.length) {
      const section = root.querySelector<HTMLElement>('.px-articles');
      const rect = section?.getBoundingClientRect();
      if (section && rect && (rect.top < 0 || rect.bottom > window.innerHeight)) section.scrollIntoView({ block: 'start' });
    }
    if (live) {
      const n = byBox.size;
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
      clear(KEY);
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
