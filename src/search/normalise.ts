import { getChoseong } from 'es-hangul';

/**
 * One normal form for indexed text and for queries alike. Words are folded so that the
 * romanisations of one Korean name (Thae/Tae, Jo/Cho, Sung/Song/Seong, Young/Yong/Yeong,
 * Choi/Choe, Ri/Lee) meet, and so that `song-gil`, `song gil` and `songgil` compare equal
 * once their words are joined (see `compact`).
 */

/** Queries are cut to this many characters before any work, so a 6,000-character paste stays cheap. */
export const MAX_QUERY_CHARS = 100;

/**
 * NFKC turns a typed compatibility jamo (ㅌ U+314C) into its conjoining form (U+1110), while
 * es-hangul's `getChoseong` returns compatibility jamo. The table is derived from the library
 * (one syllable per initial consonant) rather than typed by hand.
 */
const conjoiningToCompat: ReadonlyMap<string, string> = new Map(
  [...getChoseong('가까나다따라마바빠사싸아자짜차카타파하')].map((jamo) => [jamo.normalize('NFKC'), jamo]),
);
const conjoiningInitial = /[\u1100-\u1112]/g;

/** Latin letters with diacritics (McCune-Reischauer's ŏ and ŭ among them) lose the marks. */
const accentedLatin = /[\u00c0-\u024f\u1e00-\u1eff]/g;
const combiningMark = /\p{M}/gu;
const apostrophes = /['‘’ʼ`´]/g;
const separators = /[^\p{L}\p{N}]+/gu;
const printableAscii = /^[\x20-\x7e]*$/;

/**
 * Romanisation variants, applied in order to each Latin word. Derived from the spellings in the
 * data: Thae/Tae, Cho/Jo, Choi/Choe, Sung/Song/Seong/Seung, Hyun/Hyon/Hyeon, Young/Yong/Yeong,
 * Soo/Su, Ko/Go, Kyu/Gyu, Pak/Bak, Lee/Ri, Yop/Yeop, Shin/Sin.
 */
const doubled = /([aeiouy])\1+/g;

const romanisationRules: readonly (readonly [RegExp, string])[] = [
  [/th/g, 't'],
  [/ch/g, 'j'],
  [/sh/g, 's'],
  [/k/g, 'g'],
  [/p/g, 'b'],
  [/l/g, 'r'],
  [/ee/g, 'i'],
  [/oe/g, 'oi'],
  [/yeo/g, 'yo'],
  [/eo/g, 'o'],
  [/eu/g, 'u'],
  [/oo/g, 'u'],
  [/u/g, 'o'],
  // A vowel doubled by the rules above (`young` gives `yoong`) counts once. Consonants stay
  // doubled: `songgil` is `song gil`, and collapsing it would make it `song il`.
  [doubled, '$1'],
];
const latinWord = /^[a-z0-9]+$/;
const foldCache = new Map<string, string>();
const MAX_CACHED_FOLDS = 200_000;

function toCompatInitial(jamo: string): string {
  return conjoiningToCompat.get(jamo) ?? jamo;
}

/** NFKC, lower case, compatibility initials, no diacritics or apostrophes, words split on anything else. */
export function normaliseWords(text: string): string[] {
  // Plain ASCII is already in NFKC and has no jamo or diacritics: skip the Unicode passes.
  const unicode = printableAscii.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
  const cleaned = unicode
    .replace(conjoiningInitial, toCompatInitial)
    .replace(accentedLatin, (ch) => ch.normalize('NFD').replace(combiningMark, ''))
    .replace(apostrophes, '')
    .replace(separators, ' ')
    .trim();
  return cleaned === '' ? [] : cleaned.split(' ');
}

/** Folds one normalised word; words with anything but ASCII letters and digits (Hangul) are kept as they are. */
function foldWord(word: string): string {
  const known = foldCache.get(word);
  if (known !== undefined) return known;
  let folded = word;
  if (latinWord.test(word)) {
    // One rule can make another's input (`ue` -> `oe` -> `oi`), so passes repeat until nothing
    // changes: a folded word must fold to itself, or the index and the queries would disagree.
    // Each pass shortens the word or swaps letters for ones no rule turns back (k->g, u->o, ...), so it ends.
    let previous: string;
    do {
      previous = folded;
      for (const [pattern, replacement] of romanisationRules) folded = folded.replace(pattern, replacement);
    } while (folded !== previous);
  }
  // Corpora repeat their words endlessly; queries are short. Bounded all the same.
  if (foldCache.size >= MAX_CACHED_FOLDS) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

/** The folded words of a text: the form both the index and the queries are compared in. */
export function foldedWords(text: string): string[] {
  return normaliseWords(text).map(foldWord);
}

/** A query's folded words, from at most `MAX_QUERY_CHARS` characters of it. */
export function queryWords(query: string): string[] {
  return foldedWords(query.slice(0, MAX_QUERY_CHARS));
}

const hangulSyllable = /^[\uac00-\ud7a3]+$/;

function isHangulWord(word: string): boolean {
  return hangulSyllable.test(word);
}

/**
 * The joined tails of a name's words: `jo song gil` gives `josonggil`, `songgil`, `gil`, so a
 * run-together query and a query for the given name alone both find it. A Hangul word is split at
 * each syllable (`태영호` gives `태영호`, `영호`, `호`).
 */
export function joinedTails(words: readonly string[]): string[] {
  const parts = words.flatMap((word) => (isHangulWord(word) ? [...word] : [word]));
  const tails: string[] = [];
  let tail = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    tail = (parts[i] ?? '') + tail;
    tails.push(joinWords([tail]));
  }
  return tails.reverse();
}

/** Folded words run together (`song gil` = `songgil`), a vowel doubled across a join counted once. */
export function joinWords(words: readonly string[]): string {
  return words.join('').replace(doubled, '$1');
}
