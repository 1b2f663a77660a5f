import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageComponentInteraction,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import { splitCustomId } from '../commands/button.ts';
import type { BotContext } from '../commands/context.ts';
import { buttons, commands, messageCommands } from '../commands/definitions.ts';
import { inlineCode } from '../render/escape.ts';
import { type Lang, strings } from '../render/i18n.ts';
import { autocompleteResponse, messageResponse, notice, updateResponse } from '../render/message.ts';
import { describeInteraction, type ErrorReport, errorResponse, langOfInteraction } from './errors.ts';

function command(interaction: APIApplicationCommandInteraction, ctx: BotContext, lang: Lang) {
  const { data } = interaction;
  if (data.type === ApplicationCommandType.ChatInput) {
    const found = commands.get(data.name);
    if (found) return messageResponse(found.run(ctx, data.options, lang));
  } else if (data.type === ApplicationCommandType.Message) {
    const found = messageCommands.get(data.name);
    if (found) return messageResponse(found.run(ctx, data, lang));
  }
  return messageResponse(notice(strings(lang).unknownCommand(inlineCode(`/${String(data.name)}`))));
}

function autocomplete(
  interaction: APIApplicationCommandAutocompleteInteraction,
  ctx: BotContext,
  lang: Lang,
) {
  const found = commands.get(interaction.data.name);
  return autocompleteResponse(found?.autocomplete(ctx, interaction.data.options, lang) ?? []);
}

function button(interaction: APIMessageComponentInteraction, ctx: BotContext, lang: Lang) {
  const id = splitCustomId(String(interaction.data.custom_id));
  const reply = id && buttons.get(id.name)?.press(ctx, id.state, lang);
  return reply ? updateResponse(reply) : messageResponse(notice(strings(lang).unknownButton));
}

function route(interaction: APIInteraction, ctx: BotContext, lang: Lang): APIInteractionResponse {
  switch (interaction.type) {
    case InteractionType.Ping:
      return { type: InteractionResponseType.Pong };
    case InteractionType.ApplicationCommand:
      return command(interaction, ctx, lang);
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
 * format. No I/O. It never throws: whatever goes wrong is told to `report` and becomes the one
 * private error reply (or, for autocomplete, an empty list).
 */
export function respond(
  interaction: APIInteraction,
  ctx: BotContext,
  report: ErrorReport,
): APIInteractionResponse {
  try {
    return route(interaction, ctx, langOfInteraction(interaction));
  } catch (error) {
    try {
      report(error, describeInteraction(interaction));
    } catch {
      // A failing reporter must not turn a handled error into a thrown one.
    }
    return errorResponse(interaction);
  }
}
