import { REST, RESTEvents } from 'discord.js';
import type { Logger } from '../../logger.ts';
import { webhookWindow } from './deliver.ts';

/**
 * A discord.js REST client for the bot's token. `apiUrl` points it at a REST proxy or the tests'
 * fake Discord instead of discord.com (discord.js's `api` option, without `/v10`).
 */
export function restClient(token: string, apiUrl: string | undefined): REST {
  return new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
}

/**
 * The REST client interaction answers go through. Callbacks and webhook calls carry the interaction
 * token in their URL, so it holds no bot token. It still waits out 429s (each logged at debug, by route
 * and never by URL, which holds the token), but its own `retries` are off: `deliver` retries 5xx answers
 * and cut connections with a backoff instead. `timeout` cuts an attempt that hangs; a callback's attempts
 * are cut sooner, by the signal `deliver` passes.
 */
export function interactionRest(apiUrl: string | undefined, logger: Logger): REST {
  const rest = new REST({
    ...(apiUrl ? { api: apiUrl } : {}),
    retries: 0,
    timeout: webhookWindow.attemptTimeoutMs,
  });
  rest.on(RESTEvents.RateLimited, ({ route, method, retryAfter, global, scope }) =>
    logger.debug(
      { route, method, retryAfterMs: retryAfter, global, scope },
      'interaction answer rate limited',
    ),
  );
  return rest;
}
