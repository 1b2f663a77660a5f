import Fuse, { type IFuseOptions } from 'fuse.js';
import { createExactAndPrefixTiers } from './engine/exact-and-prefix.ts';
import { compareFound, type Found, keepBest } from './engine/found.ts';
import {
  DEFAULT_THRESHOLD,
  type FuseDoc,
  foldFields,
  fuseDocOf,
  fuseOptionsFor,
} from './engine/fuse-docs.ts';
import {
  encodeNamePosting,
  encodeWordPosting,
  MAX_DOCS,
  MAX_FIELDS,
  namePostingField,
  namePostingRank,
  tailKindAt,
  wordPostingField,
  wordPostingRank,
} from './engine/postings.ts';
import type { EngineDoc, EngineHit, FieldSpec, PostingIndex, SearchEngine } from './engine/types.ts';
import {
  foldedWords,
  joinedTails,
  joinWords,
  MAX_QUERY_CHARS,
  normaliseWords,
  queryWords,
} from './normalise.ts';
import { createVocabulary } from './vocabulary.ts';

export { type FuseDoc, fuseDocuments } from './engine/fuse-docs.ts';
export type { EngineDoc, EngineHit, EngineQueryOptions, FieldSpec, SearchEngine } from './engine/types.ts';

/**
 * A search engine over generic documents. An inverted index over folded words answers the
 * exact and prefix tiers on its own and picks a few dozen candidates for the fuzzy tier, which
 * fuse.js then scores. fuse.js never sees the whole corpus, so a query costs about the same at
 * 100 records as at 100,000.
 */

const DEFAULT_LIMIT = 10;
const SUGGEST_THRESHOLD = 0.75;
/**
 * fuse.js multiplies per-field scores raised to normalised weights, so one weak match in a light
 * field ends near 1. Above this a fuzzy hit is noise, not an answer (suggestions keep them).
 */
const MAX_FUZZY_SCORE = 0.7;
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
/** Query words looked at; more add cost and little precision. */
const MAX_QUERY_WORDS = 6;
/** A one-word query this long is also compared with whole names run together. */
const MIN_JOINED_TYPO = 6;

interface Candidates {
  ranks: number[];
  nearWords: ReadonlySet<string>;
  /** Whether `nearWords` holds joined names (`taeyongho`) besides words. */
  joined: boolean;
  matched: ReadonlyMap<number, { field: number; near: string }>;
}

export function createSearchEngine(docs: readonly EngineDoc[], fields: readonly FieldSpec[]): SearchEngine {
  if (fields.length > MAX_FIELDS) throw new Error(`at most ${MAX_FIELDS} fields`);
  if (docs.length > MAX_DOCS) throw new Error(`at most ${MAX_DOCS} documents`);
  // Documents are numbered by rank (prominence, then given order), so posting lists come out in
  // rank order and ties resolve themselves.
  const indexOfRank = docs
    .map((doc, index) => ({ prominence: doc.prominence, index }))
    .sort((a, b) => b.prominence - a.prominence || a.index - b.index)
    .map((entry) => entry.index);
  const idToRank = new Map<string, number>();
  /** Per rank, the document as fuse.js sees it, for the few candidates it scores. */
  const fuseDocByRank: FuseDoc[] = new Array(docs.length);
  const nameLists = new Map<string, number[]>();
  const wordLists = new Map<string, number[]>();
  /** Per rank, the folded name words, to check the later words of a several-word query. */
  const nameWords: string[][] = new Array(docs.length);

  const push = (lists: Map<string, number[]>, key: string, entry: number): void => {
    const list = lists.get(key);
    if (list === undefined) lists.set(key, [entry]);
    else if (list[list.length - 1] !== entry) list.push(entry);
  };

  indexOfRank.forEach((index, rank) => {
    const doc = docs[index] as EngineDoc;
    if (!idToRank.has(doc.id)) idToRank.set(doc.id, rank);
    const folded = foldFields(doc, fields);
    fuseDocByRank[rank] = fuseDocOf(folded, fields);
    const names: string[] = [];
    fields.forEach((spec, f) => {
      for (const words of folded[f] ?? []) {
        if (spec.exact || spec.prefix) {
          joinedTails(words).forEach((tail, i, tails) => {
            push(nameLists, tail, encodeNamePosting(tailKindAt(i, tails.length), f, rank));
          });
          if (spec.prefix) names.push(...words);
        }
        for (const word of words) push(wordLists, word, encodeWordPosting(rank, f));
      }
    });
    nameWords[rank] = names;
  });

  const namePostings = new Map<string, Int32Array>();
  for (const [key, list] of nameLists) namePostings.set(key, Int32Array.from(list).sort());
  const wordPostings = new Map<string, Int32Array>();
  for (const [key, list] of wordLists) wordPostings.set(key, Int32Array.from(list));
  const nameTails = createVocabulary(namePostings.keys(), true);
  const vocabulary = createVocabulary(wordPostings.keys(), true);
  const index: PostingIndex = { fields, namePostings, wordPostings, nameTails, words: vocabulary, nameWords };
  const tiers = createExactAndPrefixTiers(index);

  const weights = fields.map((spec) => spec.weight);
  const maxWeight = Math.max(...weights, Number.MIN_VALUE);
  const fuseOptions: IFuseOptions<FuseDoc> = fuseOptionsFor(fields);
  // Scratch space for the fuzzy pre-filter, reused by every query.
  const wordBest = new Float32Array(docs.length);
  const totals = new Float32Array(docs.length);
  /** Per candidate, its strongest near word and the field it is in: the hit's matched field. */
  const strongest = new Float32Array(docs.length);
  const strongestField = new Uint8Array(docs.length);
  const strongestWord: (string | undefined)[] = new Array(docs.length);

  /**
   * Fuzzy candidates: documents sharing the most query words, exactly, by prefix or by trigrams.
   * Also returns those near words, the only words of long text fields worth handing to fuse.js.
   */
  function prefilter(words: readonly string[], exclude: ReadonlyMap<number, Found>): Candidates {
    const touched: number[] = [];
    const nearWords = new Set<string>();
    const joined = words.length === 1 && (words[0]?.length ?? 0) >= MIN_JOINED_TYPO;
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
      for (const [vocab, similarity] of vocabulary.near(word)) {
        const list = wordPostings.get(vocab);
        if (list === undefined) continue;
        nearWords.add(vocab);
        const end = Math.min(list.length, vocab === word ? MAX_WORD_POSTINGS : MAX_NEAR_POSTINGS);
        for (let i = 0; i < end; i++) {
          const entry = list[i] ?? 0;
          credit(wordPostingRank(entry), wordPostingField(entry), similarity, vocab);
        }
      }
      // A name run together with a typo in it (`thaeyongo`) is near a joined name, not a word.
      if (joined) {
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
    return { ranks, nearWords, joined, matched };
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
  function fuseDocFor(rank: number, { nearWords, joined }: Candidates): FuseDoc {
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
              (joined && joinedTails(words).some((tail) => nearWords.has(tail)))
            );
          });
    }
    return doc;
  }

  /** fuse.js scores the candidates: the whole query, and for several words each word on its own. */
  function fuzzy(words: readonly string[], candidates: Candidates, threshold: number): Found[] {
    const { ranks, matched } = candidates;
    if (ranks.length === 0) return [];
    const fuse = new Fuse(
      ranks.map((rank) => fuseDocFor(rank, candidates)),
      { ...fuseOptions, threshold },
    );
    const scores = new Map<number, number>();
    for (const result of fuse.search(words.join(' '))) scores.set(result.refIndex, result.score ?? 1);
    // Words matched one by one find reversed or scattered words; a close match of the whole
    // query makes that unnecessary (and fuse.js's time is most of a fuzzy query's).
    const close = [...scores.values()].some((score) => score <= CLOSE_MATCH);
    if (words.length > 1 && !close) {
      const perWord = new Map<number, number>();
      for (const word of words) {
        for (const result of fuse.search(word)) {
          perWord.set(result.refIndex, (perWord.get(result.refIndex) ?? 0) + 1 - (result.score ?? 1));
        }
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

  /** The given value behind a hit: the one fuse.js matched, or the one whose words the query starts. */
  function matchedText(doc: EngineDoc, found: Found, joinedQuery: string, words: readonly string[]): string {
    const spec = fields[found.field];
    const values = spec === undefined ? [] : (doc.fields[spec.name] ?? []);
    const matches = (value: string): boolean => {
      const folded = foldedWords(value);
      if (found.near !== undefined) return folded.includes(found.near);
      const tails = joinedTails(folded);
      return (
        tails.some((tail) => tail.startsWith(joinedQuery)) ||
        words.every((w) => folded.some((f) => f.startsWith(w)))
      );
    };
    return values.find(matches) ?? values[0] ?? '';
  }

  function run(query: string, limit: number, threshold: number, fillWithCandidates: boolean): EngineHit[] {
    if (typeof query !== 'string' || !(limit > 0)) return [];
    const words = [...new Set(queryWords(query))].slice(0, MAX_QUERY_WORDS);
    const joinedQuery = joinWords(words);
    const found = new Map<number, Found>();
    const idRank = idToRank.get(query.trim());
    if (idRank !== undefined)
      found.set(idRank, { rank: idRank, tier: 'exact', order: -1, score: 0, field: -1 });
    if (words.length > 0) {
      tiers.exactAndPrefix(joinedQuery, limit, found);
      if (words.length > 1 && found.size < limit) tiers.everyWordPrefix(words, found);
      // A name that matches as typed (exactly or by its start) is the answer: fuzzy hits would
      // only pad the list below it with weaker guesses, at most of a query's cost.
      if (fillWithCandidates || found.size === 0) {
        const candidates = prefilter(words, found);
        for (const candidate of fuzzy(words, candidates, threshold)) {
          if (fillWithCandidates || candidate.score <= MAX_FUZZY_SCORE) keepBest(found, candidate);
        }
        if (fillWithCandidates) {
          for (const [rank, where] of candidates.matched) {
            keepBest(found, { rank, tier: 'fuzzy', order: 0, score: 1, ...where });
          }
        }
      }
    }
    // Folding makes `jo` start `Choi` too: among equals, a name spelt as typed comes first. Only
    // the head of the list is looked at, which keeps this cheap at any corpus size.
    const typed = joinWords(normaliseWords(query.slice(0, MAX_QUERY_CHARS)));
    return [...found.values()]
      .sort(compareFound)
      .slice(0, limit * 2)
      .map((hit) => {
        const index = indexOfRank[hit.rank] ?? 0;
        const doc = docs[index] as EngineDoc;
        const base = { index, tier: hit.tier, score: hit.score };
        if (hit.field === -1) return { hit, literal: true, out: { ...base, field: 'id', text: doc.id } };
        const text = matchedText(doc, hit, joinedQuery, words);
        const literal =
          hit.tier !== 'fuzzy' && joinedTails(normaliseWords(text)).some((t) => t.startsWith(typed));
        return { hit, literal, out: { ...base, field: fields[hit.field]?.name ?? '', text } };
      })
      .sort((a, b) => compareFound(a.hit, b.hit, Number(b.literal) - Number(a.literal)))
      .slice(0, limit)
      .map(({ out }) => out);
  }

  return {
    search(query, options = {}) {
      return run(query, options.limit ?? DEFAULT_LIMIT, options.threshold ?? DEFAULT_THRESHOLD, false);
    },
    suggest(query, limit = 5) {
      return run(query, limit, SUGGEST_THRESHOLD, true);
    },
  };
}
