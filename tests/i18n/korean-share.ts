import type { APIEmbed, APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { strings } from '../../src/render/i18n.ts';
import { ctx } from '../context.ts';
import { onMessage, press, slash, typing } from '../interactions/build.ts';

/**
 * How Korean a reply is, as a Korean reader sees it: Hangul syllables against Latin letters, a
 * syllable counting as 2.5 letters (a syllable is two or three jamo, and reads as much as a short
 * English word's worth of letters). Left out, because they are not the bot's own words: the sources
 * list and the /about publishers (titles and names as published), and inline code (the user's own
 * query echoed back, and command names such as `/why-defect`, which Discord shows in English).
 */
export interface Share {
  korean: number;
  latin: number;
  /** Korean's share of the letters, 0-1; 1 for a reply with no letters at all. */
  share: number;
}

const ko = strings('ko');
const notOurWords = new Set([ko.publishers]);

function isSourcesField(name: string): boolean {
  return name === ko.sources || name.startsWith(`${ko.sources} (`) || notOurWords.has(name);
}

/** The text a reader reads: content, embeds (without the sources), buttons and choices. */
export function readableText(response: APIInteractionResponse): string {
  const data = 'data' in response ? (response.data as Record<string, unknown> | undefined) : undefined;
  if (!data) return '';
  const parts: string[] = [];
  if (typeof data.content === 'string') parts.push(data.content);
  for (const embed of (data.embeds ?? []) as APIEmbed[]) {
    parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) {
      if (!isSourcesField(field.name)) parts.push(field.name, field.value);
    }
  }
  for (const row of (data.components ?? []) as { components?: { label?: string }[] }[]) {
    for (const component of row.components ?? []) parts.push(component.label ?? '');
  }
  for (const choice of (data.choices ?? []) as { name: string }[]) parts.push(choice.name);
  return parts.join('\n').replace(/`[^`]*`/g, '');
}

export function koreanShare(response: APIInteractionResponse): Share {
  const text = readableText(response);
  const korean = (text.match(/[\uac00-\ud7a3]/g) ?? []).length * 2.5;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return { korean, latin, share: korean + latin === 0 ? 1 : korean / (korean + latin) };
}

/**
 * Every command, with several queries each, misses and errors included, as a Korean client sends
 * them; the message command on Korean and English messages.
 */
export function koreanInteractions(): { command: string; label: string; interaction: APIInteraction }[] {
  const k = 'ko';
  const { people, motives, responses } = ctx.knowledge;
  const list: { command: string; label: string; interaction: APIInteraction }[] = [];
  const add = (command: string, label: string, interaction: APIInteraction) =>
    list.push({ command, label, interaction });

  for (const person of people) add('/defector', person.id, slash('defector', { name: person.id }, k));
  for (const query of ['태영호', '조성길', 'thae', 'ㅌㅇㅎ', 'qqzzx']) {
    add('/defector', query, slash('defector', { name: query }, k));
  }
  add('/why-defect', '(list)', slash('why-defect', {}, k));
  for (const motive of motives) add('/why-defect', motive.id, slash('why-defect', { motive: motive.id }, k));
  for (const query of ['자녀 교육', '월급', 'qqzzx'])
    add('/why-defect', query, slash('why-defect', { motive: query }, k));
  add('/regime-response', '(list)', slash('regime-response', {}, k));
  for (const response of responses) {
    add('/regime-response', response.id, slash('regime-response', { query: response.id }, k));
  }
  for (const query of ['국경', '감시', 'qqzzx']) {
    add('/regime-response', query, slash('regime-response', { query }, k));
  }
  add('/timeline', '(all)', slash('timeline', {}, k));
  for (const person of people) add('/timeline', person.id, slash('timeline', { person: person.id }, k));
  add('/timeline', '1990-2000', slash('timeline', { from: 1990, to: 2000 }, k));
  add('/timeline', 'qqzzx', slash('timeline', { person: 'qqzzx' }, k));
  add('/timeline', 'page 2', press('timeline:2:', k));
  for (const query of ['로마', '공포정치', '국경', '태영호', '1997', 'qqzzx']) {
    add('/search', query, slash('search', { query }, k));
  }
  add('/about', '', slash('about', {}, k));
  for (const [command, option] of [
    ['defector', 'name'],
    ['why-defect', 'motive'],
    ['regime-response', 'query'],
    ['timeline', 'person'],
    ['search', 'query'],
  ] as const) {
    for (const text of ['', '태', '국경']) {
      add(`/${command} (autocomplete)`, text, typing(command, { [option]: text }, option, k));
    }
  }
  const { events } = ctx.knowledge;
  for (const [label, text] of [
    [
      'Korean news',
      '태영호 전 공사는 "김정은 체제에 대한 환멸"을 말했다. 조성길과 리일규에게도 물었다. 고난의 행군, 상호 감시.',
    ],
    ['Korean chat', 'ㅋㅋ 태영호가 또 나옴. 류현우랑 조성길 얘기도 함'],
    ['English news', 'Thae Yong-ho said Jo Song-gil lived under a reign of terror before the missile talks.'],
    ['every name', people.map((person) => person.name).join(', ')],
    ['event titles', events.map((event) => event.title.en).join('. ')],
    ['nothing', 'Kim and Jang met Ri in Rome.'],
    ['no text', ''],
  ] as const) {
    add('Look up defectors', label, onMessage(text, k));
  }
  add('buttons', 'motive card', press('motive:reign-of-terror', k));
  add('buttons', 'response card', press('response:missile-talks-cancelled', k));
  add('buttons', 'event card', press('event:hwang-dies', k));
  add('buttons', 'why', press('why:thae-yong-ho', k));
  add('buttons', 'card', press('defector:thae-yong-ho', k));
  add('buttons', 'unknown', press('delete:everything', k));
  add('errors', 'unknown command', slash('nope', {}, k));
  return list;
}
