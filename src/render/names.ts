import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Motive, Person, Place, RegimeResponse } from '../knowledge/schema.ts';
import { bilingual, type Lang, local } from './i18n.ts';

/**
 * Names as the reader's language shows them; an id missing from the data shows as itself. A card
 * title gives both spellings (`Thae Yong-ho (태영호)`, `태영호 (Thae Yong-ho)`); a person the
 * reports do not name is named by their description, in the reader's language.
 */
export function personName(lang: Lang, person: Person): string {
  if (person.unnamed) return local(lang, person.unnamed);
  return bilingual(lang, person.name, person.hangul);
}

/**
 * A person as lists name them: in Korean the Hangul alone where it is known (the romanisation is
 * for readers of English), in English the same as a title.
 */
export function personShortName(lang: Lang, person: Person): string {
  if (lang === 'en' || person.unnamed) return personName(lang, person);
  return person.hangul ?? person.name;
}

/** A person named in a list (relatives, who cited a motive, who an event or response involves). */
export function personNameById(knowledge: Knowledge, lang: Lang, id: string): string {
  const person = knowledge.byId.people.get(id);
  return person ? personShortName(lang, person) : id;
}

/** In Korean only the Korean name; in English the English name with the Korean after it, as before. */
export function recordName(lang: Lang, record: Motive | RegimeResponse): string {
  return lang === 'ko' ? record.name.ko : `${record.name.en} (${record.name.ko})`;
}

function placeName(lang: Lang, place: Place | undefined, id: string): string {
  return place ? local(lang, place.name) : id;
}

export function placeNameById(knowledge: Knowledge, lang: Lang, id: string): string {
  return placeName(lang, knowledge.byId.places.get(id), id);
}
