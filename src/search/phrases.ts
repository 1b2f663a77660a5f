import { cleanText, foldWord, isHangulWord, joinWords } from './normalise.ts';

/**
 * Finding known phrases (names, titles, keywords) in free text, word by word, normalised the way
 * search normalises: the text and every phrase are cut into folded words (Thae/Tae, Jo/Cho,
 * Young/Yong meet), and a phrase of romanised words matches however the text splits it
 * (`Jo Song-gil`, `Jo Song Gil`, `Josonggil`), while one with Hangul matches word for word, its
 * last word followed by any Korean particle (`태영호가`, `태영호에게`). A phrase only ever matches
 * whole words: never inside `Kim Kang-il` for `Kim Kang`, never `김강` inside `김강산`.
 */

/** What stands before a word: the start of the text, spaces, a hyphen, or other punctuation. */
export const Gap = { start: 0, space: 1, hyphen: 2, break: 3 } as const;
export type Gap = (typeof Gap)[keyof typeof Gap];

export interface Tokens {
  /** Folded words, as the index compares them. */
  readonly words: readonly string[];
  /** The same words normalised but not folded (`thae`, not `tae`). */
  readonly raw: readonly string[];
  /** What stands before each word. */
  readonly gaps: readonly Gap[];
  /** Whether each word is romanised (ASCII letters and digits only). */
  readonly latin: readonly boolean[];
}

/** `Thae's` reads as `Thae`: a possessive is not part of the name. */
const possessive = /['‘’ʼ`´][sS](?![\p{L}\p{N}])/gu;
const letterOrDigit = /^[\p{L}\p{N}]$/u;
const spaces = /^[^\S\n]*\n?[^\S\n]*$/;
const initialStop = /^\.[^\S\n]*\n?[^\S\n]*$/;
const latinWord = /^[a-z0-9]+$/;
const vowels = new Set('aeiouy');

function gapOf(between: string, previous: string | undefined): Gap {
  if (previous === undefined) return Gap.start;
  if (between === ' ' || spaces.test(between)) return Gap.space;
  if (between === '-' || between === '‐' || between === '‑') return Gap.hyphen;
  // The full stop of an initial (`Kenneth H. Rowe`) does not end a sentence.
  if (previous.length === 1 && initialStop.test(between)) return Gap.space;
  return Gap.break;
}

/** Whether the character at `code` is part of a word: a letter or a digit of any script. */
function wordCode(code: number, text: string, at: number): boolean {
  if (code < 0x80)
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xac00 && code <= 0xd7a3) return true;
  return letterOrDigit.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

/**
 * The words of a text with what stands between them. Words are the runs of letters and digits,
 * as `normaliseWords` cuts them; this walks the text once, which is several times faster than a
 * Unicode regular expression over Hangul.
 */
export function tokenize(text: string): Tokens {
  const cleaned = cleanText(text.replace(possessive, ''));
  const words: string[] = [];
  const raw: string[] = [];
  const gaps: Gap[] = [];
  const latin: boolean[] = [];
  let gapStart = 0;
  let i = 0;
  while (i < cleaned.length) {
    const code = cleaned.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    if (!wordCode(code, cleaned, i)) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    while (i < cleaned.length) {
      const next = cleaned.charCodeAt(i);
      if (!wordCode(next, cleaned, i)) break;
      i += next >= 0xd800 && next <= 0xdbff ? 2 : 1;
    }
    const found = cleaned.slice(start, i);
    const romanised = latinWord.test(found);
    // Most gaps are one space: no need to cut them out to know.
    const single = start - gapStart === 1 ? cleaned.charCodeAt(gapStart) : -1;
    gaps.push(
      raw.length > 0 && single === 0x20
        ? Gap.space
        : gapOf(cleaned.slice(gapStart, start), raw[raw.length - 1]),
    );
    raw.push(found);
    // Only romanised words fold; the rest stand as they are.
    words.push(romanised ? foldWord(found) : found);
    latin.push(romanised);
    gapStart = i;
  }
  return { words, raw, gaps, latin };
}

export function isLatin(folded: string): boolean {
  return latinWord.test(folded);
}

/**
 * Endings that follow a name in Korean: case particles, their combinations, and the few titles
 * written without a space (`태영호씨`, `조성길측`). A Hangul word is a phrase's last word followed
 * by one of these, or nothing.
 */
const particles = [
  '이',
  '가',
  '은',
  '는',
  '을',
  '를',
  '의',
  '에',
  '도',
  '만',
  '와',
  '과',
  '로',
  '으로',
  '에게',
  '에게서',
  '에게는',
  '에게도',
  '에게만',
  '한테',
  '한테서',
  '한테는',
  '께',
  '께서',
  '께서는',
  '와의',
  '과의',
  '와는',
  '과는',
  '와도',
  '과도',
  '로서',
  '으로서',
  '로부터',
  '으로부터',
  '에서',
  '에서는',
  '에서도',
  '에서의',
  '에는',
  '에도',
  '에의',
  '부터',
  '까지',
  '까지도',
  '처럼',
  '같이',
  '보다',
  '보다는',
  '보다도',
  '이나',
  '나',
  '이랑',
  '랑',
  '하고',
  '조차',
  '마저',
  '뿐',
  '밖에',
  '이다',
  '다',
  '였다',
  '이었다',
  '이며',
  '며',
  '이고',
  '이라는',
  '라는',
  '이라고',
  '라고',
  '이란',
  '란',
  '이야',
  '입니다',
  '이에요',
  '예요',
  '이었던',
  '였던',
  '이던',
  '던',
] as const;
const titles = ['씨', '님', '측'] as const;
const suffixes: ReadonlySet<string> = new Set([
  ...particles,
  ...titles.flatMap((title) => [title, ...particles.map((particle) => `${title}${particle}`)]),
]);
const maxSuffix = Math.max(...[...suffixes].map((suffix) => suffix.length));
/**
 * After a phrase of one two-syllable word (`김강`, `이강`), only these endings: a one-syllable ending
 * such as 은, 도 or 인 would as often make a three-syllable name (`이강은`, `김강도`) as a particle.
 */
const safeAfterShort: ReadonlySet<string> = new Set(
  [...suffixes].filter(
    (suffix) => suffix.length > 1 || ['의', '가', '를', '와', '과', '씨', '님', '측'].includes(suffix),
  ),
);

export interface Stem {
  stem: string;
  suffix: string;
}

/** A word as it stands, and, for a Hangul word, each shorter word it is followed by a particle after. */
export function stemsOf(folded: string): Stem[] {
  const stems: Stem[] = [{ stem: folded, suffix: '' }];
  const last = folded.charCodeAt(folded.length - 1);
  if (last < 0xac00 || last > 0xd7a3) return stems;
  for (let length = 1; length <= maxSuffix && length < folded.length; length++) {
    const suffix = folded.slice(folded.length - length);
    if (suffixes.has(suffix)) stems.push({ stem: folded.slice(0, folded.length - length), suffix });
  }
  return stems;
}

/** A phrase as the index keeps it, with what it stands for. */
export interface Phrase<T> {
  /** The phrase's folded words. */
  words: readonly string[];
  target: T;
  /** Whether a match may run across punctuation (a comma in a title); names may not. */
  acrossBreaks: boolean;
}

export interface PhraseMatch<T> {
  /** First and last word of the match in the text. */
  start: number;
  end: number;
  target: T;
}

export interface PhraseIndex<T> {
  /** Every phrase found in the text, in no particular order; overlapping matches included. */
  scan(tokens: Tokens): PhraseMatch<T>[];
}

interface Entry<T> {
  target: T;
  acrossBreaks: boolean;
  /** The phrase is one Hangul word of two syllables (`김강`): only the safer endings follow it. */
  short: boolean;
}

function addTo<T>(map: Map<string, Entry<T>[]>, key: string, entry: Entry<T>): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else if (!list.some((known) => known.target === entry.target)) list.push(entry);
}

/** What `openings` holds: a word's first two characters, up to its first space. */
function opening(text: string): string {
  const pair = text.slice(0, 2);
  return pair.endsWith(' ') ? pair.slice(0, 1) : pair;
}

function prefixesOf(key: string, into: Set<string>): void {
  for (let i = 1; i <= key.length; i++) into.add(key.slice(0, i));
}

/**
 * Romanised phrases are kept run together (`josonggir`), with every prefix, so the text may split
 * them anywhere; Hangul ones word by word (`장성택 측근`), and run together too when four
 * syllables or longer (`공포 정치` = `공포정치`), where a split is only a matter of spacing.
 */
export function createPhraseIndex<T>(phrases: Iterable<Phrase<T>>): PhraseIndex<T> {
  const latin = new Map<string, Entry<T>[]>();
  const latinPrefixes = new Set<string>();
  const spaced = new Map<string, Entry<T>[]>();
  const spacedPrefixes = new Set<string>();
  const unspaced = new Map<string, Entry<T>[]>();
  const unspacedPrefixes = new Set<string>();

  for (const { words, target, acrossBreaks } of phrases) {
    if (words.length === 0) continue;
    const tail = words[words.length - 1] ?? '';
    const entry: Entry<T> = {
      target,
      acrossBreaks,
      short: words.length === 1 && isHangulWord(tail) && tail.length <= 2,
    };
    if (words.every(isLatin)) {
      // The parts joined, and the whole folded at once: a run-together spelling is folded whole.
      for (const key of new Set([joinWords(words), foldWord(words.join(''))])) {
        addTo(latin, key, entry);
        prefixesOf(key, latinPrefixes);
      }
      continue;
    }
    const key = words.join(' ');
    addTo(spaced, key, entry);
    for (let i = 1; i <= words.length; i++) spacedPrefixes.add(words.slice(0, i).join(' '));
    const together = words.join('');
    if (together.length >= 4) {
      addTo(unspaced, together, entry);
      prefixesOf(together, unspacedPrefixes);
    }
  }

  /**
   * The first two characters of every Hangul or mixed phrase (its first word's, when that is
   * shorter): a word of the text that starts with none of them starts no phrase, particles or not.
   */
  const openings = new Set([...spacedPrefixes, ...unspacedPrefixes].map((prefix) => opening(prefix)));

  function scan(tokens: Tokens): PhraseMatch<T>[] {
    const { words, gaps, latin: isRomanised } = tokens;
    const n = words.length;
    const found: PhraseMatch<T>[] = [];
    const stemList: (Stem[] | undefined)[] = new Array(n);
    const stems = (at: number): Stem[] => {
      let known = stemList[at];
      if (known === undefined) {
        known = stemsOf(words[at] ?? '');
        stemList[at] = known;
      }
      return known;
    };
    /** A match must not be glued by a hyphen to the word before or after it (`Kim Kang-il`). */
    const wholeWords = (start: number, end: number) =>
      gaps[start] !== Gap.hyphen && (end + 1 >= n || gaps[end + 1] !== Gap.hyphen);
    const take = (
      entries: readonly Entry<T>[] | undefined,
      start: number,
      end: number,
      crossed: boolean,
      suffix = '',
    ) => {
      if (entries === undefined || !wholeWords(start, end)) return;
      for (const entry of entries) {
        if (crossed && !entry.acrossBreaks) continue;
        if (suffix !== '' && entry.short && !safeAfterShort.has(suffix)) continue;
        found.push({ start, end, target: entry.target });
      }
    };

    for (let start = 0; start < n; start++) {
      const first = words[start] ?? '';
      // Romanised: the words run together, however the text splits them. Folded words hold no
      // doubled vowel, so running two together can only double one where they meet (`joinWords`).
      if (isRomanised[start] && latinPrefixes.has(first)) {
        let joined = '';
        let crossed = false;
        for (let end = start; end < n && isRomanised[end]; end++) {
          const current = words[end] ?? '';
          if (end > start && gaps[end] === Gap.break) crossed = true;
          joined =
            end === start
              ? current
              : joined +
                (joined.endsWith(current.charAt(0)) && vowels.has(current.charAt(0))
                  ? current.slice(1)
                  : current);
          if (!latinPrefixes.has(joined)) break;
          take(latin.get(joined), start, end, crossed);
        }
      }
      // Hangul and mixed: word by word, or run together; the last word may carry a particle.
      if (!openings.has(opening(first))) continue;
      if (isRomanised[start] && !spacedPrefixes.has(first) && !unspacedPrefixes.has(first)) continue;
      let withSpaces = '';
      let together = '';
      let crossed = false;
      for (let end = start; end < n; end++) {
        const current = words[end] ?? '';
        if (end > start && gaps[end] === Gap.break) crossed = true;
        for (const { stem, suffix } of stems(end)) {
          take(spaced.get(end === start ? stem : `${withSpaces} ${stem}`), start, end, crossed, suffix);
          take(unspaced.get(together + stem), start, end, crossed, suffix);
        }
        withSpaces = end === start ? current : `${withSpaces} ${current}`;
        together += current;
        if (!spacedPrefixes.has(withSpaces) && !unspacedPrefixes.has(together)) break;
      }
    }
    return found;
  }

  return { scan };
}
