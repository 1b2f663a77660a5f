import type { RecordKind } from '../../src/knowledge/kinds.ts';

/**
 * Queries with the answers a person would expect, against the shipped data. `first` lists the ids
 * the first hits must be, in any order (two ids: the first two hits); `top5` lists ids that must
 * also be somewhere in the first five. Shared by the quality test and the benchmark (which scores
 * the person rows against synthetic corpora).
 */
export interface QualityCase {
  kind: RecordKind;
  query: string;
  first: readonly string[];
  top5?: readonly string[];
  /** What the case exercises. */
  about: string;
}

export const qualityTable: readonly QualityCase[] = [
  // Short and ambiguous: prominence breaks the tie.
  { kind: 'person', query: 'jo', first: ['jo-song-gil'], about: 'short surname' },
  { kind: 'person', query: 'thae', first: ['thae-yong-ho'], about: 'surname' },
  {
    kind: 'person',
    query: 'jang',
    first: ['jang-jin-sung'],
    top5: ['jang-sung-gil', 'jang-sung-ho'],
    about: 'shared surname: the best known first, both brothers close behind',
  },
  { kind: 'person', query: 'hw', first: ['hwang-jang-yop'], about: 'two letters' },
  // Run-together, hyphens and spaces.
  { kind: 'person', query: 'taeyongho', first: ['thae-yong-ho'], about: 'run together' },
  { kind: 'person', query: 'song-gil', first: ['jo-song-gil'], about: 'given name, hyphen' },
  { kind: 'person', query: 'songgil', first: ['jo-song-gil'], about: 'given name run together' },
  { kind: 'person', query: 'song gil', first: ['jo-song-gil'], about: 'given name, space' },
  { kind: 'person', query: 'yong-ho thae', first: ['thae-yong-ho'], about: 'reversed order' },
  { kind: 'person', query: 'sung-ho jang', first: ['jang-sung-ho'], about: 'reversed order' },
  // Romanisation variants.
  { kind: 'person', query: 'cho sung-gil', first: ['jo-song-gil'], about: 'ch/j, u/o' },
  { kind: 'person', query: 'tae young ho', first: ['thae-yong-ho'], about: 'th/t, young/yong' },
  { kind: 'person', query: 'go yonghwan', first: ['ko-young-hwan'], about: 'k/g, run together' },
  { kind: 'person', query: 'hyeon seong il', first: ['hyon-song-il'], about: 'eo/o' },
  { kind: 'person', query: 'choe su bong', first: ['choi-soo-bong'], about: 'oe/oi, u/oo' },
  { kind: 'person', query: 'chang seung gil', first: ['jang-sung-gil'], about: 'ch/j, eu/u' },
  { kind: 'person', query: 'hwang jang yeop', first: ['hwang-jang-yop'], about: 'yeo/yo' },
  { kind: 'person', query: 'lee il kyu', first: ['ri-il-gyu'], about: 'lee/ri, k/g' },
  { kind: 'person', query: 'rhee sang jo', first: ['yi-sang-jo'], about: 'unlisted spelling of Lee' },
  // Typos.
  { kind: 'person', query: 'thea yong ho', first: ['thae-yong-ho'], about: 'transposed letters' },
  { kind: 'person', query: 'hwang jang yob', first: ['hwang-jang-yop'], about: 'wrong letter' },
  { kind: 'person', query: 'ryu hyun wo', first: ['ryu-hyun-woo'], about: 'missing letter' },
  { kind: 'person', query: 'hong sun kyng', first: ['hong-sun-kyung'], about: 'missing vowel' },
  { kind: 'person', query: 'jo sonng gil', first: ['jo-song-gil'], about: 'doubled letter' },
  { kind: 'person', query: 'zambai', first: ['hyon-song-il', 'choi-soo-bong'], about: 'place typo' },
  {
    kind: 'person',
    query: 'kim cho-song',
    first: ['kim-chol-song'],
    about: 'missing letter, shared surname',
  },
  { kind: 'person', query: 'kim kyong-pl', first: ['kim-kyong-pil'], about: 'missing vowel, shared surname' },
  { kind: 'person', query: 'yun tae-hong', first: ['yun-tae-hyong'], about: 'missing letter, Thae nearby' },
  // Hangul and initial consonants.
  { kind: 'person', query: '조성길', first: ['jo-song-gil'], about: 'Hangul name' },
  { kind: 'person', query: 'ㅌㅇㅎ', first: ['thae-yong-ho'], about: 'initial consonants' },
  { kind: 'person', query: 'ㅈㅅㄱ', first: ['jo-song-gil', 'jang-sung-gil'], about: 'shared initials' },
  { kind: 'person', query: '태구민', first: ['thae-yong-ho'], about: 'Hangul alias' },
  { kind: 'person', query: '이일규', first: ['ri-il-gyu'], about: 'Hangul alias (South Korean spelling)' },
  { kind: 'person', query: '황장', first: ['hwang-jang-yop'], about: 'Hangul prefix' },
  // Places and posts.
  { kind: 'person', query: 'zambia', first: ['hyon-song-il', 'choi-soo-bong'], about: 'mission country' },
  { kind: 'person', query: 'britain', first: ['thae-yong-ho'], about: 'place synonym' },
  { kind: 'person', query: 'uk', first: ['thae-yong-ho'], about: 'place abbreviation' },
  { kind: 'person', query: 'rome', first: ['jo-song-gil'], about: 'mission city' },
  { kind: 'person', query: 'cairo', first: ['jang-sung-gil'], about: 'mission city' },
  { kind: 'person', query: 'ussr', first: ['yi-sang-jo'], about: 'place abbreviation' },
  { kind: 'person', query: '영국', first: ['thae-yong-ho'], about: 'place in Hangul' },
  { kind: 'person', query: 'trade counsellor', first: ['jang-sung-ho'], about: 'post' },
  {
    kind: 'person',
    query: 'acting ambassador',
    first: ['jo-song-gil'],
    top5: ['ryu-hyun-woo'],
    about: 'post, two words',
  },
  { kind: 'person', query: 'workers party', first: ['hwang-jang-yop'], about: 'post, apostrophe dropped' },
  { kind: 'person', query: 'italy ambassador', first: ['jo-song-gil'], about: 'place and post' },
  // Topic words for motives.
  { kind: 'motive', query: 'salary', first: ['poverty-abroad'], about: 'keyword' },
  { kind: 'motive', query: 'school', first: ['childrens-future'], about: 'keyword' },
  { kind: 'motive', query: 'democracy', first: ['longing-for-democracy'], about: 'keyword' },
  { kind: 'motive', query: 'terror', first: ['reign-of-terror'], about: 'keyword and name' },
  { kind: 'motive', query: 'slapped', first: ['humiliation'], about: 'keyword' },
  { kind: 'motive', query: 'k drama', first: ['outside-exposure'], about: 'keyword with hyphen' },
  { kind: 'motive', query: 'salery', first: ['poverty-abroad'], about: 'keyword typo' },
  { kind: 'motive', query: 'educaton', first: ['childrens-future'], about: 'keyword typo' },
  { kind: 'motive', query: '환멸', first: ['disillusionment-with-regime'], about: 'Hangul keyword' },
  // Topic words for regime responses.
  {
    kind: 'response',
    query: 'border',
    first: ['border-watch-after-thae'],
    top5: ['ideology-education-at-border', 'traders-and-officials-watch'],
    about: 'keyword shared by three',
  },
  {
    kind: 'response',
    query: 'each other',
    first: ['mutual-surveillance-after-kim-jong-nam'],
    about: 'phrase',
  },
  { kind: 'response', query: 'ideology', first: ['ideology-education-at-border'], about: 'keyword' },
  { kind: 'response', query: 'daughter', first: ['jo-daughter-sent-back'], about: 'keyword' },
  {
    kind: 'response',
    query: 'phone records',
    first: ['traders-and-officials-watch'],
    about: 'keyword phrase',
  },
  {
    kind: 'response',
    query: 'kim jong nam',
    first: ['mutual-surveillance-after-kim-jong-nam'],
    about: 'name',
  },
  {
    kind: 'response',
    query: 'overseas workers',
    first: ['more-watchers-for-overseas-workers'],
    about: 'words',
  },
  // Events.
  { kind: 'event', query: 'hwang dies', first: ['hwang-dies'], about: 'title words' },
  { kind: 'event', query: '1997-08-26', first: ['us-grants-asylum-to-jangs'], about: 'date' },
  { kind: 'event', query: 'thae elected', first: ['thae-elected'], about: 'title words' },
  // Korean: places, motives, responses and events by their Korean words, spacing and short forms.
  { kind: 'person', query: '로마', first: ['jo-song-gil'], about: 'Korean city of the mission' },
  { kind: 'person', query: '이태리', first: ['jo-song-gil'], about: 'Korean short form of the country' },
  { kind: 'person', query: '런던', first: ['thae-yong-ho'], about: 'Korean city' },
  { kind: 'person', query: '쿠바', first: ['ri-il-gyu'], about: 'Korean country' },
  {
    kind: 'person',
    query: '잠비아',
    first: ['hyon-song-il', 'choi-soo-bong'],
    about: 'Korean country, both',
  },
  { kind: 'motive', query: '공포정치', first: ['reign-of-terror'], about: 'Korean name' },
  { kind: 'motive', query: '공포 정치', first: ['reign-of-terror'], about: 'Korean name, spaced' },
  { kind: 'motive', query: '월급', first: ['poverty-abroad'], about: 'Korean word' },
  { kind: 'motive', query: '자녀 교육', first: ['childrens-future'], about: 'Korean words' },
  { kind: 'motive', query: '환멸', first: ['disillusionment-with-regime'], about: 'Korean word' },
  { kind: 'motive', query: '뺨', first: ['humiliation'], about: 'Korean word' },
  {
    kind: 'response',
    query: '국경',
    first: ['border-watch-after-thae'],
    top5: ['ideology-education-at-border', 'traders-and-officials-watch'],
    about: 'Korean word: the border responses',
  },
  { kind: 'response', query: '암살', first: ['plot-to-kill-hwang'], about: 'Korean word' },
  { kind: 'response', query: '조성길 딸', first: ['jo-daughter-sent-back'], about: 'Korean name and word' },
  {
    kind: 'response',
    query: '납치',
    first: [],
    top5: ['zambia-kidnapping-claims', 'hwang-called-kidnapped', 'hong-kidnap-attempt'],
    about: 'Korean word: the kidnapping claims',
  },
  { kind: 'event', query: '태영호 당선', first: ['thae-elected'], about: 'Korean title words' },
  { kind: 'event', query: '황장엽 별세', first: ['hwang-dies'], about: 'Korean title' },
  { kind: 'event', query: '조성길 로마 부임', first: ['jo-posted-to-rome'], about: 'Korean title words' },
  {
    kind: 'event',
    query: '런던',
    first: ['thae-leaves-london', 'hyon-reaches-seoul'],
    about: 'Korean place: both events in London',
  },
];
