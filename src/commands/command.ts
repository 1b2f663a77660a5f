import {
  type APIApplicationCommandIntegerOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandStringOption,
  type APIMessageApplicationCommandInteractionData,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
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
const yearBounds = { min: 1945, max: 2035 } as const;

function yearOption<const N extends string>(texts: Texts<N>): IntegerOption<N> {
  return {
    type: ApplicationCommandOptionType.Integer,
    ...localized(texts),
    required: false,
    min_value: yearBounds.min,
    max_value: yearBounds.max,
  };
}

/** The optional first and last year that /timeline and /map both take. */
export const yearSpanOptions = [
  yearOption({
    name: 'from',
    ko: '시작-연도',
    description: 'First year to show',
    koDescription: '보여 줄 첫해',
  }),
  yearOption({
    name: 'to',
    ko: '끝-연도',
    description: 'Last year to show',
    koDescription: '보여 줄 마지막 해',
  }),
] as const;

/**
 * The span the year options ask for: each year held within the bounds (Discord enforces them, a
 * hand-made interaction may not), and years typed the wrong way round still mean a span.
 */
export function yearSpan(options: { from?: number; to?: number }): { from?: number; to?: number } {
  const clamp = (year: number | undefined) =>
    year === undefined ? undefined : Math.min(yearBounds.max, Math.max(yearBounds.min, year));
  const from = clamp(options.from);
  const to = clamp(options.to);
  if (from === undefined || to === undefined) return { from, to };
  return { from: Math.min(from, to), to: Math.max(from, to) };
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

/** Installable in guilds and by users; usable in guilds, the bot's DM and group DMs: every command. */
const everywhere = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
};

/** A chat-input command installable in guilds and by users, usable in guilds, the bot's DM and group DMs. */
export function defineCommand<const O extends readonly CommandOption[]>(spec: CommandSpec<O>): Command {
  const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    ...localized(spec.texts),
    options: [...spec.options],
    ...structuredClone(everywhere),
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

/**
 * A message command (Apps → on a message) reads the message it was used on. Discord sends that
 * message in the interaction itself (`data.resolved.messages[data.target_id]`), so reading it needs
 * no Message Content intent.
 */
export interface MessageCommandSpec {
  /** Names may have capitals and spaces (`Look up defectors`); message commands have no description. */
  texts: { name: string; ko: string };
  /** `text`: the message's content, then its embeds' titles and descriptions, one to a paragraph. */
  run(ctx: BotContext, input: { text: string; lang: Lang }): Reply;
  buttons?: readonly ButtonHandler[];
}

/** A message command as the router sees it: the interaction's `data` in, a reply out. */
export interface MessageCommand {
  readonly definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  readonly buttons: readonly ButtonHandler[];
  run(ctx: BotContext, data: APIMessageApplicationCommandInteractionData, lang: Lang): Reply;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What a message says: its content, then each embed's title and description. Safe on any input. */
export function messageText(message: unknown): string {
  if (typeof message !== 'object' || message === null) return '';
  const { content, embeds } = message as { content?: unknown; embeds?: unknown };
  const parts = [textOf(content)];
  for (const embed of Array.isArray(embeds) ? embeds : []) {
    if (typeof embed !== 'object' || embed === null) continue;
    const { title, description } = embed as { title?: unknown; description?: unknown };
    parts.push(textOf(title), textOf(description));
  }
  return parts.filter((part) => part.trim() !== '').join('\n\n');
}

/** A message command installable in guilds and by users, usable in guilds, the bot's DM and group DMs. */
export function defineMessageCommand(spec: MessageCommandSpec): MessageCommand {
  const definition: RESTPostAPIContextMenuApplicationCommandsJSONBody = {
    type: ApplicationCommandType.Message,
    name: spec.texts.name,
    name_localizations: { ko: spec.texts.ko },
    ...structuredClone(everywhere),
  };
  return {
    definition,
    buttons: spec.buttons ?? [],
    run(ctx, data, lang) {
      // The target is looked up by its id, never by position: a hand-made interaction may send others.
      const messages: unknown = data.resolved?.messages;
      const target =
        typeof messages === 'object' &&
        messages !== null &&
        typeof data.target_id === 'string' &&
        Object.hasOwn(messages, data.target_id)
          ? (messages as Record<string, unknown>)[data.target_id]
          : undefined;
      return spec.run(ctx, { text: messageText(target), lang });
    },
  };
}
