import { setTimeout as sleep } from 'node:timers/promises';
import type { REST } from 'discord.js';
import {
  type APIInteractionResponse,
  InteractionResponseType,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { callbackWindow } from '../../src/transports/deliver.ts';
import { type Answer, createAnswerer, type InteractionHandler } from '../../src/transports/gateway/answer.ts';
import { interactionRest } from '../../src/transports/rest.ts';
import {
  autocomplete,
  buttonPress,
  chatInput,
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from '../fake-discord/index.ts';

/**
 * The answering path on its own: real @discordjs/rest (the client the gateway answers through) against
 * the fake Discord's REST API, without a gateway (the fake keeps each interaction it is asked to
 * dispatch, so its callback is accepted).
 */

let fake: FakeDiscord;
let rest: REST;
const logs: Record<string, unknown>[] = [];
const logger = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });

beforeAll(async () => {
  fake = await startFakeDiscord();
  rest = interactionRest(fake.apiUrl, logger);
});
afterAll(async () => {
  await fake?.close();
});

const answerer = (handler: InteractionHandler): Answer =>
  createAnswerer({ rest, handler, logger, deferAfterMs: 50 });

const message = (content: string, flags = 0): APIInteractionResponse => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data: { content, ...(flags ? { flags } : {}) },
});

/** Webhook calls made with an interaction's token: edits, follow-ups, deletions. */
const requestsOf = (token: string) => (request: RecordedRequest) =>
  request.path.startsWith('/webhooks/') && request.path.includes(token);
const logOf = (interactionId: string) => logs.filter((line) => line.interactionId === interactionId);

describe('createAnswerer', () => {
  it('posts a synchronous answer as the callback, with mentions locked when the handler left them open', async () => {
    const interaction = fake.dispatchInteraction(chatInput('about'));
    await answerer(() => message('<@123> hello'))(interaction, 0);
    expect(await fake.waitForCallback(interaction.id)).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: '<@123> hello', allowed_mentions: { parse: [] } },
    });
    expect(logOf(interaction.id)).toMatchObject([
      {
        msg: 'interaction answered',
        command: '/about',
        shard: 0,
        responseType: InteractionResponseType.ChannelMessageWithSource,
        deferred: false,
        failed: false,
      },
    ]);
  });

  it('does not defer an asynchronous answer that arrives within the budget', async () => {
    const interaction = fake.dispatchInteraction(chatInput('about'));
    await answerer(async () => message('quick'))(interaction);
    expect((await fake.waitForCallback(interaction.id)).type).toBe(
      InteractionResponseType.ChannelMessageWithSource,
    );
    expect(fake.requests.filter(requestsOf(interaction.token))).toEqual([]);
  });

  it('defers a slow button press as type 6 and edits the message it sits on', async () => {
    const card = fake.dispatchInteraction(chatInput('about'));
    await answerer(() => message('page 1'))(card);
    const original = [...fake.messages.values()].at(-1);
    if (!original) throw new Error('no message');
    const press = fake.dispatchInteraction(buttonPress('page:2', original));
    await answerer(async () => {
      await sleep(150);
      return { type: InteractionResponseType.UpdateMessage, data: { content: 'page 2' } };
    })(press);
    expect((await fake.waitForCallback(press.id)).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    const edit = fake.requests.find(
      (request) => request.method === 'PATCH' && requestsOf(press.token)(request),
    );
    expect(edit?.path).toMatch(/\/messages\/@original$/);
    expect(fake.messages.get(original.id)?.content).toBe('page 2');
  });

  it('delivers a slow private answer as a private follow-up and removes the public placeholder', async () => {
    const interaction = fake.dispatchInteraction(chatInput('defector', { name: 'nobody' }));
    await answerer(async () => {
      await sleep(150);
      return message('No defector matches', MessageFlags.Ephemeral);
    })(interaction);
    expect((await fake.waitForCallback(interaction.id)).type).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    );
    const calls = fake.requests.filter(requestsOf(interaction.token)).map((request) => request.method);
    expect(calls).toEqual(['POST', 'DELETE']);
    expect(fake.requests.find(requestsOf(interaction.token))?.body).toMatchObject({
      flags: MessageFlags.Ephemeral,
    });
  });

  it('answers privately when a slow handler returns what cannot follow a deferral (a modal)', async () => {
    const interaction = fake.dispatchInteraction(chatInput('about'));
    await answerer(async () => {
      await sleep(150);
      return { type: InteractionResponseType.Modal, data: { custom_id: 'm', title: 'M', components: [] } };
    })(interaction);
    expect((await fake.waitForCallback(interaction.id)).type).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    );
    const followUp = fake.requests.find(
      (request) => request.method === 'POST' && requestsOf(interaction.token)(request),
    );
    expect(followUp?.body).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(logOf(interaction.id)).toMatchObject([
      { msg: 'interaction failed', err: { message: 'a type 9 response cannot follow a deferral' } },
      { msg: 'interaction answered', deferred: true, failed: true },
    ]);
  });

  it('never defers autocomplete, which Discord does not allow', async () => {
    const interaction = fake.dispatchInteraction(autocomplete('defector', 'name', 'th'));
    await answerer(async () => {
      await sleep(120);
      return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
    })(interaction);
    expect(await fake.waitForCallback(interaction.id)).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });

  it('answers a failing autocomplete with no choices, and a failing command with a private error', async () => {
    const fail: InteractionHandler = () => {
      throw new Error('boom');
    };
    const typing = fake.dispatchInteraction(autocomplete('defector', 'name', 'th'));
    await answerer(fail)(typing);
    expect(await fake.waitForCallback(typing.id)).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });

    const command = fake.dispatchInteraction(chatInput('about'));
    await answerer(fail)(command);
    const callback = await fake.waitForCallback(command.id);
    expect(callback).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    expect(callback.data.content).toMatch(/Something went wrong/);
    expect(logOf(command.id)).toMatchObject([
      { msg: 'interaction failed', level: 50, err: { message: 'boom' } },
      { msg: 'interaction answered', failed: true },
    ]);
  });

  it('logs a callback Discord refuses, without retrying it, and resolves all the same', async () => {
    // An interaction the fake never dispatched: 404 Unknown interaction, which no retry can change.
    const interaction = { ...fake.dispatchInteraction(chatInput('about')), id: '1' };
    await expect(answerer(() => message('lost'))(interaction)).resolves.toBeUndefined();
    const lines = logOf('1');
    expect(lines).toMatchObject([
      {
        msg: 'interaction callback failed',
        level: 50,
        attempts: 1,
        err: { status: 404, code: RESTJSONErrorCodes.UnknownInteraction },
      },
    ]);
    expect(JSON.stringify(lines)).toContain('/callback');
    expect(JSON.stringify(lines)).not.toContain(interaction.token);
  });

  it('retries 5xx answers and cut connections with a growing pause, and logs each retry without the token', async () => {
    const interaction = fake.dispatchInteraction(chatInput('about'));
    const pathPrefix = `/interactions/${interaction.id}/`;
    fake.faults.restStatus(500, 2, { pathPrefix });
    fake.faults.restDrop(1, { pathPrefix });
    await answerer(() => message('through'))(interaction);
    expect((await fake.waitForCallback(interaction.id)).data).toMatchObject({ content: 'through' });
    const attempts = fake.requests.filter((request) => request.path.startsWith(pathPrefix));
    expect(attempts.map((request) => request.status)).toEqual([500, 500, 0, 204]);
    const gaps = attempts.slice(1).map((request, index) => request.at - (attempts[index]?.at ?? 0));
    // 50, 100 and 200 ms, each with up to half taken off for jitter.
    gaps.forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual((callbackWindow.firstDelayMs * 2 ** index) / 2 - 1);
    });
    const retries = logOf(interaction.id).filter((line) => line.msg === 'interaction callback retry');
    expect(retries).toMatchObject([
      { level: 20, step: 'callback', attempt: 1, reason: 'status 500' },
      { level: 20, step: 'callback', attempt: 2, reason: 'status 500' },
      { level: 20, step: 'callback', attempt: 3, reason: 'UND_ERR_SOCKET' },
    ]);
    expect(logOf(interaction.id).at(-1)).toMatchObject({ msg: 'interaction answered' });
    expect(JSON.stringify(logOf(interaction.id))).not.toContain(interaction.token);
  });

  it('counts "already acknowledged" on a retry as delivered: the first attempt arrived, its answer did not', async () => {
    const interaction = fake.dispatchInteraction(chatInput('about'));
    fake.faults.restDrop(1, { pathPrefix: `/interactions/${interaction.id}/`, processed: true });
    await answerer(() => message('once'))(interaction);
    const attempts = fake.requests.filter((request) => request.path.includes(`/${interaction.id}/`));
    expect(attempts.map((request) => request.status)).toEqual([0, 400]);
    expect(logOf(interaction.id).map((line) => line.msg)).toEqual([
      'interaction callback retry',
      'interaction answered',
    ]);
    expect([...fake.messages.values()].filter((m) => m.content === 'once')).toHaveLength(1);
  });

  it('does not count "already acknowledged" on a first attempt as delivered', async () => {
    const interaction = fake.dispatchInteraction(chatInput('about'));
    await answerer(() => message('first'))(interaction);
    await answerer(() => message('second'))(interaction);
    expect(logOf(interaction.id)).toMatchObject([
      { msg: 'interaction answered' },
      {
        msg: 'interaction callback failed',
        attempts: 1,
        err: { code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged },
      },
    ]);
  });

  it('gives up on a callback that keeps failing before the 3 s Discord allows are over', async () => {
    const interaction = fake.dispatchInteraction(chatInput('about'));
    const pathPrefix = `/interactions/${interaction.id}/`;
    fake.faults.restStatus(500, 1000, { pathPrefix });
    const started = Date.now();
    await answerer(() => message('never'))(interaction);
    const attempts = fake.requests.filter((request) => request.path.startsWith(pathPrefix));
    expect(attempts.length).toBeGreaterThan(4);
    expect((attempts.at(-1)?.at ?? Number.POSITIVE_INFINITY) - started).toBeLessThan(
      callbackWindow.closesAfterMs,
    );
    expect(logOf(interaction.id).at(-1)).toMatchObject({
      msg: 'interaction callback failed',
      level: 50,
      attempts: attempts.length,
      err: { status: 500 },
    });
  });

  it('retries the edit of a deferred answer, and the removal of its placeholder, through faults', async () => {
    const interaction = fake.dispatchInteraction(chatInput('about'));
    const hook = `/webhooks/${fake.applicationId}/${interaction.token}`;
    fake.faults.restStatus(500, 1, { pathPrefix: `${hook}/messages/@original` });
    fake.faults.restDrop(1, { pathPrefix: `${hook}/messages/@original` });
    await answerer(async () => {
      await sleep(150);
      return message('edited late');
    })(interaction);
    const edits = fake.requests.filter(
      (request) => request.method === 'PATCH' && requestsOf(interaction.token)(request),
    );
    expect(edits.map((request) => request.status)).toEqual([500, 0, 200]);
    expect(logOf(interaction.id).at(-1)).toMatchObject({ msg: 'interaction answered', deferred: true });

    const missed = fake.dispatchInteraction(chatInput('defector', { name: 'nobody' }));
    const missedHook = `/webhooks/${fake.applicationId}/${missed.token}`;
    // The deletion took effect, but its answer was lost: the retry's 10008 means it is done.
    fake.faults.restDrop(1, { pathPrefix: `${missedHook}/messages/@original`, processed: true });
    await answerer(async () => {
      await sleep(150);
      return message('No defector matches', MessageFlags.Ephemeral);
    })(missed);
    const calls = fake.requests.filter(requestsOf(missed.token)).map((r) => `${r.method} ${r.status}`);
    expect(calls).toEqual(['POST 204', 'DELETE 0', 'DELETE 404']);
    expect(logOf(missed.id).at(-1)).toMatchObject({ msg: 'interaction answered', deferred: true });
  });

  it('logs a failed deferral, and the slow handler failing later raises no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const interaction = fake.dispatchInteraction(chatInput('about'));
      fake.faults.restStatus(500, 1000, { pathPrefix: `/interactions/${interaction.id}/` });
      await answerer(async () => {
        await sleep(200);
        throw new Error('late failure');
      })(interaction);
      expect(logOf(interaction.id).at(-1)).toMatchObject({
        msg: 'interaction deferral failed',
        err: { status: 500 },
      });
      await sleep(300);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
