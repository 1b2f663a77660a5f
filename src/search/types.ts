import type { AnyRecord, RecordKind, RecordOfKind } from '../knowledge/kinds.ts';

/** How a hit matched, best first: ranking puts every `exact` before any `prefix`, and so on. */
export type MatchTier = 'exact' | 'prefix' | 'fuzzy';

export interface Hit<K extends RecordKind = RecordKind> {
  kind: K;
  id: string;
  record: RecordOfKind[K];
  tier: MatchTier;
  /** fuse.js-style score: 0 is a perfect match, 1 no match at all. */
  score: number;
  /** Which field matched (`name`, `aliases`, `hangul`, `initials`, `post`, `place`, `summary`, ...) and its text. */
  matched: { field: string; text: string };
}

export type AnyHit = { [K in RecordKind]: Hit<K> }[RecordKind];

export interface KnowledgeSearch {
  /** Hits of one kind that pass the relevance threshold, best first. */
  search<K extends RecordKind>(kind: K, query: string, limit?: number): Hit<K>[];
  /** Hits across all kinds, best first. */
  searchAll(query: string, limit?: number): AnyHit[];
  /**
   * At most `limit` records to offer while the user types. Empty text gives a sensible default
   * list (best-known people first; events in date order).
   */
  autocomplete(kind: RecordKind | 'all', text: string, limit: number): AnyRecord[];
  /** The closest few records for a "did you mean" reply, even when nothing passed the threshold. */
  suggest<K extends RecordKind>(kind: K, text: string, limit?: number): Hit<K>[];
  /** Builds every index now; otherwise each is built when first searched. */
  prepare(): void;
}
