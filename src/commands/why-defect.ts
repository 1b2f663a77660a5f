import { strings } from '../render/i18n.ts';
import { motiveEmbed, motivesOverviewEmbed } from '../render/motive.ts';
import { type Command, chatInput, textOption, textValue } from './command.ts';
import { resolve } from './resolve.ts';
import { alsoMatching, missReply } from './suggestions.ts';

export const whyDefect: Command = {
  definition: chatInput(
    {
      name: 'why-defect',
      ko: '망명-이유',
      description: 'Why diplomats defected: every motive, or one motive with its evidence',
      koDescription: '외교관들이 망명한 이유: 전체 동기 또는 한 동기와 그 근거',
    },
    [
      textOption(
        {
          name: 'motive',
          ko: '동기',
          description: "A motive such as children's education, salary or fear of purge",
          koDescription: '자녀 교육, 급여, 숙청에 대한 두려움 같은 동기',
        },
        false,
      ),
    ],
  ),

  run(ctx, { options, lang }) {
    const t = strings(lang);
    const render = { knowledge: ctx.knowledge, lang };
    const query = textValue(options, 'motive') ?? '';
    if (query === '') return { embeds: [motivesOverviewEmbed(render)] };
    const found = resolve(ctx, 'motive', query);
    if (!found.found) return missReply(lang, t, t.noMotive, query, found.suggestions);
    return { embeds: [motiveEmbed(render, found.record)], content: alsoMatching(lang, t, found.others) };
  },

  autocomplete(ctx, _option, text) {
    return ctx.search.autocomplete('motive', text);
  },
};
