import {
  type APIApplicationCommandIntegerOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandStringOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Lang } from '../render/i18n.ts';
import type { Reply } from '../render/message.ts';
import type { ButtonHandler } from './button.ts';
import type { BotContext } from './context.ts';

/**
 * A command is its Discord definition plus handlers whose option types are derived from that
 * definition: `options.name` exists, and is a string, exactly when the definition declares a
 * string option `name`. Options are read from the interaction by the definition, so a handler
 * never sees an option it did not declare or a value of the wrong type.
 */

/** Free text from users: autocompleted, and no longer than any name in the data needs. */
const freeTextMaxLength = 100;

export interface Texts<N extends string = string> {
  name: N;
  ko: string;
  description: string;
  koDescription: string;
}

type TextOption<N extends string, R extends boolean> = APIApplicationCommandStringOption & {
  name: N;
  required: R;
};
type IntegerOption<N extends string> = APIApplicationCommandIntegerOption & { name: N; required: false };
type CommandOption = TextOption<string, boolean> | IntegerOption<string>;

type ValueOf<O> = O extends { type: ApplicationCommandOptionType.String } ? string : number;

/** The option values a handler receives, typed from the command's own option definitions. */
export type OptionsOf<O extends readonly CommandOption[]> = {
  [X in O[number] as X['name']]: X['required'] extends true ? ValueOf<X> : ValueOf<X> | undefined;
};

/** The names of the options that autocomplete. */
type AutocompleteName<O extends readonly CommandOption[]> = Extract<
  O[number],
  { autocomplete: true }
>['name'];

function localized<N extends string>(texts: Texts<N>) {
  return {
    name: texts.name,
    name_localizations: { ko: texts.ko },
    description: texts.description,
    description_localizations: { ko: texts.koDescription },
  };
}

export function textOption<const N extends string, const R extends boolean>(
  texts: Texts<N>,
  required: R,
): TextOption<N, R> & { autocomplete: true } {
  return {
    type: ApplicationCommandOptionType.String,
    ...localized(texts),
    required,
    autocomplete: true,
    max_length: freeTextMaxLength,
  };
}

/** From the first known defection of rank (1956) to a little past today, with room either side. */
export const yearBounds = { min: 1945, max: 2035 } as const;

export function yearOption<const N extends string>(
  texts: Texts<N>,
  bounds: { min: number; max: number },
): IntegerOption<N> {
  return {
    type: ApplicationCommandOptionType.Integer,
    ...localized(texts),
    required: false,
    min_value: bounds.min,
    max_value: bounds.max,
  };
}

export interface CommandSpec<O extends readonly CommandOption[]> {
  texts: Texts;
  options: O;
  run(ctx: BotContext, input: { options: OptionsOf<O>; lang: Lang }): Reply;
  /** Choices for the option being typed in. */
  autocomplete?(
    ctx: BotContext,
    focused: { name: AutocompleteName<O>; text: string },
    lang: Lang,
  ): APIApplicationCommandOptionChoice[];
  /** The buttons this command answers presses of. */
  buttons?: readonly ButtonHandler[];
}

type SentOptions = readonly APIApplicationCommandInteractionDataOption[] | undefined;

/** A command as the router sees it: the interaction's raw options in, a reply or choices out. */
export interface Command {
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly buttons: readonly ButtonHandler[];
  run(ctx: BotContext, sent: SentOptions, lang: Lang): Reply;
  /** Undefined when no declared autocomplete option is focused. */
  autocomplete(
    ctx: BotContext,
    sent: SentOptions,
    lang: Lang,
  ): APIApplicationCommandOptionChoice[] | undefined;
}

/** The top-level options as sent; these commands have no subcommands, so anything nested is ignored. */
function sentList(sent: SentOptions): APIApplicationCommandInteractionDataOption[] {
  return Array.isArray(sent)
    ? sent.filter(
        (option) => typeof option === 'object' && option !== null && typeof option.name === 'string',
      )
    : [];
}

/** The declared option's value: trimmed text for a string option, an integer for an integer option. */
function valueFor(declared: CommandOption, sent: APIApplicationCommandInteractionDataOption | undefined) {
  const value: unknown = sent && 'value' in sent ? sent.value : undefined;
  if (declared.type === ApplicationCommandOptionType.String) {
    return typeof value === 'string' ? value.trim() : undefined;
  }
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A chat-input command installable in guilds and by users, usable in guilds, the bot's DM and group DMs. */
export function defineCommand<const O extends readonly CommandOption[]>(spec: CommandSpec<O>): Command {
  const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    ...localized(spec.texts),
    options: [...spec.options],
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ],
  };

  function read(sent: SentOptions): OptionsOf<O> {
    const list = sentList(sent);
    const values: Record<string, string | number | undefined> = {};
    for (const declared of spec.options) {
      const value = valueFor(
        declared,
        list.find((option) => option.name === declared.name),
      );
      // A required text option Discord failed to send reads as empty text, which handlers treat as a miss.
      values[declared.name] = value ?? (declared.required ? '' : undefined);
    }
    return values as OptionsOf<O>;
  }

  return {
    definition,
    buttons: spec.buttons ?? [],
    run: (ctx, sent, lang) => spec.run(ctx, { options: read(sent), lang }),
    autocomplete(ctx, sent, lang) {
      const focused = sentList(sent).find((option) => 'focused' in option && option.focused === true);
      const declared = spec.options.find(
        (option) => option.name === focused?.name && 'autocomplete' in option && option.autocomplete,
      );
      if (!spec.autocomplete || !focused || !declared) return undefined;
      const text = 'value' in focused ? String(focused.value) : '';
      return spec.autocomplete(ctx, { name: declared.name as AutocompleteName<O>, text }, lang);
    },
  };
}
