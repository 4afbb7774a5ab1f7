// Answers reused for a short time, per key, with one load in flight per key: under load, fifty
// clients asking for the same story list cost one query. Cleared when the server stores an article.
export interface MicroCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export function createMicroCache<T>(ttlMs: number, maxEntries = 1000): MicroCache<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key, load) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && now - hit.at <= ttlMs) return hit.value;
      const value = load();
      entries.set(key, { at: now, value });
      value.catch(() => entries.delete(key));
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
