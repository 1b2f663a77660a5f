/**
 * The distinct folded words of a corpus, sorted for prefix ranges and indexed by trigram for
 * near spellings. It is far smaller than the corpus (names repeat their syllables), so looking
 * words up here is cheap even for 100,000 records.
 */
export interface Vocabulary {
  /** Words starting with `prefix`, in sorted order (the word itself included). */
  withPrefix(prefix: string): Iterable<string>;
  /** Words close to `word` with a similarity in (0, 1]: itself, longer words it starts, near spellings. */
  near(word: string): [string, number][];
  /** Near spellings alone, by shared trigrams (Dice coefficient); none for words under three letters. */
  similar(word: string): [string, number][];
}

/**
 * Longer words `near` offers for a query word it starts: enough for autocomplete-style typing,
 * bounded for one-letter words. (The prefix tier has its own, far larger cap on name tails.)
 */
const MAX_WORD_COMPLETIONS = 64;
const MAX_NEAR_WORDS = 24;
const MIN_DICE = 0.4;

export function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

/**
 * Per trigram, the ids of the words holding it, in id order: all lists back to back in one array,
 * found by where each starts. A number[] per trigram cost over 100 bytes for the one or two ids
 * most trigrams have.
 */
interface GramIndex {
  /** Per trigram, its list's position in `starts`. */
  slots: Map<string, number>;
  /** Where each list starts in `ids`, and after the last, the end. */
  starts: Int32Array;
  ids: Int32Array;
}

function gramIndexOf(sorted: readonly string[]): GramIndex {
  const slots = new Map<string, number>();
  const counts: number[] = [];
  const gramsOf = sorted.map((word) => [...new Set(trigrams(word))]);
  for (const grams of gramsOf) {
    for (const gram of grams) {
      const slot = slots.get(gram);
      if (slot === undefined) {
        slots.set(gram, counts.length);
        counts.push(1);
      } else counts[slot] = (counts[slot] ?? 0) + 1;
    }
  }
  const starts = new Int32Array(counts.length + 1);
  counts.forEach((count, slot) => {
    starts[slot + 1] = (starts[slot] ?? 0) + count;
  });
  const ids = new Int32Array(starts[counts.length] ?? 0);
  const next = starts.slice(0, counts.length);
  gramsOf.forEach((grams, id) => {
    for (const gram of grams) {
      const slot = slots.get(gram) ?? 0;
      ids[next[slot] ?? 0] = id;
      next[slot] = (next[slot] ?? 0) + 1;
    }
  });
  return { slots, starts, ids };
}

export function createVocabulary(words: Iterable<string>): Vocabulary {
  const sorted = [...words].sort();
  const { slots, starts, ids } = gramIndexOf(sorted);

  // Shared-trigram counts per word, reused by every lookup (a query has far fewer than 256 trigrams).
  const shared = new Uint8Array(sorted.length);

  function lowerBound(prefix: string): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function* withPrefix(prefix: string): Iterable<string> {
    for (let i = lowerBound(prefix); i < sorted.length; i++) {
      const word = sorted[i] ?? '';
      if (!word.startsWith(prefix)) return;
      yield word;
    }
  }

  function similar(word: string): [string, number][] {
    if (word.length < 3) return [];
    const grams = new Set(trigrams(word));
    const touched: number[] = [];
    for (const gram of grams) {
      const slot = slots.get(gram);
      if (slot === undefined) continue;
      for (let k = starts[slot] ?? 0; k < (starts[slot + 1] ?? 0); k++) {
        const id = ids[k] ?? 0;
        if (shared[id] === 0) touched.push(id);
        shared[id] = (shared[id] ?? 0) + 1;
      }
    }
    const close: [string, number][] = [];
    for (const id of touched) {
      const other = sorted[id] ?? '';
      const dice = (2 * (shared[id] ?? 0)) / (grams.size + other.length);
      shared[id] = 0;
      if (dice >= MIN_DICE) close.push([other, dice]);
    }
    close.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return close.slice(0, MAX_NEAR_WORDS);
  }

  function near(word: string): [string, number][] {
    const result = new Map<string, number>();
    let taken = 0;
    for (const longer of withPrefix(word)) {
      result.set(longer, 0.6 + (0.4 * word.length) / longer.length);
      if (++taken >= MAX_WORD_COMPLETIONS) break;
    }
    for (const [other, dice] of similar(word)) {
      if (dice > (result.get(other) ?? 0)) result.set(other, dice);
    }
    return [...result];
  }

  return { withPrefix, near, similar };
}
