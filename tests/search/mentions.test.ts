import { describe, expect, it } from 'vitest';
import type { AnyRecord } from '../../src/knowledge/kinds.ts';
import { ctx } from '../context.ts';

/** What a text mentions, as `kind:id`, in the finder's order. */
function mentioned(text: string): string[] {
  return ctx.search.mentions(text).map((found: AnyRecord) => `${found.kind}:${found.record.id}`);
}

const people = (text: string) => mentioned(text).filter((id) => id.startsWith('person:'));

/**
 * Paragraphs written for these tests, as people post them: wire copy and chat, in English and
 * Korean, with the common surnames, lone syllables and everyday phrases that must not count.
 */
const paragraphs = {
  englishNews:
    "SEOUL, Aug 17 (Reuters) - Thae Yong-ho, the number two at North Korea's embassy in London, has " +
    'defected to South Korea with his wife and two sons, the Unification Ministry said on Wednesday. ' +
    "Thae's defection is the most senior by a diplomat since Ko Young-hwan, a first secretary in " +
    'Congo, reached Seoul in 1991. Officials said Thae had grown disillusioned with the Kim Jong-un ' +
    "regime. North Korea's state media have not commented, and party officials in Pyongyang could " +
    'not be reached. The United States declined to comment. Kim, a ministry spokesman, said the ' +
    'family was in good health.',
  englishChat:
    "ok so thae's new book is out 📚 and jo song gil apparently knew the whole time (rome 2018 lol). " +
    'also ryu hyun woo from kuwait?? kim and jang were mentioned but idk which ones. han says ri ' +
    'was in the room too. honestly a reign of terror, no wonder they left',
  englishTraps:
    'Kim met Jang and Ri in Rome; Jo and Ko joined Han later. Kim Jong-un praised the party, and ' +
    'Kim Il-sung was quoted at length. Kim Kang-il and Thae Yong-chol were also there, and Emil came ' +
    'by after the press conference. Hwang Hee-chan scored twice. Security officials at the border ' +
    'and state media said the United States was watching. Song, Kang and Choi sang a song.',
  koreanNews:
    '[서울=연합뉴스] 태영호 전 주영국 북한대사관 공사가 17일 국회에서 기자회견을 열고 "북한 외교관들 ' +
    '사이에 김정은 체제에 대한 환멸이 퍼져 있다"고 말했다. 태 전 공사는 2016년 런던에서 가족과 함께 ' +
    '망명했다. 앞서 2019년 잠적한 조성길 전 주이탈리아 북한대사관 대사대리도 한국에 정착한 것으로 ' +
    '확인됐다. 정부 관계자는 리일규 전 쿠바 주재 참사에게도 같은 질문을 했다고 전했다.',
  koreanChat:
    'ㅋㅋ 태영호가 또 방송 나옴. 조성길이랑 류현우 얘기도 함 ㅎㅎ 김씨랑 이씨는 누군지 모르겠고, ' +
    '이 강은 한강이야. 고난의 행군 얘기 들으니까 좀 슬프다',
  koreanTraps:
    '김 대사와 이 공사, 한 참사관이 로마에서 만났다. 장 씨는 먼저 떠났다. 이강인이 골을 넣었고 ' +
    '김강산은 학생이다. 현 대사는 국경 감시와 당 간부 교육을 강조했다. 조 대사대리는 말이 없었다. ' +
    '북중 국경에서 김정은 체제를 비판하는 목소리가 나왔다.',
};

describe('what a message mentions: paragraphs', () => {
  it.each([
    [
      'English wire copy: the defectors named, the motive in its words; no Kim, no United States',
      paragraphs.englishNews,
      ['person:thae-yong-ho', 'person:ko-young-hwan', 'motive:disillusionment-with-regime'],
    ],
    [
      'English chat: lower case, run together, possessive; lone surnames are not people',
      paragraphs.englishChat,
      ['person:thae-yong-ho', 'person:jo-song-gil', 'person:ryu-hyun-woo', 'motive:reign-of-terror'],
    ],
    [
      'English traps: common surnames, other full names, one-word aliases and everyday phrases find nothing',
      paragraphs.englishTraps,
      [],
    ],
    [
      'Korean wire copy: names with particles, 태 전 공사, the motive by its Korean name',
      paragraphs.koreanNews,
      ['person:thae-yong-ho', 'person:jo-song-gil', 'person:ri-il-gyu', 'motive:disillusionment-with-regime'],
    ],
    [
      'Korean chat: particles run on, and a keyword phrase (고난의 행군) finds its motive',
      paragraphs.koreanChat,
      ['person:thae-yong-ho', 'person:jo-song-gil', 'person:ryu-hyun-woo', 'motive:famine-at-home'],
    ],
    [
      'Korean traps: a common surname before a title, 이 강 (this river), 이강인 and 김강산 find nobody',
      paragraphs.koreanTraps,
      [],
    ],
  ])('%s', (_label, text, expected) => {
    expect(mentioned(text)).toEqual(expected);
  });
});

describe('what a message mentions: people', () => {
  it.each([
    'Thae Yong-ho',
    'Thae Yong Ho',
    'Tae Yong-ho',
    'THAE YONG-HO',
    'thae-yong-ho',
    'ThaeYongho',
    'Thae Yongho',
    'Taeyongho',
    'Thae Yong-ho’s',
    "Thae's",
    'Thae Ku-min',
    '태영호',
    '태구민',
  ])('%s is Thae Yong-ho', (text) => {
    expect(people(`They said ${text} spoke.`)).toEqual(['person:thae-yong-ho']);
  });

  it.each([
    ['Cho Sung-gil', 'jo-song-gil'],
    ['Josonggil', 'jo-song-gil'],
    ["Jo Song-gil's", 'jo-song-gil'],
    ['Koh Young-hwan', 'ko-young-hwan'],
    ['Lee Il-kyu', 'ri-il-gyu'],
    ['Hyun Song-il', 'hyon-song-il'],
    ['Hwang Jang-yeop', 'hwang-jang-yop'],
    ['Kenneth H. Rowe', 'no-kum-sok'],
    ['Jang Song-thaek’s aide', 'jang-song-thaek-aide-2013'],
    ['장성택 측근', 'jang-song-thaek-aide-2013'],
    ['장성택측근이', 'jang-song-thaek-aide-2013'],
    ['Colonel Kang', 'colonel-kang-state-security-2018'],
  ])('%s is %s', (text, id) => {
    expect(people(`A report on ${text} today.`)).toEqual([`person:${id}`]);
  });

  it.each([
    '태영호가',
    '태영호의',
    '태영호는',
    '태영호를',
    '태영호에게',
    '태영호에게서',
    '태영호와',
    '태영호도',
    '태영호씨',
    '태영호씨는',
    '태영호로부터',
    '태영호처럼',
    '태영호측은',
  ])('the Hangul name followed by a particle, %s', (word) => {
    expect(people(`어제 ${word} 말했다`)).toEqual(['person:thae-yong-ho']);
  });

  it.each(['태 전 공사는', '태 공사가', '태 의원은', '태 전 의원'])(
    'a rare surname before a title, %s',
    (text) => {
      expect(people(`${text} 말했다`)).toEqual(['person:thae-yong-ho']);
    },
  );

  it.each([
    'Jo',
    'Ko',
    'Ri',
    'Han',
    'Kim',
    'Jang',
    'Rome',
    'Tae',
    'Song',
    'Emil',
    'Kim Jong-un',
    'Kim Kang-il',
    'Thae Yong-chol',
    'Thae-hyun',
    '태',
    '조',
    '김 씨',
    '조 대사',
    '태영호텔',
    '조성길동',
    '이강인',
    '김강산',
    '이 강은',
  ])('%s alone claims nobody', (text) => {
    expect(people(`We met ${text} at noon.`)).toEqual([]);
  });

  it('a two-syllable Hangul name takes only endings that cannot end a longer name', () => {
    expect(people('김강의 동료')).toEqual(['person:kim-kang']);
    expect(people('김강에게 물었다')).toEqual(['person:kim-kang']);
    expect(people('김강은 학생')).toEqual([]);
    expect(people('김강도')).toEqual([]);
  });

  it('names are not run together across punctuation', () => {
    expect(people('He spoke to Ri. Gang members left.')).toEqual([]);
    expect(people('Ri Gang spoke.')).toEqual(['person:ri-gang']);
  });

  it('lists each person once, in order of first mention, however often and however spelled', () => {
    expect(people('조성길, Thae Yong-ho, Jo Song-gil, 태영호가, Cho Sung-gil')).toEqual([
      'person:jo-song-gil',
      'person:thae-yong-ho',
    ]);
  });
});

describe('what a message mentions: motives, responses and events', () => {
  it.each([
    ['He longed for liberal democracy.', 'motive:longing-for-democracy'],
    ['memories of the Arduous March', 'motive:famine-at-home'],
    ['the humiliation he suffered', 'motive:humiliation'],
    ['공포정치에 지쳤다', 'motive:reign-of-terror'],
    ['해외 공관의 생활고', 'motive:poverty-abroad'],
    ['the missile talks were called off', 'response:missile-talks-cancelled'],
    ['서로를 감시하는 상호 감시 체계', 'response:mutual-surveillance-after-kim-jong-nam'],
    ['상호감시가 심해졌다', 'response:mutual-surveillance-after-kim-jong-nam'],
    ['공포 정치를 피해', 'motive:reign-of-terror'],
    ['Reign of Terror', 'motive:reign-of-terror'],
  ])('%s finds %s', (text, id) => {
    expect(mentioned(text)).toEqual([id]);
  });

  it.each([
    'Kim Jong-un',
    'Kim Il-sung',
    'Jang Song-thaek',
    'United States',
    'party officials',
    'state media',
    'press conference',
    'security officials',
    'surveillance',
    'border',
    'regime',
    'family',
    'education',
    '김정은 체제',
    '북중 국경',
    '감시',
    '소환',
    '숙청',
  ])('an everyday word or a name, %s, finds no motive or response', (text) => {
    expect(mentioned(`They talked about ${text} again.`)).toEqual([]);
  });

  it('finds an event by its whole title, in either language, with the people in it first', () => {
    expect(mentioned('Breaking: Thae Yong-ho elected to the National Assembly')).toEqual([
      'person:thae-yong-ho',
      'event:thae-elected',
    ]);
    expect(mentioned('속보: 리일규, 쿠바 탈출')).toEqual(['person:ri-il-gyu', 'event:ri-flees-cuba']);
    expect(mentioned('Ri Il-gyu fled Cuba last year')).toEqual(['person:ri-il-gyu']);
  });

  it('puts people first, then motives, responses and events', () => {
    const kinds = ctx.search
      .mentions('Hwang Jang-yop dies. The missile talks and the reign of terror. Jo Song-gil.')
      .map((found) => found.kind);
    expect(kinds).toEqual(['person', 'person', 'motive', 'response', 'event']);
  });
});
