import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { AnyRecord } from '../knowledge/kinds.ts';
import { formatDate, type Lang, local, strings } from './i18n.ts';
import { personShortName, recordName } from './names.ts';

/** A record as one line of an autocomplete list, in the reader's language (Hangul first for Korean). */
function label(lang: Lang, choice: AnyRecord): string {
  switch (choice.kind) {
    case 'person': {
      // Korean readers get the Hangul alone (the romanised name is for readers of English); the post
      // tells apart people who share a name.
      return `${personShortName(lang, choice.record)} — ${local(lang, choice.record.post.value)}`;
    }
    case 'motive':
      return recordName(lang, choice.record);
    case 'response':
      return `${recordName(lang, choice.record)} (${formatDate(lang, choice.record.date.value)})`;
    case 'event':
      return `${formatDate(lang, choice.record.date.value)} — ${local(lang, choice.record.title)}`;
  }
}

/**
 * Autocomplete choices for records. A command naming one kind takes the record id as the value;
 * /search, which names any kind, takes `kind:id` and shows the kind before the label. Discord's
 * choice limits are applied where the response is built (`autocompleteResponse`).
 */
export function recordChoices(
  lang: Lang,
  records: readonly AnyRecord[],
  withKind: boolean,
): APIApplicationCommandOptionChoice<string>[] {
  const t = strings(lang);
  return records.map((choice) => {
    const text = label(lang, choice).replace(/\s+/g, ' ').trim();
    return withKind
      ? { name: `${t.kind[choice.kind]}: ${text}`, value: `${choice.kind}:${choice.record.id}` }
      : { name: text, value: choice.record.id };
  });
}
