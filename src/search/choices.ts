import type { Motive, Person, RegimeResponse, TimelineEvent } from '../knowledge/schema.ts';
import type { Choice, RecordOfKind, SearchKind } from './types.ts';

/** Discord's limits on an autocomplete reply. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_CHARS = 100;

/** Cuts to `max` UTF-16 units with an ellipsis, never splitting a surrogate pair. */
export function truncate(text: string, max = MAX_CHOICE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = '';
  for (const char of flat) {
    if (cut.length + char.length > max - 1) break;
    cut += char;
  }
  return `${cut.trimEnd()}…`;
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
