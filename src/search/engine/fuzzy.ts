import { joinedTails } from '../normalise.ts';
import { createDocScorer } from './doc-scores.ts';
import type { Found } from './found.ts';
import type { FuseDoc } from './fuse-docs.ts';
import { namePostingField, namePostingRank, wordPostingField, wordPostingRank } from './postings.ts';
import type { PostingIndex } from './types.ts';

/**
 * The fuzzy tier: a pre-filter over the posting lists picks a few dozen candidates sharing query
 * words (exactly, by prefix or by trigrams), and fuse.js scores only those. fuse.js never sees the
 * whole corpus, so a fuzzy query costs about the same at 100 records as at 100,000.
 */

/** A fuzzy score this low for the whole query is a find in itself. */
const CLOSE_MATCH = 0.3;
/** How many pre-filtered candidates fuse.js scores per query. */
const CANDIDATES = 24;
/** Candidates sharing less than this share of the best one's pre-filter score are left out. */
const WEAK_CANDIDATE = 0.3;
/** Of a word shared by very many documents, only the most prominent this many become candidates. */
const MAX_WORD_POSTINGS = 2_000;
/** The same for a longer word the query word starts, or a near spelling of it. */
const MAX_NEAR_POSTINGS = 300;
/** A one-word query this long is also compared with whole names run together. */
const MIN_JOINED_TYPO = 6;

export interface Candidates {
  /** Best first. */
  ranks: number[];
  /** The indexed words near the query's words: the only words of long text worth handing to fuse.js. */
  nearWords: ReadonlySet<string>;
  /** Whether `nearWords` holds joined names (`taeyongho`) besides words. */
  withJoinedNames: boolean;
  /** Per candidate, the field and near word that brought it in most strongly: the hit's matched value. */
  matched: ReadonlyMap<number, { field: number; near: string }>;
}

export interface FuzzyTier {
  /** The documents most worth scoring for `words`, leaving out those already found. */
  prefilter(words: readonly string[], exclude: ReadonlyMap<number, Found>): Candidates;
  /** fuse.js scores the candidates: the whole query, and for several words each word on its own. */
  fuzzy(words: readonly string[], candidates: Candidates, threshold: number): Found[];
}

/** `fuseDocByRank` holds each document as fuse.js would see it whole. */
export function createFuzzyTier(index: PostingIndex, fuseDocByRank: readonly FuseDoc[]): FuzzyTier {
  const { fields, namePostings, wordPostings, nameTails, words: vocabulary } = index;
  const weights = fields.map((spec) => spec.weight);
  const maxWeight = Math.max(...weights, Number.MIN_VALUE);
  // Scratch space for the pre-filter, reused by every query.
  const count = fuseDocByRank.length;
  const wordBest = new Float32Array(count);
  const totals = new Float32Array(count);
  /** Per candidate, its strongest near word and the field it is in: the hit's matched field. */
  const strongest = new Float32Array(count);
  const strongestField = new Uint8Array(count);
  const strongestWord: (string | undefined)[] = new Array(count);

  /**
   * Fuzzy candidates: documents sharing the most query words, exactly, by prefix or by trigrams.
   * Also returns those near words, the only words of long text fields worth handing to fuse.js.
   */
  function prefilter(words: readonly string[], exclude: ReadonlyMap<number, Found>): Candidates {
    const touched: number[] = [];
    const nearWords = new Set<string>();
    const withJoinedNames = words.length === 1 && (words[0]?.length ?? 0) >= MIN_JOINED_TYPO;
    let here: number[] = [];
    const credit = (rank: number, field: number, similarity: number, near: string): void => {
      const strength = (similarity * (weights[field] ?? 0)) / maxWeight;
      if (wordBest[rank] === 0) here.push(rank);
      if (strength > (wordBest[rank] ?? 0)) wordBest[rank] = strength;
      if (strength > (strongest[rank] ?? 0)) {
        strongest[rank] = strength;
        strongestField[rank] = field;
        strongestWord[rank] = near;
      }
    };
    for (const word of words) {
      here = [];
      // A lone letter among other words says little and would touch much of the corpus.
      if (word.length < 2 && words.length > 1) continue;
      for (const [nearWord, similarity] of vocabulary.near(word)) {
        const list = wordPostings.get(nearWord);
        if (list === undefined) continue;
        nearWords.add(nearWord);
        const end = Math.min(list.length, nearWord === word ? MAX_WORD_POSTINGS : MAX_NEAR_POSTINGS);
        for (let i = 0; i < end; i++) {
          const entry = list[i] ?? 0;
          credit(wordPostingRank(entry), wordPostingField(entry), similarity, nearWord);
        }
      }
      // A name run together with a typo in it (`thaeyongo`) is near a joined name, not a word.
      if (withJoinedNames) {
        for (const [tail, similarity] of nameTails.similar(word)) {
          const list = namePostings.get(tail) ?? [];
          nearWords.add(tail);
          for (let i = 0; i < Math.min(list.length, MAX_NEAR_POSTINGS); i++) {
            const entry = list[i] ?? 0;
            credit(namePostingRank(entry), namePostingField(entry), similarity, tail);
          }
        }
      }
      for (const rank of here) {
        if (totals[rank] === 0) touched.push(rank);
        totals[rank] = (totals[rank] ?? 0) + (wordBest[rank] ?? 0);
        wordBest[rank] = 0;
      }
    }
    const ranks = topCandidates(touched, exclude);
    const matched = new Map(
      ranks.map((rank) => [rank, { field: strongestField[rank] ?? 0, near: strongestWord[rank] ?? '' }]),
    );
    for (const rank of touched) {
      totals[rank] = 0;
      strongest[rank] = 0;
      strongestWord[rank] = undefined;
    }
    return { ranks, nearWords, withJoinedNames, matched };
  }

  /** The best-scoring touched documents, best first; a bounded insertion, as thousands may be touched. */
  function topCandidates(touched: readonly number[], exclude: ReadonlyMap<number, Found>): number[] {
    const better = (a: number, b: number): boolean =>
      (totals[a] ?? 0) > (totals[b] ?? 0) || ((totals[a] ?? 0) === (totals[b] ?? 0) && a < b);
    const top: number[] = [];
    for (const rank of touched) {
      if (exclude.has(rank)) continue;
      const last = top[top.length - 1];
      if (top.length === CANDIDATES && last !== undefined && !better(rank, last)) continue;
      let at = top.length;
      while (at > 0 && better(rank, top[at - 1] ?? 0)) at--;
      top.splice(at, 0, rank);
      if (top.length > CANDIDATES) top.pop();
    }
    // Far weaker candidates than the best would come last if they matched at all.
    const floor = WEAK_CANDIDATE * (totals[top[0] ?? 0] ?? 0);
    return top.filter((rank) => (totals[rank] ?? 0) >= floor);
  }

  /**
   * A candidate as fuse.js sees it: only the values sharing a word with the query's near words,
   * and of long text only those words. A value with no such word could not match anyway, and
   * fuse.js's time grows with every value it is given.
   */
  function fuseDocFor(rank: number, { nearWords, withJoinedNames }: Candidates): FuseDoc {
    const full = fuseDocByRank[rank] ?? {};
    const doc: FuseDoc = {};
    for (const spec of fields) {
      const values = full[spec.name] ?? [];
      doc[spec.name] = spec.words
        ? values.filter((word) => nearWords.has(word))
        : values.filter((value) => {
            const words = value.split(' ');
            return (
              words.some((word) => nearWords.has(word)) ||
              (withJoinedNames && joinedTails(words).some((tail) => nearWords.has(tail)))
            );
          });
    }
    return doc;
  }

  function fuzzy(words: readonly string[], candidates: Candidates, threshold: number): Found[] {
    const { ranks, matched } = candidates;
    if (ranks.length === 0) return [];
    const scorer = createDocScorer(
      ranks.map((rank) => fuseDocFor(rank, candidates)),
      fields,
      threshold,
    );
    const scores = new Map<number, number>();
    scorer.scores(words.join(' ')).forEach((score, pos) => {
      if (score !== undefined) scores.set(pos, score);
    });
    // Words matched one by one find reversed or scattered words; a close match of the whole
    // query makes that unnecessary (and fuse.js's time is most of a fuzzy query's).
    const close = [...scores.values()].some((score) => score <= CLOSE_MATCH);
    if (words.length > 1 && !close) {
      const perWord = new Map<number, number>();
      for (const word of words) {
        scorer.scores(word).forEach((score, pos) => {
          if (score !== undefined) perWord.set(pos, (perWord.get(pos) ?? 0) + 1 - score);
        });
      }
      for (const [pos, sum] of perWord) {
        const score = 1 - sum / words.length;
        if (score < (scores.get(pos) ?? 1)) scores.set(pos, score);
      }
    }
    return [...scores].flatMap(([pos, score]) => {
      const rank = ranks[pos];
      const where = rank === undefined ? undefined : matched.get(rank);
      if (rank === undefined || where === undefined) return [];
      return [{ rank, tier: 'fuzzy' as const, order: 0, score, field: where.field, near: where.near }];
    });
  }

  return { prefilter, fuzzy };
}
