import { setTimeout as sleep } from 'node:timers/promises';
import {
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIInteractionResponse,
  ApplicationCommandOptionType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { z } from 'zod';
import type { BotContext } from '../../commands/context.ts';
import type { InteractionHandler } from './answer.ts';

/**
 * Test-only switches for the end-to-end tests, all behind `BOT_TEST_HOOKS=1`, which production never
 * sets. With it:
 * - extra commands reach the handler (they are never deployed, so real users cannot invoke them):
 *   `/test-throw` throws, and `/test-slow ms:<n> [fail:true]` answers (or throws) after n ms, so the
 *   error reply, deferral and the webhook edit can be exercised for real; `/test-memory` answers with
 *   the process's memory after a GC (when node runs with --expose-gc), for the e2e benchmark;
 * - identify throttling and the delay between spawning shards are off;
 * - `BOT_TEST_DEFER_MS` overrides how long a slow handler may run before the interaction is deferred.
 */
const testHooksSchema = z.object({
  BOT_TEST_HOOKS: z.literal('1'),
  BOT_TEST_DEFER_MS: z.coerce.number().int().min(0).max(2500).optional(),
});

export interface TestHooks {
  deferAfterMs?: number;
}

export function testHooksFromEnv(
  env: Record<string, string | undefined> = process.env,
): TestHooks | undefined {
  const parsed = testHooksSchema.safeParse(env);
  return parsed.success ? { deferAfterMs: parsed.data.BOT_TEST_DEFER_MS } : undefined;
}

function option(
  options: APIApplicationCommandInteractionDataOption[] | undefined,
  name: string,
): string | number | boolean | undefined {
  const found = options?.find((o) => o.name === name);
  if (!found) return undefined;
  switch (found.type) {
    case ApplicationCommandOptionType.String:
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
    case ApplicationCommandOptionType.Boolean:
      return found.value;
    default:
      return undefined;
  }
}

export interface MemoryReport {
  rss: number;
  heapUsed: number;
  /** C++ objects bound to JS, and the array buffers among them (sockets, HTTP bodies). */
  external: number;
  arrayBuffers: number;
  /** Whether a full GC ran first; without --expose-gc the numbers include garbage. */
  collected: boolean;
}

/** A private message whose content is a JSON `MemoryReport`. */
export function memoryReport(): APIInteractionResponse {
  const { gc } = globalThis as { gc?: () => void };
  gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const report: MemoryReport = { rss, heapUsed, external, arrayBuffers, collected: gc !== undefined };
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { content: JSON.stringify(report), flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
  };
}

/** Routes the test commands; everything else goes to `handler` untouched. */
export function withTestHooks(handler: InteractionHandler): InteractionHandler {
  return (interaction: APIInteraction) => {
    if (interaction.type !== InteractionType.ApplicationCommand) return handler(interaction);
    const { name } = interaction.data;
    if (name === 'test-throw') throw new Error('test hook: /test-throw failed on purpose');
    if (name === 'test-memory') return memoryReport();
    if (name !== 'test-slow') return handler(interaction);
    const options = 'options' in interaction.data ? interaction.data.options : undefined;
    const ms = Number(option(options, 'ms') ?? 0);
    const fail = option(options, 'fail') === true;
    return sleep(ms).then(() => {
      if (fail) throw new Error('test hook: /test-slow failed on purpose');
      return {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content: `slow answer after ${ms} ms`, allowed_mentions: { parse: [] } },
      };
    });
  };
}

/** What a `/search` for this text makes the search throw, so the core's error path runs for real. */
export const coreFaultQuery = 'test-core-fault';

/**
 * The context with a search that fails on `coreFaultQuery`: a fault inside the core (not in a
 * test command around it), for the test that the core's errors reach the log exactly once.
 */
export function withFaultyContext(context: BotContext): BotContext {
  const fail = (text: unknown) => {
    if (text === coreFaultQuery) throw new Error('test hook: the search failed on purpose');
  };
  const { search } = context;
  return {
    ...context,
    search: {
      ...search,
      searchAll: (query, limit) => {
        fail(query);
        return search.searchAll(query, limit);
      },
    },
  };
}
