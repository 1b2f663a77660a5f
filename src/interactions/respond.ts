import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageComponentInteraction,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import { localizeChoices } from '../commands/choices.ts';
import { personCardById, personMotives } from '../commands/defector.ts';
import { commands } from '../commands/definitions.ts';
import { timelinePage } from '../commands/timeline.ts';
import { inlineCode } from '../render/escape.ts';
import { type Lang, langOf, strings } from '../render/i18n.ts';
import { autocompleteResponse, messageResponse, notice, updateResponse } from '../render/message.ts';
import type { BotContext } from './context.ts';
import { decodeCustomId } from './custom-id.ts';
import { readOptions } from './options.ts';

function command(interaction: APIChatInputApplicationCommandInteraction, ctx: BotContext, lang: Lang) {
  const found = commands.get(interaction.data.name);
  if (!found || interaction.data.type !== ApplicationCommandType.ChatInput) {
    return messageResponse(
      notice(strings(lang).unknownCommand(inlineCode(`/${String(interaction.data.name)}`))),
    );
  }
  const { values } = readOptions(interaction.data.options);
  return messageResponse(found.run(ctx, { options: values, lang }));
}

function autocomplete(
  interaction: APIApplicationCommandAutocompleteInteraction,
  ctx: BotContext,
  lang: Lang,
) {
  const found = commands.get(interaction.data.name);
  const { focused } = readOptions(interaction.data.options);
  const declared = found?.definition.options?.some(
    (option) => option.name === focused?.name && 'autocomplete' in option && option.autocomplete,
  );
  if (!found?.autocomplete || !focused || !declared) return autocompleteResponse([]);
  return autocompleteResponse(
    localizeChoices(ctx, lang, found.autocomplete(ctx, focused.name, focused.text, lang)),
  );
}

function button(interaction: APIMessageComponentInteraction, ctx: BotContext, lang: Lang) {
  const action = decodeCustomId(String(interaction.data.custom_id));
  if (!action) return messageResponse(notice(strings(lang).unknownButton));
  switch (action.action) {
    case 'timeline':
      return updateResponse(timelinePage(ctx, lang, action.page, action.filter));
    case 'why':
      return updateResponse(personMotives(ctx, lang, action.person));
    case 'defector':
      return updateResponse(personCardById(ctx, lang, action.person));
  }
}

function route(interaction: APIInteraction, ctx: BotContext, lang: Lang): APIInteractionResponse {
  switch (interaction.type) {
    case InteractionType.Ping:
      return { type: InteractionResponseType.Pong };
    case InteractionType.ApplicationCommand:
      return command(interaction as APIChatInputApplicationCommandInteraction, ctx, lang);
    case InteractionType.ApplicationCommandAutocomplete:
      return autocomplete(interaction, ctx, lang);
    case InteractionType.MessageComponent:
      return button(interaction, ctx, lang);
    default:
      return messageResponse(notice(strings(lang).unknownButton));
  }
}

/**
 * The whole bot: a Discord interaction in, the response to send back out, in Discord's wire
 * format. No I/O. It never throws: whatever goes wrong becomes a private generic error (or, for
 * autocomplete, which cannot show one, an empty list).
 */
export function respond(interaction: APIInteraction, ctx: BotContext): APIInteractionResponse {
  const lang = langOf((interaction as { locale?: unknown } | null)?.locale as string | undefined);
  try {
    return route(interaction, ctx, lang);
  } catch (error) {
    try {
      ctx.reportError?.(error);
    } catch {
      // A failing reporter must not turn a handled error into a thrown one.
    }
    if ((interaction as { type?: unknown } | null)?.type === InteractionType.ApplicationCommandAutocomplete) {
      return autocompleteResponse([]);
    }
    return messageResponse(notice(strings(lang).genericError));
  }
}
