import { compareFound, type Found, type FoundByRank, keepBest } from './found.ts';
import {
  bucketField,
  bucketTailKind,
  MAX_FIELDS,
  NO_POSTINGS,
  namePostingBucket,
  namePostingRank,
  nextBucket,
  TAILS,
  WHOLE,
  wordPostingField,
  wordPostingRank,
} from './postings.ts';
import type { PostingIndex } from './types.ts';

/**
 * The exact and prefix tiers: a query that is, or starts, a name as indexed. Both come straight
 * from the posting lists, with no scoring beyond the order the lists are kept in.
 */

/** Joined name tails a prefix is expanded to at most (`j` starts most of them). */
const MAX_TAILS_PER_PREFIX = 50_000;
/** Documents examined, most prominent first, for a query of several words in any order. */
const MAX_WORD_PREFIX_DOCS = 1_500;
/** Prefixes this short have their hits ranked when the engine is built. */
const SHORT_PREFIX = 2;
const SHORT_PREFIX_HITS = 25;

export interface ExactAndPrefixTiers {
  /** Adds the documents with a value the query's words run together equal or start. */
  exactAndPrefix(joinedQuery: string, limit: number, found: FoundByRank): void;
  /** Adds the documents whose name words the query's words each start, in any order. */
  everyWordPrefix(words: readonly string[], found: FoundByRank): void;
}

export function createExactAndPrefixTiers(index: PostingIndex): ExactAndPrefixTiers {
  const { fields, namePostings, wordPostings, nameTails, nameWords } = index;

  function exactAndPrefix(joinedQuery: string, limit: number, found: FoundByRank): void {
    // Whole values come first in a sorted list: the exact tier stops at the first later tail.
    for (const entry of namePostings.get(joinedQuery) ?? NO_POSTINGS) {
      const bucket = namePostingBucket(entry);
      if (bucketTailKind(bucket) !== WHOLE) break;
      const field = bucketField(bucket);
      if (fields[field]?.exact) {
        keepBest(found, { rank: namePostingRank(entry), tier: 'exact', order: field, score: 0, field });
      }
    }
    const short = limit <= SHORT_PREFIX_HITS && [...joinedQuery].length <= SHORT_PREFIX;
    for (const hit of short ? shortPrefixHits(joinedQuery) : prefixHits(joinedQuery, limit))
      keepBest(found, hit);
  }

  /**
   * The best `limit` prefix hits, taking at most `limit` per name tail and bucket (lists are in
   * ranking order within a bucket, so the rest could not make it).
   */
  function prefixHits(prefix: string, limit: number): Found[] {
    const best = new Map<number, Found>();
    let scanned = 0;
    for (const tail of nameTails.withPrefix(prefix)) {
      const list = namePostings.get(tail);
      if (list === undefined) continue;
      const score = 0.1 * (1 - prefix.length / tail.length);
      for (let i = 0; i < list.length; ) {
        const bucket = namePostingBucket(list[i] ?? 0);
        const next = nextBucket(list, i, bucket);
        const field = bucketField(bucket);
        if (fields[field]?.prefix) {
          const kind = bucketTailKind(bucket);
          // The start of a value (`jang` in `Jang Sung-gil`) or all of a later tail of several
          // words (`songgil` in `Jo Song-gil`); then all of the last word (`jang` in `Hwang
          // Jang`); then a query ending inside a later tail.
          const equal = tail === prefix;
          const order =
            (kind === WHOLE || (equal && kind === TAILS) ? 0 : equal ? 1 : 2) * MAX_FIELDS + field;
          for (let k = i; k < Math.min(next, i + limit); k++) {
            keepBest(best, {
              rank: namePostingRank(list[k] ?? 0),
              tier: 'prefix',
              order,
              score: score + 0.01 * kind,
              field,
            });
          }
        }
        i = next;
      }
      if (++scanned >= MAX_TAILS_PER_PREFIX) break;
    }
    return [...best.values()].sort(compareFound).slice(0, limit);
  }

  /**
   * One- and two-letter prefixes start thousands of names in a large corpus: each is ranked once,
   * the first time it is typed, and remembered. (Ranking them all up front cost most of start-up
   * once Hangul titles made every syllable a prefix.) At most one entry per short prefix of a name.
   */
  const shortPrefixes = new Map<string, Found[]>();
  function shortPrefixHits(prefix: string): Found[] {
    let hits = shortPrefixes.get(prefix);
    if (hits === undefined) {
      hits = prefixHits(prefix, SHORT_PREFIX_HITS);
      // Only prefixes that start some name are kept, so typed noise cannot grow the map.
      if (hits.length > 0) shortPrefixes.set(prefix, hits);
    }
    return hits;
  }

  /**
   * Words in any order (`song gil jo`): each query word starts a word of the names. The words
   * before the last are taken as complete, so the documents of the rarest of them are walked in
   * rank order, and the other words checked against each document's name words.
   */
  function everyWordPrefix(words: readonly string[], found: FoundByRank): void {
    let walk: Int32Array | undefined;
    let walked = '';
    for (const word of words.slice(0, -1)) {
      const list = wordPostings.get(word);
      if (list === undefined) return;
      if (walk === undefined || list.length < walk.length) {
        walk = list;
        walked = word;
      }
    }
    const rest = words.filter((word) => word !== walked);
    let examined = 0;
    for (const entry of walk ?? NO_POSTINGS) {
      const field = wordPostingField(entry);
      if (!fields[field]?.prefix) continue;
      if (++examined > MAX_WORD_PREFIX_DOCS) return;
      const rank = wordPostingRank(entry);
      const own = nameWords[rank] ?? [];
      if (rest.every((other) => own.some((name) => name.startsWith(other)))) {
        // Words that line up with the record's words beat a run-together prefix across them.
        keepBest(found, { rank, tier: 'prefix', order: field - MAX_FIELDS, score: 0.05, field });
      }
    }
  }

  return { exactAndPrefix, everyWordPrefix };
}
