import { getChoseong } from 'es-hangul';
import type { RecordKind } from '../knowledge/kinds.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Motive, Person, Place, RegimeResponse, TimelineEvent } from '../knowledge/schema.ts';
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
  event: [nameField('title', 1), nameField('people', 0.8), nameField('date', 0.6), textField('detail', 0.3)],
};

/** Initial consonants of Hangul names (`ㅌㅇㅎ`), so typing only the consonants finds them. */
export function initialsOf(hangul: readonly string[]): string[] {
  return hangul.map((text) => getChoseong(text)).filter((initials) => initials !== '');
}

function placeNames(place: Place | undefined): string[] {
  return place === undefined ? [] : [place.name, place.hangul, ...place.aliases];
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
      hangul: [person.hangul],
      initials: initialsOf([person.hangul]),
      place: distinct(placeNames(place)),
      city: distinct([person.mission?.city]),
      post: [person.post.value],
      summary: [person.summary.value],
    },
  };
}

export function motiveDoc(motive: Motive): EngineDoc {
  return {
    id: motive.id,
    prominence: 0,
    fields: {
      name: [motive.name],
      hangul: [motive.hangul],
      initials: initialsOf([motive.hangul]),
      keywords: distinct(motive.keywords),
      summary: [motive.summary.value],
      evidence: motive.evidence.map((fact) => fact.value),
    },
  };
}

export function responseDoc(response: RegimeResponse): EngineDoc {
  return {
    id: response.id,
    prominence: 0,
    fields: {
      name: [response.name],
      hangul: [response.hangul],
      initials: initialsOf([response.hangul]),
      keywords: distinct(response.keywords),
      summary: [response.summary.value],
      measures: response.measures.map((fact) => fact.value),
      trigger: [response.trigger.text.value],
    },
  };
}

export function eventDoc(event: TimelineEvent, knowledge: Knowledge): EngineDoc {
  const people = event.people.map((id) => knowledge.byId.people.get(id));
  return {
    id: event.id,
    prominence: 0,
    fields: {
      title: [event.title],
      people: distinct(people.flatMap((person) => (person ? [person.name, person.hangul] : []))),
      date: [event.date.value],
      detail: [event.detail.value],
    },
  };
}
