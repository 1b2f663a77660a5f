import { joinedTails } from '../normalise.ts';
import { createDocScorer } from './doc-scores.ts';
import type { Found } from './found.ts';
import type { FieldValues } from './fuse-docs.ts';
import {
  encodeWordPosting,
  NO_POSTINGS,
  namePostingField,
  namePostingRank,
  wordPostingField,
  wordPostingRank,
} from './postings.ts';
import type { PostingIndex } from './types.ts';

/**
 * The fuzzy tier: a pre-filter over the posting lists picks a few dozen candidates sharing query
 * words (exactly, by prefix or by trigrams), and fuse.js scores only those. fuse.js never sees the
 * whole corpus, so a fuzzy query costs about the same at 100 records as at 100,000.
 */

/**
 * fuse.js multiplies per-field scores raised to normalised weights, so one weak match in a light
 * field ends near 1. Above this a fuzzy hit is noise, not an answer (suggestions keep them).
 */
export const MAX_FUZZY_SCORE = 0.7;
/** How many pre-filtered candidates fuse.js scores per query. */
const CANDIDATES = 24;
/** Candidates sharing less than this share of the best one's pre-filter score are left out. */
const WEAK_CANDIDATE = 0.3;
/**
 * Words are matched one by one only for candidates whose pre-filter total is at least this share
 * of the best one's. Weaker ones came last or fell under MAX_FUZZY_SCORE, and with them in, first
 * hits on one-letter typos of names were right 94.4% of the time (95.6% without).
 */
const PER_WORD_SHARE = 0.6;
/** Of a word shared by very many documents, only the most prominent this many become candidates. */
const MAX_WORD_POSTINGS = 2_000;
/** The same for a longer word the query word starts, or a near spelling of it. */
const MAX_NEAR_POSTINGS = 300;
/** A one-word query this long is also compared with whole names run together. */
const MIN_JOINED_TYPO = 6;
/** Name values whose words are remembered (a few hundred bytes each). */
const MAX_REMEMBERED_VALUES = 20_000;

export interface Candidates {
  /** Best first. */
  ranks: number[];
  /** Per candidate, in `ranks` order, its pre-filter total: how much of the query it shares. */
  totals: number[];
  /** The indexed words near the query's words: the only words of long text worth handing to fuse.js. */
  nearWords: ReadonlySet<string>;
  /** Whether `nearWords` holds joined names (`taeyongho`) besides words. */
  withJoinedNames: boolean;
  /** Per candidate, the field and near word that brought it in most strongly: the hit's matched value. */
  matched: ReadonlyMap<number, { field: number; near: string }>;
  /**
   * Per candidate whose posting entries were all read, one bit per field holding a near word (or,
   * with joined names, a near name): the fields whose values need no looking at, as they hold none
   * or have one value. Candidates not here may hold near words in entries past a list's cap.
   */
  nearFields: ReadonlyMap<number, number>;
  /**
   * For those candidates, per long-text field holding near words (keyed as a word posting), those
   * words in sorted order: the field as fuse.js is to see it, with no need to look at its words.
   */
  nearText: ReadonlyMap<number, string[]>;
}

export interface FuzzyTier {
  /** The documents most worth scoring for `words`, leaving out those already found. */
  prefilter(words: readonly string[], exclude: ReadonlyMap<number, Found>): Candidates;
  /** fuse.js scores the candidates: the whole query, and for several words each word on its own. */
  fuzzy(words: readonly string[], candidates: Candidates, threshold: number): Found[];
}

/** `valuesByRank` holds each document as fuse.js would see it whole. */
export function createFuzzyTier(index: PostingIndex, valuesByRank: readonly FieldValues[]): FuzzyTier {
  const { fields, namePostings, wordPostings, nameTails, words: vocabulary } = index;
  const weights = fields.map((spec) => spec.weight);
  const maxWeight = Math.max(...weights, Number.MIN_VALUE);
  // Scratch space for the pre-filter, reused by every query.
  const count = valuesByRank.length;
  const wordBest = new Float32Array(count);
  const totals = new Float32Array(count);
  /** Per candidate, its strongest near word and the field it is in: the hit's matched field. */
  const strongest = new Float32Array(count);
  const strongestField = new Uint8Array(count);
  const strongestWord: (string | undefined)[] = new Array(count);
  const nearFieldBits = new Uint32Array(count);
  // Lists the pre-filter fills for one query, emptied at its start. (Kept here rather than made
  // per query with closures over them: V8 dropped the pre-filter's optimised code whenever a
  // closure it had inlined was one of an earlier query.)
  /** Ranks credited for the query word being read. */
  const here: number[] = [];
  /** Ranks with a bit set in nearFieldBits. */
  const marked: number[] = [];
  /** The near words met in long text, as (word posting, word) pairs. */
  const textEntries: number[] = [];
  const textWords: string[] = [];

  function mark(rank: number, field: number, near: string): void {
    if (nearFieldBits[rank] === 0) marked.push(rank);
    nearFieldBits[rank] = (nearFieldBits[rank] ?? 0) | (1 << field);
    if (fields[field]?.words) {
      textEntries.push(encodeWordPosting(rank, field));
      textWords.push(near);
    }
  }

  function credit(rank: number, field: number, similarity: number, near: string): void {
    mark(rank, field, near);
    const strength = (similarity * (weights[field] ?? 0)) / maxWeight;
    if (wordBest[rank] === 0) here.push(rank);
    if (strength > (wordBest[rank] ?? 0)) wordBest[rank] = strength;
    if (strength > (strongest[rank] ?? 0)) {
      strongest[rank] = strength;
      strongestField[rank] = field;
      strongestWord[rank] = near;
    }
  }

  /**
   * Fuzzy candidates: documents sharing the most query words, exactly, by prefix or by trigrams.
   * Also returns those near words, the only words of long text fields worth handing to fuse.js.
   */
  function prefilter(words: readonly string[], exclude: ReadonlyMap<number, Found>): Candidates {
    const touched: number[] = [];
    const nearWords = new Set<string>();
    const withJoinedNames = words.length === 1 && (words[0]?.length ?? 0) >= MIN_JOINED_TYPO;
    marked.length = 0;
    textEntries.length = 0;
    textWords.length = 0;
    // Ranks from this one on may have entries past a list's cap: their near fields are unknown.
    let completeBelow = count;
    for (const word of words) {
      here.length = 0;
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
        // Word lists are in rank order: the ranks before the last one read are complete.
        if (end < list.length) completeBelow = Math.min(completeBelow, wordPostingRank(list[end - 1] ?? 0));
      }
      // A name run together with a typo in it (`thaeyongo`) is near a joined name, not a word.
      if (withJoinedNames) {
        for (const [tail, similarity] of nameTails.similar(word)) {
          const list = namePostings.get(tail) ?? NO_POSTINGS;
          nearWords.add(tail);
          for (let i = 0; i < Math.min(list.length, MAX_NEAR_POSTINGS); i++) {
            const entry = list[i] ?? 0;
            credit(namePostingRank(entry), namePostingField(entry), similarity, tail);
          }
          // Name lists are in rank order only within a bucket.
          if (list.length > MAX_NEAR_POSTINGS) completeBelow = 0;
        }
      }
      for (const rank of here) {
        if (totals[rank] === 0) touched.push(rank);
        totals[rank] = (totals[rank] ?? 0) + (wordBest[rank] ?? 0);
        wordBest[rank] = 0;
      }
    }
    // A value is handed to fuse.js for holding a near word or (run together) a near name; a
    // string of either kind may be the other (`yongho` a word somewhere), so both lists count.
    if (withJoinedNames) {
      for (const near of nearWords) {
        const words = wordPostings.get(near) ?? NO_POSTINGS;
        const names = namePostings.get(near) ?? NO_POSTINGS;
        if (words.length > MAX_NEAR_POSTINGS || names.length > MAX_NEAR_POSTINGS) completeBelow = 0;
        else {
          for (const entry of words) mark(wordPostingRank(entry), wordPostingField(entry), near);
          for (const entry of names) mark(namePostingRank(entry), namePostingField(entry), near);
        }
      }
    }
    const ranks = topCandidates(touched, exclude);
    const candidateTotals = ranks.map((rank) => totals[rank] ?? 0);
    const matched = new Map(
      ranks.map((rank) => [rank, { field: strongestField[rank] ?? 0, near: strongestWord[rank] ?? '' }]),
    );
    const known = ranks.filter((rank) => rank < completeBelow);
    const nearFields = new Map(known.map((rank) => [rank, nearFieldBits[rank] ?? 0]));
    const nearText = new Map<number, string[]>();
    textEntries.forEach((entry, k) => {
      if (!nearFields.has(wordPostingRank(entry))) return;
      const word = textWords[k] ?? '';
      const list = nearText.get(entry);
      if (list === undefined) nearText.set(entry, [word]);
      else if (!list.includes(word)) list.push(word);
    });
    // In the order fuse-docs.ts keeps long text's words in, as fuse.js multiplies in value order.
    for (const list of nearText.values()) list.sort();
    for (const rank of touched) {
      totals[rank] = 0;
      strongest[rank] = 0;
      strongestWord[rank] = undefined;
    }
    for (const rank of marked) nearFieldBits[rank] = 0;
    return { ranks, totals: candidateTotals, nearWords, withJoinedNames, matched, nearFields, nearText };
  }

  /** Whether rank `a` has the higher pre-filter total, the more prominent on a tie. */
  function better(a: number, b: number): boolean {
    return (totals[a] ?? 0) > (totals[b] ?? 0) || ((totals[a] ?? 0) === (totals[b] ?? 0) && a < b);
  }

  /** The best-scoring touched documents, best first; a bounded insertion, as thousands may be touched. */
  function topCandidates(touched: readonly number[], exclude: ReadonlyMap<number, Found>): number[] {
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
   * fuse.js's time grows with every value it is given. `kept` remembers, for one query, which
   * values (repeated across candidates and aliases) hold a near word.
   */
  function fuseDocFor(rank: number, candidates: Candidates, kept: Map<string, boolean>): FieldValues {
    const { nearWords, withJoinedNames, nearFields, nearText } = candidates;
    const full = valuesByRank[rank] ?? [];
    const bits = nearFields.get(rank);
    return fields.map((spec, f) => {
      const values = full[f] ?? [];
      // Name postings, which find a near name run together, are kept for exact and prefix fields only.
      const known = bits !== undefined && (spec.words || !withJoinedNames || spec.exact || spec.prefix);
      const near = ((bits ?? 0) & (1 << f)) !== 0;
      if (known && !near) return [];
      if (known && spec.words) return nearText.get(encodeWordPosting(rank, f)) ?? [];
      if (known && values.length === 1) return values;
      if (spec.words) return values.filter((word) => nearWords.has(word));
      return values.filter((value) => holdsNear(value, candidates, kept));
    });
  }

  function holdsNear(
    value: string,
    { nearWords, withJoinedNames }: Candidates,
    kept: Map<string, boolean>,
  ): boolean {
    let holds = kept.get(value);
    if (holds === undefined) {
      const parts = partsOf(value);
      holds = parts.words.some((word) => nearWords.has(word));
      if (!holds && withJoinedNames) {
        parts.tails ??= joinedTails(parts.words);
        holds = parts.tails.some((tail) => nearWords.has(tail));
      }
      kept.set(value, holds);
    }
    return holds;
  }

  /**
   * A name value's words, and its joined tails once asked for. The same values are looked at
   * query after query (a candidate's aliases, its place), and splitting and joining them again
   * cost more than the looking; remembered up to a bound, like folded words in normalise.ts.
   */
  const parts = new Map<string, { words: string[]; tails?: string[] }>();
  function partsOf(value: string): { words: string[]; tails?: string[] } {
    let known = parts.get(value);
    if (known === undefined) {
      if (parts.size >= MAX_REMEMBERED_VALUES) parts.clear();
      known = { words: value.split(' ') };
      parts.set(value, known);
    }
    return known;
  }

  function fuzzy(words: readonly string[], candidates: Candidates, threshold: number): Found[] {
    const { ranks, matched } = candidates;
    if (ranks.length === 0) return [];
    const kept = new Map<string, boolean>();
    const docs = ranks.map((rank) => fuseDocFor(rank, candidates, kept));
    const scores = new Map<number, number>();
    createDocScorer(docs, fields, threshold)
      .scores(words.join(' '))
      .forEach((score, pos) => {
        if (score !== undefined) scores.set(pos, score);
      });
    // Words matched one by one find reversed or scattered words, when the query as a whole
    // matches nothing worth showing. When it does, they only lift records sharing a word or two
    // above it: typos of a name (`Kim Cho-song`) found Kim Jong-ryul before Kim Chol-song.
    const answered = [...scores.values()].some((score) => score <= MAX_FUZZY_SCORE);
    if (words.length > 1 && !answered) {
      // Only candidates sharing much of what the best one shares can average well over the
      // words; candidates are best first, so they are the first few.
      const floor = PER_WORD_SHARE * (candidates.totals[0] ?? 0);
      const strong = candidates.totals.filter((total) => total >= floor).length;
      const scorer = createDocScorer(docs.slice(0, strong), fields, threshold);
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
