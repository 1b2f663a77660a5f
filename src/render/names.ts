import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Motive, Person, Place, RegimeResponse } from '../knowledge/schema.ts';
import { bilingual, type Lang } from './i18n.ts';

/** Names as the reader's language shows them; an id missing from the data shows as itself. */
export function personName(lang: Lang, person: Person): string {
  return bilingual(lang, person.name, person.hangul);
}

export function personNameById(knowledge: Knowledge, lang: Lang, id: string): string {
  const person = knowledge.byId.people.get(id);
  return person ? personName(lang, person) : id;
}

export function recordName(lang: Lang, record: Motive | RegimeResponse): string {
  return bilingual(lang, record.name, record.hangul);
}

function placeName(lang: Lang, place: Place | undefined, id: string): string {
  if (!place) return id;
  return lang === 'ko' ? place.hangul : place.name;
}

export function placeNameById(knowledge: Knowledge, lang: Lang, id: string): string {
  return placeName(lang, knowledge.byId.places.get(id), id);
}
