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
    // Lower-cased already: a romanised word is ASCII letters and digits only.
    let romanised = code < 0x80;
    i += width;
    while (i < cleaned.length) {
      const next = cleaned.charCodeAt(i);
      if (!wordCode(next, cleaned, i)) break;
      if (next >= 0x80) romanised = false;
      i += next >= 0xd800 && next <= 0xdbff ? 2 : 1;
    }
    const found = cleaned.slice(start, i);
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
const particles = `
  이 가 은 는 을 를 의 에 도 만 와 과 로 으로 에게 에게서 에게는 에게도 에게만 한테 한테서 한테는 께 께서 께서는 와의 과의 와는 과는 와도
  과도 로서 으로서 로부터 으로부터 에서 에서는 에서도 에서의 에는 에도 에의 부터 까지 까지도 처럼 같이 보다 보다는 보다도 이나 나 이랑 랑 하고
  조차 마저 뿐 밖에 이다 다 였다 이었다 이며 며 이고 이라는 라는 이라고 라고 이란 란 이야 입니다 이에요 예요 이었던 였던 이던 던`
  .trim()
  .split(/\s+/);
const titles = ['씨', '님', '측'];
const suffixes: ReadonlySet<string> = new Set([
  ...particles,
  ...titles.flatMap((title) => [title, ...particles.map((particle) => `${title}${particle}`)]),
]);
/**
 * After a phrase of one two-syllable word (`김강`, `이강`), only these endings: a one-syllable ending
 * such as 은, 도 or 인 would as often make a three-syllable name (`이강은`, `김강도`) as a particle.
 */
const safeAfterShort: ReadonlySet<string> = new Set(
  [...suffixes].filter(
    (suffix) => suffix.length > 1 || ['의', '가', '를', '와', '과', '씨', '님', '측'].includes(suffix),
  ),
);

/** The endings read backwards, letter by letter, so a word's ending is found without cutting it up. */
interface EndingNode {
  next: Map<number, EndingNode>;
  /** The ending that ends here, read forwards. */
  ending?: string;
}
const endings: EndingNode = { next: new Map() };
for (const suffix of suffixes) {
  let node = endings;
  for (let i = suffix.length - 1; i >= 0; i--) {
    const code = suffix.charCodeAt(i);
    let child = node.next.get(code);
    if (child === undefined) {
      child = { next: new Map() };
      node.next.set(code, child);
    }
    node = child;
  }
  node.ending = suffix;
}

/**
 * The stems of a word: the word as it stands, and, for a Hangul word, each shorter word it is
 * followed by an ending after (`태영호에게` gives `태영호에게`, `태영호`). Written into the given
 * arrays (reused, so a scan allocates nothing for the many words with no ending); returns how many.
 */
function collectStems(word: string, stems: string[], suffixesOut: string[]): number {
  stems[0] = word;
  suffixesOut[0] = '';
  let count = 1;
  let node: EndingNode | undefined = endings;
  for (let cut = 1; cut < word.length && node !== undefined; cut++) {
    const code = word.charCodeAt(word.length - cut);
    if (code < 0xac00 || code > 0xd7a3) break;
    node = node.next.get(code);
    if (node?.ending !== undefined) {
      stems[count] = word.slice(0, word.length - cut);
      suffixesOut[count] = node.ending;
      count++;
    }
  }
  return count;
}

export interface Stem {
  stem: string;
  suffix: string;
}

/** A word as it stands, and, for a Hangul word, each shorter word it is followed by a particle after. */
export function stemsOf(word: string): Stem[] {
  const stems: string[] = [];
  const endingsFound: string[] = [];
  const count = collectStems(word, stems, endingsFound);
  return stems.slice(0, count).map((stem, i) => ({ stem, suffix: endingsFound[i] ?? '' }));
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

/** Hangul phrases this long (in letters, spaces aside) are found run together as well. */
const MIN_RUN_TOGETHER = 4;

/**
 * A letter-by-letter trie: the phrases that end at a node, and the letters that go on. Most nodes
 * lie on one phrase's path and have one letter after them: it is kept inline (`letter`, `only`),
 * and a Map only where phrases part. A Map at every node made the message command's tries over
 * 3 MB; every node has all four fields, so V8 sees one shape.
 */
interface LetterNode<T> {
  /** The one letter that goes on, or -1. */
  letter: number;
  only: LetterNode<T> | undefined;
  /** The letters that go on, where there are several. */
  next: Map<number, LetterNode<T>> | undefined;
  entries: Entry<T>[] | undefined;
}

function letterNode<T>(): LetterNode<T> {
  return { letter: -1, only: undefined, next: undefined, entries: undefined };
}

function childOf<T>(node: LetterNode<T>, letter: number): LetterNode<T> | undefined {
  return node.letter === letter ? node.only : node.next?.get(letter);
}

/** A word-by-word trie, for Hangul phrases as written (`장성택` → `측근`). */
interface WordNode<T> {
  next?: Map<string, WordNode<T>>;
  entries?: Entry<T>[];
}

function addEntry<T>(node: { entries?: Entry<T>[] }, entry: Entry<T>): void {
  node.entries ??= [];
  if (!node.entries.some((known) => known.target === entry.target)) node.entries.push(entry);
}

function addLetters<T>(root: LetterNode<T>, key: string, entry: Entry<T>): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    let child = childOf(node, code);
    if (child === undefined) {
      child = letterNode<T>();
      if (node.only === undefined && node.next === undefined) {
        node.letter = code;
        node.only = child;
      } else {
        node.next ??= new Map();
        node.next.set(code, child);
      }
    }
    node = child;
  }
  addEntry(node, entry);
}

function addWords<T>(root: Map<string, WordNode<T>>, words: readonly string[], entry: Entry<T>): void {
  let level = root;
  words.forEach((word, i) => {
    let node = level.get(word);
    if (node === undefined) {
      node = {};
      level.set(word, node);
    }
    if (i === words.length - 1) addEntry(node, entry);
    else {
      node.next ??= new Map();
      level = node.next;
    }
  });
}

const isVowel = (code: number) =>
  code === 0x61 || code === 0x65 || code === 0x69 || code === 0x6f || code === 0x75 || code === 0x79;

/**
 * Romanised phrases are kept run together (`josonggir`), letter by letter, so the text may split
 * them anywhere; Hangul ones word by word (`장성택 측근`), and run together too when four
 * syllables or longer (`공포 정치` = `공포정치`), where a split is only a matter of spacing. A scan
 * walks these tries with the words of the text, so it builds no strings to look up.
 */
export function createPhraseIndex<T>(phrases: Iterable<Phrase<T>>): PhraseIndex<T> {
  const latin = letterNode<T>();
  const hangulWords = new Map<string, WordNode<T>>();
  const hangulTogether = letterNode<T>();
  /** The first two letters of each Hangul phrase's first word (-1: a one-letter word), to skip words quickly. */
  const openings = new Map<number, Set<number>>();
  const opens = (word: string) => {
    const seconds = openings.get(word.charCodeAt(0));
    return seconds?.has(word.length > 1 ? word.charCodeAt(1) : -1) === true;
  };
  const addOpening = (word: string) => {
    const seconds = openings.get(word.charCodeAt(0)) ?? new Set<number>();
    seconds.add(word.length > 1 ? word.charCodeAt(1) : -1);
    openings.set(word.charCodeAt(0), seconds);
  };

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
      for (const key of new Set([joinWords(words), foldWord(words.join(''))])) addLetters(latin, key, entry);
      continue;
    }
    addWords(hangulWords, words, entry);
    addOpening(words[0] ?? '');
    const together = words.join('');
    if (together.length >= MIN_RUN_TOGETHER) {
      addLetters(hangulTogether, together, entry);
      // A run-together form may be split anywhere in the text: any two-letter start opens it.
      for (let i = 1; i < together.length; i++) addOpening(together.slice(0, i + 1));
    }
  }

  function scan(tokens: Tokens): PhraseMatch<T>[] {
    const { words, gaps, latin: isRomanised } = tokens;
    const n = words.length;
    const found: PhraseMatch<T>[] = [];
    const stems: string[] = [];
    const stemEndings: string[] = [];
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
      if (isRomanised[start]) {
        let node: LetterNode<T> | undefined = latin;
        let crossed = false;
        let last = -1;
        for (let end = start; end < n && isRomanised[end] && node !== undefined; end++) {
          const current = words[end] ?? '';
          if (end > start && gaps[end] === Gap.break) crossed = true;
          const from = end > start && current.charCodeAt(0) === last && isVowel(last) ? 1 : 0;
          for (let c = from; c < current.length && node !== undefined; c++) {
            node = childOf(node, current.charCodeAt(c));
          }
          if (node === undefined) break;
          last = current.charCodeAt(current.length - 1);
          take(node.entries, start, end, crossed);
        }
      }
      // Hangul and mixed: word by word, or run together; the last word may carry a particle.
      if (!opens(first)) continue;
      let level: Map<string, WordNode<T>> | undefined = hangulWords;
      // A run-together form starts with a word of two letters or more: `이 강` is not `이강`.
      let letters: LetterNode<T> | undefined = first.length >= 2 ? hangulTogether : undefined;
      let crossed = false;
      for (let end = start; end < n && (level !== undefined || letters !== undefined); end++) {
        const current = words[end] ?? '';
        if (end > start && gaps[end] === Gap.break) crossed = true;
        const count = collectStems(current, stems, stemEndings);
        if (level !== undefined) {
          for (let k = 0; k < count; k++) {
            take(level.get(stems[k] ?? '')?.entries, start, end, crossed, stemEndings[k]);
          }
          level = level.get(current)?.next;
        }
        if (letters !== undefined) {
          // Walk the word's letters; wherever a phrase ends, what is left must be an ending.
          for (let c = 0; c < current.length && letters !== undefined; c++) {
            letters = childOf(letters, current.charCodeAt(c));
            // One word may be a phrase run together (`장성택측근`); one-word phrases are found twice, harmlessly.
            if (letters?.entries === undefined) continue;
            for (let k = 0; k < count; k++) {
              if ((stems[k] ?? '').length === c + 1)
                take(letters.entries, start, end, crossed, stemEndings[k]);
            }
          }
        }
      }
    }
    return found;
  }

  return { scan };
}
