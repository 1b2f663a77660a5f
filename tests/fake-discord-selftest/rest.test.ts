import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionResponseType,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { chatInput, type FakeDiscord, startFakeDiscord } from '../fake-discord/index.ts';

/** The REST routes over plain fetch, for answers discord.js hides behind its own checks. */

let fake: FakeDiscord | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  if (!fake) throw new Error('start the fake first');
  const response = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const auth = { authorization: 'Bot t' };
const reply = InteractionResponseType.ChannelMessageWithSource;

describe('REST', () => {
  it('serves GET /gateway/bot only with a bot token', async () => {
    fake = await startFakeDiscord({ shardCount: 3 });
    expect(await call('GET', '/gateway/bot')).toMatchObject({ status: 401 });
    expect((await call('GET', '/gateway/bot', undefined, auth)).body).toEqual({
      url: fake.gatewayUrl,
      shards: 3,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 16 },
    });
    expect(fake.requests[1]?.headers.authorization).toBeUndefined();
  });

  it('knows only interactions it dispatched, and each one answers once', async () => {
    fake = await startFakeDiscord();
    expect(
      (await call('POST', '/interactions/1/x/callback', { type: reply, data: { content: 'a' } })).body,
    ).toEqual({
      message: 'Unknown interaction',
      code: RESTJSONErrorCodes.UnknownInteraction,
    });
    const interaction = fake.dispatchInteraction(chatInput('about'));
    const path = `/interactions/${interaction.id}/${interaction.token}/callback`;
    expect((await call('POST', path, { type: reply, data: {} })).body).toMatchObject({
      code: RESTJSONErrorCodes.CannotSendAnEmptyMessage,
    });
    const answered = await call('POST', `${path}?with_response=true`, {
      type: reply,
      data: { content: 'hi' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      interaction: { id: interaction.id, response_message_loading: false },
      resource: { type: reply, message: { content: 'hi', author: { id: fake.botUserId } } },
    });
    expect((await call('POST', path, { type: reply, data: { content: 'again' } })).body).toMatchObject({
      code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
    });
  });

  it('refuses a follow-up before the callback, then edits @original however it is spelled', async () => {
    fake = await startFakeDiscord();
    const interaction = fake.dispatchInteraction(chatInput('about'));
    const hook = `/webhooks/${fake.applicationId}/${interaction.token}`;
    expect((await call('POST', `${hook}?wait=true`, { content: 'early' })).body).toMatchObject({
      code: RESTJSONErrorCodes.UnknownWebhook,
    });
    expect((await call('GET', `${hook}/messages/@original`)).body).toMatchObject({
      code: RESTJSONErrorCodes.UnknownMessage,
    });

    await call('POST', `/interactions/${interaction.id}/${interaction.token}/callback`, {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    const loading = await call('GET', `${hook}/messages/%40original`);
    expect(loading.body).toMatchObject({ content: '', flags: MessageFlags.Ephemeral | MessageFlags.Loading });
    const edited = await call('PATCH', `${hook}/messages/@original`, {
      content: 'done',
      embeds: [{ title: 't' }],
    });
    expect(edited.body).toMatchObject({
      id: loading.body.id,
      content: 'done',
      flags: MessageFlags.Ephemeral,
      embeds: [{ title: 't' }],
    });
    const tooBig = { embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] };
    expect((await call('PATCH', `${hook}/messages/@original`, tooBig)).body).toMatchObject({
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      errors: { embeds: 'Embed size exceeds maximum size of 6000' },
    });

    const follow = await call('POST', `${hook}?wait=true`, { content: 'more' });
    expect(follow.body).toMatchObject({ content: 'more', channel_id: fake.channelOf(fake.guilds[0] ?? '') });
    expect((await call('DELETE', `${hook}/messages/${follow.body.id}`)).status).toBe(204);
    expect([...fake.messages.values()].map((m) => m.content)).toEqual(['done']);
  });

  it('parses payload_json and the file parts out of a multipart body', async () => {
    fake = await startFakeDiscord();
    const interaction = fake.dispatchInteraction(chatInput('about'));
    const form = new FormData();
    const data = { content: 'with a file', attachments: [{ id: 0, filename: 'a.txt' }] };
    form.set('payload_json', JSON.stringify({ type: reply, data }));
    form.set('files[0]', new Blob(['hello']), 'a.txt');
    const response = await fetch(
      `${fake.apiUrl}/v10/interactions/${interaction.id}/${interaction.token}/callback`,
      {
        method: 'POST',
        body: form,
      },
    );
    expect(response.status).toBe(204);
    expect(fake.requests[0]?.body).toEqual({ type: reply, data });
    expect(fake.requests[0]?.files).toMatchObject([{ field: 'files[0]', filename: 'a.txt' }]);
    expect(fake.requests[0]?.files[0]?.data.toString()).toBe('hello');
  });

  it('refuses an upload whose parts and attachments disagree, or a .png that is not a PNG', async () => {
    const started = await startFakeDiscord();
    fake = started;
    const post = async (attachments: unknown[], parts: [string, string, string][]) => {
      const interaction = started.dispatchInteraction(chatInput('about'));
      const form = new FormData();
      form.set('payload_json', JSON.stringify({ type: reply, data: { content: 'x', attachments } }));
      for (const [field, content, name] of parts) form.set(field, new Blob([content]), name);
      const url = `${started.apiUrl}/v10/interactions/${interaction.id}/${interaction.token}/callback`;
      return (await fetch(url, { method: 'POST', body: form })).status;
    };
    expect(await post([{ id: 1, filename: 'a.png' }], [['files[0]', 'x', 'a.png']])).toBe(400);
    expect(await post([], [['files[0]', 'x', 'a.txt']])).toBe(400);
    expect(await post([{ id: 0, filename: 'a.png' }], [['files[0]', 'not a png', 'a.png']])).toBe(400);
  });

  it('checks command definitions as Discord does: chat input strictly, context menus by length', async () => {
    fake = await startFakeDiscord();
    const commands = `/applications/${fake.applicationId}/commands`;
    const good = [
      {
        name: 'defector',
        description: 'Look up',
        options: [{ type: ApplicationCommandOptionType.String, name: 'name', description: 'Who' }],
      },
      { name: 'Look Up Defector', type: ApplicationCommandType.Message },
    ];
    const saved = await call('PUT', commands, good, auth);
    expect(saved.status).toBe(200);
    expect(saved.body.map((c: { name: string; type: number }) => `${c.type} ${c.name}`)).toEqual([
      `${ApplicationCommandType.ChatInput} defector`,
      `${ApplicationCommandType.Message} Look Up Defector`,
    ]);
    expect((await call('GET', commands, undefined, auth)).body).toEqual(saved.body);
    const bad = [
      {
        name: 'defector',
        description: 'd',
        options: [{ type: ApplicationCommandOptionType.String, name: 'Name', description: '' }],
      },
    ];
    expect((await call('PUT', commands, bad, auth)).body).toMatchObject({
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      errors: { '0.options.0.name': 'Invalid command name', '0.options.0.description': expect.any(String) },
    });
    expect((await call('PUT', `/applications/999/commands`, good, auth)).status).toBe(404);
  });

  it('answers 429 with Retry-After and a Discord body', async () => {
    fake = await startFakeDiscord();
    fake.faults.restStatus(429, 1, { retryAfterSec: 1.5, pathPrefix: '/gateway' });
    const limited = await call('GET', '/gateway/bot', undefined, auth);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1.5');
    expect(limited.body).toEqual({ message: 'You are being rate limited.', retry_after: 1.5, global: false });
    expect((await call('GET', '/gateway/bot', undefined, auth)).status).toBe(200);
  });

  it('drops the connection of a chosen call, before or after it takes effect, in the order injected', async () => {
    fake = await startFakeDiscord();
    const [chosen, other] = [
      fake.dispatchInteraction(chatInput('about')),
      fake.dispatchInteraction(chatInput('about')),
    ];
    const callbackOf = (interaction: typeof chosen) =>
      `/interactions/${interaction.id}/${interaction.token}/callback`;
    const body = { type: reply, data: { content: 'hi' } };
    fake.faults.restDrop(1, { pathPrefix: `/interactions/${chosen.id}/` });
    fake.faults.restDrop(1, { pathPrefix: `/interactions/${chosen.id}/`, processed: true });

    expect((await call('POST', callbackOf(other), body)).status).toBe(204);
    await expect(call('POST', callbackOf(chosen), body)).rejects.toMatchObject({
      cause: { message: 'other side closed' },
    });
    expect(fake.requests.at(-1)).toMatchObject({ status: 0, dropped: 'unprocessed' });
    await expect(call('POST', callbackOf(chosen), body)).rejects.toThrow();
    expect(fake.requests.at(-1)).toMatchObject({ status: 0, dropped: 'processed' });
    expect((await fake.waitForCallback(chosen.id)).data).toEqual({ content: 'hi' });
    expect((await call('POST', callbackOf(chosen), body)).body).toMatchObject({
      code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
    });
  });
});
