import type { APIEmbed } from 'discord-api-types/v10';
import { type AnyRecord, type RecordKind, recordById, recordKinds } from '../knowledge/kinds.ts';
import { recordChoices } from '../render/choices.ts';
import { inlineCode } from '../render/escape.ts';
import { strings } from '../render/i18n.ts';
import { limits } from '../render/limits.ts';
import { notice, type Reply } from '../render/message.ts';
import { recordEmbed, recordTitle } from '../render/record.ts';
import type { AnyHit } from '../search/types.ts';
import { handleButton } from './button.ts';
import { eventCardButton } from './card-buttons.ts';
import { defineCommand, textOption } from './command.ts';
import type { BotContext } from './context.ts';
import { personButtons } from './person-buttons.ts';
import { missReply } from './suggestions.ts';

const moreResults = 5;

/** An autocomplete choice for /search submits `kind:id`. */
function chosen(ctx: BotContext, value: string): AnyRecord | undefined {
  const match = /^(person|motive|response|event):([a-z0-9-]{1,90})$/.exec(value);
  if (!match) return undefined;
  const kind = match[1] as RecordKind;
  const record = recordById(ctx.knowledge, kind, match[2] as string);
  return record && ({ kind, record } as AnyRecord);
}

/** The closest records of every kind, for a query that matched nothing. */
function suggestAll(ctx: BotContext, query: string): AnyHit[] {
  return recordKinds
    .flatMap((kind) => ctx.search.suggest(kind, query, 2) as AnyHit[])
    .sort((a, b) => a.score - b.score)
    .slice(0, 3);
}

export const search = defineCommand({
  texts: {
    name: 'search',
    ko: '검색',
    description: 'Search people, motives, regime responses and events at once',
    koDescription: '인물, 동기, 북한의 대응, 사건을 한꺼번에 검색',
  },
  options: [
    textOption(
      {
        name: 'query',
        ko: '검색어',
        description: 'Anything: a name, a place, a motive, a year',
        koDescription: '무엇이든: 이름, 장소, 동기, 연도',
      },
      true,
    ),
  ],

  run(ctx, { options, lang }): Reply {
    const t = strings(lang);
    const render = { knowledge: ctx.knowledge, lang };
    const query = options.query;
    const picked = chosen(ctx, query);
    const hits: AnyRecord[] = picked
      ? [picked]
      : query === ''
        ? []
        : ctx.search.searchAll(query, moreResults + 1);
    const [best, ...rest] = hits;
    if (!best) return missReply(lang, t, t.noResult, query, query === '' ? [] : suggestAll(ctx, query));
    const embeds: APIEmbed[] = [recordEmbed(render, best)];
    if (rest.length > 0) {
      embeds.push({
        title: t.moreResults,
        description: rest.map((hit) => `• ${t.kind[hit.kind]}: **${recordTitle(lang, hit)}**`).join('\n'),
      });
    }
    return {
      content: picked ? undefined : t.searchResults(inlineCode(query)),
      embeds,
      buttons: best.kind === 'person' ? personButtons(lang, best.record, 'card') : [],
    };
  },

  autocomplete(ctx, { text }, lang) {
    return recordChoices(lang, ctx.search.autocomplete('all', text, limits.choices), true);
  },

  // /search is what shows an event's card, so it answers the button that opens one.
  buttons: [
    handleButton(eventCardButton, (ctx, id, lang) => {
      const event = ctx.knowledge.byId.events.get(id);
      return event
        ? { embeds: [recordEmbed({ knowledge: ctx.knowledge, lang }, { kind: 'event', record: event })] }
        : notice(strings(lang).goneRecord);
    }),
  ],
});
