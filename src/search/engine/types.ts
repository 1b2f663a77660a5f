import type { MatchTier } from '../types.ts';
import type { Vocabulary } from '../vocabulary.ts';

/** The engine's public types (re-exported by engine.ts) and the index its parts share. */

export interface FieldSpec {
  name: string;
  /** fuse.js key weight. */
  weight: number;
  /** A query equal to a whole value (words joined) ranks in the exact tier. */
  exact: boolean;
  /** A query that starts a value, or one of its later words (joined with the rest), ranks in the prefix tier. */
  prefix: boolean;
  /** Long text: fuse.js scores its distinct words, so a word far into a sentence still counts. */
  words?: boolean;
}

export interface EngineDoc {
  /** Matched exactly, as typed, before any normalisation: the record id. */
  id: string;
  /** Values per field name; fields not listed in the engine's specs are ignored. */
  fields: Readonly<Record<string, readonly string[]>>;
  /** Higher first when hits tie. */
  prominence: number;
}

export interface EngineHit {
  /** Position of the document in the array the engine was built from. */
  index: number;
  tier: MatchTier;
  score: number;
  /** The field that matched (`id` for the record id typed as is). */
  field: string;
  /** The value that matched, as given. */
  text: string;
}

export interface EngineQueryOptions {
  limit?: number;
  /** fuse.js's threshold: how far a field may be from the query and still match. */
  threshold?: number;
}

export interface SearchEngine {
  search(query: string, options?: EngineQueryOptions): EngineHit[];
  /** The closest few even when nothing passes the threshold (empty only when nothing shares a word fragment). */
  suggest(query: string, limit?: number): EngineHit[];
}

/**
 * The inverted index, built once by the engine and read by the exact and prefix tiers and the
 * fuzzy pre-filter. Documents are numbered by rank (prominence, then given order).
 */
export interface PostingIndex {
  fields: readonly FieldSpec[];
  /** Per joined name tail (see `joinedTails`), its name postings, sorted (see postings.ts). */
  namePostings: ReadonlyMap<string, Int32Array>;
  /** Per folded word of any field, its word postings, in rank order. */
  wordPostings: ReadonlyMap<string, Int32Array>;
  /** The keys of `namePostings`: joined name tails, for prefixes and near spellings of a run-together query. */
  nameTails: Vocabulary;
  /** The keys of `wordPostings`, for longer words and near spellings of a query word. */
  words: Vocabulary;
  /** Per rank, the folded words of its prefix fields, to check the later words of a several-word query. */
  nameWords: readonly (readonly string[])[];
}
