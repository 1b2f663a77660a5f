import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIMessage,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  MessageType,
} from 'discord-api-types/v10';
import {
  appPermissions,
  interactionChannel,
  interactionMember,
  plainMessage,
  type World,
} from './payloads.ts';
import { snowflake } from './snowflake.ts';

/** What a test supplies: the interaction type, its `data`, and any top-level field to override. */
export type InteractionPartial = Partial<Omit<APIInteraction, 'type' | 'data'>> & {
  type: InteractionType;
  data?: unknown;
  locale?: string;
  message?: APIMessage;
};

export interface InteractionPlace {
  /** `null` puts the interaction in a DM with the tester. */
  guildId: string | null;
}

/**
 * A complete INTERACTION_CREATE payload. discord.js 14 throws inside its gateway handler without
 * `entitlements` and `authorizing_integration_owners`, and leaves `channelId` null without a
 * `channel` object, so both are always present.
 */
export function buildInteraction(
  world: World,
  partial: InteractionPartial,
  place: InteractionPlace,
): APIInteraction {
  const { guildId } = place;
  const where =
    guildId === null
      ? {
          user: world.tester,
          context: InteractionContextType.BotDM,
          authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: world.tester.id },
        }
      : {
          guild_id: guildId,
          guild: { id: guildId, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          member: interactionMember(world),
          context: InteractionContextType.Guild,
          authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
        };
  const channel = interactionChannel(world, guildId);
  return {
    id: snowflake(),
    application_id: world.applicationId,
    token: `fake-itok.${randomBytes(24).toString('base64url')}`,
    version: 1,
    channel,
    channel_id: channel.id,
    app_permissions: appPermissions,
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
    ...where,
    ...partial,
  } as unknown as APIInteraction;
}

/** Option values as a test writes them; the option type is inferred (string, integer, boolean, number). */
export type OptionValues = Record<string, string | number | boolean>;

/** `values` as the options Discord sends; `focused` names the one being typed (autocomplete). */
export function optionsOf(
  values: OptionValues,
  focused?: string,
): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(values).map(([name, value]) => {
    const type =
      typeof value === 'string'
        ? ApplicationCommandOptionType.String
        : typeof value === 'boolean'
          ? ApplicationCommandOptionType.Boolean
          : Number.isInteger(value)
            ? ApplicationCommandOptionType.Integer
            : ApplicationCommandOptionType.Number;
    return { name, type, value, ...(name === focused ? { focused: true } : {}) };
  }) as APIApplicationCommandInteractionDataBasicOption[];
}

/** Nests options under a subcommand when the name is `command sub`, as Discord does. */
function commandData(commandName: string, options: APIApplicationCommandInteractionDataOption[]) {
  const [name = commandName, sub] = commandName.split(' ');
  return {
    id: commandIdFor(name),
    name,
    type: ApplicationCommandType.ChatInput,
    options: sub ? [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options }] : options,
  };
}

// Stable per name, so a handler keyed by command id sees the same id every time.
const commandIds = new Map<string, string>();
export function commandIdFor(name: string): string {
  let id = commandIds.get(name);
  if (!id) {
    id = snowflake();
    commandIds.set(name, id);
  }
  return id;
}

/** `/name opt:value` — `name` may be `"command subcommand"`. */
export function chatInput(name: string, options: OptionValues = {}): InteractionPartial {
  return { type: InteractionType.ApplicationCommand, data: commandData(name, optionsOf(options)) };
}

/** Typing into option `focused` of `/name`; the other options are already filled in. */
export function autocomplete(
  name: string,
  focused: string,
  typed: string,
  others: OptionValues = {},
): InteractionPartial {
  const options = optionsOf({ ...others, [focused]: typed }, focused);
  return { type: InteractionType.ApplicationCommandAutocomplete, data: commandData(name, options) };
}

/** A press on button `customId` of `message` (e.g. one the bot sent earlier, from `fake.messages`). */
export function buttonPress(customId: string, message: APIMessage): InteractionPartial {
  return {
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message,
  };
}

/**
 * A message command (Apps → on a message) used on a message `author` wrote with this content:
 * Discord sends the message itself in `data.resolved.messages`, keyed by `data.target_id`.
 */
export function messageCommand(name: string, author: APIUser, content: string): InteractionPartial {
  const id = snowflake();
  const target = {
    id,
    type: MessageType.Default,
    channel_id: snowflake(),
    author,
    content,
    embeds: [],
    components: [],
    ...plainMessage(),
  } as APIMessage;
  return {
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandIdFor(name),
      name,
      type: ApplicationCommandType.Message,
      target_id: id,
      resolved: { messages: { [id]: target } },
    },
  };
}
