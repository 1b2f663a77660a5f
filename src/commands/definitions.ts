import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { about } from './about.ts';
import type { ButtonHandler } from './button.ts';
import type { Command } from './command.ts';
import { defector } from './defector.ts';
import { map } from './map.ts';
import { regimeResponse } from './regime-response.ts';
import { search } from './search.ts';
import { timeline } from './timeline.ts';
import { whyDefect } from './why-defect.ts';

/** Every command, by the name Discord sends in `data.name`. */
export const commands: ReadonlyMap<string, Command> = new Map(
  [defector, whyDefect, regimeResponse, timeline, search, map, about].map((command) => [
    command.definition.name,
    command,
  ]),
);

/** Every button any command draws, by the name that starts its custom_id. */
export const buttons: ReadonlyMap<string, ButtonHandler> = new Map(
  [...commands.values()].flatMap((command) =>
    command.buttons.map((button) => [button.name, button] as const),
  ),
);

/** What the deploy script registers with Discord. */
export const commandDefinitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  ...commands.values(),
].map((command) => command.definition);
