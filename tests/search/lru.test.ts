import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createKnowledgeSearch } from '../../src/search/index.ts';
import { lruCache } from '../../src/search/lru.ts';

describe('lruCache', () => {
  it('computes once per key and evicts the least recently used beyond capacity', () => {
    const computed: string[] = [];
    const cache = lruCache<string>(2);
    const get = (key: string) =>
      cache.get(key, () => {
        computed.push(key);
        return key.toUpperCase();
      });
    expect(get('a')).toBe('A');
    expect(get('b')).toBe('B');
    expect(get('a')).toBe('A'); // a is now the most recent
    expect(get('c')).toBe('C'); // evicts b, not a
    expect(get('a')).toBe('A');
    expect(get('b')).toBe('B');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });
});

describe('remembered search results', () => {
  it('are the same on a second call, and a caller changing its copy changes nothing', async () => {
    const search = createKnowledgeSearch(await loadKnowledge());
    const first = search.search('person', 'jang', 5);
    const ids = first.map((hit) => hit.id);
    first.reverse().pop();
    expect(search.search('person', 'jang', 5).map((hit) => hit.id)).toEqual(ids);
    expect(search.searchAll('jang', 5).length).toBeGreaterThan(0);
  });
});
