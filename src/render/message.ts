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
import type { Picture } from '../pictures/index.ts';
import { cut, fitEmbeds, limits } from './limits.ts';

export interface Button {
  label: string;
  customId: string;
  style?: ButtonStyle.Primary | ButtonStyle.Secondary;
}

/**
 * A picture a reply would like to show in one of its embeds. Rendering is left to the core,
 * which draws it only when the reply is sent and, should it fail, logs the error and sends the
 * text without it: a picture never costs the reply.
 */
export interface PictureSlot {
  /** The file name, which the embed points at as `attachment://<name>`. */
  name: string;
  /** Which embed shows it. */
  embed: number;
  render: () => Picture;
}

/** A rendered picture on its way out with the message. */
export interface AttachedFile {
  name: string;
  data: Buffer;
  /** Alt text, in the reader's language. */
  description: string;
}

/** What a command or button handler answers, before Discord's wire format and limits are applied. */
export interface Reply {
  embeds: APIEmbed[];
  pictures?: readonly PictureSlot[];
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

/**
 * The message body every reply goes through: limits applied, mentions locked. Each attached
 * picture is shown in its embed and listed in `attachments` (ids are the files' positions, as
 * the multipart upload numbers them).
 */
function messageData(
  reply: Reply,
  files: readonly (AttachedFile & { embed: number })[],
): APIInteractionResponseCallbackData {
  const embeds = fitEmbeds(reply.embeds);
  for (const file of files) {
    const embed = embeds[file.embed];
    if (embed) embeds[file.embed] = { ...embed, image: { url: `attachment://${file.name}` } };
  }
  const data: APIInteractionResponseCallbackData = {
    embeds,
    components: rows(reply.buttons ?? []),
    allowed_mentions: { parse: [] },
  };
  if (files.length > 0) {
    data.attachments = files.map((file, id) => ({ id, filename: file.name, description: file.description }));
  }
  // An update replaces the whole message, so content is always set: empty clears the old text.
  data.content = cut(reply.content ?? '', limits.content);
  if (reply.ephemeral) data.flags = MessageFlags.Ephemeral;
  return data;
}

/** A new message in answer to a command (type 4), with the pictures that rendered. */
export function messageResponse(
  reply: Reply,
  files: readonly (AttachedFile & { embed: number })[] = [],
): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: messageData(reply, files) };
}

/**
 * A button press edits the message it is on (type 7), except for a private notice, which cannot
 * replace a public message and so comes as a new ephemeral one.
 */
export function updateResponse(
  reply: Reply,
  files: readonly (AttachedFile & { embed: number })[] = [],
): APIInteractionResponse {
  if (reply.ephemeral) return messageResponse(reply, files);
  const { flags: _flags, ...data } = messageData(reply, files);
  // An update replaces the message's pictures too: the view it shows now may have none.
  return {
    type: InteractionResponseType.UpdateMessage,
    data: { ...data, attachments: data.attachments ?? [] },
  };
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
