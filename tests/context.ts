import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import type { BotContext } from '../src/commands/context.ts';
import { respond } from '../src/interactions/respond.ts';
import { loadBotContext } from '../src/startup/context.ts';

/**
 * The shipped data, loaded once per test file (ES modules are evaluated once per worker), for
 * every test that asks the core something.
 */
export const ctx: BotContext = await loadBotContext();

/**
 * The core's answer to a well-formed interaction. The core turns any error into a valid generic
 * reply, so a test that only checked the reply would pass with a broken core: an error the core
 * reports fails the test here.
 */
export function answer(interaction: APIInteraction, context: BotContext = ctx): APIInteractionResponse {
  const errors: unknown[] = [];
  const response = respond(interaction, context, (error) => errors.push(error));
  if (errors.length > 0)
    throw new Error(`the core reported an error: ${String(errors[0])}`, { cause: errors[0] });
  return response;
}
