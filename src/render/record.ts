import type { APIEmbed } from 'discord-api-types/v10';
import type { AnyRecord } from '../knowledge/kinds.ts';
import type { RenderContext } from './card.ts';
import { eventEmbed } from './event.ts';
import { formatDate, type Lang, local } from './i18n.ts';
import { motiveEmbed } from './motive.ts';
import { personShortName, recordName } from './names.ts';
import { personEmbed } from './person.ts';
import { responseEmbed } from './response.ts';

/** The card for a record of any kind, as /search shows its best hit. */
export function recordEmbed(render: RenderContext, hit: AnyRecord): APIEmbed {
  switch (hit.kind) {
    case 'person':
      return personEmbed(render, hit.record);
    case 'motive':
      return motiveEmbed(render, hit.record);
    case 'response':
      return responseEmbed(render, hit.record);
    case 'event':
      return eventEmbed(render, hit.record);
  }
}

/** A record's name as a one-line list shows it. */
export function recordTitle(lang: Lang, hit: AnyRecord): string {
  switch (hit.kind) {
    case 'person':
      return personShortName(lang, hit.record);
    case 'motive':
    case 'response':
      return recordName(lang, hit.record);
    case 'event':
      return `${formatDate(lang, hit.record.date.value)} ${local(lang, hit.record.title)}`;
  }
}
