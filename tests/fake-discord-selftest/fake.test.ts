import { Client, CloseCodes, Events, GatewayIntentBits, type Interaction, REST, Routes } from 'discord.js';
import {
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  GatewayCloseCodes,
  GatewayOpcodes,
  InteractionResponseType,
  RESTJSONErrorCodes,
} from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autocomplete,
  buttonPress,
  chatInput,
  type FakeDiscord,
  instantIdentify,
  shardOfGuild,
  startFakeDiscord,
} from '../fake-discord/index.ts';

const TOKEN = 'fake.bot.token';

let fake: FakeDiscord | null = null;
let client: Client | null = null;

afterEach(async () => {
  await client?.destroy();
  client = null;
  await fake?.close();
  fake = null;
});

/** A real discord.js client pointed at the fake exactly as production would be, bar `rest.api`. */
async function login(options: { shards?: number[]; shardCount?: number } = {}): Promise<Client> {
  if (!fake) throw new Error('start the fake first');
  const bot = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiUrl },
    ws: { buildIdentifyThrottler: instantIdentify },
    ...(options.shards
      ? { shards: options.shards, shardCount: options.shardCount ?? options.shards.length }
      : {}),
  });
  client = bot;
  const ready = new Promise<void>((resolve) => bot.once(Events.ClientReady, () => resolve()));
  await bot.login(TOKEN);
  await ready;
  return bot;
}

function replyWithName(bot: Client): void {
  bot.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!interaction.isChatInputCommand()) return;
    const name = interaction.options.getString('name') ?? '?';
    interaction
      .reply({ content: `hello ${name}`, allowedMentions: { parse: [] } })
      .catch((error: unknown) => bot.emit('error', error as Error));
  });
}

describe('fake Discord with the real discord.js client', () => {
  it('logs in, becomes ready, and records the reply to an interaction', async () => {
    fake = await startFakeDiscord();
    const bot = await login();
    replyWithName(bot);

    expect(bot.user?.id).toBe(fake.botUserId);
    expect(bot.application?.id).toBe(fake.applicationId);
    expect(bot.guilds.cache.has(fake.guilds[0] ?? '')).toBe(true);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gateway/bot']);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]?.shard).toEqual([0, 1]);

    const interaction = fake.dispatchInteraction(chatInput('defector', { name: 'thae' }));
    const callback = await fake.waitForCallback(interaction.id);
    expect(callback).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: expect.objectContaining({ content: 'hello thae', allowed_mentions: { parse: [] } }),
    });
    const request = fake.requests.find((r) => r.path.endsWith('/callback'));
    expect(request?.query).toEqual({ with_response: 'false' });
    expect(request?.headers.authorization).toBeUndefined();
    expect([...fake.messages.values()].map((m) => m.content)).toEqual(['hello thae']);
  });
});

describe('interactions in DMs', () => {
  it('delivers a DM interaction with a user and a DM channel, and the reply lands there', async () => {
    fake = await startFakeDiscord();
    const bot = await login();
    const seen: string[] = [];
    bot.on(Events.InteractionCreate, (interaction) => {
      seen.push(`${interaction.inGuild()} ${interaction.user.id} ${interaction.channelId}`);
      if (interaction.isChatInputCommand()) void interaction.reply({ content: 'dm' }).catch(() => {});
    });
    const interaction = fake.dispatchInteraction(chatInput('about'), { dm: true });
    await fake.waitForCallback(interaction.id);
    expect(seen).toEqual([`false ${fake.tester.id} ${interaction.channel?.id}`]);
    expect([...fake.messages.values()][0]).toMatchObject({
      channel_id: interaction.channel?.id,
      content: 'dm',
    });
  });
});

describe('gateway faults', () => {
  it('resumes after close 4000 and replays an interaction dispatched while disconnected', async () => {
    fake = await startFakeDiscord();
    const bot = await login();
    replyWithName(bot);
    const before = fake.readyCount();
    const sessionId = fake.sessions[0]?.sessionId;

    fake.faults.close(GatewayCloseCodes.UnknownError);
    await fake.waitUntil(() => fake?.sessions[0]?.connected === false, 'the socket to close');
    const missed = fake.dispatchInteraction(chatInput('defector', { name: 'missed' }));
    await fake.waitForReady(before + 1);

    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]?.sessionId).toBe(sessionId);
    expect(fake.sessions[0]?.resumedAt).toHaveLength(1);
    const resume = fake.frames.find((f) => f.direction === 'in' && f.op === GatewayOpcodes.Resume);
    expect(resume?.d).toMatchObject({ session_id: sessionId, token: '[redacted]' });
    expect((await fake.waitForCallback(missed.id)).data?.content).toBe('hello missed');
  });

  it('re-identifies with a new session after op 9 (not resumable)', async () => {
    fake = await startFakeDiscord();
    const bot = await login();
    replyWithName(bot);
    const before = fake.readyCount();

    fake.faults.invalidSession(false);
    await fake.waitForReady(before + 1);

    expect(fake.sessions).toHaveLength(2);
    expect(fake.sessions[0]?.invalidated).toBe(true);
    expect(fake.sessions[1]?.sessionId).not.toBe(fake.sessions[0]?.sessionId);
    const interaction = fake.dispatchInteraction(chatInput('defector', { name: 'again' }));
    expect((await fake.waitForCallback(interaction.id)).data?.content).toBe('hello again');
  });

  it('resumes on the same socket after a resumable op 9, and after op 7', async () => {
    fake = await startFakeDiscord();
    await login();
    fake.faults.invalidSession(true);
    await fake.waitForReady(2);
    expect(fake.disconnects).toEqual([]);
    fake.faults.reconnect();
    await fake.waitForReady(3);
    expect(fake.disconnects).toEqual([expect.objectContaining({ by: 'client', code: CloseCodes.Resuming })]);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]?.resumedAt).toHaveLength(2);
  });

  it('resumes after the TCP connection drops without a close frame', async () => {
    fake = await startFakeDiscord();
    await login();
    fake.faults.drop();
    await fake.waitForReady(2);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]?.resumedAt).toHaveLength(1);
  });

  it('makes the client give up on a zombie connection when heartbeats go unacknowledged', async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 200 });
    await login();
    fake.faults.stopHeartbeatAcks();
    await fake.waitForReady(2);
    expect(fake.sessions[0]?.resumedAt).toHaveLength(1);
    // @discordjs/ws's own "closing to resume" code, not one of Discord's.
    expect(fake.disconnects).toEqual([
      expect.objectContaining({ by: 'client', code: CloseCodes.Resuming, shard: 0 }),
    ]);
  });
});

describe('interaction responses through REST', () => {
  it('defers, edits @original (sent URL-encoded), follows up, fetches and deletes', async () => {
    fake = await startFakeDiscord();
    const bot = await login();
    const steps: string[] = [];
    bot.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      try {
        await interaction.deferReply();
        await interaction.editReply({ content: 'edited', allowedMentions: { parse: [] } });
        const follow = await interaction.followUp({ content: 'more', allowedMentions: { parse: [] } });
        steps.push(`follow-up ${follow.content}`);
        steps.push(`fetched ${(await interaction.fetchReply()).content}`);
        await interaction.deleteReply(follow);
        steps.push('done');
      } catch (error) {
        steps.push(`error ${String(error)}`);
      }
    });

    const interaction = fake.dispatchInteraction(chatInput('defector', { name: 'jo' }));
    await fake.waitUntil(() => steps.length >= 3, 'the handler to finish');
    expect(steps).toEqual(['follow-up more', 'fetched edited', 'done']);
    expect((await fake.waitForCallback(interaction.id)).type).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    );

    const edit = fake.requests.find((r) => r.method === 'PATCH');
    expect(edit?.rawPath).toBe(`/webhooks/${fake.applicationId}/${interaction.token}/messages/%40original`);
    expect(edit?.path).toBe(`/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`);
    expect(edit?.status).toBe(200);
    const remaining = [...fake.messages.values()];
    expect(remaining).toHaveLength(1);
    expect(remaining[0]).toMatchObject({ content: 'edited', flags: 0, author: { id: fake.botUserId } });
    expect(remaining[0]?.edited_timestamp).not.toBeNull();
  });

  it('answers autocomplete and updates the message a button sits on', async () => {
    fake = await startFakeDiscord();
    const bot = await login();
    bot.on(Events.InteractionCreate, (interaction) => {
      const answer = interaction.isAutocomplete()
        ? interaction.respond([{ name: `you typed ${interaction.options.getFocused()}`, value: 'x' }])
        : interaction.isChatInputCommand()
          ? interaction.reply({ content: 'page 1', components: [nextButton] })
          : interaction.isButton()
            ? interaction.update({ content: `pressed ${interaction.customId}`, components: [] })
            : null;
      answer?.catch((error: unknown) => bot.emit('error', error as Error));
    });

    const typing = fake.dispatchInteraction(autocomplete('defector', 'name', 'tha'));
    expect(await fake.waitForCallback(typing.id)).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'you typed tha', value: 'x' }] },
    });

    const command = fake.dispatchInteraction(chatInput('defector', { name: 'x' }));
    await fake.waitForCallback(command.id);
    const [shown] = [...fake.messages.values()];
    if (!shown) throw new Error('no message was created');
    expect(shown.components).toEqual([nextButton]);

    const press = fake.dispatchInteraction(buttonPress('page:2', shown));
    expect((await fake.waitForCallback(press.id)).type).toBe(InteractionResponseType.UpdateMessage);
    expect(fake.messages.get(shown.id)).toMatchObject({ content: 'pressed page:2', components: [] });
  });

  it('rejects what Discord would reject, with its error codes', async () => {
    fake = await startFakeDiscord();
    const bot = await login();
    const errors: unknown[] = [];
    bot.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'x'.repeat(2001) }).catch((error: unknown) => errors.push(error));
      await interaction.reply({ content: 'ok' });
      // discord.js refuses a second reply itself, so ask the API directly.
      await bot.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'twice' } },
          auth: false,
        })
        .catch((error: unknown) => errors.push(error));
    });
    fake.dispatchInteraction(chatInput('defector'));
    await fake.waitUntil(() => errors.length === 2, 'two rejected replies');
    expect(errors.map((e) => (e as { code: number }).code)).toEqual([
      RESTJSONErrorCodes.InvalidFormBodyOrContentType,
      RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
    ]);
  });
});

const nextButton = {
  type: ComponentType.ActionRow,
  components: [
    { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Next', custom_id: 'page:2' },
  ],
};

describe('REST faults and deploy routes', () => {
  it('answers 429 with Retry-After, and @discordjs/rest retries into success', async () => {
    fake = await startFakeDiscord();
    const bot = await login();
    replyWithName(bot);
    fake.faults.restStatus(429, 1, { retryAfterSec: 0.1, pathPrefix: '/interactions/' });
    const interaction = fake.dispatchInteraction(chatInput('defector', { name: 'later' }));
    expect((await fake.waitForCallback(interaction.id)).data?.content).toBe('hello later');
    const attempts = fake.requests.filter((r) => r.path.startsWith('/interactions/'));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    const [first, second] = attempts;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('answers 500 twice, then the bulk command overwrite succeeds and echoes ids', async () => {
    fake = await startFakeDiscord();
    const rest = new REST({ api: fake.apiUrl }).setToken(TOKEN);
    fake.faults.restStatus(500, 2);
    const body = [
      { name: 'defector', description: 'Look up a defector', type: ApplicationCommandType.ChatInput },
    ];
    const saved = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guilds[0] ?? ''), {
      body,
    })) as { id: string; name: string; guild_id: string }[];
    expect(saved).toEqual([
      expect.objectContaining({
        name: 'defector',
        application_id: fake.applicationId,
        guild_id: fake.guilds[0],
      }),
    ]);
    expect(saved[0]?.id).toMatch(/^\d+$/);
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(fake.requests[2]?.body).toEqual(body);
    expect(fake.commands.get(fake.guilds[0] ?? '')).toEqual(saved);
  });

  it('rejects invalid command definitions and unknown routes like Discord, and records them', async () => {
    fake = await startFakeDiscord();
    const rest = new REST({ api: fake.apiUrl }).setToken(TOKEN);
    const bad = rest.put(Routes.applicationCommands(fake.applicationId), {
      body: [{ name: 'Has Spaces', description: '' }],
    });
    await expect(bad).rejects.toMatchObject({
      status: 400,
      code: RESTJSONErrorCodes.InvalidFormBodyOrContentType,
    });
    await expect(rest.get(Routes.channel('1'))).rejects.toMatchObject({ status: 404 });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `PUT /applications/${fake.applicationId}/commands 400`,
      'GET /channels/1 404',
    ]);
  });
});

describe('sharding', () => {
  it('recommends shards for `auto`, splits guilds by (id >> 22) % count, routes interactions', async () => {
    const guilds = [guildOnShard(0, 2), guildOnShard(1, 2)];
    fake = await startFakeDiscord({ shardCount: 2, guilds });
    const bot = new Client({
      intents: [GatewayIntentBits.Guilds],
      shards: 'auto',
      rest: { api: fake.apiUrl },
      ws: { buildIdentifyThrottler: instantIdentify },
    });
    client = bot;
    const ready = new Promise<void>((resolve) => bot.once(Events.ClientReady, () => resolve()));
    await bot.login(TOKEN);
    await ready;
    const shardOf = new Map<string, number>();
    bot.on(Events.InteractionCreate, (interaction) => {
      shardOf.set(interaction.id, interaction.guild?.shardId ?? -1);
    });

    expect(fake.sessions.map((s) => s.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(bot.guilds.cache.map((g) => `${g.id}:${g.shardId}`).sort()).toEqual(
      [`${guilds[0]}:0`, `${guilds[1]}:1`].sort(),
    );
    const second = fake.dispatchInteraction(chatInput('defector'), { guildId: guilds[1] ?? '' });
    await fake.waitUntil(() => shardOf.has(second.id), 'the interaction on shard 1');
    expect(shardOf.get(second.id)).toBe(1);
    const frame = fake.frames.find((f) => f.t === 'INTERACTION_CREATE');
    expect(frame?.shard).toBe(1);
  });
});

function guildOnShard(shard: number, count: number): string {
  let id = 1_100_000_000_000_000_000n;
  while (shardOfGuild(id.toString(), count) !== shard) id += 1n << 22n;
  return id.toString();
}
