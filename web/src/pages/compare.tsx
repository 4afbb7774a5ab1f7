// Paste or upload two or more reports and compare them on the spot (nothing is stored).
import { useState } from 'preact/hooks';
import type { StoryComparison } from '../../../src/compare/types.ts';
import { api, type PastedArticle } from '../api.ts';
import { ErrorBox } from '../components/status.tsx';
import { StoryView } from '../components/story-view.tsx';

interface Draft {
  key: number;
  outlet: string;
  title: string;
  published: string;
  body: string;
  isHtml: boolean;
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;
let nextKey = 1;
const blank = (): Draft => ({ key: nextKey++, outlet: '', title: '', published: '', body: '', isHtml: false });

export function ComparePage() {
  const [drafts, setDrafts] = useState<Draft[]>(() => [blank(), blank()]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<(StoryComparison & { warnings?: string[] }) | null>(null);

  const update = (key: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const onFile = async (key: number, input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(`${file.name} is over ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      return;
    }
    const text = await file.text();
    const isHtml = /\.html?$/i.test(file.name) || /^\s*(<!doctype html|<html)/i.test(text);
    update(key, { body: text, isHtml, outlet: drafts.find((d) => d.key === key)?.outlet || file.name.replace(/\.[a-z]+$/i, '') });
  };
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const filled = drafts.filter((d) => d.body.trim());
    if (filled.length < 2) {
      setError('Give at least two reports to compare.');
      return;
    }
    const articles: PastedArticle[] = filled.map((d) => ({
      ...(d.isHtml ? { html: d.body } : { text: d.body }),
      ...(d.outlet.trim() ? { outlet: d.outlet.trim() } : {}),
      ...(d.title.trim() ? { title: d.title.trim() } : {}),
      ...(d.published ? { published: d.published } : {}),
    }));
    setBusy(true);
    try {
      setResult(await api.compare(articles));
      requestAnimationFrame(() => document.getElementById('compare-result')?.scrollIntoView({ block: 'start' }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="compare-h">
      <h1 id="compare-h">Compare your own reports</h1>
      <p class="lede">Paste the text (or HTML) of two or more reports of one event, or upload the files. They are compared on the server and not stored.</p>
      <form class="compare-form" onSubmit={onSubmit}>
        <div class="drafts">
          {drafts.map((d, i) => (
            <fieldset class="draft">
              <legend>Report {i + 1}</legend>
              <div class="draft-meta">
                <label>
                  Outlet <input value={d.outlet} onInput={(e) => update(d.key, { outlet: e.currentTarget.value })} />
                </label>
                <label>
                  Title <input value={d.title} onInput={(e) => update(d.key, { title: e.currentTarget.value })} />
                </label>
                <label>
                  Published <input type="date" value={d.published} onInput={(e) => update(d.key, { published: e.currentTarget.value })} />
                </label>
              </div>
              <label class="body-label">
                Text
                <textarea rows={10} value={d.body} onInput={(e) => update(d.key, { body: e.currentTarget.value, isHtml: false })} />
              </label>
              <div class="draft-actions">
                <label>
                  or upload a file <input type="file" accept=".txt,.html,.htm,.md,text/plain,text/html" onChange={(e) => void onFile(d.key, e.currentTarget)} />
                </label>
                {d.isHtml && <span class="tag">read as HTML</span>}
                {drafts.length > 2 && (
                  <button type="button" class="secondary" onClick={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}>
                    Remove report {i + 1}
                  </button>
                )}
              </div>
            </fieldset>
          ))}
        </div>
        <div class="form-actions">
          {drafts.length < 20 && (
            <button type="button" class="secondary" onClick={() => setDrafts((ds) => [...ds, blank()])}>
              Add a report
            </button>
          )}
          <button type="submit" disabled={busy}>
            {busy ? 'Comparing…' : 'Compare'}
          </button>
        </div>
        {error && <ErrorBox message={error} />}
      </form>
      {result && (
        <div id="compare-result">
          <h2>Comparison</h2>
          {/* The server's one-event check: reports of different events are compared, but not silently. */}
          {(result.warnings ?? []).map((w) => (
            <p class="warning" role="note">
              {w.replace(/^warning: /, '')}
            </p>
          ))}
          <StoryView comparison={result} />
        </div>
      )}
    </section>
  );
}
