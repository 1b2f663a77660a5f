import type { Motive, Person, RegimeResponse, TimelineEvent } from '../knowledge/schema.ts';
import { cut, limits } from '../render/limits.ts';
import type { Choice, RecordOfKind, SearchKind } from './types.ts';

/** A choice name on one line, cut to Discord's limit by the one cutting rule all replies share. */
export function truncate(text: string): string {
  return cut(text.replace(/\s+/g, ' ').trim(), limits.choiceName);
}

const labels: { [K in SearchKind]: (record: RecordOfKind[K]) => string } = {
  person: (person: Person) => `${person.name} (${person.hangul}) — ${person.post.value}`,
  motive: (motive: Motive) => `${motive.name} (${motive.hangul})`,
  response: (response: RegimeResponse) => `${response.name} (${response.date.value})`,
  event: (event: TimelineEvent) => `${event.date.value} — ${event.title}`,
};

const kindNames: Record<SearchKind, string> = {
  person: 'Person',
  motive: 'Motive',
  response: 'Response',
  event: 'Event',
};

export function choiceFor<K extends SearchKind>(kind: K, record: RecordOfKind[K], withKind: boolean): Choice {
  const label = labels[kind](record);
  return {
    name: truncate(withKind ? `${kindNames[kind]}: ${label}` : label),
    value: withKind ? `${kind}:${record.id}` : record.id,
  };
}
