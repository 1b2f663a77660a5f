import { strings } from '../render/i18n.ts';
import { responseEmbed, responsesListEmbed } from '../render/response.ts';
import { type Command, chatInput, textOption, textValue } from './command.ts';
import { resolve } from './resolve.ts';
import { alsoMatching, missReply } from './suggestions.ts';

export const regimeResponse: Command = {
  definition: chatInput(
    {
      name: 'regime-response',
      ko: '북한-대응',
      description: 'How the North Korean regime answered defections: the list, or one response',
      koDescription: '망명에 대한 북한 정권의 대응: 전체 목록 또는 한 가지 대응',
    },
    [
      textOption(
        {
          name: 'query',
          ko: '검색어',
          description: 'A response, a person or an event, e.g. Thae Yong-ho or surveillance',
          koDescription: '대응, 인물 또는 사건 (예: 태영호, 감시)',
        },
        false,
      ),
    ],
  ),

  run(ctx, { options, lang }) {
    const t = strings(lang);
    const render = { knowledge: ctx.knowledge, lang };
    const query = textValue(options, 'query') ?? '';
    if (query === '') return { embeds: [responsesListEmbed(render)] };
    const found = resolve(ctx, 'response', query);
    if (!found.found) return missReply(lang, t, t.noResponse, query, found.suggestions);
    return { embeds: [responseEmbed(render, found.record)], content: alsoMatching(lang, t, found.others) };
  },

  autocomplete(ctx, _option, text) {
    return ctx.search.autocomplete('response', text);
  },
};
