import {
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
} from 'discord-api-types/v10';
import { cut, fitEmbeds, limits } from './limits.ts';

export interface Button {
  label: string;
  customId: string;
  style?: ButtonStyle.Primary | ButtonStyle.Secondary;
}

/** What a command or button handler answers, before Discord's wire format and limits are applied. */
export interface Reply {
  embeds: APIEmbed[];
  buttons?: Button[];
  /** Plain text, used for misses and errors. */
  content?: string;
  /** Misses and errors are shown only to the user who asked. */
  ephemeral?: boolean;
}

/** A private plain-text answer: misses, errors, unknown buttons. */
export function notice(text: string): Reply {
  return { embeds: [], content: text, ephemeral: true };
}

function rows(buttons: readonly Button[]): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const all = buttons.slice(0, limits.buttonsPerRow * limits.rowsPerMessage).map(
    (button): APIButtonComponentWithCustomId => ({
      type: ComponentType.Button,
      style: button.style ?? ButtonStyle.Secondary,
      label: cut(button.label, limits.buttonLabel),
      custom_id: button.customId,
    }),
  );
  const result: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (let i = 0; i < all.length; i += limits.buttonsPerRow) {
    result.push({ type: ComponentType.ActionRow, components: all.slice(i, i + limits.buttonsPerRow) });
  }
  return result;
}

/** The message body every reply goes through: limits applied, mentions locked. */
function messageData(reply: Reply): APIInteractionResponseCallbackData {
  const data: APIInteractionResponseCallbackData = {
    embeds: fitEmbeds(reply.embeds),
    components: rows(reply.buttons ?? []),
    allowed_mentions: { parse: [] },
  };
  // An update replaces the whole message, so content is always set: empty clears the old text.
  data.content = cut(reply.content ?? '', limits.content);
  if (reply.ephemeral) data.flags = MessageFlags.Ephemeral;
  return data;
}

/** A new message in answer to a command (type 4). */
export function messageResponse(reply: Reply): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: messageData(reply) };
}

/**
 * A button press edits the message it is on (type 7), except for a private notice, which cannot
 * replace a public message and so comes as a new ephemeral one.
 */
export function updateResponse(reply: Reply): APIInteractionResponse {
  if (reply.ephemeral) return messageResponse(reply);
  const { flags: _flags, ...data } = messageData(reply);
  return { type: InteractionResponseType.UpdateMessage, data };
}

export function autocompleteResponse(
  choices: readonly APIApplicationCommandOptionChoice[],
): APIInteractionResponse {
  return {
    type: InteractionResponseType.ApplicationCommandAutocompleteResult,
    data: {
      choices: choices
        .filter((choice) => String(choice.value).length <= limits.choiceValue)
        .slice(0, limits.choices)
        .map((choice) => ({ ...choice, name: cut(choice.name, limits.choiceName) || '…' })),
    },
  };
}
