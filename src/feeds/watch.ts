// Polls feeds: conditional requests (ETag / Last-Modified) so an unchanged feed costs one 304, new
// items ingested as they appear, and a feed that fails waits longer each time (exponential backoff,
// capped at a day). State (validators, next poll, failures) lives in the database, so a restarted
// watcher carries on where the last one stopped.
import type { DatabaseStore, FeedState } from '../store/types.js';
import type { Fetcher } from '../ingest/fetcher.js';
import type { IngestItem, IngestSummary } from '../ingest/ingest.js';
import { feedItemsWithPages } from '../ingest/url-reader.js';

export interface WatchDeps {
  store: DatabaseStore;
  fetcher: Fetcher;
  /** Ingests a batch of items (analysis, stories, storage). */
  ingestItems: (items: AsyncIterable<IngestItem>) => Promise<IngestSummary>;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  log?: (line: string) => void;
}

export interface PollResult {
  url: string;
  status: 'new-items' | 'unchanged' | 'not-modified' | 'error' | 'waiting';
  new: number;
  message?: string;
  nextPoll: string | null;
}

const DAY = 24 * 3600 * 1000;

export function backoffMs(intervalMs: number, failures: number): number {
  return Math.min(intervalMs * 2 ** Math.min(failures, 16), DAY);
}

export function createWatcher(deps: WatchDeps) {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => {});
  const sleep =
    deps.sleep ??
    ((ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        });
      }));

  async function poll(url: string, intervalMs: number, options: { force?: boolean; outlet?: string | null } = {}): Promise<PollResult> {
    const prev: FeedState = (await deps.store.getFeedState(url)) ?? { url, etag: null, lastModified: null, lastPolled: null, nextPoll: null, failures: 0, lastError: null, itemsSeen: 0 };
    if (!options.force && prev.nextPoll && Date.parse(prev.nextPoll) > now()) return { url, status: 'waiting', new: 0, nextPoll: prev.nextPoll };
    const res = await deps.fetcher.fetch(url, { etag: prev.etag, lastModified: prev.lastModified });
    const polled = new Date(now()).toISOString();
    if (res.status === 'error') {
      const failures = prev.failures + 1;
      const next = new Date(now() + backoffMs(intervalMs, failures)).toISOString();
      await deps.store.putFeedState({ ...prev, lastPolled: polled, nextPoll: next, failures, lastError: res.message });
      log(`${url}: ${res.message}; retry after ${next}`);
      return { url, status: 'error', new: 0, message: res.message, nextPoll: next };
    }
    const next = new Date(now() + intervalMs).toISOString();
    if (res.status === 'not-modified') {
      await deps.store.putFeedState({ ...prev, lastPolled: polled, nextPoll: next, failures: 0, lastError: null });
      return { url, status: 'not-modified', new: 0, nextPoll: next };
    }
    let summary: IngestSummary;
    try {
      const items = feedItemsWithPages(deps.fetcher, res.body, res.url, options.outlet ?? null);
      summary = await deps.ingestItems(items);
    } catch (e) {
      const failures = prev.failures + 1;
      const retry = new Date(now() + backoffMs(intervalMs, failures)).toISOString();
      const message = (e as Error).message;
      await deps.store.putFeedState({ ...prev, lastPolled: polled, nextPoll: retry, failures, lastError: message });
      log(`${url}: ${message}`);
      return { url, status: 'error', new: 0, message, nextPoll: retry };
    }
    await deps.store.putFeedState({
      url,
      etag: res.etag,
      lastModified: res.lastModified,
      lastPolled: polled,
      nextPoll: next,
      failures: 0,
      lastError: null,
      itemsSeen: prev.itemsSeen + summary.read,
    });
    if (summary.new) log(`${url}: ${summary.new} new article${summary.new === 1 ? '' : 's'}`);
    return { url, status: summary.new ? 'new-items' : 'unchanged', new: summary.new, nextPoll: next };
  }

  /** Polls every feed when due, until `rounds` rounds are done or the signal aborts. */
  async function run(feeds: string[], intervalMs: number, options: { rounds?: number; signal?: AbortSignal; outlet?: string | null } = {}): Promise<PollResult[]> {
    const results: PollResult[] = [];
    for (let round = 0; options.rounds === undefined || round < options.rounds; round++) {
      for (const url of feeds) {
        if (options.signal?.aborted) return results;
        results.push(await poll(url, intervalMs, { outlet: options.outlet ?? null }));
      }
      if (options.rounds !== undefined && round + 1 >= options.rounds) break;
      const states = await Promise.all(feeds.map((f) => deps.store.getFeedState(f)));
      const due = Math.min(...states.map((s) => (s?.nextPoll ? Date.parse(s.nextPoll) : now())));
      const wait = Math.max(1000, due - now());
      await sleep(wait, options.signal);
      if (options.signal?.aborted) break;
    }
    return results;
  }

  return { poll, run };
}
