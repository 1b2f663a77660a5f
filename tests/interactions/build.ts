import {
  type APIEmbed,
  type APIInteraction,
  type APIPingInteraction,
  InteractionType,
} from 'discord-api-types/v10';
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  messageCommandInteraction,
} from '../../src/cli/command-line.ts';
import { type OptionValues, optionsOf } from '../fake-discord/interactions.ts';

/**
 * Interactions as Discord sends them by HTTP (a DM with the bot), built by the preview's builders in
 * `src/cli/command-line.ts`. Each one gets its own id and token, so replies to concurrent requests
 * can be told apart.
 */

let serial = 0;

function fresh<T extends APIInteraction>(interaction: T): T {
  serial += 1;
  return {
    ...interaction,
    id: String(1_200_000_000_000_000_000n + BigInt(serial)),
    token: `token-${serial}`,
  };
}

/** A chat-input command; the values need not match the command's definition. */
export function slash(command: string, values: OptionValues = {}, locale = 'en-US') {
  return fresh(commandInteraction({ command, options: optionsOf(values) }, locale));
}

/** Typing in `focused`, the other options already filled. */
export function typing(command: string, values: OptionValues, focused: string, locale = 'en-US') {
  return fresh(autocompleteInteraction({ command, options: optionsOf(values, focused) }, locale));
}

export function press(customId: string, locale = 'en-US') {
  return fresh(buttonInteraction(customId, locale));
}

/** The PING Discord sends to check the endpoint: no user, channel or data. */
export function ping(): APIPingInteraction {
  const { id, application_id, token, version, app_permissions, entitlements, attachment_size_limit } =
    slash('ping');
  return {
    id,
    application_id,
    token,
    version,
    app_permissions,
    entitlements,
    authorizing_integration_owners: {},
    attachment_size_limit,
    type: InteractionType.Ping,
  };
}

/** "Look up defectors" used on a message with this content (and embeds). */
export function onMessage(content: string, locale = 'en-US', embeds: APIEmbed[] = []) {
  return fresh(messageCommandInteraction({ content, embeds }, locale));
}
