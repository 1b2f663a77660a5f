import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIEmbed,
  type APIInteraction,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  messageCommandInteraction,
} from '../../src/cli/command-line.ts';

type Values = Record<string, string | number>;

function options(values: Values, focused?: string): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(values).map(([name, value]) =>
    typeof value === 'number'
      ? { name, type: ApplicationCommandOptionType.Integer, value }
      : {
          name,
          type: ApplicationCommandOptionType.String,
          value,
          ...(name === focused ? { focused: true } : {}),
        },
  );
}

/** A chat-input command as Discord sends it. */
export function slash(command: string, values: Values = {}, locale = 'en-US'): APIInteraction {
  return commandInteraction({ command, options: options(values) }, locale);
}

/** Typing in `focused`, the other options already filled. */
export function typing(command: string, values: Values, focused: string, locale = 'en-US'): APIInteraction {
  return autocompleteInteraction({ command, options: options(values, focused) }, locale);
}

export function press(customId: string, locale = 'en-US'): APIInteraction {
  return buttonInteraction(customId, locale);
}

/** "Look up defectors" used on a message with this content (and embeds). */
export function onMessage(content: string, locale = 'en-US', embeds: APIEmbed[] = []): APIInteraction {
  return messageCommandInteraction({ content, embeds }, locale);
}
