import { getChoseong } from 'es-hangul';
import type { RecordKind } from '../knowledge/kinds.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { LocalText, Motive, Person, Place, RegimeResponse, TimelineEvent } from '../knowledge/schema.ts';
import type { EngineDoc, FieldSpec } from './engine.ts';

/**
 * What is searchable in each kind of record, and how much each field weighs. Fields are listed
 * in priority order: among exact or prefix hits, a match in an earlier field ranks first.
 */

const nameField = (name: string, weight: number): FieldSpec => ({ name, weight, exact: true, prefix: true });
const textField = (name: string, weight: number): FieldSpec => ({
  name,
  weight,
  exact: false,
  prefix: false,
  words: true,
});

export const fieldSpecs: Readonly<Record<RecordKind, readonly FieldSpec[]>> = {
  person: [
    nameField('name', 1),
    nameField('aliases', 1),
    nameField('hangul', 1),
    nameField('initials', 0.8),
    nameField('place', 0.5),
    nameField('city', 0.4),
    textField('post', 0.5),
    textField('summary', 0.2),
  ],
  motive: [
    nameField('name', 1),
    nameField('hangul', 1),
    nameField('initials', 0.6),
    nameField('keywords', 0.9),
    textField('summary', 0.3),
    textField('evidence', 0.2),
  ],
  response: [
    nameField('name', 1),
    nameField('hangul', 1),
    nameField('initials', 0.6),
    nameField('keywords', 0.9),
    textField('summary', 0.3),
    textField('measures', 0.25),
    textField('trigger', 0.2),
  ],
  event: [
    nameField('title', 1),
    nameField('people', 0.8),
    nameField('places', 0.5),
    nameField('date', 0.6),
    textField('detail', 0.3),
  ],
};

/** Initial consonants of Hangul names (`ㅌㅇㅎ`), so typing only the consonants finds them. */
export function initialsOf(hangul: readonly string[]): string[] {
  return hangul.map((text) => getChoseong(text)).filter((initials) => initials !== '');
}

function placeNames(place: Place | undefined): string[] {
  return place === undefined ? [] : [place.name.en, place.name.ko, ...place.aliases];
}

/** Both languages of a text: a Korean reader searches the Korean, anyone else the English. */
function both(text: LocalText | undefined): string[] {
  return text === undefined ? [] : [text.en, text.ko];
}

/** Fuse.js adds up every matching value, so a repeated alias would count twice. */
function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined && value !== ''))];
}

export function personDoc(person: Person, knowledge: Knowledge): EngineDoc {
  const place = person.mission ? knowledge.byId.places.get(person.mission.place) : undefined;
  return {
    id: person.id,
    prominence: person.prominence,
    fields: {
      name: [person.name],
      aliases: distinct(person.aliases.filter((alias) => alias !== person.name)),
      hangul: distinct([person.hangul ?? undefined, person.unnamed?.ko]),
      initials: initialsOf(distinct([person.hangul ?? undefined])),
      place: distinct(placeNames(place)),
      city: distinct(both(person.mission?.city)),
      post: both(person.post.value),
      summary: both(person.summary.value),
    },
  };
}

export function motiveDoc(motive: Motive): EngineDoc {
  return {
    id: motive.id,
    prominence: 0,
    fields: {
      name: [motive.name.en],
      hangul: [motive.name.ko],
      initials: initialsOf([motive.name.ko]),
      keywords: distinct(motive.keywords),
      summary: both(motive.summary.value),
      evidence: motive.evidence.flatMap((fact) => both(fact.value)),
    },
  };
}

export function responseDoc(response: RegimeResponse): EngineDoc {
  return {
    id: response.id,
    prominence: 0,
    fields: {
      name: [response.name.en],
      hangul: [response.name.ko],
      initials: initialsOf([response.name.ko]),
      keywords: distinct(response.keywords),
      summary: both(response.summary.value),
      measures: response.measures.flatMap((fact) => both(fact.value)),
      trigger: both(response.trigger.text.value),
    },
  };
}

export function eventDoc(event: TimelineEvent, knowledge: Knowledge): EngineDoc {
  const people = event.people.map((id) => knowledge.byId.people.get(id));
  return {
    id: event.id,
    prominence: 0,
    fields: {
      title: both(event.title),
      people: distinct(people.flatMap((person) => (person ? [person.name, person.hangul ?? undefined] : []))),
      places: distinct((event.places ?? []).flatMap((id) => placeNames(knowledge.byId.places.get(id)))),
      date: [event.date.value],
      detail: both(event.detail.value),
    },
  };
}
