import type { AnyRecord, RecordKind } from '../knowledge/kinds.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { LocalText } from '../knowledge/schema.ts';
import { foldWord, isHangulWord, normaliseWords } from './normalise.ts';
import {
  createPhraseIndex,
  Gap,
  isLatin,
  type Phrase,
  type PhraseMatch,
  stemsOf,
  tokenize,
} from './phrases.ts';

/**
 * Who and what a message mentions: the people, motives, regime responses and events of the
 * knowledge named in a piece of free text (a Discord message). Built once from the knowledge.
 *
 * The rules, so that a reader can trust every hit:
 * - A person is found by a whole name: the romanised name or an alias of two words or more,
 *   however it is spelled, split or run together (`Thae Yong-ho`, `Tae Yong Ho`, `Taeyongho`,
 *   `Thae Yong-ho's`), or a Hangul name, with any particle (`태영호`, `태영호가`, `태영호에게`). A
 *   surname alone (`Kim`, `Jang`, `Ri`) never is, nor a one-word alias (`Emil`), nor a place (`Rome`).
 * - The one exception: a rare surname that one person in the data bears and nobody else's name
 *   contains (`Thae`), alone (`Thae's`) or in Hangul before a title (`태 전 공사`), where it does not
 *   start someone else's full name (`Thae Yong-chol`).
 * - A motive or response by its name in either language, or by a keyword that is safe: held by
 *   that record alone, naming no person or place, seldom used elsewhere in the data, and long:
 *   several words (`liberal democracy`, `Arduous March`, `상호 감시`), or for a motive one long word
 *   of its own name (`disillusioned`, `humiliation`). Never `Kim Jong-un`, `United States`,
 *   `party officials`, `border`.
 * - An event by its whole title, when the title is distinctive: three words or more (two Hangul
 *   words of five syllables or more), held by no other event.
 */

export type Mention = AnyRecord;

export interface MentionFinder {
  /** The records the text mentions: people first, then motives, responses and events, each in order of first mention. */
  find(text: string): Mention[];
}

/** Texts longer than this are read only this far: a Discord message with its embeds is shorter. */
const MAX_MENTION_TEXT = 12_000;

/** The words of a list written as text, one or more a line. */
const wordList = (text: string): string[] => text.trim().split(/\s+/);

/**
 * Common Korean surnames, romanised and in Hangul. Rare surnames may stand for a person alone;
 * these never do, even where the data holds only one person of that name, because text about
 * North Korea is full of other people who bear them. Several are also words (`Song`, `Kang`, 한, 현).
 */
const commonSurnames: ReadonlySet<string> = new Set([
  ...wordList(`
    kim lee yi ri rhee li park pak bak choi choe jung jeong chung chong kang gang cho jo yoon yun
    jang chang lim im rim han oh seo suh so shin sin kwon hwang ahn an song ryu yu yoo jeon jon
    chon hong ko koh go moon mun yang son sohn bae pae baek paek heo ho hur nam sim shim noh no
    roh ha kwak sung seong cha joo ju chu woo wu min na ra jin chin ji eom um won chae cheon chun
    bang pang kong gong hyun hyon hyeon byun pyon ham yeom yeo do to seok sok seol sul ma gil kil
    yeon wi pyo myung myong ki gi ban pan wang geum kum ok yuk maeng je mo tak kuk guk`),
  ...'김이리박최정강조윤장임림한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지',
  ...'엄원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복',
]);
/** A rare surname alone must be at least this long (romanised), so no short word is taken for one. */
const MIN_SURNAME_LETTERS = 4;
/** Words after a Hangul surname that make it a person: `태 전 공사`, `태 공사`, `태 의원`. */
const titlesAfterSurname: ReadonlySet<string> = new Set([
  ...['전', '前', '공사', '의원', '대사', '대사대리', '씨', '서기관', '참사관', '위원', '처장', '사무처장'],
  ...['원장', '장관', '보좌관', '대좌', '대령', '상좌', '부사장', '선생', '교수', '박사', '대표'],
]);

/** A romanised keyword of several words needs this many letters... */
const MIN_PHRASE_LETTERS = 12;
/** ... one word this long (`liberal democracy`, not `where they went`)... */
const MIN_LONG_WORD = 7;
/** ... and one word that is not everyday vocabulary (`party officials`, `state media` are). */
const everydayWords = wordList(`
  the a an of to in on for and or no not by with at from as is was be it he she his her they them
  their we you this that where when what who went go sent back hand each other every day days time
  times three one two new old official officials officer officers security service services agent
  agents party state media response responses relations inter korean korea north south united states
  trade mission missions overseas staff worker workers employees resident political education phone
  mobile records report reports family people government border
  북한 한국 남한 북 남 김정은 체제 해외 파견 가족 소환 평양 당 간부 정부 국경 외교관 망명 탈북 미국 중국 북중`);
/** A one-word keyword must be a word of its record's own name (`humiliated`: Humiliation by a superior)... */
const SAME_STEM = 6;
/** ... and this long: romanised letters, or Hangul syllables. */
const MIN_WORD_LETTERS = 8;
const MIN_WORD_SYLLABLES = 3;
/** A Hangul keyword of several words needs this many syllables (`상호 감시`; not `눈 밖`). */
const MIN_HANGUL_SYLLABLES = 4;
/** A keyword found in the texts of more other records than this is the data's everyday vocabulary (one word: than this). */
const MAX_OTHER_RECORDS = 2;
const MAX_OTHER_RECORDS_ONE_WORD = 1;
/** An event title needs this many words (Hangul: two words and five syllables). */
const MIN_TITLE_WORDS = 3;
const MIN_TITLE_SYLLABLES = 5;
/** `Kim Jong-un`, `Jang Song-thaek`: a keyword shaped like a Korean name names a person. */
const koreanName = /^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$/;

interface Target {
  kind: RecordKind;
  index: number;
}

function phraseOf(value: string, target: Target, acrossBreaks: boolean): Phrase<Target> {
  const tokens = tokenize(value);
  // A name written with punctuation in it (`Unnamed ... (2016)`) may be matched across it.
  return {
    words: tokens.words,
    target,
    acrossBreaks: acrossBreaks || tokens.gaps.slice(1).includes(Gap.break),
  };
}

const both = (text: LocalText | undefined): string[] => (text ? [text.en, text.ko] : []);
const syllables = (words: readonly string[]) => words.filter(isHangulWord).join('').length;

/** The key a phrase is told apart by: its words, run together where romanised. */
function keyOf(words: readonly string[]): string {
  return words.every(isLatin) ? words.join('') : words.join(' ');
}

export function createMentionFinder(knowledge: Knowledge): MentionFinder {
  const { people, motives, responses, events } = knowledge;
  const records: Record<RecordKind, readonly unknown[]> = {
    person: people,
    motive: motives,
    response: responses,
    event: events,
  };
  const personPhrases = peoplesNames(knowledge);
  const index = createPhraseIndex<Target>([
    ...personPhrases,
    ...topicNames(knowledge),
    ...safeKeywords(knowledge, new Set(personPhrases.map(({ words }) => keyOf(words)))),
    ...distinctiveTitles(knowledge),
  ]);
  const surnames = rareSurnames(knowledge);
  const order: Record<RecordKind, number> = { person: 0, motive: 1, response: 2, event: 3 };

  function find(text: string): Mention[] {
    const tokens = tokenize(typeof text === 'string' ? text.slice(0, MAX_MENTION_TEXT) : '');
    const matches = index.scan(tokens);
    matches.push(...surnames.scan(tokens));
    const people = longestFirst(matches.filter((match) => match.target.kind === 'person'));
    const topics = matches.filter((match) => match.target.kind !== 'person');
    const first = new Map<string, { target: Target; start: number }>();
    for (const { target, start } of [...people, ...topics]) {
      const key = `${target.kind}:${target.index}`;
      const known = first.get(key);
      if (known === undefined || start < known.start) first.set(key, { target, start });
    }
    return [...first.values()]
      .sort((a, b) => order[a.target.kind] - order[b.target.kind] || a.start - b.start)
      .map(({ target }) => ({ kind: target.kind, record: records[target.kind][target.index] }) as Mention);
  }

  return { find };
}

/** Every whole name of every person; romanised ones of two words or more. */
function peoplesNames(knowledge: Knowledge): Phrase<Target>[] {
  return knowledge.people.flatMap((person, index) =>
    [person.name, ...person.aliases, person.hangul ?? '', ...both(person.unnamed)]
      .filter((value) => value !== '')
      .map((value) => phraseOf(value, { kind: 'person', index }, false))
      .filter(({ words }) => (words.every(isLatin) ? words.length >= 2 : words.join('').length >= 2)),
  );
}

/** The names of motives and responses, in both languages. */
function topicNames(knowledge: Knowledge): Phrase<Target>[] {
  return [
    ...knowledge.motives.flatMap((motive, index) =>
      both(motive.name).map((value) => phraseOf(value, { kind: 'motive', index }, true)),
    ),
    ...knowledge.responses.flatMap((response, index) =>
      both(response.name).map((value) => phraseOf(value, { kind: 'response', index }, true)),
    ),
  ];
}

/** Event titles that could name nothing else: long enough, and no other event's. */
function distinctiveTitles(knowledge: Knowledge): Phrase<Target>[] {
  const titles = knowledge.events
    .flatMap((event, index) =>
      both(event.title).map((value) => phraseOf(value, { kind: 'event', index }, true)),
    )
    .filter(({ words }) =>
      words.every(isLatin)
        ? words.length >= MIN_TITLE_WORDS
        : words.length >= 2 && syllables(words) >= MIN_TITLE_SYLLABLES,
    );
  const events = new Map<string, Set<number>>();
  for (const { words, target } of titles) {
    events.set(keyOf(words), (events.get(keyOf(words)) ?? new Set()).add(target.index));
  }
  return titles.filter(({ words }) => events.get(keyOf(words))?.size === 1);
}

/**
 * The keywords of motives and responses that are safe to find in free text (see the rules above).
 * `personKeys` are the people's names, which no keyword may claim.
 */
function safeKeywords(knowledge: Knowledge, personKeys: ReadonlySet<string>): Phrase<Target>[] {
  const placeKeys = new Set(
    knowledge.places
      .flatMap((place) => [...both(place.name), ...place.aliases])
      .map((value) => keyOf(tokenize(value).words)),
  );
  const everyday = new Set(everydayWords.map(foldWord));
  const candidates: (Phrase<Target> & { raw: readonly string[]; own: ReadonlySet<string> })[] = [];
  for (const kind of ['motive', 'response'] as const) {
    const list = kind === 'motive' ? knowledge.motives : knowledge.responses;
    list.forEach((record, index) => {
      // The words of the record's own name: a one-word keyword must be one of them (`humiliated`, 환멸).
      const own = new Set([
        ...tokenize(record.name.en).words.map((word) => word.slice(0, SAME_STEM)),
        ...tokenize(record.name.ko).words.flatMap((word) => stemsOf(word).map(({ stem }) => stem)),
      ]);
      for (const value of record.keywords) {
        if (koreanName.test(value)) continue;
        // Lengths are counted as written (`Arduous March`), not as folded (`ardos marj`).
        candidates.push({ ...phraseOf(value, { kind, index }, true), raw: tokenize(value).raw, own });
      }
    });
  }
  // `Jang Song-thaek` names a person, and so does `Jang Song Thaek`.
  const namesOfPeople = new Set(
    knowledge.motives
      .flatMap((motive) => motive.keywords)
      .concat(knowledge.responses.flatMap((response) => response.keywords))
      .filter((value) => koreanName.test(value))
      .map((value) => keyOf(tokenize(value).words)),
  );
  const holders = new Map<string, Set<string>>();
  for (const { words, target } of candidates) {
    const key = keyOf(words);
    holders.set(key, (holders.get(key) ?? new Set()).add(`${target.kind}:${target.index}`));
  }
  const long = candidates.filter(({ words, raw, own, target }) => {
    const key = keyOf(words);
    if (holders.get(key)?.size !== 1 || personKeys.has(key) || placeKeys.has(key) || namesOfPeople.has(key)) {
      return false;
    }
    const romanised = words.every(isLatin);
    if (words.length === 1) {
      // A motive is an idea its name's words name (`humiliated`); a response is an occurrence, whose
      // name's words are its participants (`commanders`, `interpreter`), named everywhere else too.
      if (target.kind !== 'motive') return false;
      const word = words[0] ?? '';
      return romanised
        ? (raw[0] ?? '').length >= MIN_WORD_LETTERS && own.has(word.slice(0, SAME_STEM))
        : word.length >= MIN_WORD_SYLLABLES && own.has(word);
    }
    if (words.every((word) => everyday.has(word))) return false;
    return romanised
      ? raw.join('').length >= MIN_PHRASE_LETTERS && raw.some((word) => word.length >= MIN_LONG_WORD)
      : syllables(words) >= MIN_HANGUL_SYLLABLES;
  });
  return rarelyUsedElsewhere(knowledge, long);
}
/** Of overlapping person matches, the longest (then the first): `Kim Jong-ryul` is not also `Kim`. */
function longestFirst(matches: PhraseMatch<Target>[]): PhraseMatch<Target>[] {
  const sorted = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: PhraseMatch<Target>[] = [];
  for (const match of sorted) {
    if (taken.every((other) => match.end < other.start || match.start > other.end)) taken.push(match);
  }
  return taken;
}

/**
 * The keywords the rest of the data seldom uses: a keyword found in the summaries, facts and
 * titles of more than `MAX_OTHER_RECORDS` other records is how the data talks about everything
 * (`state media`, `United States`), not a sign of its own record.
 */
function rarelyUsedElsewhere<P extends Phrase<Target> & { raw: readonly string[] }>(
  knowledge: Knowledge,
  phrases: P[],
): P[] {
  const texts: [string, string[]][] = [
    ...knowledge.people.map((p): [string, string[]] => [
      `person:${p.id}`,
      [...both(p.summary.value), ...both(p.post.value), ...(p.aftermath ?? []).flatMap((f) => both(f.value))],
    ]),
    ...knowledge.motives.map((m, i): [string, string[]] => [
      `motive:${i}`,
      [...both(m.summary.value), ...m.evidence.flatMap((f) => both(f.value))],
    ]),
    ...knowledge.responses.map((r, i): [string, string[]] => [
      `response:${i}`,
      [...both(r.summary.value), ...both(r.trigger.text.value), ...r.measures.flatMap((f) => both(f.value))],
    ]),
    ...knowledge.events.map((e): [string, string[]] => [
      `event:${e.id}`,
      [...both(e.title), ...both(e.detail.value)],
    ]),
  ];
  // Every record's text as its normalised words between spaces, in one string: a phrase is found
  // by plain string search, which for counting records is as good as the scanner and much cheaper.
  const starts: number[] = [];
  let corpus = '';
  for (const [, values] of texts) {
    starts.push(corpus.length);
    corpus += ` ${values.map((value) => normaliseWords(value).join(' ')).join(' ')} \n`;
  }
  const recordAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return phrases.filter((phrase) => {
    const own = `${phrase.target.kind}:${phrase.target.index}`;
    const last = phrase.raw[phrase.raw.length - 1] ?? '';
    // A Hangul phrase may be followed by a particle in the same word.
    const needle = ` ${phrase.raw.join(' ')}${isHangulWord(last) ? '' : ' '}`;
    const others = new Set<number>();
    for (let at = corpus.indexOf(needle); at >= 0; at = corpus.indexOf(needle, at + 1)) {
      const record = recordAt(at);
      if (texts[record]?.[0] !== own) others.add(record);
    }
    return others.size <= (phrase.words.length > 1 ? MAX_OTHER_RECORDS : MAX_OTHER_RECORDS_ONE_WORD);
  });
}

interface SurnameScanner {
  scan(tokens: ReturnType<typeof tokenize>): PhraseMatch<Target>[];
}

/**
 * Rare surnames that stand for one person alone: borne (romanised, as spelled, or as the first
 * Hangul syllable) by one person of the data only, not among the common surnames, and for a
 * romanised one at least four letters long. `Thae` and `태` qualify; `Kim`, `Jo` and `Han` do not.
 */
function rareSurnames(knowledge: Knowledge): SurnameScanner {
  /** Who bears each romanised word (any word of any name: `Tae` is in `Yun Tae-hyong` too), and each first Hangul syllable. */
  const romanised = new Map<string, Set<number>>();
  const hangul = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, key: string, person: number) =>
    map.set(key, (map.get(key) ?? new Set()).add(person));
  knowledge.people.forEach((person, index) => {
    for (const value of [person.name, ...person.aliases, person.hangul ?? '']) {
      const { raw } = tokenize(value);
      for (const word of raw) if (isLatin(word)) add(romanised, word, index);
      const first = raw[0] ?? '';
      if (!person.unnamed && isHangulWord(first) && first.length >= 2) add(hangul, first.slice(0, 1), index);
    }
  });
  // Candidates are the surnames of the names as the data gives them (`Thae Yong-ho`), not of aliases (`Kenneth Rowe`).
  const alone = new Map<string, number>();
  knowledge.people.forEach((person, index) => {
    const surname = tokenize(person.name).raw[0] ?? '';
    if (person.unnamed || person.hangul === null || surname.length < MIN_SURNAME_LETTERS) return;
    if (commonSurnames.has(surname) || romanised.get(surname)?.size !== 1) return;
    alone.set(surname, index);
  });
  const beforeTitle = new Map<string, number>();
  for (const [syllable, holders] of hangul) {
    if (holders.size === 1 && !commonSurnames.has(syllable))
      beforeTitle.set(syllable, [...holders][0] as number);
  }

  return {
    scan({ raw, gaps }) {
      const found: PhraseMatch<Target>[] = [];
      for (let i = 0; i < raw.length; i++) {
        const word = raw[i] ?? '';
        // Most words are neither: their length says so without a look-up.
        if (word.length > 1 && word.length < MIN_SURNAME_LETTERS) continue;
        const romanisedPerson = word.length === 1 ? undefined : alone.get(word);
        // Not glued to a neighbour (`Thae-hyun`), and not the start of another full name (`Thae Yong-chol`).
        if (
          romanisedPerson !== undefined &&
          gaps[i] !== Gap.hyphen &&
          gaps[i + 1] !== Gap.hyphen &&
          !(gaps[i + 1] === Gap.space && gaps[i + 2] === Gap.hyphen)
        ) {
          found.push({ start: i, end: i, target: { kind: 'person', index: romanisedPerson } });
        }
        const hangulPerson = word.length === 1 ? beforeTitle.get(word) : undefined;
        const next = raw[i + 1];
        if (
          hangulPerson !== undefined &&
          next !== undefined &&
          gaps[i + 1] === Gap.space &&
          stemsOf(next).some(({ stem }) => titlesAfterSurname.has(stem))
        ) {
          found.push({ start: i, end: i, target: { kind: 'person', index: hangulPerson } });
        }
      }
      return found;
    },
  };
}
