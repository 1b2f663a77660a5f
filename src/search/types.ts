import type { Motive, Person, RegimeResponse, TimelineEvent } from '../knowledge/schema.ts';

/** The kinds of record a user can search for. */
export type SearchKind = 'person' | 'motive' | 'response' | 'event';

export interface RecordOfKind {
  person: Person;
  motive: Motive;
  response: RegimeResponse;
  event: TimelineEvent;
}

/** How a hit matched, best first: ranking puts every `exact` before any `prefix`, and so on. */
export type MatchTier = 'exact' | 'prefix' | 'fuzzy';

export interface Hit<K extends SearchKind = SearchKind> {
  kind: K;
  id: string;
  record: RecordOfKind[K];
  tier: MatchTier;
  /** fuse.js-style score: 0 is a perfect match, 1 no match at all. */
  score: number;
  /** Which field matched (`name`, `aliases`, `hangul`, `initials`, `post`, `place`, `summary`, ...) and its text. */
  matched: { field: string; text: string };
}

export type AnyHit = { [K in SearchKind]: Hit<K> }[SearchKind];

/** An autocomplete choice as Discord takes it: both strings at most 100 characters. */
export interface Choice {
  name: string;
  value: string;
}

export interface KnowledgeSearch {
  /** Hits of one kind that pass the relevance threshold, best first. */
  search<K extends SearchKind>(kind: K, query: string, limit?: number): Hit<K>[];
  /** Hits across all kinds, best first. */
  searchAll(query: string, limit?: number): AnyHit[];
  /**
   * At most 25 choices. The value is the record id, or `kind:id` for `all`. Empty text gives a
   * sensible default list (best-known people first; events in date order).
   */
  autocomplete(kind: SearchKind | 'all', text: string): Choice[];
  /** The closest few records for a "did you mean" reply, even when nothing passed the threshold. */
  suggest<K extends SearchKind>(kind: K, text: string, limit?: number): Hit<K>[];
}
