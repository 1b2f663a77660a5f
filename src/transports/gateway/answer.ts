import type { REST } from 'discord.js';
import {
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
  RESTJSONErrorCodes,
  Routes,
} from 'discord-api-types/v10';
import {
  describeInteraction,
  errorResponse,
  type InteractionSummary,
  logErrorsTo,
} from '../../interactions/errors.ts';
import type { Outgoing } from '../../interactions/respond.ts';
import type { Logger } from '../../logger.ts';
import type { AttachedFile } from '../../render/message.ts';
import { deferralFor } from '../deferral.ts';
import { callbackWindow, deliver, failureFields, type RetryWindow, webhookWindow } from '../deliver.ts';
import { uploads } from '../rest.ts';

/** A response, or a response with files (pictures) to upload alongside it. */
export type Handled = APIInteractionResponse | Outgoing;

/** The core, as a transport sees it. Asynchronous handlers are allowed so a slow answer can be deferred. */
export type InteractionHandler = (interaction: APIInteraction) => Handled | Promise<Handled>;

function outgoing(handled: Handled): Outgoing {
  return 'response' in handled ? handled : { response: handled, files: [] };
}

export interface AnswerOptions {
  /**
   * discord.js's REST client for interaction answers (`interactionRest`): its queue waits out 429s;
   * its own retries must be off, because 5xx answers and cut connections are retried here.
   */
  rest: REST;
  handler: InteractionHandler;
  logger: Logger;
  /**
   * How long an asynchronous handler may run before the interaction is deferred. Discord drops a first
   * callback that arrives after 3 s, so this leaves room for the round trip and a retry or two.
   */
  deferAfterMs: number;
}

export type Answer = (interaction: APIInteraction, shardId?: number) => Promise<void>;

const noMentions = { parse: [] };

/** Mentions stay locked on every message the bot sends, whatever the handler returned. */
function lockMentions(data: APIInteractionResponseCallbackData): APIInteractionResponseCallbackData {
  return data.allowed_mentions ? data : { ...data, allowed_mentions: noMentions };
}

function withLockedMentions(response: APIInteractionResponse): APIInteractionResponse {
  switch (response.type) {
    case InteractionResponseType.ChannelMessageWithSource:
      return { ...response, data: lockMentions(response.data) };
    case InteractionResponseType.UpdateMessage:
      return response.data ? { ...response, data: lockMentions(response.data) } : response;
    default:
      return response;
  }
}

/** The message a response carries; only a message or an update can follow a deferral. */
function messageData(response: APIInteractionResponse): APIInteractionResponseCallbackData {
  if (
    response.type === InteractionResponseType.ChannelMessageWithSource ||
    response.type === InteractionResponseType.UpdateMessage
  ) {
    return response.data ?? {};
  }
  throw new Error(`a type ${response.type} response cannot follow a deferral`);
}

const deferTimeout = Symbol('defer');

function delay(ms: number): { promise: Promise<typeof deferTimeout>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<typeof deferTimeout>((resolve) => {
    timer = setTimeout(resolve, ms, deferTimeout);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Builds the function that answers one interaction: runs the handler, sends its response as the
 * interaction callback (deferring first when an asynchronous handler is slow), and never rejects.
 */
export function createAnswerer({ rest, handler, logger, deferAfterMs }: AnswerOptions): Answer {
  /** One interaction being answered: what its log lines say, and when it arrived (its windows count from then). */
  interface Answering {
    interaction: APIInteraction;
    fields: InteractionSummary & { shard?: number };
    since: number;
  }

  /** Sends one call for the interaction, retrying within `window`; each retry gets a debug line. */
  const send = (
    { fields, since }: Answering,
    step: string,
    window: RetryWindow,
    call: (signal: AbortSignal) => Promise<unknown>,
    deliveredCodes?: readonly number[],
  ) =>
    deliver(call, {
      window,
      since,
      deliveredCodes,
      onRetry: (retry) => logger.debug({ ...fields, step, ...retry }, 'interaction callback retry'),
    });

  const callback = (
    answering: Answering,
    body: APIInteractionResponse,
    files: readonly AttachedFile[] = [],
  ) =>
    send(
      answering,
      'callback',
      callbackWindow,
      (signal) =>
        rest.post(Routes.interactionCallback(answering.interaction.id, answering.interaction.token), {
          body,
          auth: false,
          signal,
          ...(files.length > 0 ? { files: uploads(files) } : {}),
        }),
      // A retry answered "already acknowledged": an earlier attempt arrived, only its answer was lost.
      [RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged],
    );

  const original = (interaction: APIInteraction) =>
    Routes.webhookMessage(interaction.application_id, interaction.token, '@original');

  /** Delivers the final response of an interaction that was already acknowledged with `deferral`. */
  async function completeDeferred(
    answering: Answering,
    deferral: APIInteractionResponse,
    response: APIInteractionResponse,
    files: readonly AttachedFile[],
  ): Promise<void> {
    const { interaction } = answering;
    const data = lockMentions(messageData(response));
    const upload = files.length > 0 ? { files: uploads(files) } : {};
    const ephemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    const editsOriginal =
      deferral.type === InteractionResponseType.DeferredMessageUpdate
        ? response.type === InteractionResponseType.UpdateMessage
        : !ephemeral;
    if (editsOriginal) {
      await send(answering, 'edit', webhookWindow, (signal) =>
        rest.patch(original(interaction), { body: data, auth: false, signal, ...upload }),
      );
      return;
    }
    // A private answer cannot replace a public "thinking…" placeholder: send it on its own and drop the
    // placeholder. A follow-up whose answer was lost after Discord posted it is sent again: at worst the
    // user sees a private message twice, rather than none.
    await send(answering, 'follow-up', webhookWindow, (signal) =>
      rest.post(Routes.webhook(interaction.application_id, interaction.token), {
        body: data,
        auth: false,
        signal,
        ...upload,
      }),
    );
    if (deferral.type === InteractionResponseType.DeferredChannelMessageWithSource) {
      await send(
        answering,
        'delete',
        webhookWindow,
        (signal) => rest.delete(original(interaction), { auth: false, signal }),
        [RESTJSONErrorCodes.UnknownMessage],
      );
    }
  }

  /**
   * Runs the handler. An asynchronous handler that outlasts the budget gets the interaction deferred
   * first; `acknowledged.deferral` then records what was sent.
   */
  async function run(
    answering: Answering,
    acknowledged: { deferral?: APIInteractionResponse },
  ): Promise<Outgoing> {
    const { interaction } = answering;
    const result = handler(interaction);
    if (!(result instanceof Promise)) return outgoing(result);
    const deferral = deferralFor(interaction);
    if (!deferral) return outgoing(await result);
    const timer = delay(deferAfterMs);
    const first = await Promise.race([result, timer.promise]).finally(timer.cancel);
    if (first !== deferTimeout) return outgoing(first);
    // If the deferral fails, the handler's later rejection must not surface as an unhandled one.
    result.catch(() => {});
    try {
      await callback(answering, deferral);
    } catch (err) {
      throw new DeferralFailed(err);
    }
    acknowledged.deferral = deferral;
    const late = outgoing(await result);
    // Checked here so that anything but a message fails like a handler error, and the user hears back.
    messageData(late.response);
    return late;
  }

  return async function answer(interaction, shardId) {
    const answering: Answering = {
      interaction,
      fields: { ...describeInteraction(interaction), shard: shardId },
      since: performance.now(),
    };
    const { fields } = answering;
    const acknowledged: { deferral?: APIInteractionResponse } = {};
    let response: APIInteractionResponse;
    let files: readonly AttachedFile[] = [];
    let failed = false;
    try {
      const out = await run(answering, acknowledged);
      response = withLockedMentions(out.response);
      files = out.files;
    } catch (err) {
      if (err instanceof DeferralFailed) {
        logger.error(
          { ...fields, ...failureFields(err.cause, interaction.token) },
          'interaction deferral failed',
        );
        return;
      }
      logErrorsTo(logger)(err, fields);
      response = errorResponse(interaction);
      failed = true;
    }
    try {
      if (acknowledged.deferral) await completeDeferred(answering, acknowledged.deferral, response, files);
      else await callback(answering, response, files);
    } catch (err) {
      logger.error({ ...fields, ...failureFields(err, interaction.token) }, 'interaction callback failed');
      return;
    }
    logger.debug(
      {
        ...fields,
        responseType: response.type,
        deferred: acknowledged.deferral !== undefined,
        failed,
        latencyMs: Math.round((performance.now() - answering.since) * 100) / 100,
      },
      'interaction answered',
    );
  };
}

class DeferralFailed extends Error {
  constructor(cause: unknown) {
    super('deferring the interaction failed', { cause });
  }
}
