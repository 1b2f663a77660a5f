import {
  type APIInteraction,
  type APIMessage,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreFaultQuery } from '../../src/transports/gateway/test-hooks.ts';
import { answer } from '../context.ts';
import {
  autocomplete,
  buttonPress,
  chatInput,
  type FakeDiscord,
  messageCommand,
  type RecordedRequest,
  startFakeDiscord,
} from '../fake-discord/index.ts';
import { pngHeader } from '../pictures/png.ts';
import { type BotProcess, isReady, startBot } from './bot-process.ts';

/**
 * The real entry point (`src/main.ts`) against the fake Discord: every answer must be exactly what the
 * core returns for the interaction the fake delivered, so the transport neither loses nor alters it.
 */

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await startFakeDiscord();
  bot = startBot(fake.apiUrl, { BOT_TEST_DEFER_MS: '100' });
  await bot.waitForLog(isReady, 15_000);
});

afterAll(async () => {
  await bot?.kill();
  await fake?.close();
});

function messageOf(interactionId: string): APIMessage {
  const found = [...fake.messages.values()].find(
    (message) =>
      message.interaction_metadata?.id === interactionId ||
      (message as { interaction?: { id: string } }).interaction?.id === interactionId,
  );
  if (!found) throw new Error(`no message from interaction ${interactionId}`);
  return found;
}

const requestsFor = (interaction: APIInteraction) => (request: RecordedRequest) =>
  request.path.includes(interaction.token) || request.path.includes(`/interactions/${interaction.id}/`);

describe('gateway transport, end to end', () => {
  it('uploads a picture with the callback: multipart, the PNG as files[0], listed in attachments', async () => {
    const interaction = fake.dispatchInteraction(chatInput('timeline', { person: 'thae yong ho' }));
    const callback = await fake.waitForCallback(interaction.id);
    expect(callback.type).toBe(4);
    expect(callback).toEqual(answer(interaction));
    const request = await fake.waitForRequest((r) =>
      r.path.endsWith(`/${interaction.id}/${interaction.token}/callback`),
    );
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(request.status).toBe(204);
    expect(request.files.map((file) => [file.field, file.filename, file.contentType])).toEqual([
      ['files[0]', 'timeline.png', 'image/png'],
    ]);
    expect(pngHeader(request.files[0]?.data as Buffer).width).toBe(900);
    expect(callback.data.embeds[0].image).toEqual({ url: 'attachment://timeline.png' });
  });

  it('answers /defector with the card as a type 4 callback, exactly as the core built it', async () => {
    const interaction = fake.dispatchInteraction(chatInput('defector', { name: 'thae yong ho' }));
    const callback = await fake.waitForCallback(interaction.id);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback).toEqual(answer(interaction));
    expect(callback.data.embeds[0].title).toMatch(/Thae Yong-ho/);
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    const log = await bot.waitForLog((line) => line.interactionId === interaction.id);
    expect(log).toMatchObject({
      msg: 'interaction answered',
      command: '/defector',
      responseType: InteractionResponseType.ChannelMessageWithSource,
    });
    expect(log.latencyMs).toEqual(expect.any(Number));
  });

  it('answers autocomplete with a type 8 list of choices', async () => {
    const interaction = fake.dispatchInteraction(autocomplete('defector', 'name', 'jo'));
    const callback = await fake.waitForCallback(interaction.id);
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(callback.data.choices.length).toBeGreaterThan(0);
    expect(callback).toEqual(answer(interaction));
  });

  it('answers a button press on its own card with a type 7 update', async () => {
    const command = fake.dispatchInteraction(chatInput('defector', { name: 'jo song gil' }));
    await fake.waitForCallback(command.id);
    const card = messageOf(command.id);
    const row = card.components?.[0] as { components?: { custom_id?: string }[] } | undefined;
    const customId = row?.components?.[0]?.custom_id;
    expect(customId).toBeTruthy();
    const press = fake.dispatchInteraction(buttonPress(customId ?? '', card));
    const callback = await fake.waitForCallback(press.id);
    expect(callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(callback).toEqual(answer(press));
  });

  it('answers the message command privately with what the message mentions, its buttons opening cards', async () => {
    const command = fake.dispatchInteraction(
      messageCommand('Look up defectors', fake.tester, "Thae's memoir and Jo Song-gil's escape"),
    );
    const callback = await fake.waitForCallback(command.id);
    expect(callback).toEqual(answer(command));
    expect(callback).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    const ids = callback.data.components.flatMap((row: { components: { custom_id: string }[] }) =>
      row.components.map((button) => button.custom_id),
    );
    expect(ids).toEqual(['defector:thae-yong-ho', 'defector:jo-song-gil']);
    const press = fake.dispatchInteraction(buttonPress(ids[0] ?? '', messageOf(command.id)));
    const card = await fake.waitForCallback(press.id);
    expect(card.type).toBe(7);
    expect(card).toEqual(answer(press));
  });

  it('defers a slow answer (type 5) and delivers it by editing @original through the webhook route', async () => {
    const interaction = fake.dispatchInteraction(chatInput('test-slow', { ms: 400 }));
    const callback = await fake.waitForCallback(interaction.id);
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await fake.waitForRequest(
      (request) =>
        request.method === 'PATCH' && request.path.endsWith(`${interaction.token}/messages/@original`),
    );
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: 'slow answer after 400 ms', allowed_mentions: { parse: [] } });
    expect(messageOf(interaction.id).content).toBe('slow answer after 400 ms');
  });

  it('answers a handler that throws with a private error, logs it with the interaction id, and lives on', async () => {
    const interaction = fake.dispatchInteraction({ ...chatInput('test-throw'), locale: 'ko' });
    const callback = await fake.waitForCallback(interaction.id);
    expect(callback).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    expect(callback.data.content).toContain('문제가');
    const log = await bot.waitForLog((line) => line.msg === 'interaction failed');
    expect(log).toMatchObject({ interactionId: interaction.id, level: 50 });

    const next = fake.dispatchInteraction(chatInput('about'));
    expect((await fake.waitForCallback(next.id)).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(bot.child.exitCode).toBeNull();
  });

  it('logs an error inside the core exactly once, with the command and interaction id, never the token', async () => {
    const interaction = fake.dispatchInteraction(chatInput('search', { query: coreFaultQuery }));
    const callback = await fake.waitForCallback(interaction.id);
    expect(callback).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    const log = await bot.waitForLog((line) => line.interactionId === interaction.id && line.level === 50);
    expect(log).toMatchObject({ msg: 'interaction failed', command: '/search', kind: 'ApplicationCommand' });
    expect(log.err).toMatchObject({ message: 'test hook: the search failed on purpose' });
    // The answer's debug line comes after the error line: once it is there, every line about this
    // interaction is, and exactly one of them is an error.
    await bot.waitForLog(
      (line) => line.interactionId === interaction.id && line.msg === 'interaction answered',
    );
    const lines = bot.logs.filter((line) => line.interactionId === interaction.id);
    expect(lines.filter((line) => (line.level as number) >= 50)).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain(interaction.token);
  });

  it('after a deferral, a failing handler gets a private follow-up and the placeholder is removed', async () => {
    const interaction = fake.dispatchInteraction(chatInput('test-slow', { ms: 300, fail: true }));
    expect((await fake.waitForCallback(interaction.id)).type).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    );
    const followUp = await fake.waitForRequest(
      (request) =>
        request.method === 'POST' &&
        request.path.endsWith(`/webhooks/${fake.applicationId}/${interaction.token}`),
    );
    expect(followUp.body).toMatchObject({ flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
    const removed = await fake.waitForRequest(
      (request) =>
        request.method === 'DELETE' && request.path.endsWith(`${interaction.token}/messages/@original`),
    );
    expect(removed.status).toBe(204);
  });

  it('retries a callback answered 429 and delivers it', async () => {
    fake.faults.restStatus(429, 1, { retryAfterSec: 0.05, pathPrefix: '/interactions' });
    const interaction = fake.dispatchInteraction(chatInput('defector', { name: 'ko young hwan' }));
    const callback = await fake.waitForCallback(interaction.id);
    expect(callback).toEqual(answer(interaction));
    const attempts = fake.requests.filter(requestsFor(interaction)).map((request) => request.status);
    expect(attempts).toEqual([429, 204]);
  });

  it('logs a callback that keeps failing with 500 once its 3 s are over, and still answers the next interaction', async () => {
    const failing = fake.dispatchInteraction(chatInput('about'));
    fake.faults.restStatus(500, 1000, { pathPrefix: `/interactions/${failing.id}/` });
    const log = await bot.waitForLog(
      (line) => line.msg === 'interaction callback failed' && line.interactionId === failing.id,
    );
    expect(log.level).toBe(50);
    expect(JSON.stringify(log)).not.toContain(failing.token);
    const attempts = fake.requests.filter(requestsFor(failing));
    expect(attempts.every((request) => request.status === 500)).toBe(true);
    // More than @discordjs/rest's four, spread over the window instead of within milliseconds.
    expect(log.attempts).toBe(attempts.length);
    expect(attempts.length).toBeGreaterThan(4);
    const span = (attempts.at(-1)?.at ?? 0) - (attempts[0]?.at ?? 0);
    expect(span).toBeGreaterThan(1000);
    expect(span).toBeLessThan(3000);

    const next = fake.dispatchInteraction(chatInput('defector', { name: 'hyon song il' }));
    expect(await fake.waitForCallback(next.id)).toEqual(answer(next));
  });

  it('answers an interaction without data with the private error reply, and no unhandled rejection', async () => {
    const kinds = [chatInput('defector', { name: 'thae' }), autocomplete('defector', 'name', 'th')];
    const malformed = kinds.flatMap((partial) => [
      { ...partial, data: undefined },
      { ...partial, data: null },
    ]);
    const [card] = [...fake.messages.values()];
    if (card) malformed.push({ ...buttonPress('timeline:2:', card), data: null });
    const sent = malformed.map((partial) => fake.dispatchInteraction(partial));
    for (const interaction of sent) {
      const callback = await fake.waitForCallback(interaction.id);
      if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
        expect(callback).toEqual({
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: [] },
        });
      } else {
        expect(callback).toMatchObject({
          type: InteractionResponseType.ChannelMessageWithSource,
          data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
        });
      }
    }
    const next = fake.dispatchInteraction(chatInput('about'));
    expect(await fake.waitForCallback(next.id)).toEqual(answer(next));
    const problems = bot.logs.filter(
      (line) =>
        line.msg === 'unhandled promise rejection' ||
        line.msg === 'uncaught exception' ||
        line.msg === 'discord.js error',
    );
    expect(problems).toEqual([]);
    expect(bot.stderr()).toBe('');
    expect(bot.child.exitCode).toBeNull();
  });

  it('never writes the token to its logs', () => {
    expect(JSON.stringify(bot.logs)).not.toContain('test-token');
    expect(bot.stderr()).not.toContain('test-token');
  });
});
