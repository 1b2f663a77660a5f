import type { APIEmbed } from 'discord-api-types/v10';
import type { BotContext } from '../interactions/context.ts';
import { inlineCode } from '../render/escape.ts';
import { strings } from '../render/i18n.ts';
import type { Reply } from '../render/message.ts';
import { type AnyRecord, recordEmbed, recordTitle } from '../render/record.ts';
import type { AnyHit, SearchKind } from '../search/types.ts';
import { type Command, chatInput, textOption, textValue } from './command.ts';
import { personButtons } from './defector.ts';
import { recordById } from './resolve.ts';
import { missReply } from './suggestions.ts';

const moreResults = 5;
const kinds: readonly SearchKind[] = ['person', 'motive', 'response', 'event'];

/** An autocomplete choice for /search submits `kind:id`. */
function chosen(ctx: BotContext, value: string): AnyRecord | undefined {
  const match = /^(person|motive|response|event):([a-z0-9-]{1,90})$/.exec(value);
  if (!match) return undefined;
  const kind = match[1] as SearchKind;
  const record = recordById(ctx, kind, match[2] as string);
  return record && ({ kind, record } as AnyRecord);
}

/** The closest records of every kind, for a query that matched nothing. */
function suggestAll(ctx: BotContext, query: string): AnyHit[] {
  return kinds
    .flatMap((kind) => ctx.search.suggest(kind, query, 2) as AnyHit[])
    .sort((a, b) => a.score - b.score)
    .slice(0, 3);
}

export const search: Command = {
  definition: chatInput(
    {
      name: 'search',
      ko: '검색',
      description: 'Search people, motives, regime responses and events at once',
      koDescription: '인물, 동기, 북한의 대응, 사건을 한꺼번에 검색',
    },
    [
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
  ),

  run(ctx, { options, lang }): Reply {
    const t = strings(lang);
    const render = { knowledge: ctx.knowledge, lang };
    const query = textValue(options, 'query') ?? '';
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

  autocomplete(ctx, _option, text) {
    return ctx.search.autocomplete('all', text);
  },
};
