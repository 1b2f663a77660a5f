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
import { splitCustomId } from '../commands/button.ts';
import type { BotContext } from '../commands/context.ts';
import { buttons, commands } from '../commands/definitions.ts';
import { inlineCode } from '../render/escape.ts';
import { type Lang, strings } from '../render/i18n.ts';
import {
  type AttachedFile,
  autocompleteResponse,
  messageResponse,
  notice,
  type Reply,
  updateResponse,
} from '../render/message.ts';
import { describeInteraction, type ErrorReport, errorResponse, langOfInteraction } from './errors.ts';

/** The response, and the files (pictures) to upload with it; most replies have none. */
export interface Outgoing {
  response: APIInteractionResponse;
  files: readonly AttachedFile[];
}

type Report = (error: unknown) => void;

/**
 * Draws the reply's pictures. One that fails is reported and left out, and the reply goes
 * without it: a picture never costs the text.
 */
function draw(reply: Reply, report: Report): (AttachedFile & { embed: number })[] {
  return (reply.pictures ?? []).flatMap((slot) => {
    try {
      const picture = slot.render();
      return [{ name: slot.name, embed: slot.embed, data: picture.png, description: picture.alt }];
    } catch (error) {
      report(error);
      return [];
    }
  });
}

function send(kind: 'message' | 'update', reply: Reply, report: Report): Outgoing {
  const files = draw(reply, report);
  const response = kind === 'update' ? updateResponse(reply, files) : messageResponse(reply, files);
  return { response, files: files.map(({ name, data, description }) => ({ name, data, description })) };
}

const textOnly = (response: APIInteractionResponse): Outgoing => ({ response, files: [] });

function command(
  interaction: APIChatInputApplicationCommandInteraction,
  ctx: BotContext,
  lang: Lang,
  report: Report,
): Outgoing {
  const found = commands.get(interaction.data.name);
  if (!found || interaction.data.type !== ApplicationCommandType.ChatInput) {
    return textOnly(
      messageResponse(notice(strings(lang).unknownCommand(inlineCode(`/${String(interaction.data.name)}`)))),
    );
  }
  return send('message', found.run(ctx, interaction.data.options, lang), report);
}

function autocomplete(
  interaction: APIApplicationCommandAutocompleteInteraction,
  ctx: BotContext,
  lang: Lang,
): Outgoing {
  const found = commands.get(interaction.data.name);
  return textOnly(autocompleteResponse(found?.autocomplete(ctx, interaction.data.options, lang) ?? []));
}

function button(interaction: APIMessageComponentInteraction, ctx: BotContext, lang: Lang, report: Report) {
  const id = splitCustomId(String(interaction.data.custom_id));
  const reply = id && buttons.get(id.name)?.press(ctx, id.state, lang);
  return reply
    ? send('update', reply, report)
    : textOnly(messageResponse(notice(strings(lang).unknownButton)));
}

function route(interaction: APIInteraction, ctx: BotContext, lang: Lang, report: Report): Outgoing {
  switch (interaction.type) {
    case InteractionType.Ping:
      return textOnly({ type: InteractionResponseType.Pong });
    case InteractionType.ApplicationCommand:
      return command(interaction as APIChatInputApplicationCommandInteraction, ctx, lang, report);
    case InteractionType.ApplicationCommandAutocomplete:
      return autocomplete(interaction, ctx, lang);
    case InteractionType.MessageComponent:
      return button(interaction, ctx, lang, report);
    default:
      return textOnly(messageResponse(notice(strings(lang).unknownButton)));
  }
}

/**
 * The whole bot: a Discord interaction in, the response to send back out, in Discord's wire
 * format, with any pictures to upload alongside. No I/O. It never throws: whatever goes wrong is
 * told to `report` and becomes the one private error reply (or, for autocomplete, an empty list).
 */
export function respondWithFiles(
  interaction: APIInteraction,
  ctx: BotContext,
  report: ErrorReport,
): Outgoing {
  const about = () => describeInteraction(interaction);
  const tell = (error: unknown) => {
    try {
      report(error, about());
    } catch {
      // A failing reporter must not turn a handled error into a thrown one.
    }
  };
  try {
    return route(interaction, ctx, langOfInteraction(interaction), tell);
  } catch (error) {
    tell(error);
    return textOnly(errorResponse(interaction));
  }
}

/** The response alone, for callers that send no files (tests, benchmarks, replies without pictures). */
export function respond(
  interaction: APIInteraction,
  ctx: BotContext,
  report: ErrorReport,
): APIInteractionResponse {
  return respondWithFiles(interaction, ctx, report).response;
}
