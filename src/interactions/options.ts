import type { APIApplicationCommandInteractionDataOption } from 'discord-api-types/v10';
import type { OptionValues } from '../commands/command.ts';

export interface ReadOptions {
  values: OptionValues;
  /** The option the user is typing in, for autocomplete. */
  focused?: { name: string; text: string };
}

/**
 * The top-level option values of a chat-input command. These commands have no subcommands, so
 * anything that is not a plain name/value pair is ignored rather than trusted.
 */
export function readOptions(
  options: readonly APIApplicationCommandInteractionDataOption[] | undefined,
): ReadOptions {
  const values = new Map<string, string | number | boolean>();
  let focused: ReadOptions['focused'];
  for (const option of Array.isArray(options) ? options : []) {
    if (typeof option !== 'object' || option === null || typeof option.name !== 'string') continue;
    const value: unknown = 'value' in option ? option.value : undefined;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    values.set(option.name, value);
    if ('focused' in option && option.focused === true) focused = { name: option.name, text: String(value) };
  }
  return { values, focused };
}
