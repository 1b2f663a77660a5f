import type { APIEmbed } from 'discord-api-types/v10';
import { type RecordOfKind, recordById } from '../knowledge/kinds.ts';
import type { RenderContext } from '../render/card.ts';
import { recordChoices } from '../render/choices.ts';
import { type Strings, strings } from '../render/i18n.ts';
import { limits } from '../render/limits.ts';
import { notice } from '../render/message.ts';
import { type ButtonCodec, handleButton } from './button.ts';
import { type Command, defineCommand, type Texts, textOption } from './command.ts';
import { resolve } from './resolve.ts';
import { alsoMatching, missReply } from './suggestions.ts';

interface ListOrCard<K extends 'motive' | 'response', N extends string> {
  command: Texts;
  /** The one optional free-text option that names a record. */
  option: Texts<N>;
  kind: K;
  miss: (t: Strings) => (query: string) => string;
  list: (render: RenderContext) => APIEmbed;
  card: (render: RenderContext, record: RecordOfKind[K]) => APIEmbed;
  /** The button that opens one record's card from elsewhere (a list of what a message mentions). */
  button: ButtonCodec<string>;
}

/**
 * A command with one optional option naming a record of `kind`: without it, the list of all such
 * records; with it, that record's card, or a private "did you mean" when nothing matches.
 */
export function listOrCardCommand<K extends 'motive' | 'response', const N extends string>(
  spec: ListOrCard<K, N>,
): Command {
  return defineCommand({
    texts: spec.command,
    options: [textOption(spec.option, false)],

    run(ctx, { options, lang }) {
      const t = strings(lang);
      const render = { knowledge: ctx.knowledge, lang };
      // The option is a string option named N; TypeScript cannot resolve a mapped type at a generic key.
      const query = (options[spec.option.name] as string | undefined) ?? '';
      if (query === '') return { embeds: [spec.list(render)] };
      const found = resolve(ctx, spec.kind, query);
      if (!found.found) return missReply(lang, t, spec.miss(t), query, found.suggestions);
      return { embeds: [spec.card(render, found.record)], content: alsoMatching(lang, t, found.others) };
    },

    autocomplete(ctx, { text }, lang) {
      return recordChoices(lang, ctx.search.autocomplete(spec.kind, text, limits.choices), false);
    },

    buttons: [
      handleButton(spec.button, (ctx, id, lang) => {
        const record = recordById(ctx.knowledge, spec.kind, id);
        return record
          ? { embeds: [spec.card({ knowledge: ctx.knowledge, lang }, record)] }
          : notice(strings(lang).goneRecord);
      }),
    ],
  });
}
