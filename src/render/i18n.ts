import type { RecordKind } from '../knowledge/kinds.ts';
import type { LocalText, TimelineEvent } from '../knowledge/schema.ts';

export type Lang = 'en' | 'ko';

/** Discord's locale codes for Korean start with `ko`; everything else is answered in English. */
export function langOf(locale: string | undefined): Lang {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** A romanised name and its Hangul, in the order the reader's language puts first. */
export function bilingual(lang: Lang, name: string, hangul: string | null): string {
  if (hangul === null || hangul === '' || hangul === name) return name;
  return lang === 'ko' ? `${hangul} (${name})` : `${name} (${hangul})`;
}

/** A text from the data in the reader's language. */
export function local(lang: Lang, text: LocalText): string {
  return text[lang];
}

/**
 * A partial ISO date (`2016`, `2016-08`, `2016-08-17`) as the reader writes dates: unchanged in
 * English, `2016년 8월 17일` in Korean.
 */
export function formatDate(lang: Lang, date: string): string {
  if (lang === 'en') return date;
  const [year, month, day] = date.split('-');
  const parts = [`${year}년`];
  if (month !== undefined) parts.push(`${Number(month)}월`);
  if (day !== undefined) parts.push(`${Number(day)}일`);
  return parts.join(' ');
}

const en = {
  summary: 'Summary',
  post: 'Post',
  earlierPosts: 'Earlier posts',
  defection: 'Defection',
  milestones: 'Milestones',
  companions: 'Who came along',
  aftermath: 'What came after',
  motives: 'Motives',
  relatives: 'Related people',
  confidence: 'Confidence',
  reported: 'reported',
  reportedNote: 'reported, not confirmed by the sources',
  deniedNote:
    'a defection was reported, but it was denied or never borne out: this is not a confirmed defector',
  reportedDefection: 'Reported defection (denied)',
  sourcesDiffer: 'Sources differ',
  sources: 'Sources',
  link: 'link',
  alsoMatching: 'Also matching',
  whyTheyLeft: 'Why they left',
  timeline: 'Timeline',
  backToCard: 'Card',
  previous: 'Previous',
  next: 'Next',
  page: (page: number, pages: number) => `page ${page} / ${pages}`,
  noDefector: (query: string) => `No defector matches ${query}.`,
  noMotive: (query: string) => `No motive matches ${query}.`,
  noResponse: (query: string) => `No regime response matches ${query}.`,
  noPerson: (query: string) => `No person matches ${query}.`,
  noResult: (query: string) => `Nothing matches ${query}.`,
  didYouMean: (names: string) => `Did you mean ${names}?`,
  whyOverview: 'Why they defected',
  whyOverviewIntro: 'The motives the sources give, and who cited each. Pick one with `/why-defect motive:`.',
  citedBy: 'Cited by',
  nobody: 'nobody in the data',
  evidence: 'Evidence',
  whyPersonLeft: (name: string) => `Why ${name} left`,
  noMotivesRecorded: 'The sources give no motive for this person.',
  responsesTitle: 'How the regime responded',
  responsesIntro: 'Pick one with `/regime-response query:`.',
  trigger: 'What triggered it',
  when: 'When',
  measures: 'Measures',
  timelineTitle: 'Timeline',
  timelineFor: (name: string) => `Timeline: ${name}`,
  years: (from: string, to: string) => `${from}–${to}`,
  noEvents: 'No events in this range.',
  people: 'People',
  places: 'Places',
  searchResults: (query: string) => `Best match for ${query}`,
  moreResults: 'More results',
  kind: { person: 'Person', motive: 'Motive', response: 'Regime response', event: 'Event' } satisfies Record<
    RecordKind,
    string
  >,
  aboutTitle: 'About this bot',
  aboutDescription:
    'Look up North Korean diplomats and officials who defected: who they were, why they left, and how ' +
    'the regime answered. Built from a KBS World Radio programme (2020-10-29) and the news reports listed ' +
    'below. Try `/defector`, `/why-defect`, `/regime-response`, `/timeline` and `/search`.',
  counts: 'What it knows',
  countLine: (people: number, motives: number, responses: number, events: number, sources: number) =>
    `${people} people · ${motives} motives · ${responses} regime responses · ${events} events · ${sources} sources`,
  version: 'Version',
  sourcesDifferMeaning:
    'When sources disagree (a date, a rank, a count), the card shows the claim it leads with and, under ' +
    '"Sources differ", every other claim with its own sources. Nothing is averaged or silently picked.',
  publishers: 'Publishers',
  genericError: 'Something went wrong answering that. Please try again.',
  unknownCommand: (name: string) => `Unknown command ${name}.`,
  unknownButton: 'This button is not one this bot knows (it may come from an older version).',
  goneRecord: 'That record is no longer in the data.',
  eventKinds: {
    defection: 'Defection',
    arrival: 'Arrival',
    announcement: 'Announcement',
    post: 'Posting',
    response: "Regime's response",
    politics: 'Politics',
    other: 'Other',
  } satisfies Record<TimelineEvent['kind'], string>,
  year: 'Year',
  unnamedRow: 'No one named',
  moreRows: '+{n} more',
  chartAlt: (events: number, span: string) =>
    `Timeline chart of ${events} events (${span}), one row per person, coloured by kind`,
  mapTitle: 'Where they defected from, and where they went',
  mapRouteTitle: (name: string) => `Route: ${name}`,
  mapLegend: { post: 'Post', destination: 'Destination', route: 'Route' },
  mapAlt: (routes: number, span: string) =>
    `World map of ${routes} defections (${span}), each a line from the post to the destination`,
  mapRouteAlt: (name: string, places: string) => `Map of ${name}'s route: ${places}`,
  mapPeople: (count: number) => `${count} defections with a known post and destination`,
  noRoutes: 'No defection with a known post and destination in these years.',
};

export type Strings = typeof en;

const ko: Strings = {
  summary: '요약',
  post: '직위',
  earlierPosts: '이전 직위',
  defection: '망명',
  milestones: '주요 경과',
  companions: '동행자',
  aftermath: '이후 행적',
  motives: '동기',
  relatives: '관련 인물',
  confidence: '신뢰도',
  reported: '보도',
  reportedNote: '보도된 내용이며 출처가 확인하지 않음',
  deniedNote: '망명했다는 보도가 있었으나 부인되었거나 사실로 드러나지 않았습니다. 확인된 망명자가 아닙니다.',
  reportedDefection: '보도된 망명 (부인됨)',
  sourcesDiffer: '출처마다 다름',
  sources: '출처',
  link: '링크',
  alsoMatching: '다른 검색 결과',
  whyTheyLeft: '망명 이유',
  timeline: '연표',
  backToCard: '인물 카드',
  previous: '이전',
  next: '다음',
  page: (page, pages) => `${pages}쪽 중 ${page}쪽`,
  noDefector: (query) => `${query}와(과) 일치하는 망명자가 없습니다.`,
  noMotive: (query) => `${query}와(과) 일치하는 동기가 없습니다.`,
  noResponse: (query) => `${query}와(과) 일치하는 북한의 대응이 없습니다.`,
  noPerson: (query) => `${query}와(과) 일치하는 인물이 없습니다.`,
  noResult: (query) => `${query}와(과) 일치하는 항목이 없습니다.`,
  didYouMean: (names) => `혹시 ${names}을(를) 찾으셨나요?`,
  whyOverview: '망명 동기',
  whyOverviewIntro: '출처가 전하는 동기와 그 동기를 든 인물입니다. `/why-defect motive:`로 하나를 고르세요.',
  citedBy: '이 동기를 든 인물',
  nobody: '데이터에 없음',
  evidence: '근거',
  whyPersonLeft: (name) => `${name}의 망명 이유`,
  noMotivesRecorded: '출처에 이 인물의 동기가 나오지 않습니다.',
  responsesTitle: '북한 정권의 대응',
  responsesIntro: '`/regime-response query:`로 하나를 고르세요.',
  trigger: '계기',
  when: '시기',
  measures: '조치',
  timelineTitle: '연표',
  timelineFor: (name) => `연표: ${name}`,
  years: (from, to) => `${from}–${to}`,
  noEvents: '이 기간에는 사건이 없습니다.',
  people: '인물',
  places: '장소',
  searchResults: (query) => `${query} 검색 결과`,
  moreResults: '다른 결과',
  kind: { person: '인물', motive: '동기', response: '북한의 대응', event: '사건' },
  aboutTitle: '이 봇에 대하여',
  aboutDescription:
    '망명한 북한 외교관과 고위 인사를 찾아봅니다: 누구였는지, 왜 떠났는지, 북한 정권이 어떻게 대응했는지. ' +
    'KBS 월드 라디오 방송(2020년 10월 29일)과 아래 보도를 바탕으로 합니다. ' +
    '`/defector`, `/why-defect`, `/regime-response`, `/timeline`, `/search`를 써 보세요.',
  counts: '수록 내용',
  countLine: (people, motives, responses, events, sources) =>
    `인물 ${people} · 동기 ${motives} · 대응 ${responses} · 사건 ${events} · 출처 ${sources}`,
  version: '버전',
  sourcesDifferMeaning:
    '출처끼리 날짜, 직급, 수치 등이 다를 때 카드는 대표 주장을 먼저 보여 주고, "출처마다 다름" 아래에 ' +
    '다른 주장을 각각의 출처와 함께 모두 보여 줍니다. 평균을 내거나 몰래 하나를 고르지 않습니다.',
  publishers: '발행처',
  genericError: '응답하는 중에 문제가 생겼습니다. 다시 시도해 주세요.',
  unknownCommand: (name) => `알 수 없는 명령어입니다: ${name}`,
  unknownButton: '이 봇이 모르는 버튼입니다 (이전 버전의 버튼일 수 있습니다).',
  goneRecord: '그 항목은 더 이상 데이터에 없습니다.',
  eventKinds: {
    defection: '망명',
    arrival: '도착',
    announcement: '발표',
    post: '부임',
    response: '북한의 대응',
    politics: '정치',
    other: '기타',
  },
  year: '연도',
  unnamedRow: '특정 인물 없음',
  moreRows: '외 {n}명',
  chartAlt: (events, span) => `사건 ${events}건의 연표 그래프 (${span}), 인물별로 한 줄, 종류별 색 구분`,
  mapTitle: '망명자들이 떠난 곳과 향한 곳',
  mapRouteTitle: (name) => `망명 경로: ${name}`,
  mapLegend: { post: '근무지', destination: '도착지', route: '경로' },
  mapAlt: (routes, span) => `망명 ${routes}건의 세계 지도 (${span}), 근무지에서 도착지까지 선으로 표시`,
  mapRouteAlt: (name, places) => `${name}의 망명 경로 지도: ${places}`,
  mapPeople: (count) => `근무지와 도착지가 알려진 망명 ${count}건`,
  noRoutes: '이 기간에는 근무지와 도착지가 알려진 망명이 없습니다.',
};

export function strings(lang: Lang): Strings {
  return lang === 'ko' ? ko : en;
}
