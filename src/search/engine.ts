import { createExactAndPrefixTiers } from './engine/exact-and-prefix.ts';
import { compareFound, type Found, keepBest } from './engine/found.ts';
import { DEFAULT_THRESHOLD, type FieldValues, fieldValuesOf, foldFields } from './engine/fuse-docs.ts';
import { createFuzzyTier, MAX_FUZZY_SCORE } from './engine/fuzzy.ts';
import { createHitText } from './engine/hit-text.ts';
import { encodeNamePosting, encodeWordPosting, MAX_DOCS, MAX_FIELDS, tailKindAt } from './engine/postings.ts';
import type { EngineDoc, EngineHit, FieldSpec, PostingIndex, SearchEngine } from './engine/types.ts';
import { joinedTails, joinWords, MAX_QUERY_CHARS, normaliseWords, queryWords } from './normalise.ts';
import { createVocabulary } from './vocabulary.ts';

export { type FuseDoc, fuseDocuments } from './engine/fuse-docs.ts';
export type { EngineDoc, EngineHit, EngineQueryOptions, FieldSpec, SearchEngine } from './engine/types.ts';

/**
 * A search engine over generic documents. An inverted index over folded words answers the
 * exact and prefix tiers on its own and picks a few dozen candidates for the fuzzy tier, which
 * fuse.js then scores. fuse.js never sees the whole corpus, so a query costs about the same at
 * 100 records as at 100,000.
 *
 * This module builds the index and runs a query through the parts in engine/: the posting
 * formats (postings.ts), the exact and prefix tiers (exact-and-prefix.ts), the fuzzy pre-filter
 * and fuse.js (fuzzy.ts, fuse-docs.ts), and the order hits rank in (found.ts).
 */

const DEFAULT_LIMIT = 10;
const SUGGEST_THRESHOLD = 0.75;
/** Query words looked at; more add cost and little precision. */
const MAX_QUERY_WORDS = 6;

interface Built {
  index: PostingIndex;
  /** Per rank, the document's position in the given array. */
  indexOfRank: readonly number[];
  /** The rank of the first document with each id. */
  idToRank: ReadonlyMap<string, number>;
  /** Per rank, the document as fuse.js sees it, for the few candidates it scores. */
  valuesByRank: readonly FieldValues[];
}

function buildIndex(docs: readonly EngineDoc[], fields: readonly FieldSpec[]): Built {
  // Documents are numbered by rank (prominence, then given order), so posting lists come out in
  // rank order and ties resolve themselves.
  const indexOfRank = docs
    .map((doc, index) => ({ prominence: doc.prominence, index }))
    .sort((a, b) => b.prominence - a.prominence || a.index - b.index)
    .map((entry) => entry.index);
  const idToRank = new Map<string, number>();
  const valuesByRank: FieldValues[] = new Array(docs.length);
  const nameLists = new Map<string, number[]>();
  const wordLists = new Map<string, number[]>();
  const nameWords: string[][] = new Array(docs.length);

  const push = (lists: Map<string, number[]>, key: string, entry: number): void => {
    const list = lists.get(key);
    if (list === undefined) lists.set(key, [entry]);
    else if (list[list.length - 1] !== entry) list.push(entry);
  };

  indexOfRank.forEach((position, rank) => {
    const doc = docs[position] as EngineDoc;
    if (!idToRank.has(doc.id)) idToRank.set(doc.id, rank);
    const folded = foldFields(doc, fields);
    valuesByRank[rank] = fieldValuesOf(folded, fields);
    const prefixWords: string[] = [];
    fields.forEach((spec, f) => {
      for (const words of folded[f] ?? []) {
        if (spec.exact || spec.prefix) {
          joinedTails(words).forEach((tail, i, tails) => {
            push(nameLists, tail, encodeNamePosting(tailKindAt(i, tails.length), f, rank));
          });
          if (spec.prefix) prefixWords.push(...words);
        }
        for (const word of words) push(wordLists, word, encodeWordPosting(rank, f));
      }
    });
    nameWords[rank] = prefixWords;
  });

  const { namePostings, wordPostings } = packPostings(nameLists, wordLists);
  const index: PostingIndex = {
    fields,
    namePostings,
    wordPostings,
    nameTails: createVocabulary(namePostings.keys()),
    words: createVocabulary(wordPostings.keys()),
    nameWords,
  };
  return { index, indexOfRank, idToRank, valuesByRank };
}

/**
 * Every posting list as a view of one shared buffer. Most lists hold an entry or two, and an
 * Int32Array of its own costs an ArrayBuffer and a separately allocated store on top (about 200
 * bytes against 4 or 8 of postings), which over thousands of name tails was a third of the index.
 */
function packPostings(
  nameLists: ReadonlyMap<string, number[]>,
  wordLists: ReadonlyMap<string, number[]>,
): { namePostings: Map<string, Int32Array>; wordPostings: Map<string, Int32Array> } {
  let total = 0;
  for (const list of nameLists.values()) total += list.length;
  for (const list of wordLists.values()) total += list.length;
  const shared = new Int32Array(total);
  let used = 0;
  const pack = (lists: ReadonlyMap<string, number[]>, sorted: boolean): Map<string, Int32Array> => {
    const packed = new Map<string, Int32Array>();
    for (const [key, list] of lists) {
      const view = shared.subarray(used, used + list.length);
      view.set(list);
      if (sorted) view.sort();
      packed.set(key, view);
      used += list.length;
    }
    return packed;
  };
  return { namePostings: pack(nameLists, true), wordPostings: pack(wordLists, false) };
}

export function createSearchEngine(docs: readonly EngineDoc[], fields: readonly FieldSpec[]): SearchEngine {
  if (fields.length > MAX_FIELDS) throw new Error(`at most ${MAX_FIELDS} fields`);
  if (docs.length > MAX_DOCS) throw new Error(`at most ${MAX_DOCS} documents`);
  const { index, indexOfRank, idToRank, valuesByRank } = buildIndex(docs, fields);
  const tiers = createExactAndPrefixTiers(index);
  const fuzzyTier = createFuzzyTier(index, valuesByRank);
  const hitText = createHitText(fields);

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
        const candidates = fuzzyTier.prefilter(words, found);
        for (const candidate of fuzzyTier.fuzzy(words, candidates, threshold)) {
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
        if (hit.field === -1) return { hit, index, literal: true, text: doc.id };
        // A fuzzy hit never counts as spelt as typed: its value is only needed if it makes the list.
        if (hit.tier === 'fuzzy') return { hit, index, literal: false, text: '' };
        const text = hitText.matched(doc, hit, joinedQuery, words);
        return { hit, index, literal: hitText.spelt(text, typed), text };
      })
      .sort((a, b) => compareFound(a.hit, b.hit, Number(b.literal) - Number(a.literal)))
      .slice(0, limit)
      .map(({ hit, index, text }) => ({
        index,
        tier: hit.tier,
        score: hit.score,
        field: hit.field === -1 ? 'id' : (fields[hit.field]?.name ?? ''),
        text:
          hit.tier === 'fuzzy' ? hitText.matched(docs[index] as EngineDoc, hit, joinedQuery, words) : text,
      }));
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
