// Typed calls to the JSON API. Errors come back as {error: {message}} and are thrown as ApiFailure.
import type { StoryComparison } from '../../src/compare/types.ts';
import type { ArticleSummary, SearchHit, StorySummary } from '../../src/store/types.ts';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  } catch {
    throw new ApiFailure(0, 'The server cannot be reached. Is `parallax serve` running?');
  }
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiFailure(res.status, body?.error?.message ?? `The server answered ${res.status}.`);
  return body as T;
}

const qs = (params: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export interface StoryQuery {
  outlet?: string;
  entity?: string;
  from?: string;
  to?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

/** A story of the list with its coverage (src/server/routes/coverage.ts). */
export interface StoryCard extends StorySummary {
  coverage?: { outlet: string; articles: number }[];
  conflicts?: number | null;
  blindspot?: string[];
}

export interface OutletDetail {
  outlet: string;
  stories: number;
  lastPublished: string | null;
  share: number | null;
  covered: StoryCard[];
  blindspot: StoryCard[];
  blindspotCount: number;
}

export interface OutletRow {
  outlet: string;
  stories: number;
  lastPublished: string | null;
}

export interface EntityRow {
  name: string;
  /** person, organisation, place or other; null when unknown. */
  type?: string | null;
  aliases?: string[];
  stories: number;
  outlets: string[];
}

export interface EntityDetail {
  name: string;
  type?: string | null;
  aliases?: string[];
  stories: StorySummary[];
  outlets: { outlet: string; stories: number; mentions: number; names: { text: string; count: number }[] }[];
}

export interface PastedArticle {
  text?: string;
  html?: string;
  outlet?: string;
  title?: string;
  published?: string;
}

export const api = {
  stories: (q: StoryQuery) => call<{ stories: StoryCard[]; limit: number; offset: number }>(`/api/stories${qs({ ...q })}`),
  story: (id: string) => call<{ id: string; articles: ArticleSummary[] }>(`/api/stories/${encodeURIComponent(id)}`),
  comparison: (id: string) => call<StoryComparison>(`/api/stories/${encodeURIComponent(id)}/comparison`),
  outlets: () => call<{ outlets: OutletRow[] }>('/api/outlets'),
  outlet: (name: string) => call<OutletDetail>(`/api/outlets/${encodeURIComponent(name)}`),
  entities: (q?: string) => call<{ entities: EntityRow[]; total: number }>(`/api/entities${qs({ q, limit: 200 })}`),
  entity: (name: string) => call<EntityDetail>(`/api/entities/${encodeURIComponent(name)}`),
  search: (q: string, outlet?: string) => call<{ query: string; hits: SearchHit[] }>(`/api/search${qs({ q, outlet })}`),
  compare: (articles: PastedArticle[]) => call<StoryComparison & { warnings?: string[] }>('/api/compare', { method: 'POST', body: JSON.stringify({ articles }) }),
};
