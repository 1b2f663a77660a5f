import { type RawFile, REST, RESTEvents } from 'discord.js';
import type { Logger } from '../logger.ts';
import type { AttachedFile } from '../render/message.ts';
import { webhookWindow } from './deliver.ts';

/**
 * A discord.js REST client. `apiUrl` points it at a REST proxy or the tests' fake Discord instead
 * of discord.com (discord.js's `api` option, without `/v10`). Without a token it can still use
 * the interaction webhook routes, which the interaction's own token authorises.
 */
export function restClient(token: string | undefined, apiUrl: string | undefined): REST {
  const rest = new REST(apiUrl ? { api: apiUrl } : {});
  return token === undefined ? rest : rest.setToken(token);
}

/**
 * The REST client interaction answers go through, in both transports. Callbacks and webhook calls
 * carry the interaction token in their URL, so it holds no bot token. It still waits out 429s (each
 * logged at debug, by route and never by URL, which holds the token), but its own `retries` are off:
 * `deliver` retries 5xx answers and cut connections with a backoff instead. `timeout` cuts an
 * attempt that hangs; a callback's attempts are cut sooner, by the signal `deliver` passes.
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

/** Pictures as discord.js REST uploads them: multipart parts `files[0]`, `files[1]`, ... */
export function uploads(files: readonly AttachedFile[]): RawFile[] {
  return files.map((file) => ({ name: file.name, data: file.data, contentType: 'image/png' }));
}
