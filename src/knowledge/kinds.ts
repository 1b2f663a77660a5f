import type { Knowledge } from './knowledge.ts';
import type { Motive, Person, RegimeResponse, TimelineEvent } from './schema.ts';

/** The kinds of record a user can look up, and the record each kind stands for. */
export type RecordKind = 'person' | 'motive' | 'response' | 'event';

export const recordKinds: readonly RecordKind[] = ['person', 'motive', 'response', 'event'];

export interface RecordOfKind {
  person: Person;
  motive: Motive;
  response: RegimeResponse;
  event: TimelineEvent;
}

/** A record with its kind: what a search hit, a choice or a button names. */
export type AnyRecord = { [K in RecordKind]: { kind: K; record: RecordOfKind[K] } }[RecordKind];

const collections = {
  person: 'people',
  motive: 'motives',
  response: 'responses',
  event: 'events',
} as const satisfies Record<RecordKind, keyof Knowledge['byId']>;

export function recordById<K extends RecordKind>(
  knowledge: Knowledge,
  kind: K,
  id: string,
): RecordOfKind[K] | undefined {
  return knowledge.byId[collections[kind]].get(id) as RecordOfKind[K] | undefined;
}
