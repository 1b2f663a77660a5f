/**
 * A bounded least-recently-used cache. Search results are a pure function of the frozen knowledge
 * and the query, and autocomplete asks the same few prefixes again and again (every user typing
 * `th` for Thae), so remembering recent answers saves most of the work on a busy bot.
 */
export interface LruCache<T> {
  /** The value remembered for `key`, or `compute()`'s, which is then remembered. */
  get(key: string, compute: () => T): T;
}

export function lruCache<T>(capacity: number): LruCache<T> {
  const entries = new Map<string, T>();
  return {
    get(key, compute) {
      if (entries.has(key)) {
        const value = entries.get(key) as T;
        // Re-inserting moves the key to the end: a Map keeps insertion order, so the first key is the oldest.
        entries.delete(key);
        entries.set(key, value);
        return value;
      }
      const value = compute();
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}
