import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordAPIError, HTTPError } from 'discord.js';

/**
 * Sending one interaction answer (a callback, or a webhook call with the interaction's token) until it
 * arrives, within the time Discord still accepts it. @discordjs/rest waits out 429s itself, but its own
 * retries do not fit: it repeats a 5xx at once, so all four attempts land within a few milliseconds of
 * each other and of the same fault, and it does not repeat a call whose connection was cut mid-request
 * (undici's `other side closed`). So the REST client these calls go through has `retries: 0`
 * (`interactionRest`), and this retries 5xx answers and connection errors with a short backoff.
 */

/** How long calls for one interaction may keep trying, counted from when the interaction arrived. */
export interface RetryWindow {
  /** Discord refuses the call after this; no attempt is left running past it. */
  readonly closesAfterMs: number;
  /** No attempt starts after this, so the last one has time to land. */
  readonly lastStartMs: number;
  /** One attempt is cut after this long: a connection that hangs must not use up the window. */
  readonly attemptTimeoutMs: number;
  /** The pause before the first retry; it doubles with each further one, up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** Discord drops a first callback (answer or deferral) that arrives more than 3 s after the interaction. */
export const callbackWindow: RetryWindow = {
  closesAfterMs: 3000,
  lastStartMs: 2600,
  attemptTimeoutMs: 1000,
  firstDelayMs: 50,
  maxDelayMs: 400,
};

/** The interaction token works for webhook calls (edits, follow-ups) for 15 minutes. */
export const webhookWindow: RetryWindow = {
  closesAfterMs: 15 * 60_000,
  lastStartMs: 14 * 60_000,
  attemptTimeoutMs: 10_000,
  firstDelayMs: 100,
  maxDelayMs: 30_000,
};

export interface Retry {
  /** The attempt that failed, from 1. */
  attempt: number;
  delayMs: number;
  /** Why it is worth another try: `status 503`, a connection error code such as `UND_ERR_SOCKET`, or `timeout`. */
  reason: string;
}

export interface DeliverOptions {
  window: RetryWindow;
  /** `performance.now()` when the interaction arrived. */
  since: number;
  /**
   * Discord error codes that, answering a retry, mean an earlier attempt did arrive and only its answer
   * was lost: 40060 (already acknowledged) for a callback, 10008 (unknown message) for a deletion.
   */
  deliveredCodes?: readonly number[];
  onRetry(retry: Retry): void;
}

/** A call that did not get through; `cause` is the last attempt's error. */
export class DeliveryFailed extends Error {
  constructor(
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`, { cause });
  }
}

/** Errors of a connection that failed or was cut, from node:net and undici (also as a `cause`). */
const connectionErrorCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function errorCode(err: Error): string | undefined {
  for (const candidate of [err, err.cause]) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Why `err` is worth another attempt, or undefined when it is not (a 4xx: the request itself is wrong). */
export function retryReason(err: unknown): string | undefined {
  if (err instanceof HTTPError || err instanceof DiscordAPIError) {
    return err.status >= 500 ? `status ${err.status}` : undefined;
  }
  if (!(err instanceof Error)) return undefined;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return 'timeout';
  const code = errorCode(err);
  return code !== undefined && connectionErrorCodes.has(code) ? code : undefined;
}

/** Exponential, with jitter so that retries after a shared fault do not arrive together. */
function backoff(attempt: number, window: RetryWindow): number {
  const ceiling = Math.min(window.maxDelayMs, window.firstDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + Math.random() / 2));
}

/**
 * Runs `send` (given a signal that cuts the attempt) until it succeeds, and resolves with the number of
 * attempts. Rejects with `DeliveryFailed` on an error that is not worth repeating, or once the window
 * leaves no room for another attempt.
 */
export async function deliver(
  send: (signal: AbortSignal) => Promise<unknown>,
  { window, since, deliveredCodes = [], onRetry }: DeliverOptions,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const left = since + window.closesAfterMs - performance.now();
    try {
      await send(AbortSignal.timeout(Math.max(1, Math.ceil(Math.min(window.attemptTimeoutMs, left)))));
      return attempt;
    } catch (err) {
      if (attempt > 1 && err instanceof DiscordAPIError && deliveredCodes.includes(Number(err.code))) {
        return attempt;
      }
      const reason = retryReason(err);
      const delayMs = backoff(attempt, window);
      if (reason === undefined || performance.now() + delayMs - since > window.lastStartMs) {
        throw new DeliveryFailed(attempt, err);
      }
      onRetry({ attempt, delayMs, reason });
      await sleep(delayMs);
    }
  }
}

/** The log fields of a call that did not get through: how often it was tried, and the last error. */
export function failureFields(err: unknown, token: string) {
  return err instanceof DeliveryFailed
    ? { attempts: err.attempts, err: withoutToken(err.cause, token) }
    : { err: withoutToken(err, token) };
}

/**
 * REST errors carry the request URL and body; the URL holds the interaction token, a webhook credential
 * for 15 minutes, which has no place in logs.
 */
function withoutToken(err: unknown, token: string): unknown {
  if (!(err instanceof Error)) return err;
  const hide = (text: string) => text.replaceAll(token, '[token]');
  const { status, code, method, url } = err as Error & Record<string, unknown>;
  return {
    type: err.name,
    message: hide(err.message),
    status,
    code,
    method,
    url: typeof url === 'string' ? hide(url) : undefined,
    stack: err.stack === undefined ? undefined : hide(err.stack),
  };
}
