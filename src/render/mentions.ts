import type { APIEmbed } from 'discord-api-types/v10';
import { type AnyRecord, type RecordKind, recordKinds } from '../knowledge/kinds.ts';
import type { Person } from '../knowledge/schema.ts';
import { formatDate, type Lang, local, strings } from './i18n.ts';
import { personShortName } from './names.ts';

/**
 * What a message mentions, one line each, grouped by kind (people first): the name in the reader's
 * language and, for an English reader, the Hangul after it; an event with its date.
 */

function personLine(lang: Lang, person: Person): string {
  if (lang === 'ko' || person.unnamed || person.hangul === null)
    return `**${personShortName(lang, person)}**`;
  return `**${person.name}** (${person.hangul})`;
}

/** One record as its line shows it, without the bullet. */
function mentionLine(lang: Lang, mention: AnyRecord): string {
  switch (mention.kind) {
    case 'person':
      return personLine(lang, mention.record);
    case 'motive':
    case 'response': {
      const { name } = mention.record;
      return lang === 'ko' ? `**${name.ko}**` : `**${name.en}** (${name.ko})`;
    }
    case 'event': {
      const { date, title } = mention.record;
      const titled = lang === 'ko' ? `**${title.ko}**` : `**${title.en}** (${title.ko})`;
      return `${formatDate(lang, date.value)} ${titled}`;
    }
  }
}

/** A record's name as its button is labelled: the reader's language alone. */
export function mentionLabel(lang: Lang, mention: AnyRecord): string {
  switch (mention.kind) {
    case 'person':
      return personShortName(lang, mention.record);
    case 'motive':
    case 'response':
      return local(lang, mention.record.name);
    case 'event':
      return local(lang, mention.record.title);
  }
}

/** The list of `shown` mentions out of `total` found, under one heading per kind. */
export function mentionsEmbed(lang: Lang, shown: readonly AnyRecord[], total: number): APIEmbed {
  const t = strings(lang);
  const sections = recordKinds.flatMap((kind: RecordKind) => {
    const lines = shown
      .filter((mention) => mention.kind === kind)
      .map((mention) => `• ${mentionLine(lang, mention)}`);
    return lines.length ? [`**${t.mentionSections[kind]}**`, ...lines, ''] : [];
  });
  return {
    title: t.mentionsTitle,
    description: sections.join('\n').trim(),
    footer: { text: shown.length < total ? t.mentionsShown(shown.length, total) : t.mentionsFooter },
  };
}
