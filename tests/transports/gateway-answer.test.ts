import { setTimeout as sleep } from 'node:timers/promises';
import { REST } from 'discord.js';
import { type APIInteractionResponse, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { type Answer, createAnswerer, type InteractionHandler } from '../../src/transports/gateway/answer.ts';
import {
  autocomplete,
  buttonPress,
  chatInput,
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from '../fake-discord/index.ts';

/**
 * The answering path on its own: real @discordjs/rest against the fake Discord's REST API, without a
 * gateway (the fake keeps each interaction it is asked to dispatch, so its callback is accepted).
 */

let fake: FakeDiscord;
let rest: REST;
const logs: Record<string, unknown>[] = [];
const logger = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });

beforeAll(async () => {
  fake = await startFakeDiscord();
  rest = new REST({ api: fake.apiUrl }).setToken('test-token');
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

  it('logs a callback that fails for good and resolves all the same', async () => {
    fake.faults.restStatus(500, 4, { pathPrefix: '/interactions' });
    const interaction = fake.dispatchInteraction(chatInput('about'));
    await expect(answerer(() => message('lost'))(interaction)).resolves.toBeUndefined();
    const lines = logOf(interaction.id);
    expect(lines).toMatchObject([{ msg: 'interaction callback failed', level: 50, err: { status: 500 } }]);
    expect(JSON.stringify(lines)).toContain('/callback');
    expect(JSON.stringify(lines)).not.toContain(interaction.token);
  });

  it('logs a failed deferral, and the slow handler failing later raises no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      fake.faults.restStatus(500, 4, { pathPrefix: '/interactions' });
      const interaction = fake.dispatchInteraction(chatInput('about'));
      await answerer(async () => {
        await sleep(200);
        throw new Error('late failure');
      })(interaction);
      expect(logOf(interaction.id)).toMatchObject([{ msg: 'interaction deferral failed' }]);
      await sleep(300);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
