import type { APIEmbed } from 'discord-api-types/v10';
import type { RenderContext } from '../render/card.ts';
import { type Strings, strings } from '../render/i18n.ts';
import type { RecordOfKind } from '../search/types.ts';
import { type Command, chatInput, type Texts, textOption, textValue } from './command.ts';
import { resolve } from './resolve.ts';
import { alsoMatching, missReply } from './suggestions.ts';

interface ListOrCard<K extends 'motive' | 'response'> {
  command: Texts;
  /** The one optional free-text option that names a record. */
  option: Texts;
  kind: K;
  miss: (t: Strings) => (query: string) => string;
  list: (render: RenderContext) => APIEmbed;
  card: (render: RenderContext, record: RecordOfKind[K]) => APIEmbed;
}

/**
 * A command with one optional option naming a record of `kind`: without it, the list of all such
 * records; with it, that record's card, or a private "did you mean" when nothing matches.
 */
export function listOrCardCommand<K extends 'motive' | 'response'>(spec: ListOrCard<K>): Command {
  return {
    definition: chatInput(spec.command, [textOption(spec.option, false)]),

    run(ctx, { options, lang }) {
      const t = strings(lang);
      const render = { knowledge: ctx.knowledge, lang };
      const query = textValue(options, spec.option.name) ?? '';
      if (query === '') return { embeds: [spec.list(render)] };
      const found = resolve(ctx, spec.kind, query);
      if (!found.found) return missReply(lang, t, spec.miss(t), query, found.suggestions);
      return { embeds: [spec.card(render, found.record)], content: alsoMatching(lang, t, found.others) };
    },

    autocomplete(ctx, _option, text) {
      return ctx.search.autocomplete(spec.kind, text);
    },
  };
}
