import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandIntegerOption,
  type APIApplicationCommandStringOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { BotContext } from '../interactions/context.ts';
import type { Lang } from '../render/i18n.ts';
import type { Reply } from '../render/message.ts';
import type { Choice } from '../search/types.ts';

/** The option values of one chat-input command, by option name, as Discord sent them. */
export type OptionValues = ReadonlyMap<string, string | number | boolean>;

export interface CommandInput {
  readonly options: OptionValues;
  readonly lang: Lang;
}

export interface Command {
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  run(ctx: BotContext, input: CommandInput): Reply;
  /** Choices for the focused option; commands without free-text options have none. */
  autocomplete?(ctx: BotContext, option: string, text: string, lang: Lang): Choice[];
}

/** Free text from users: autocompleted, and no longer than any name in the data needs. */
export const freeTextMaxLength = 100;

export interface Texts {
  name: string;
  ko: string;
  description: string;
  koDescription: string;
}

function localized(texts: Texts) {
  return {
    name: texts.name,
    name_localizations: { ko: texts.ko },
    description: texts.description,
    description_localizations: { ko: texts.koDescription },
  };
}

export function textOption(texts: Texts, required: boolean): APIApplicationCommandStringOption {
  return {
    type: ApplicationCommandOptionType.String,
    ...localized(texts),
    required,
    autocomplete: true,
    max_length: freeTextMaxLength,
  };
}

export function yearOption(
  texts: Texts,
  bounds: { min: number; max: number },
): APIApplicationCommandIntegerOption {
  return {
    type: ApplicationCommandOptionType.Integer,
    ...localized(texts),
    required: false,
    min_value: bounds.min,
    max_value: bounds.max,
  };
}

/** A chat-input command installable in guilds and by users, usable in guilds, the bot's DM and group DMs. */
export function chatInput(
  texts: Texts,
  options: APIApplicationCommandBasicOption[] = [],
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    ...localized(texts),
    options,
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ],
  };
}

/** A string option's value, trimmed; numbers and booleans are not text. */
export function textValue(options: OptionValues, name: string): string | undefined {
  const value = options.get(name);
  return typeof value === 'string' ? value.trim() : undefined;
}

export function integerValue(options: OptionValues, name: string): number | undefined {
  const value = options.get(name);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
