import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Motive, Person, Place, RegimeResponse } from '../knowledge/schema.ts';
import { bilingual, type Lang, local } from './i18n.ts';

/** Names as the reader's language shows them; an id missing from the data shows as itself. */
export function personName(lang: Lang, person: Person): string {
  return bilingual(lang, person.name, person.hangul);
}

export function personNameById(knowledge: Knowledge, lang: Lang, id: string): string {
  const person = knowledge.byId.people.get(id);
  return person ? personName(lang, person) : id;
}

/** In Korean only the Korean name; in English the English name with the Korean after it, as before. */
export function recordName(lang: Lang, record: Motive | RegimeResponse): string {
  return lang === 'ko' ? record.name.ko : `${record.name.en} (${record.name.ko})`;
}

/** A person as a list names them: in Korean the Hangul alone where it is known. */
export function personShortName(lang: Lang, person: Person): string {
  return lang === 'ko' && person.hangul !== null ? person.hangul : person.name;
}

export function placeName(lang: Lang, place: Place | undefined, id: string): string {
  return place ? local(lang, place.name) : id;
}

export function placeNameById(knowledge: Knowledge, lang: Lang, id: string): string {
  return placeName(lang, knowledge.byId.places.get(id), id);
}
