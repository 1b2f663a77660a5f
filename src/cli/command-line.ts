import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  type Locale,
  MessageType,
} from 'discord-api-types/v10';
import { commands, messageCommands } from '../commands/definitions.ts';

/**
 * Turns a typed command line (`/defector name:cho song gil`) into the interaction Discord would
 * send for it, so the preview runs the same core as the real bot. Discord's client refuses what
 * it cannot send (unknown options, a missing required option, a year out of bounds); so does this.
 */

export class CommandLineError extends Error {}

export interface ParsedLine {
  command: string;
  options: APIApplicationCommandInteractionDataBasicOption[];
}

function unquote(text: string): string {
  const match = /^(["'])([\s\S]*)\1$/.exec(text);
  return match ? (match[2] as string) : text;
}

function optionValue(
  option: APIApplicationCommandBasicOption,
  raw: string,
  focused: boolean,
): APIApplicationCommandInteractionDataBasicOption {
  // While typing, Discord sends the partial text as it stands, whatever the option's type.
  if (focused)
    return { name: option.name, type: ApplicationCommandOptionType.String, value: raw, focused: true };
  if (raw === '') throw new CommandLineError(`option ${option.name}: has no value`);
  if (option.type === ApplicationCommandOptionType.String) {
    if (option.max_length !== undefined && [...raw].length > option.max_length) {
      throw new CommandLineError(`option ${option.name}: is longer than ${option.max_length} characters`);
    }
    return { name: option.name, type: option.type, value: raw };
  }
  if (option.type === ApplicationCommandOptionType.Integer) {
    const value = /^-?\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    const { min_value: min = -Infinity, max_value: max = Infinity } = option;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new CommandLineError(`option ${option.name}: expects a whole number from ${min} to ${max}`);
    }
    return { name: option.name, type: option.type, value };
  }
  throw new CommandLineError(`option ${option.name}: unsupported option type`);
}

/**
 * `/name opt:value opt:value`. A value runs to the next `option:` of that command; quotes around
 * it are optional. With `focusLast`, the last option is the one being typed (autocomplete).
 */
export function parseCommandLine(line: string, focusLast = false): ParsedLine {
  const match = /^\s*\/(\S+)\s*([\s\S]*)$/.exec(line);
  if (!match) throw new CommandLineError('a command line starts with /, e.g. /defector name:thae');
  const typed = (match[1] as string).toLowerCase();
  const rest = match[2] as string;
  const command = [...commands.values()].find(
    ({ definition }) => definition.name === typed || definition.name_localizations?.ko === typed,
  );
  if (!command)
    throw new CommandLineError(`unknown command /${typed}; try one of: /${[...commands.keys()].join(', /')}`);
  const definitions = (command.definition.options ?? []) as APIApplicationCommandBasicOption[];
  const byName = new Map<string, APIApplicationCommandBasicOption>();
  for (const option of definitions) {
    byName.set(option.name, option);
    const ko = option.name_localizations?.ko;
    if (ko) byName.set(ko, option);
  }

  const names = [...byName.keys()].sort((a, b) => b.length - a.length).join('|');
  const marker = names === '' ? undefined : new RegExp(`(?:^|\\s)(${names}):`, 'gu');
  const found = marker ? [...rest.matchAll(marker)] : [];
  const leading = rest.slice(0, found[0]?.index ?? rest.length).trim();
  if (leading !== '') {
    const known = definitions.map((option) => `${option.name}:`).join(' ') || 'none';
    throw new CommandLineError(
      `unexpected text "${leading}"; options of /${command.definition.name}: ${known}`,
    );
  }

  const options: APIApplicationCommandInteractionDataBasicOption[] = [];
  found.forEach((hit, index) => {
    const option = byName.get(hit[1] as string) as APIApplicationCommandBasicOption;
    if (options.some((given) => given.name === option.name)) {
      throw new CommandLineError(`option ${option.name}: given twice`);
    }
    const end = found[index + 1]?.index ?? rest.length;
    const raw = unquote(rest.slice((hit.index ?? 0) + hit[0].length, end).trim());
    const focused = focusLast && index === found.length - 1;
    if (focused && !('autocomplete' in option && option.autocomplete)) {
      throw new CommandLineError(`option ${option.name}: has no autocomplete`);
    }
    options.push(optionValue(option, raw, focused));
  });

  if (focusLast && found.length === 0) throw new CommandLineError('autocomplete needs an option being typed');
  if (!focusLast) {
    const missing = definitions.find(
      (option) => option.required && !options.some((given) => given.name === option.name),
    );
    if (missing) throw new CommandLineError(`option ${missing.name}: is required`);
  }
  return { command: command.definition.name, options };
}

const user: APIUser = {
  id: '300000000000000003',
  username: 'preview',
  discriminator: '0',
  global_name: null,
  avatar: null,
};

/** The fields Discord puts on every interaction; the ids are fixed placeholders. */
function envelope(locale: string) {
  return {
    id: '100000000000000001',
    application_id: '200000000000000002',
    token: 'preview',
    version: 1 as const,
    app_permissions: '0',
    locale: locale as Locale,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: user.id },
    context: InteractionContextType.BotDM,
    attachment_size_limit: 10_485_760,
    channel: { id: '400000000000000004', type: ChannelType.DM as const },
    channel_id: '400000000000000004',
    user,
  };
}

/** The `data` of a chat-input command as Discord sends it, for a use or for autocomplete. */
function commandData(parsed: ParsedLine) {
  return {
    id: '500000000000000005',
    name: parsed.command,
    type: ApplicationCommandType.ChatInput as const,
    options: parsed.options,
  };
}

export function commandInteraction(
  parsed: ParsedLine,
  locale: string,
): APIChatInputApplicationCommandInteraction {
  return { ...envelope(locale), type: InteractionType.ApplicationCommand, data: commandData(parsed) };
}

export function autocompleteInteraction(
  parsed: ParsedLine,
  locale: string,
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...envelope(locale),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: commandData(parsed),
  };
}

/** A message in the preview's channel: by the bot unless `author` says otherwise. */
function channelMessage(fields: Partial<APIMessage>): APIMessage {
  return {
    id: '600000000000000006',
    channel_id: '400000000000000004',
    author: { ...user, id: '200000000000000002', username: 'defectors-bot', bot: true },
    content: '',
    timestamp: '2026-01-01T00:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.ChatInputCommand,
    ...fields,
  };
}

/** A press of the button `customId` on a message the bot sent earlier. */
export function buttonInteraction(customId: string, locale: string): APIMessageComponentButtonInteraction {
  const message = channelMessage({});
  return {
    ...envelope(locale),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  };
}

/**
 * The message command (`Look up defectors`) used on a message someone wrote: Discord sends the
 * message itself in `data.resolved.messages`, keyed by `data.target_id`.
 */
export function messageCommandInteraction(
  message: { content: string; embeds?: APIMessage['embeds'] },
  locale: string,
): APIMessageApplicationCommandInteraction {
  const [command] = messageCommands.values();
  if (!command) throw new Error('no message command is defined');
  const target = channelMessage({
    id: '700000000000000007',
    author: { ...user, id: '800000000000000008', username: 'someone' },
    content: message.content,
    embeds: message.embeds ?? [],
    type: MessageType.Default,
  });
  return {
    ...envelope(locale),
    type: InteractionType.ApplicationCommand,
    data: {
      id: '900000000000000009',
      name: command.definition.name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}
