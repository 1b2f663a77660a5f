import { type AnyRecord, type RecordKind, type RecordOfKind, recordKinds } from '../knowledge/kinds.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { eventDoc, fieldSpecs, motiveDoc, personDoc, responseDoc } from './documents.ts';
import { createSearchEngine, type EngineDoc, type EngineHit, type SearchEngine } from './engine.ts';
import { lruCache } from './lru.ts';
import { joinWords, queryWords } from './normalise.ts';
import type { AnyHit, Hit, KnowledgeSearch, MatchTier } from './types.ts';

const DEFAULT_LIMIT = 10;
const SUGGESTIONS = 5;
const tierOrder: Record<MatchTier, number> = { exact: 0, prefix: 1, fuzzy: 2 };
/** Distinct (kind, query, limit) answers remembered; a few hundred bytes each. */
const CACHE_ENTRIES = 5000;

interface Index<K extends RecordKind> {
  records: readonly RecordOfKind[K][];
  /** Built on first use (or by `prepare`): building all four is most of start-up otherwise. */
  readonly engine: SearchEngine;
  /** The empty-query list: people by prominence, events by date, the rest in data order. */
  defaults: readonly RecordOfKind[K][];
}

type Indexes = { [K in RecordKind]: Index<K> };

function indexOf<K extends RecordKind>(
  kind: K,
  records: readonly RecordOfKind[K][],
  toDoc: (record: RecordOfKind[K]) => EngineDoc,
  defaults: readonly RecordOfKind[K][],
): Index<K> {
  let engine: SearchEngine | undefined;
  return {
    records,
    get engine() {
      engine ??= createSearchEngine(records.map(toDoc), fieldSpecs[kind]);
      return engine;
    },
    defaults,
  };
}

/** Nothing searchable typed yet (empty, spaces, only punctuation or emoji): show the default list. */
function blank(text: string): boolean {
  return queryWords(text).length === 0;
}

/**
 * The search over the knowledge. Each kind's index is built the first time it is searched, or
 * all at once by `prepare()`, which start-up calls once the bot is ready, so that connecting to
 * Discord does not wait for it (a few hundred milliseconds for the shipped data).
 */
export function createKnowledgeSearch(knowledge: Knowledge): KnowledgeSearch {
  const byProminence = [...knowledge.people].sort((a, b) => b.prominence - a.prominence);
  const indexes: Indexes = {
    person: indexOf('person', knowledge.people, (p) => personDoc(p, knowledge), byProminence),
    motive: indexOf('motive', knowledge.motives, motiveDoc, knowledge.motives),
    response: indexOf('response', knowledge.responses, responseDoc, knowledge.responses),
    event: indexOf('event', knowledge.events, (e) => eventDoc(e, knowledge), knowledge.events),
  };

  function toHits<K extends RecordKind>(kind: K, hits: readonly EngineHit[]): Hit<K>[] {
    const { records } = indexes[kind] as Index<K>;
    return hits.flatMap((hit) => {
      const record = records[hit.index];
      if (record === undefined) return [];
      return [
        {
          kind,
          id: record.id,
          record,
          tier: hit.tier,
          score: hit.score,
          matched: { field: hit.field, text: hit.text },
        },
      ];
    });
  }

  const cache = lruCache<readonly AnyHit[]>(CACHE_ENTRIES);

  /** Callers get their own copy of a remembered list, so sorting or slicing it cannot change the cache. */
  function remembered<K extends RecordKind>(key: string, compute: () => Hit<K>[]): Hit<K>[] {
    return [...cache.get(key, () => Object.freeze(compute() as AnyHit[]))] as Hit<K>[];
  }

  function search<K extends RecordKind>(kind: K, query: string, limit = DEFAULT_LIMIT): Hit<K>[] {
    const text = typeof query === 'string' ? query : '';
    // The query goes last in the key, so whatever it contains cannot collide with another key.
    return remembered(`search ${kind} ${limit} ${text}`, () =>
      toHits(kind, (indexes[kind] as Index<K>).engine.search(text, { limit })),
    );
  }

  function suggest<K extends RecordKind>(kind: K, query: string, limit = SUGGESTIONS): Hit<K>[] {
    const text = typeof query === 'string' ? query : '';
    return remembered(`suggest ${kind} ${limit} ${text}`, () =>
      toHits(kind, (indexes[kind] as Index<K>).engine.suggest(text, limit)),
    );
  }

  function searchAll(query: string, limit = DEFAULT_LIMIT): AnyHit[] {
    const hits: AnyHit[] = recordKinds.flatMap((kind) => search(kind, query, limit) as AnyHit[]);
    // Scores are comparable within a kind, not across kinds: a value that starts with what was
    // typed (`thae` in Thae Yong-ho) beats one where a later word does (Jang Song-thaek), then
    // the score decides. A stable sort keeps kind order (people first) among equal hits.
    const typed = joinWords(queryWords(typeof query === 'string' ? query : ''));
    const startsValue = (hit: AnyHit) =>
      hit.tier !== 'fuzzy' && typed !== '' && joinWords(queryWords(hit.matched.text)).startsWith(typed)
        ? 0
        : 1;
    return hits
      .sort(
        (a, b) =>
          tierOrder[a.tier] - tierOrder[b.tier] || startsValue(a) - startsValue(b) || a.score - b.score,
      )
      .slice(0, limit);
  }

  /** The record of a hit, with its kind: the shape choices are drawn from. */
  const recordOf = (hit: AnyHit) => ({ kind: hit.kind, record: hit.record }) as AnyRecord;

  function autocompleteKind(kind: RecordKind, text: string, limit: number): AnyRecord[] {
    if (blank(text)) {
      return indexes[kind].defaults.slice(0, limit).map((record) => ({ kind, record }) as AnyRecord);
    }
    const found = search(kind, text, limit) as AnyHit[];
    return (found.length > 0 ? found : (suggest(kind, text, limit) as AnyHit[])).map(recordOf);
  }

  function autocomplete(kind: RecordKind | 'all', text: string, limit: number): AnyRecord[] {
    const typed = typeof text === 'string' ? text : '';
    if (kind !== 'all') return autocompleteKind(kind, typed, limit);
    if (blank(typed)) return recordKinds.flatMap((k) => autocompleteKind(k, '', limit)).slice(0, limit);
    const found = searchAll(typed, limit);
    const hits =
      found.length > 0
        ? found
        : recordKinds
            .flatMap((k) => suggest(k, typed, SUGGESTIONS) as AnyHit[])
            .sort((a, b) => a.score - b.score);
    return hits.slice(0, limit).map(recordOf);
  }

  function prepare(): void {
    for (const kind of recordKinds) void indexes[kind].engine;
  }

  return { search, searchAll, autocomplete, suggest, prepare };
}
